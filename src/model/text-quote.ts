/** A span of text by UTF-16 offsets. */
export interface TextRange {
  start: number;
  end: number;
}

/** Length of the common suffix of `a` and `b` (how well a prefix context fits). */
export function commonSuffixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n += 1;
  return n;
}

export function commonPrefixLength(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n += 1;
  return n;
}

/**
 * Finds `quote` in `text`. Without context, the first occurrence. With a
 * prefix and/or suffix, the occurrence whose surrounding text fits them best
 * (longest agreement); ties go to the earlier one.
 */
export function findQuote(text: string, quote: string, prefix?: string, suffix?: string): TextRange | undefined {
  if (!quote) return undefined;
  let best: TextRange | undefined;
  let bestScore = -1;
  for (let start = text.indexOf(quote); start !== -1; start = text.indexOf(quote, start + 1)) {
    const end = start + quote.length;
    if (!prefix && !suffix) return { start, end };
    const score =
      (prefix ? commonSuffixLength(text.slice(Math.max(0, start - prefix.length), start), prefix) : 0) +
      (suffix ? commonPrefixLength(text.slice(end, end + suffix.length), suffix) : 0);
    if (score > bestScore) {
      best = { start, end };
      bestScore = score;
    }
  }
  return best;
}
