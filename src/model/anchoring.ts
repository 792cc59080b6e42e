import search from 'approx-string-match';
import { CONTEXT_LENGTH } from './annotation.js';
import { commonPrefixLength, commonSuffixLength } from './text-quote.js';

/** What an annotation remembers of where it was. */
export interface AnchorTarget {
  start: number;
  end: number;
  quote: string;
  prefix: string;
  suffix: string;
}

/** What an imported annotation may carry: a quote, offsets, or both. */
export interface PartialAnchorTarget {
  start?: number;
  end?: number;
  quote?: string;
  prefix?: string;
  suffix?: string;
}

export type AnchorResult =
  | { status: 'anchored' | 'reanchored'; start: number; end: number }
  | { status: 'orphaned' };

/** Shorter quotes are too likely to match the wrong place approximately. */
const MIN_APPROXIMATE_LENGTH = 12;
/** At most this share of a quote's characters may differ in an approximate match. */
const MAX_ERROR_RATE = 0.12;
/** …and at most this share when nothing around the match agrees with the remembered context. */
const MAX_ERROR_RATE_WITHOUT_CONTEXT = 0.05;

/** How well the text around `start`–`end` agrees with the remembered context, from 0 to 1. */
function contextScore(text: string, start: number, end: number, target: AnchorTarget): number {
  const total = target.prefix.length + target.suffix.length;
  if (total === 0) return 0;
  const before = text.slice(Math.max(0, start - CONTEXT_LENGTH), start);
  const after = text.slice(end, end + CONTEXT_LENGTH);
  return (commonSuffixLength(before, target.prefix) + commonPrefixLength(after, target.suffix)) / total;
}

