import search from 'approx-string-match';
import {
  at,
  before,
  BEFORE_SENTENCE,
  endsSentence,
  ENDS_SENTENCE,
  fold,
  indexWords,
  isWord,
  mergeRanges,
  nearest,
  quoteWords,
  SENTENCE_BREAK,
  SENTENCE_BREAKS,
  SPACE_OR_PUNCTUATION,
  startsSentence,
} from './anchor-text.js';
import { bestMatch, CONFIDENCE_BAR, pick, type Candidate } from './anchor-choice.js';
import { agreement, AGREEMENT_REACH } from './context-agreement.js';
import { similarity } from './edit-distance.js';

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

export type AnchorResult = { status: 'anchored' | 'reanchored'; start: number; end: number } | { status: 'orphaned' };

/** How much each part counts in a candidate's confidence. */
const WEIGHT = { quote: 0.6, prefix: 0.15, suffix: 0.15, position: 0.1 } as const;
/** At most this share of a quote may differ in an approximate match. */
const MAX_ERROR_SHARE = 1 / 3;
/** Shorter quotes are too likely to match the wrong place approximately. */
const MIN_APPROXIMATE_LENGTH = 12;
/** A quote this long that occurs exactly once is taken there whatever its context. */
const LONG_QUOTE = 60;
/** Nearness to the expected position falls from 1 there to 0 this many characters away. */
const PROXIMITY_SPAN = 2000;
/** Places the word index proposes per quote. */
const MAX_REGIONS = 4;
/** Occurrences of a quote's words looked at per quote, rarest words first: common words add cost, not information. */
const HIT_BUDGET = 4000;
/** A text this short is searched whole for a quote with too few words to look up. */
const SMALL_TEXT = 8000;

/** A quote and its context, folded like the text. */
interface Folded {
  quote: string;
  prefix: string;
  suffix: string;
}

/**
 * Finds annotations' quotes in one (possibly changed) text. The text is
 * folded and indexed once, so anchoring thousands of annotations costs little
 * more than their exact look-ups.
 *
 * A quote still at its offsets is `anchored`. Otherwise every candidate place
 * gets a confidence: quote similarity (60%), agreement of the text before
 * (15%) and after (15%) with the remembered context (letter for letter; for
 * an exact match also word for word, each word moved at most 16 characters
 * by rewording beside it), and nearness to where the quote was expected
 * (10%). The best candidate is taken, `reanchored`, when its confidence
 * reaches 0.75 and no other place comes within 0.05 of it; anything else is
 * `orphaned`. Candidates are
 * - exact occurrences (after folding curly quotes, apostrophes, no-break
 *   spaces and dashes); one of a quote of 60+ characters (or of a quote that
 *   came without context or position) that occurs once is taken whatever
 *   its context, and so is the one place where such a quote matches with at
 *   most 5% different when no other place is 80% similar;
 * - approximate matches (Myers' algorithm, at most a third of the quote
 *   different; quotes of 12+ characters) in the places the quote's words
 *   point to and around where it was expected. When the whole quote does not
 *   match, its first and last halves are looked for on their own. A match is
 *   widened to whole words, and a quote that was a whole sentence is widened
 *   to the whole sentence it matched (reworded or added closing words); the
 *   whole sentence it lies in, up to 1.5 times the quote's length, is a
 *   candidate too (a clause inserted near an edge).
 */
export class Anchorer {
  readonly text: string;
  private readonly folded: string;
  private words?: Map<string, number[]>;

  constructor(text: string) {
    this.text = text;
    this.folded = fold(text);
  }

  /**
   * Anchors many annotations. Each one is expected where the nearest
   * annotation before it that was found has moved, so a quote shifted by an
   * edit above it is found where it now is, without a search; one orphaned
   * so is tried once more where the nearest one after it has moved.
   */
  anchorAll(targets: readonly AnchorTarget[]): AnchorResult[] {
    const results: AnchorResult[] = new Array(targets.length);
    const order = targets.map((_, i) => i).sort((a, b) => targets[a].start - targets[b].start);
    // A place another annotation still holds word for word is not free for a lost twin of it.
    const held = new Set(
      targets
        .filter((t) => t.start >= 0 && this.text.slice(t.start, t.end) === t.quote)
        .map((t) => `${t.start}:${t.end}`),
    );
    const expected: number[] = new Array(targets.length);
    let shift = 0;
    for (const i of order) {
      const target = targets[i];
      expected[i] = target.start < 0 ? -1 : target.start + shift;
      const result = this.anchor(target, expected[i], held);
      if (result.status !== 'orphaned' && target.start >= 0) shift = result.start - target.start;
      results[i] = result;
    }
    // An annotation after a moved paragraph is expected where that paragraph went; when
    // that leaves it orphaned, it is tried again where the next annotation found says.
    let following: number | undefined;
    for (const i of order.reverse()) {
      const target = targets[i];
      if (target.start < 0) continue;
      const result = results[i];
      if (result.status === 'orphaned' && following !== undefined && target.start + following !== expected[i]) {
        results[i] = this.anchor(target, target.start + following, held);
      }
      const final = results[i];
      if (final.status !== 'orphaned') following = final.start - target.start;
    }
    return results;
  }

