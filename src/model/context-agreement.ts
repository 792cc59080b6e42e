import { CONTEXT_LENGTH } from './annotation.js';
import { WORDS } from './anchor-text.js';
import { similarity } from './edit-distance.js';
import { commonPrefixLength, commonSuffixLength } from './text-quote.js';

/** How far a remembered word may have moved and still count: about two reworded words. */
const WORD_SHIFT = 16;
/** How much text beside a candidate {@link agreement} wants: the context, and room for its words to have moved. */
export const AGREEMENT_REACH = CONTEXT_LENGTH + WORD_SHIFT;

/**
 * How well the text beside a candidate (`found`, up to {@link AGREEMENT_REACH}
 * long) agrees with the `remembered` context, from 0 (unrelated text) to 1;
 * `side` is where the quote is. The best of these views counts: the
 * characters touching the quote that agree; similarity letter for letter;
 * and, by `letters-and-words`, the remembered words that `found` has in the
 * same order, each within a few characters of where it was. A reworded word
 * beside the quote shifts every letter after it, but not the words.
 */
export function agreement(
  found: string,
  remembered: string,
  side: 'end' | 'start',
  measure: 'letters' | 'letters-and-words',
): number {
  if (!remembered) return found ? 0 : 1;
  const near = side === 'end' ? found.slice(-CONTEXT_LENGTH) : found.slice(0, CONTEXT_LENGTH);
  const common = side === 'end' ? commonSuffixLength(near, remembered) : commonPrefixLength(near, remembered);
  // Unrelated text of this length is about 30% similar letter for letter, and
  // shares a few short words: only what is above half counts.
  const letters = (similarity(near, remembered) - 0.5) / 0.5;
  const words = measure === 'letters-and-words' ? (wordsInPlace(found, remembered, side) - 0.5) / 0.5 : 0;
  return Math.max(common / remembered.length, letters, words, 0);
}

interface PlacedWord {
  word: string;
  /** Characters between the word and the quote. */
  distance: number;
}

/** The share of `remembered`'s whole words that `found` has in order, each moved at most {@link WORD_SHIFT}. */
function wordsInPlace(found: string, remembered: string, side: 'end' | 'start'): number {
  const expected = placedWords(remembered, side);
  if (remembered.length >= CONTEXT_LENGTH) {
    // The context was cut at its far edge: its last word there may be half a word.
    expected.pop();
  }
  if (expected.length === 0) return 0;
  const actual = placedWords(found, side);
  let previous = new Array<number>(actual.length + 1).fill(0);
  for (const want of expected) {
    const row = [0];
    for (let j = 0; j < actual.length; j++) {
      const same = want.word === actual[j].word && Math.abs(want.distance - actual[j].distance) <= WORD_SHIFT;
      row.push(same ? previous[j] + 1 : Math.max(previous[j + 1], row[j]));
    }
    previous = row;
  }
  return previous[actual.length] / expected.length;
}

/** The words of a context, nearest the quote first, each with its distance from the quote. */
function placedWords(context: string, side: 'end' | 'start'): PlacedWord[] {
  const words = [...context.matchAll(WORDS)].map((m) => ({
    word: m[0].toLowerCase(),
    distance: side === 'end' ? context.length - m.index - m[0].length : m.index,
  }));
  return side === 'end' ? words.reverse() : words;
}
