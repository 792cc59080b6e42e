import search from 'approx-string-match';
import { CONTEXT_LENGTH } from './annotation.js';
import { similarity } from './edit-distance.js';
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

export type AnchorResult = { status: 'anchored' | 'reanchored'; start: number; end: number } | { status: 'orphaned' };

/** How much each part counts in a candidate's confidence. */
const WEIGHT = { quote: 0.6, prefix: 0.15, suffix: 0.15, position: 0.1 } as const;
/**
 * The confidence a candidate needs. A quote found word for word, near where
 * it was expected, still needs a third of its context to agree: a twin of a
 * deleted sentence agrees in neither.
 */
const CONFIDENCE_BAR = 0.75;
/** The best candidate must beat the next one elsewhere by this much, or nothing is taken. */
const MARGIN = 0.05;
/** At most this share of a quote may differ in an approximate match. */
const MAX_ERROR_SHARE = 1 / 3;
/** Shorter quotes are too likely to match the wrong place approximately. */
const MIN_APPROXIMATE_LENGTH = 12;
/** A quote this long that occurs exactly once is taken there whatever its context. */
const LONG_QUOTE = 60;
/** …and so is one that differs in at most 5% of its characters… */
const NEARLY_EXACT = 0.95;
/** …where no other place is as similar as this. */
const RIVAL_SIMILARITY = 0.8;
/** Nearness to the expected position falls from 1 there to 0 this many characters away. */
const PROXIMITY_SPAN = 2000;
/** Places the word index proposes per quote. */
const MAX_REGIONS = 4;
/** Occurrences of a quote's words looked at per quote, rarest words first: common words add cost, not information. */
const HIT_BUDGET = 4000;
/** A text this short is searched whole for a quote with too few words to look up. */
const SMALL_TEXT = 8000;

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
function fold(text: string): string {
  return text.replace(FOLDABLE, (c) => FOLDS[c]);
}

const WORD_CHARACTER = /^[\p{L}\p{N}]$/u;
/**
 * What may be trimmed off a match's edge: space and sentence punctuation, never a bracket or a quotation mark of a
 * word.
 */
const SPACE_OR_PUNCTUATION = /[\s.,;:!?…]/u;
/** Ideographic scripts write words without spaces: each character is looked up on its own. */
const WORDS =
  /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}]|(?:(?![\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}])[\p{L}\p{N}])+/gu;
/** The end of a sentence and the space after it: a full stop (or ! ? …), closing quotes or brackets, white space. */
const SENTENCE_BREAK = /[.!?…]["'”’»)\]]*\s+/u;
const SENTENCE_BREAKS = new RegExp(SENTENCE_BREAK.source, 'gu');
const ENDS_SENTENCE = /[.!?…]["'”’»)\]]*$/u;
const BEFORE_SENTENCE = /(?:^|\n|[.!?…]["'”’»)\]]*\s+)$/u;

/** The character (code point) just before `offset`, '' at the start. */
function before(text: string, offset: number): string {
  if (offset <= 0) return '';
  const low = text.charCodeAt(offset - 1);
  return low >= 0xdc00 && low <= 0xdfff && offset >= 2 ? text.slice(offset - 2, offset) : text[offset - 1];
}

/** The character (code point) at `offset`, '' at the end. */
function at(text: string, offset: number): string {
  return offset < text.length ? String.fromCodePoint(text.codePointAt(offset)!) : '';
}

const isWord = (c: string) => WORD_CHARACTER.test(c);

/** Whether a sentence starts at `offset`. */
function startsSentence(text: string, offset: number): boolean {
  return !/\s/.test(at(text, offset)) && BEFORE_SENTENCE.test(text.slice(Math.max(0, offset - 8), offset));
}

/** Whether a sentence ends at `offset`. */
function endsSentence(text: string, offset: number): boolean {
  return (
    ENDS_SENTENCE.test(text.slice(Math.max(0, offset - 4), offset)) &&
    (offset === text.length || /\s/.test(text[offset]))
  );
}

/**
 * How well `found` agrees with the `remembered` context, from 0 (unrelated text) to 1; `side` is where the quote is.
 */
function agreement(found: string, remembered: string, side: 'end' | 'start'): number {
  if (!remembered) return found ? 0 : 1;
  const common = side === 'end' ? commonSuffixLength(found, remembered) : commonPrefixLength(found, remembered);
  // Unrelated text of this length is about 30% similar letter for letter: only what is above half counts.
  return Math.max(common / remembered.length, (similarity(found, remembered) - 0.5) / 0.5, 0);
}

interface Candidate {
  start: number;
  end: number;
  similarity: number;
  confidence: number;
}

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
 * (15%) and after (15%) with the remembered context, and nearness to where
 * the quote was expected (10%). The best candidate is taken, `reanchored`,
 * when its confidence reaches 0.75 and no other place comes within 0.05 of
 * it; anything else is `orphaned`. Candidates are
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
    const prefix = known
      ? agreement(this.folded.slice(Math.max(0, start - CONTEXT_LENGTH), start), folded.prefix, 'end')
      : 0;
    const suffix = known ? agreement(this.folded.slice(end, end + CONTEXT_LENGTH), folded.suffix, 'start') : 0;
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

/**
 * The offset nearest `from`, at most `reach` away and not across a line
 * break, where `fits`; the earlier of two as near. `only` looks one way.
 */
function nearest(
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

/** The match with the fewest errors (the first of equals). */
function bestMatch<M extends { errors: number }>(matches: readonly M[]): M | undefined {
  let best: M | undefined;
  for (const match of matches) if (!best || match.errors < best.errors) best = match;
  return best;
}

/**
 * The most confident candidate, if it reaches the bar and clearly beats every
 * other place; else, for a `long` quote, the one place where it is nearly
 * exact, if nowhere else comes close; else undefined.
 */
function pick(candidates: readonly Candidate[], long = false): { start: number; end: number } | undefined {
  const ranked = [...candidates].sort((a, b) => b.confidence - a.confidence);
  const [best] = ranked;
  if (!best) return undefined;
  if (best.confidence < CONFIDENCE_BAR) {
    const near = long ? candidates.filter((c) => c.similarity >= NEARLY_EXACT) : [];
    const unique = near.length === 1 && !candidates.some((c) => c !== near[0] && c.similarity >= RIVAL_SIMILARITY);
    return unique ? { start: near[0].start, end: near[0].end } : undefined;
  }
  const rival = ranked.find((c) => c.end <= best.start || c.start >= best.end);
  if (rival && best.confidence - rival.confidence < MARGIN) return undefined;
  return { start: best.start, end: best.end };
}

/** Each distinct word of `quote` (lower case) with its first offset in it. */
function quoteWords(quote: string): Map<string, number> {
  const words = new Map<string, number>();
  for (const match of quote.matchAll(WORDS)) {
    const key = match[0].toLowerCase();
    if (!words.has(key)) words.set(key, match.index);
  }
  return words;
}

/** Every word of `text` (lower case) → the offsets where it occurs. */
function indexWords(text: string): Map<string, number[]> {
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
function mergeRanges(ranges: [number, number][]): [number, number][] {
  const merged: [number, number][] = [];
  for (const [from, to] of ranges.sort((a, b) => a[0] - b[0])) {
    const last = merged.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else if (from < to) merged.push([from, to]);
  }
  return merged;
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