  /**
   * Anchors one annotation, expected at `expected` (negative: anywhere), never onto a range in `held` ("start:end").
   */
  anchor(target: AnchorTarget, expected = target.start, held: ReadonlySet<string> = new Set()): AnchorResult {
    if (!target.quote) return { status: 'orphaned' };
    if (target.start >= 0 && this.text.slice(target.start, target.end) === target.quote) {
      return { status: 'anchored', start: target.start, end: target.end };
    }
    const folded: Folded = { quote: fold(target.quote), prefix: fold(target.prefix), suffix: fold(target.suffix) };
    const { quote } = folded;
    if (
      expected >= 0 &&
      this.folded.startsWith(quote, expected) &&
      !held.has(`${expected}:${expected + quote.length}`)
    ) {
      const here = this.candidate(expected, expected + quote.length, 1, folded, expected);
      if (here.confidence >= CONFIDENCE_BAR) return { status: 'reanchored', start: here.start, end: here.end };
    }
    const exact: number[] = [];
    for (let found = this.folded.indexOf(quote); found !== -1; found = this.folded.indexOf(quote, found + 1))
      exact.push(found);
    // Nothing to disagree with: a quote that came without context (from another tool) and occurs once.
    const unique =
      exact.length === 1 && (quote.length >= LONG_QUOTE || (!folded.prefix && !folded.suffix && expected < 0));
    if (unique) return { status: 'reanchored', start: exact[0], end: exact[0] + quote.length };
    const free = (c: { start: number; end: number }) => !held.has(`${c.start}:${c.end}`);
    const candidates = exact
      .map((found) => this.candidate(found, found + quote.length, 1, folded, expected))
      .filter(free);
    const taken = pick(candidates);
    if (taken || quote.length < MIN_APPROXIMATE_LENGTH)
      return taken ? { status: 'reanchored', ...taken } : { status: 'orphaned' };
    const approximate = pick(
      [...candidates, ...this.approximate(folded, expected).filter(free)],
      quote.length >= LONG_QUOTE,
    );
    return approximate ? { status: 'reanchored', ...approximate } : { status: 'orphaned' };
  }

  /** A scored candidate at `start`–`end` whose quote similarity is `quoteSimilarity`. */
  private candidate(start: number, end: number, quoteSimilarity: number, folded: Folded, expected: number): Candidate {
    // No context at all (a quote from another tool) agrees with nothing.
    const known = folded.prefix !== '' || folded.suffix !== '';
    // Only an exact match's edges are sure: beside an approximate one, the words
    // of the remembered context may be the quote's own words it left out.
    const measure = quoteSimilarity === 1 ? 'letters-and-words' : 'letters';
    const textBefore = this.folded.slice(Math.max(0, start - AGREEMENT_REACH), start);
    const textAfter = this.folded.slice(end, end + AGREEMENT_REACH);
    const prefix = known ? agreement(textBefore, folded.prefix, 'end', measure) : 0;
    const suffix = known ? agreement(textAfter, folded.suffix, 'start', measure) : 0;
    const position = expected < 0 ? 0 : Math.max(0, 1 - Math.abs(start - expected) / PROXIMITY_SPAN);
    const confidence =
      WEIGHT.quote * quoteSimilarity + WEIGHT.prefix * prefix + WEIGHT.suffix * suffix + WEIGHT.position * position;
    return { start, end, similarity: quoteSimilarity, confidence };
  }

