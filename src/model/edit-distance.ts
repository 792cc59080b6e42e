/** Bit masks of where each code unit occurs in the short string being compared; cleared after each use. */
const PEQ = new Int32Array(0x10000);

/**
 * Levenshtein distance when `a` has at most 32 code units: Myers'
 * bit-parallel algorithm (in Hyyrö's form for whole strings), one column of
 * the table per machine word, O(|b|) time.
 */
function shortEditDistance(a: string, b: string): number {
  const m = a.length;
  for (let i = 0; i < m; i++) PEQ[a.charCodeAt(i)] |= 1 << i;
  const last = 1 << (m - 1);
  let pv = -1;
  let mv = 0;
  let score = m;
  for (let j = 0; j < b.length; j++) {
    const eq = PEQ[b.charCodeAt(j)];
    const xv = eq | mv;
    const xh = (((eq & pv) + pv) ^ pv) | eq;
    let ph = mv | ~(xh | pv);
    let mh = pv & xh;
    if (ph & last) score += 1;
    else if (mh & last) score -= 1;
    ph = (ph << 1) | 1;
    mh <<= 1;
    pv = mh | ~(xv | ph);
    mv = ph & xv;
  }
  for (let i = 0; i < m; i++) PEQ[a.charCodeAt(i)] = 0;
  return score;
}

/**
 * Levenshtein distance between `a` and `b` (insertions, deletions and
 * substitutions of UTF-16 code units): bit-parallel when either has at most
 * 32 code units (as a quote's context does), else in O(|a|·|b|) time and
 * O(|b|) memory.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (!a.length) return b.length;
  if (!b.length) return a.length;
  if (a.length <= 32) return shortEditDistance(a, b);
  if (b.length <= 32) return shortEditDistance(b, a);
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1] + (code === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j] + 1, current[j - 1] + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}

/** 1 for equal strings, 0 for strings with nothing in common: one minus the edit distance over the longer length. */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - editDistance(a, b) / longer;
}
