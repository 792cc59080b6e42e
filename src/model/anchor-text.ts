/**
 * Text questions re-anchoring asks: folding look-alike characters, word and
 * sentence edges, and where a quote's words occur.
 */

/** Characters that editing tools swap for one another, each folded to one ASCII character so offsets stay put. */
const FOLDS: Readonly<Record<string, string>> = {
  '\u2018': "'",
  '\u2019': "'",
  '\u201a': "'",
  '\u2032': "'",
  '\u201c': '"',
  '\u201d': '"',
  '\u201e': '"',
  '\u2033': '"',
  '\u00a0': ' ',
  '\u2007': ' ',
  '\u2009': ' ',
  '\u202f': ' ',
  '\u2010': '-',
  '\u2011': '-',
  '\u2013': '-',
};
const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'gu');

/** `text` with curly quotes, apostrophes, no-break spaces and hyphen variants made plain; same length. */
export function fold(text: string): string {
  return text.replace(FOLDABLE, (c) => FOLDS[c]);
}

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
/**
 * What may be trimmed off a match's edge: space and sentence punctuation, never a bracket or a quotation mark of a
 * word.
 */
export const SPACE_OR_PUNCTUATION = /[\s.,;:!?…]/u;
/** Ideographic scripts write words without spaces: each character is looked up on its own. */
export const WORDS =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}])+/gu;
/** The end of a sentence and the space after it: a full stop (or ! ? …), closing quotes or brackets, white space. */
export const SENTENCE_BREAK = /[.!?…]["'”’»)\]]*\s+/u;
export const SENTENCE_BREAKS = new RegExp(SENTENCE_BREAK.source, 'gu');
export const ENDS_SENTENCE = /[.!?…]["'”’»)\]]*$/u;
export const BEFORE_SENTENCE = /(?:^|\n|[.!?…]["'”’»)\]]*\s+)$/u;

/** The character (code point) just before `offset`, '' at the start. */
export function before(text: string, offset: number): string {
  if (offset <= 0) return '';
  const low = text.charCodeAt(offset - 1);
  return low >= 0xdc00 && low <= 0xdfff && offset >= 2 ? text.slice(offset - 2, offset) : text[offset - 1];
}

/** The character (code point) at `offset`, '' at the end. */
export function at(text: string, offset: number): string {
  return offset < text.length ? String.fromCodePoint(text.codePointAt(offset)!) : '';
}

export const isWord = (c: string) => WORD_CHARACTER.test(c);

/** Whether a sentence starts at `offset`. */
export function startsSentence(text: string, offset: number): boolean {
  return !/\s/.test(at(text, offset)) && BEFORE_SENTENCE.test(text.slice(Math.max(0, offset - 8), offset));
}

/** Whether a sentence ends at `offset`. */
export function endsSentence(text: string, offset: number): boolean {
  return (
    ENDS_SENTENCE.test(text.slice(Math.max(0, offset - 4), offset)) &&
    (offset === text.length || /\s/.test(text[offset]))
  );
}

/**
 * The offset nearest `from`, at most `reach` away and not across a line
 * break, where `fits`; the earlier of two as near. `only` looks one way.
 */
export function nearest(
  text: string,
  from: number,
  reach: number,
  fits: (offset: number) => boolean,
  only?: 'back' | 'ahead',
): number | undefined {
  let back = only !== 'ahead';
  let ahead = only !== 'back';
  for (let distance = 1; distance <= reach && (back || ahead); distance++) {
    back &&= from - distance >= 0 && text[from - distance] !== '\n';
    if (back && fits(from - distance)) return from - distance;
    ahead &&= from + distance <= text.length && text[from + distance - 1] !== '\n';
    if (ahead && fits(from + distance)) return from + distance;
  }
  return undefined;
}

/** Each distinct word of `quote` (lower case) with its first offset in it. */
export function quoteWords(quote: string): Map<string, number> {
  const words = new Map<string, number>();
  for (const match of quote.matchAll(WORDS)) {
    const key = match[0].toLowerCase();
    if (!words.has(key)) words.set(key, match.index);
  }
  return words;
}

/** Every word of `text` (lower case) → the offsets where it occurs. */
export function indexWords(text: string): Map<string, number[]> {
  const index = new Map<string, number[]>();
  for (const match of text.matchAll(WORDS)) {
    const key = match[0].toLowerCase();
    const offsets = index.get(key);
    if (offsets) offsets.push(match.index);
    else index.set(key, [match.index]);
  }
  return index;
}

/** Ranges sorted and joined where they overlap. */
export function mergeRanges(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [from, to] of ranges.sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else if (from < to) merged.push([from, to]);
  }
  return merged;
}
