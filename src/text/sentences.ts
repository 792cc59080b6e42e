/** A sentence as a half-open range of UTF-16 code-unit offsets, trimmed of whitespace. */
export interface SentenceRange {
  start: number;
  end: number;
}

/*
 * Abbreviations, lower-cased, without their final dot. Browsers ship
 * Intl.Segmenter without CLDR's suppressions, so it splits after every one
 * of them; we merge the pieces back. Three lists, because an abbreviation
 * before a capitalised word means different things:
 */

/** Titles and the like: always followed by a name, so they never end a sentence. */
const TITLES = new Set([
  'mr',
  'mrs',
  'ms',
  'messrs',
  'mme',
  'mlle',
  'dr',
  'prof',
  'rev',
  'msgr',
  'fr',
  'hon',
  'gen',
  'lt',
  'col',
  'maj',
  'sgt',
  'cpl',
  'pvt',
  'capt',
  'cmdr',
  'adm',
  'brig',
  'gov',
  'sen',
  'rep',
  'pres',
  'amb',
  'atty',
  'supt',
  'det',
  'insp',
  'mt',
  'ft',
  'vs',
  'e.g',
  'i.e',
  'cf',
  'viz',
  'approx',
  'esp',
  'incl',
]);

/** Abbreviations that are only abbreviations before a number ("No. 5", "Jan. 5", "Art. 9"). */
const BEFORE_NUMBER = new Set([
  'no',
  'nos',
  'art',
  'sec',
  'ch',
  'vol',
  'fig',
  'para',
  'pp',
  'ca',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
]);

/**
 * Abbreviations that may end a sentence ("bought by Acme Inc."): the piece
 * continues unless the next word looks like a sentence start. Single
 * letters and dotted initials (F., J.R.R., U.S., a.m.) follow the same rule.
 * "etc" and "al" are deliberately absent: before a capitalised word they end
 * the sentence, which is what the segmenter already does.
 */
const MAY_END = new Set([
  'inc',
  'corp',
  'co',
  'ltd',
  'plc',
  'bros',
  'jr',
  'sr',
  'ph.d',
  'st',
  'ave',
  'blvd',
  'rd',
  'dept',
  'univ',
  'govt',
  'assn',
  'intl',
  'natl',
  // AP state abbreviations that are not also common English words ("ill.", "wash.").
  'ala',
  'ariz',
  'ark',
  'calif',
  'colo',
  'conn',
  'fla',
  'ga',
  'kan',
  'kans',
  'ky',
  'md',
  'mich',
  'minn',
  'mo',
  'mont',
  'neb',
  'nev',
  'okla',
  'pa',
  'tenn',
  'tex',
  'vt',
  'va',
  'wis',
  'wyo',
]);

/**
 * Closed-class words that, capitalised, almost always start a sentence, so
 * after "U.S." or "p.m." they mark a boundary, while "U.S. Treasury" or
 * "p.m. Tuesday" continue.
 */
const SENTENCE_STARTERS = new Set([
  'a',
  'an',
  'the',
  'this',
  'that',
  'these',
  'those',
  'there',
  'here',
  'it',
  'its',
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
  'his',
  'her',
  'their',
  'our',
  'my',
  'your',
  'but',
  'and',
  'or',
  'so',
  'yet',
  'nor',
  'if',
  'when',
  'while',
  'after',
  'before',
  'as',
  'although',
  'though',
  'because',
  'since',
  'until',
  'once',
  'however',
  'meanwhile',
  'still',
  'also',
  'then',
  'now',
  'in',
  'on',
  'at',
  'by',
  'for',
  'from',
  'with',
  'of',
  'to',
  'some',
  'many',
  'most',
  'all',
  'both',
  'each',
  'such',
  'other',
  'others',
  'no',
  'not',
  'one',
  'what',
  'who',
  'which',
  'why',
  'how',
  'where',
  'according',
  'earlier',
  'later',
  'last',
  'next',
  'under',
  'over',
  'during',
]);

/** Longest abbreviation or starter word we look at; bounds the work per boundary. */
const MAX_WORD = 16;

const LETTER = /\p{L}/u;
const LOWER = /\p{Ll}/u;
const DIGIT = /\p{Nd}/u;
const INITIALS = /^\p{L}(?:\.\p{L})*$/u;
/** Opening punctuation skipped before the first word of a piece. */
const OPENERS = new Set(['"', "'", '“', '‘', '«', '‹', '(', '[', '{', '¿', '¡']);

const segmenters = new Map<string, Intl.Segmenter>();

function segmenterFor(locale: string): Intl.Segmenter {
  let segmenter = segmenters.get(locale);
  if (!segmenter) {
    segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
    segmenters.set(locale, segmenter);
  }
  return segmenter;
}

