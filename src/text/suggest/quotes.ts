/* Quotations. */
import type { SentenceRange } from '../sentences.js';
import { LETTER_OR_DIGIT } from './tokens.js';

type QuoteKind = 'double' | 'guillemet' | 'single';

/**
 * The paragraph text[from, to) with everything inside quotation marks blanked
 * (same length, marks kept), and for each sentence whether it ends inside a
 * quotation. Straight double quotes toggle; single quotes count only at word
 * edges, so apostrophes ("Kim's", "players' union") are left alone.
 */
export function maskQuotes(
  text: string,
  from: number,
  to: number,
  sentences: SentenceRange[],
): { masked: string; endsInQuote: boolean[] } {
  const chars: string[] = [];
  const endsInQuote: boolean[] = [];
  let open: QuoteKind | undefined;
  let next = 0;
  for (let i = from; i < to; i++) {
    while (next < sentences.length && sentences[next].end <= i) endsInQuote[next++] = open !== undefined;
    const ch = text[i];
    const prev = i > from ? text[i - 1] : ' ';
    const after = i + 1 < to ? text[i + 1] : ' ';
    let keep = open === undefined;
    if (open === undefined) {
      if (ch === '"' || ch === '“' || ch === '„') open = 'double';
      else if (ch === '«') open = 'guillemet';
      else if ((ch === "'" || ch === '‘') && !LETTER_OR_DIGIT.test(prev) && after.trim() !== '') open = 'single';
    } else if (
      (open === 'double' && (ch === '"' || ch === '”')) ||
      (open === 'guillemet' && ch === '»') ||
      (open === 'single' && (ch === "'" || ch === '’') && prev.trim() !== '' && !LETTER_OR_DIGIT.test(after))
    ) {
      open = undefined;
      keep = true;
    }
    chars.push(keep ? ch : ' ');
  }
  while (next < sentences.length) endsInQuote[next++] = open !== undefined;
  return { masked: chars.join(''), endsInQuote };
}
