/**
 * fast-check generators for the format tests: wire-copy words with every
 * script and character markup cares about, articles, ranges that never split
 * a surrogate pair, and annotation sets anchored on an article.
 */
import fc from 'fast-check';
import { CONTEXT_LENGTH, type Annotation, type AnnotationStatus } from '../model/annotation.js';
import { DEFAULT_TAXONOMY, type Taxonomy } from '../model/taxonomy.js';

/** Fixed dates, so exports of the same annotations compare equal. */
export const CREATED = '2025-06-01T09:15:00.000Z';
export const MODIFIED = '2025-06-01T11:40:00.000Z';

/** An annotation over `start`–`end` of `text`, with quote and context read from the text. */
export function annotationAt(text: string, start: number, end: number, fields: Partial<Annotation> = {}): Annotation {
  return {
    id: crypto.randomUUID(),
    tag: 'reported-fact',
    start,
    end,
    quote: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: text.slice(end, end + CONTEXT_LENGTH),
    created: CREATED,
    modified: MODIFIED,
    status: 'anchored',
    ...fields,
  };
}

/** Words of wire copy, with accents, CJK, Hangul, emoji (astral and ZWJ) and characters HTML must escape. */
const VOCABULARY = [
  'the',
  'ministry',
  'said',
  'port',
  'cargo',
  'analyst',
  'figures',
  'rose',
  'fell',
  'officials',
  'denied',
  'report',
  'Zürich',
  'naïve',
  'São',
  'Paulo',
  'U.S.',
  '4.5%',
  '“exactly”',
  '—',
  '平壤',
  '通信社',
  '発表',
  '조선중앙통신',
  '분석가',
  '🚀',
  '👩‍👩‍👧',
  '🇰🇵',
  '<b>',
  'a&b',
  '"quoted"',
  "it's",
  '>',
  '&amp;',
];

const graphemeWord = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 6 })
  .filter((word) => !/[\s\u0000-\u001f]/.test(word));

export const wordArb: fc.Arbitrary<string> = fc.oneof(
  { arbitrary: fc.constantFrom(...VOCABULARY), weight: 4 },
  { arbitrary: graphemeWord, weight: 1 },
);

export const sentenceArb: fc.Arbitrary<string> = fc
  .array(wordArb, { minLength: 2, maxLength: 10 })
  .map((words) => `${words.join(' ')}.`);

export const paragraphArb: fc.Arbitrary<string> = fc
  .array(sentenceArb, { minLength: 1, maxLength: 4 })
  .map((sentences) => sentences.join(' '));

/** A plain-text article: paragraphs of sentences, joined by "\n", as `editor.text` gives it. */
export const articleArb: fc.Arbitrary<string> = fc
  .array(paragraphArb, { minLength: 1, maxLength: 4 })
  .map((paragraphs) => paragraphs.join('\n'));

/** Offsets of `text` that do not split a surrogate pair. */
export function codePointBoundaries(text: string): number[] {
  const result: number[] = [0];
  for (let i = 1; i <= text.length; i++) {
    const low = text.charCodeAt(i);
    const high = text.charCodeAt(i - 1);
    const splitsPair = i < text.length && high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff;
    if (!splitsPair) result.push(i);
  }
  return result;
}

/**
 * A non-empty range of `text` on code point boundaries that, like every range
 * the editor makes, does not start on a block separator ("\n").
 */
export function rangeArb(text: string): fc.Arbitrary<{ start: number; end: number }> {
  const points = codePointBoundaries(text);
  return fc
    .tuple(fc.integer({ min: 0, max: points.length - 1 }), fc.integer({ min: 0, max: points.length - 1 }))
    .filter(([a, b]) => a !== b && text[points[Math.min(a, b)]] !== '\n')
    .map(([a, b]) => ({ start: points[Math.min(a, b)], end: points[Math.max(a, b)] }));
}

const isoDateArb = fc
  .date({ min: new Date('2000-01-01T00:00:00.000Z'), max: new Date('2099-12-31T23:59:59.999Z'), noInvalidDate: true })
  .map((date) => date.toISOString());

export interface AnnotationArbOptions {
  /** Text of source, note, verdict and creator (never empty). */
  field?: fc.Arbitrary<string>;
  /** Annotation ids. */
  id?: fc.Arbitrary<string>;
  taxonomy?: Taxonomy;
  maxLength?: number;
}

/** Printable text of any script, plus the characters markup cares about; no control characters. */
export const printableTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  fc
    .array(fc.constantFrom('<', '>', '&', '"', "'", '</style>', '<script>', '\u202e', ' ', 'KCNA', '分析'), {
      minLength: 1,
      maxLength: 8,
    })
    .map((parts) => parts.join('')),
);

/** Random annotation sets on `text`: valid ranges (quote = text.slice, context from the text), unique ids. */
export function annotationsArb(text: string, options: AnnotationArbOptions = {}): fc.Arbitrary<Annotation[]> {
  const field = options.field ?? printableTextArb;
  const taxonomy = options.taxonomy ?? DEFAULT_TAXONOMY;
  const record = fc.record({
    id: options.id ?? fc.oneof(fc.uuid(), fc.string({ minLength: 1, maxLength: 24 })),
    tag: fc.constantFrom(...taxonomy.map((tag) => tag.id)),
    range: rangeArb(text),
    source: fc.option(field, { nil: undefined }),
    note: fc.option(field, { nil: undefined }),
    verdict: fc.option(field, { nil: undefined }),
    creator: fc.option(field, { nil: undefined }),
    created: isoDateArb,
    modified: isoDateArb,
    status: fc.constantFrom<AnnotationStatus>('anchored', 'reanchored', 'orphaned'),
  });
  return fc.uniqueArray(record, { selector: (r) => r.id, maxLength: options.maxLength ?? 6 }).map((records) =>
    records.map(({ range, source, note, verdict, creator, ...rest }) =>
      annotationAt(text, range.start, range.end, {
        ...rest,
        ...(source !== undefined ? { source } : {}),
        ...(note !== undefined ? { note } : {}),
        ...(verdict !== undefined ? { verdict } : {}),
        ...(creator !== undefined ? { creator } : {}),
      }),
    ),
  );
}

/** An article and an annotation set on it. */
export function annotatedArticleArb(
  options: AnnotationArbOptions = {},
): fc.Arbitrary<{ text: string; annotations: Annotation[] }> {
  return articleArb.chain((text) => annotationsArb(text, options).map((annotations) => ({ text, annotations })));
}