  /** Approximate matches of the quote, one per place it may be, scored. */
  private approximate(folded: Folded, expected: number): Candidate[] {
    const { quote } = folded;
    const maxErrors = Math.floor(quote.length * MAX_ERROR_SHARE);
    const candidates: Candidate[] = [];
    for (const [from, to] of this.regions(quote, expected)) {
      const region = this.folded.slice(from, to);
      const match = bestMatch(search(region, quote, maxErrors)) ?? this.byHalves(region, quote);
      if (!match) continue;
      const range = this.refine(from + match.start, from + match.end, folded, maxErrors);
      if (!range) continue;
      for (const { start, end } of [range, ...this.wholeSentence(range, folded)]) {
        const found = this.folded.slice(start, end);
        // Text the quote's own remembered context holds is its neighbour, a near twin of it, not the quote.
        if (folded.prefix.includes(found) || folded.suffix.includes(found)) continue;
        const quoteSimilarity = similarity(quote, found);
        if (quoteSimilarity >= 1 - MAX_ERROR_SHARE)
          candidates.push(this.candidate(start, end, quoteSimilarity, folded, expected));
      }
    }
    return candidates;
  }

  /**
   * For a quote that was a whole sentence, the whole sentence a match lies
   * in (if no longer than a match may be), when its edges are further than
   * the match's errors reach (a clause
   * inserted near an edge makes Myers substitute the quote's first or last
   * words rather than insert the clause). Offered beside the match, not in
   * its place: the context around each tells them apart.
   */
  private wholeSentence(range: { start: number; end: number }, folded: Folded): { start: number; end: number }[] {
    const text = this.folded;
    // Longer than this, a range is too unlike the quote to be taken anyway.
    const longest = Math.floor(folded.quote.length / (1 - MAX_ERROR_SHARE));
    let { start, end } = range;
    if (BEFORE_SENTENCE.test(folded.prefix) && !startsSentence(text, start)) {
      start = nearest(text, start, longest - (end - start), (p) => startsSentence(text, p), 'back') ?? start;
    }
    if (ENDS_SENTENCE.test(folded.quote) && (!folded.suffix || /^\s/.test(folded.suffix)) && !endsSentence(text, end)) {
      end = nearest(text, end, longest - (end - start), (p) => endsSentence(text, p), 'ahead') ?? end;
    }
    return start !== range.start || end !== range.end ? [{ start, end }] : [];
  }

  /**
   * Where the quote's first and last halves match: both in order, else whichever does, stretched to the quote's length.
   */
  private byHalves(region: string, quote: string): { start: number; end: number } | undefined {
    const half = Math.ceil(quote.length / 2);
    const maxErrors = Math.floor(half * MAX_ERROR_SHARE);
    const head = bestMatch(search(region, quote.slice(0, half), maxErrors));
    const tail = bestMatch(search(region, quote.slice(quote.length - half), maxErrors));
    if (head && tail && tail.end > head.end && tail.end - head.start <= quote.length * 1.5)
      return { start: head.start, end: tail.end };
    if (head) return { start: head.start, end: Math.min(region.length, head.start + quote.length) };
    if (tail) return { start: Math.max(0, tail.end - quote.length), end: tail.end };
    return undefined;
  }

  /**
   * Text ranges worth an approximate search for `quote`: around where it was
   * expected, and where many of its words occur close together (each word's
   * occurrences vote for where the quote would start).
   */
  private regions(quote: string, expected: number): [number, number][] {
    const pad = Math.floor(quote.length * MAX_ERROR_SHARE) + 16;
    const length = this.folded.length;
    const regions: [number, number][] = [];
    if (expected >= 0) regions.push([expected - quote.length - pad, expected + 2 * quote.length + pad]);
    this.words ??= indexWords(this.folded);
    const index = this.words;
    const tokens = [...quoteWords(quote)].map(([key, offset]) => ({ offset, occurrences: index.get(key) ?? [] }));
    tokens.sort((a, b) => a.occurrences.length - b.occurrences.length);
    const votes: { start: number; token: number }[] = [];
    let used = 0;
    for (const token of tokens) {
      if (used >= 3 && votes.length + token.occurrences.length > HIT_BUDGET) break;
      for (const found of token.occurrences) votes.push({ start: found - token.offset, token: used });
      used += 1;
    }
    if (used < 3 && length <= SMALL_TEXT) regions.push([0, length]);
    votes.sort((a, b) => a.start - b.start);
    // A window as wide as the slack an edit leaves: how many of the quote's words vote inside it.
    const width = Math.max(24, pad);
    const inWindow = new Uint16Array(used);
    const scored: { from: number; to: number; score: number }[] = [];
    let distinct = 0;
    let right = 0;
    for (let left = 0; left < votes.length; left++) {
      while (right < votes.length && votes[right].start - votes[left].start <= width) {
        if (inWindow[votes[right].token]++ === 0) distinct += 1;
        right += 1;
      }
      scored.push({ from: votes[left].start, to: votes[right - 1].start, score: distinct });
      if (--inWindow[votes[left].token] === 0) distinct -= 1;
    }
    const needed = Math.max(2, Math.ceil(used / 2));
    scored.sort((a, b) => b.score - a.score);
    const picked: { from: number; to: number }[] = [];
    for (const place of scored) {
      if (place.score < needed || picked.length >= MAX_REGIONS) break;
      if (picked.some((p) => place.from < p.to + quote.length && p.from < place.to + quote.length)) continue;
      picked.push(place);
    }
    for (const place of picked) regions.push([place.from - pad, place.to + quote.length + pad]);
    return mergeRanges(regions.map(([from, to]) => [Math.max(0, from), Math.min(length, to)]));
  }