/** Whether `a` is a better reading of one approximate match than `b`. */
function betterEnd(a: Candidate, b: Candidate, quoteLength: number): boolean {
  if (a.context !== b.context) return a.context > b.context;
  if ((a.errors ?? 0) !== (b.errors ?? 0)) return (a.errors ?? 0) < (b.errors ?? 0);
  return Math.abs(a.end - a.start - quoteLength) < Math.abs(b.end - b.start - quoteLength);
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;
/** The end of a sentence and the space after it: a full stop (or ! ? …), closing quotes or brackets, white space. */
const SENTENCE_BREAK = /[.!?…]["”’»)\]]*\s+/u;
const SENTENCE_BREAKS = new RegExp(SENTENCE_BREAK.source, 'gu');
const SPACE_OR_PUNCTUATION = /[\s\p{P}]/u;

/** Whether `offset` cuts neither a word nor a character (a surrogate pair) in two: "…in earl" of "in early" does. */
function atWordBoundary(text: string, offset: number): boolean {
  const code = text.charCodeAt(offset);
  if (code >= 0xdc00 && code <= 0xdfff) return false;
  const before = [...text.slice(Math.max(0, offset - 2), offset)].at(-1) ?? '';
  const after = offset < text.length ? String.fromCodePoint(text.codePointAt(offset)!) : '';
  return !(WORD_CHARACTER.test(before) && WORD_CHARACTER.test(after));
}

/** How far a candidate is from where the annotation was; all equal when that is unknown (start < 0). */
function distanceFrom(at: number, target: AnchorTarget): number {
  return target.start < 0 ? 0 : Math.abs(at - target.start);
}

interface Candidate {
  start: number;
  end: number;
  context: number;
  distance: number;
  errors?: number;
}

/**
 * The one candidate clearly best by context, then by nearness to the old
 * position; undefined when two are indistinguishable (a wrong match that
 * looks confident is worse than none).
 */
function pickUnambiguous(candidates: Candidate[]): Candidate | undefined {
  const ranked = [...candidates].sort((a, b) => b.context - a.context || a.distance - b.distance);
  const [best, second] = ranked;
  if (!second) return best;
  if (best.context > second.context) return best;
  return best.distance < second.distance ? best : undefined;
}

/**
 * Finds an annotation's text in a (possibly changed) article.
 *
 * 1. The quote is still at its offsets: `anchored`.
 * 2. The quote occurs elsewhere, exactly: `reanchored` at the occurrence whose
 *    context fits best (or, contexts equal, the nearest one).
 * 3. Otherwise an approximate match (Myers' algorithm, at most 12% of the
 *    quote's characters different, quotes of 12+ characters) that is
 *    unambiguous and, for a quote under 40 characters, whose context agrees
 *    at least half; a longer quote whose context does not agree at all must
 *    differ in at most 5% of its characters; no match may cut a word: `reanchored`.
 * 4. Anything else is `orphaned`.
 */
export function anchorQuote(text: string, target: AnchorTarget): AnchorResult {
  const { quote } = target;
  if (!quote) return { status: 'orphaned' };
  if (text.slice(target.start, target.end) === quote) return { status: 'anchored', start: target.start, end: target.end };

  const exact: Candidate[] = [];
  for (let at = text.indexOf(quote); at !== -1; at = text.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    exact.push({ start: at, end, context: contextScore(text, at, end, target), distance: distanceFrom(at, target) });
  }
  if (exact.length > 0) {
    const best = pickUnambiguous(exact);
    return best ? { status: 'reanchored', start: best.start, end: best.end } : { status: 'orphaned' };
  }

  if (quote.length < MIN_APPROXIMATE_LENGTH) return { status: 'orphaned' };
  const maxErrors = Math.max(1, Math.floor(quote.length * MAX_ERROR_RATE));
  const matches = search(text, quote, maxErrors);
  // Myers reports several equally good ends for one place; per place keep the
  // one the remembered context fits best, then the closest, then the one whose
  // length is nearest the quote's.
  const places: Candidate[] = [];
  let previous: { start: number; end: number } | undefined;
  for (const match of matches) {
    if (previous && match.start < previous.end) {
      const last = places[places.length - 1];
      const candidate = { ...last, start: match.start, end: match.end, context: contextScore(text, match.start, match.end, target), errors: match.errors };
      if (betterEnd(candidate, last, quote.length)) places[places.length - 1] = candidate;
      previous = { start: Math.min(previous.start, match.start), end: Math.max(previous.end, match.end) };
      continue;
    }
    previous = match;
    places.push({
      start: match.start,
      end: match.end,
      context: contextScore(text, match.start, match.end, target),
      distance: distanceFrom(match.start, target),
      errors: match.errors,
    });
  }
  const best = pickUnambiguous(places);
  if (!best) return { status: 'orphaned' };
  // A near-identical sentence elsewhere must not pass for a lost one: a short
  // quote needs its context; a long one with no context must be nearly exact.
  if (quote.length < 40 && best.context < 0.5) return { status: 'orphaned' };
  // Myers may count the punctuation and space before or after a sentence as
  // substitutions; a quote that starts (ends) with a word starts (ends) on one.
  const first = String.fromCodePoint(quote.codePointAt(0) ?? 32);
  const last = [...quote.slice(-2)].at(-1) ?? ' ';
  while (best.start < best.end && WORD_CHARACTER.test(first) && SPACE_OR_PUNCTUATION.test(text[best.start])) best.start += 1;
  while (best.end > best.start && WORD_CHARACTER.test(last) && SPACE_OR_PUNCTUATION.test(text[best.end - 1])) best.end -= 1;
  // Myers may also take the end of the sentence before ("U.S.. 平壤…") or the
  // start of the one after in place of reworded words: where the quote has no
  // sentence break near its edge, the match stops at the break it crept over.
  const slack = Math.max(0, best.end - best.start - quote.length) + maxErrors;
  if (!SENTENCE_BREAK.test(quote.slice(0, slack + 2))) {
    let cut = 0;
    for (const brk of text.slice(best.start, best.start + slack + 1).matchAll(SENTENCE_BREAKS)) cut = brk.index + brk[0].length;
    best.start += cut;
  }
  if (!SENTENCE_BREAK.test(quote.slice(-(slack + 2)))) {
    const tailStart = Math.max(best.start, best.end - slack - 1);
    const brk = SENTENCE_BREAK.exec(text.slice(tailStart, best.end));
    if (brk) best.end = tailStart + brk.index + brk[0].trimEnd().length;
  }
  if (best.start >= best.end) return { status: 'orphaned' };
  // A match that cuts a word ("…通信. the" for "the") has crept into the text next to it.
  if (!atWordBoundary(text, best.start) || !atWordBoundary(text, best.end)) return { status: 'orphaned' };
  if (best.context < 0.2 && (best.errors ?? maxErrors) > quote.length * MAX_ERROR_RATE_WITHOUT_CONTEXT) {
    return { status: 'orphaned' };
  }
  return { status: 'reanchored', start: best.start, end: best.end };
}

/**
 * Anchors an annotation from another tool, which may carry only offsets or
 * only a quote. Offsets alone are taken as they are when they fit the text.
 * A quote alone that occurs exactly once (or once with fitting context) is
 * `anchored`; otherwise it is matched like a moved quote.
 */
export function anchorImported(text: string, target: PartialAnchorTarget): AnchorResult {
  const { start, end, quote } = target;
  const hasOffsets = start !== undefined && end !== undefined;
  if (!quote) {
    return hasOffsets && start < end && end <= text.length ? { status: 'anchored', start, end } : { status: 'orphaned' };
  }
  const full = { quote, prefix: target.prefix ?? '', suffix: target.suffix ?? '' };
  if (hasOffsets) return anchorQuote(text, { ...full, start, end });
  // No position to prefer: only context can tell several occurrences apart.
  const result = anchorQuote(text, { ...full, start: -1, end: -1 });
  if (result.status === 'reanchored' && text.slice(result.start, result.end) === quote) return { ...result, status: 'anchored' };
  return result;
}