/** The same set as `\s` in JS regular expressions, without a regex per character. */
function isSpace(code: number): boolean {
  return (
    (code >= 9 && code <= 13) ||
    code === 32 ||
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/**
 * The letters-and-dots word ending just before the dot at `dot`, lower-cased
 * ("U.S" for "...the U.S."), or undefined if there is none or it is longer
 * than any abbreviation.
 */
function abbreviationBefore(text: string, dot: number, floor: number): string | undefined {
  let start = dot;
  while (start > floor && (text[start - 1] === '.' || LETTER.test(text[start - 1]))) {
    start--;
    if (dot - start > MAX_WORD) return undefined;
  }
  return start === dot ? undefined : text.slice(start, dot).toLowerCase();
}

/** The first word of the piece at `start` (after opening quotes and brackets), or '' if none. */
function wordAt(text: string, start: number, end: number): string {
  let from = start;
  while (from < end && OPENERS.has(text[from])) from++;
  let to = from;
  while (to < end && LETTER.test(text[to])) {
    if (++to - from > MAX_WORD) return '';
  }
  return text.slice(from, to);
}

function startsSentence(word: string): boolean {
  return word !== '' && !LOWER.test(word[0]) && SENTENCE_STARTERS.has(word.toLowerCase());
}

/**
 * Whether the segmenter's boundary between the piece ending at `prevEnd`
 * (trimmed, starting at `prevStart`) and the piece starting at `nextStart` is
 * false and the two belong to one sentence.
 */
function continues(text: string, prevStart: number, prevEnd: number, nextStart: number, nextEnd: number): boolean {
  // '"Why now?" asked Li.': the segmenter breaks after ? and ! even before lowercase.
  if (LOWER.test(text[nextStart])) return true;
  // Only a bare final dot can be an abbreviation's; a closing quote or bracket after it ends the sentence.
  if (text[prevEnd - 1] !== '.') return false;
  const word = abbreviationBefore(text, prevEnd - 1, prevStart);
  if (word === undefined) return false;
  if (TITLES.has(word)) return true;
  if (BEFORE_NUMBER.has(word)) return DIGIT.test(text[nextStart]);
  if (MAY_END.has(word) || INITIALS.test(word)) return !startsSentence(wordAt(text, nextStart, nextEnd));
  return false;
}

/** Appends the sentences of the line text[from, to) (which holds no "\n") to `out`. */
function segmentLine(text: string, from: number, to: number, segmenter: Intl.Segmenter, out: SentenceRange[]): void {
  const line = text.slice(from, to);
  const firstOfLine = out.length;
  for (const { segment, index } of segmenter.segment(line)) {
    let start = from + index;
    let end = start + segment.length;
    while (start < end && isSpace(text.charCodeAt(start))) start++;
    while (end > start && isSpace(text.charCodeAt(end - 1))) end--;
    if (start === end) continue;
    const prev = out[out.length - 1];
    if (out.length > firstOfLine && continues(text, prev.start, prev.end, start, end)) {
      prev.end = end;
    } else {
      out.push({ start, end });
    }
  }
}

/**
 * Splits text into sentences the way a news editor reads them.
 *
 * Returns trimmed ranges in order, covering every non-whitespace character
 * once; whitespace-only text gives []. "\n" always ends a sentence. Within a
 * line, `Intl.Segmenter` decides, except that a break is dropped after a
 * title ("Dr."), a number prefix before a digit ("No. 5", "Jan. 5"), an
 * initial or dotted abbreviation ("F.", "U.S.", "p.m.", "Inc.") unless a
 * sentence-starting word ("The", "He", "But"...) follows, and before a
 * lowercase word ('"Why?" she asked').
 */
export function segmentSentences(text: string, locale?: string): SentenceRange[] {
  const segmenter = segmenterFor(locale ?? 'en');
  const out: SentenceRange[] = [];
  let from = 0;
  while (from <= text.length) {
    const newline = text.indexOf('\n', from);
    const to = newline === -1 ? text.length : newline;
    segmentLine(text, from, to, segmenter, out);
    from = to + 1;
  }
  return out;
}

/**
 * The sentence containing `offset` (start <= offset < end), else the first
 * one after it; undefined if there is none. Segments only the lines it needs.
 */
export function sentenceAt(text: string, offset: number, locale?: string): SentenceRange | undefined {
  const segmenter = segmenterFor(locale ?? 'en');
  const clamped = Math.max(0, offset);
  let from = clamped === 0 ? 0 : text.lastIndexOf('\n', clamped - 1) + 1;
  while (from <= text.length) {
    const newline = text.indexOf('\n', from);
    const to = newline === -1 ? text.length : newline;
    const line: SentenceRange[] = [];
    segmentLine(text, from, to, segmenter, line);
    const hit = line.find((range) => range.end > clamped);
    if (hit) return hit;
    from = to + 1;
  }
  return undefined;
}