  /**
   * A raw match made presentable: no stray space or punctuation at its edges,
   * not crept over a sentence break the quote does not have, no word cut in
   * two, and the whole sentence when the quote was one. Undefined when
   * nothing is left.
   */
  private refine(
    start: number,
    end: number,
    folded: Folded,
    maxErrors: number,
  ): { start: number; end: number } | undefined {
    const text = this.folded;
    const { quote } = folded;
    // Myers may count the space and punctuation around a sentence as
    // substitutions; a quote that starts (ends) with a word starts (ends) on one.
    if (isWord(at(quote, 0))) while (start < end && SPACE_OR_PUNCTUATION.test(text[start])) start += 1;
    if (isWord(before(quote, quote.length))) while (end > start && SPACE_OR_PUNCTUATION.test(text[end - 1])) end -= 1;
    // It may also take the end of the sentence before, or the start of the one
    // after, in place of reworded words: where the quote has no sentence break
    // near its edge, the match stops at the break it crept over.
    const slack = Math.max(0, end - start - quote.length) + maxErrors;
    if (!SENTENCE_BREAK.test(quote.slice(0, slack + 2))) {
      let cut = 0;
      for (const brk of text.slice(start, start + slack + 1).matchAll(SENTENCE_BREAKS)) cut = brk.index + brk[0].length;
      start += cut;
    }
    if (!SENTENCE_BREAK.test(quote.slice(-(slack + 2)))) {
      const tailStart = Math.max(start, end - slack - 1);
      const brk = SENTENCE_BREAK.exec(text.slice(tailStart, end));
      if (brk) end = tailStart + brk.index + brk[0].trimEnd().length;
    }
    // Edges inside a character or a word (a reworded first or last word) move out to its edge.
    if (/[\udc00-\udfff]/.test(text[start] ?? '')) start -= 1;
    if (/[\ud800-\udbff]/.test(text[end - 1] ?? '')) end += 1;
    while (isWord(before(text, start)) && isWord(at(text, start))) start -= before(text, start).length;
    while (isWord(before(text, end)) && isWord(at(text, end))) end += at(text, end).length;
    // A whole sentence quoted is found as the whole sentence it became: the
    // edge moves to the nearest sentence edge within reach.
    if (BEFORE_SENTENCE.test(folded.prefix) && !startsSentence(text, start)) {
      start = nearest(text, start, maxErrors, (p) => startsSentence(text, p)) ?? start;
    }
    if (ENDS_SENTENCE.test(quote) && (!folded.suffix || /^\s/.test(folded.suffix)) && !endsSentence(text, end)) {
      end = nearest(text, end, maxErrors, (p) => endsSentence(text, p)) ?? end;
    }
    return start < end ? { start, end } : undefined;
  }
}

/** {@link Anchorer.anchor} for one annotation. */
export function anchorQuote(text: string, target: AnchorTarget): AnchorResult {
  return new Anchorer(text).anchor(target);
}

/**
 * Anchors an annotation from another tool, which may carry only offsets or
 * only a quote. Offsets alone are taken as they are when they fit the text.
 * A quote alone found confidently (only once, or once with fitting context)
 * is `anchored` when the text there is the quote; otherwise it is matched
 * like a moved quote.
 */
export function anchorImported(anchorer: Anchorer, target: PartialAnchorTarget): AnchorResult {
  const { start, end, quote } = target;
  const { text } = anchorer;
  const hasOffsets = start !== undefined && end !== undefined;
  if (!quote) {
    return hasOffsets && start < end && end <= text.length
      ? { status: 'anchored', start, end }
      : { status: 'orphaned' };
  }
  const full = { quote, prefix: target.prefix ?? '', suffix: target.suffix ?? '' };
  if (hasOffsets) return anchorer.anchor({ ...full, start, end });
  // No position to prefer: only context can tell several occurrences apart.
  const result = anchorer.anchor({ ...full, start: -1, end: -1 });
  if (result.status === 'reanchored' && text.slice(result.start, result.end) === quote)
    return { ...result, status: 'anchored' };
  return result;
}
