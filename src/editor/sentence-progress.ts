import type { EditorState } from 'prosemirror-state';
import { getAnnotationState, recordsTouching } from './annotation-plugin.js';
import type { AnnotationRecord } from './annotation-record.js';
import { adjacentSentence, type DocRange } from './sentence-ranges.js';

/** The tag of facts the outlet states on its own authority: it needs no source. */
const OWN_AUTHORITY_TAG = 'reported-fact';

/** Whether an annotation still lacks the source (who said it) a fact-checker should record. */
export function needsSource(record: AnnotationRecord): boolean {
  return record.from < record.to && !record.source && record.tag !== OWN_AUTHORITY_TAG;
}

/** Every sentence of the document, in reading order. */
export function allSentences(state: EditorState): DocRange[] {
  const sentences: DocRange[] = [];
  for (let s = adjacentSentence(state.doc, 0, 1); s; s = adjacentSentence(state.doc, s.from, 1)) sentences.push(s);
  return sentences;
}

/** A sentence is tagged when any annotation covers part of its text. */
export function isTagged(state: EditorState, sentence: DocRange): boolean {
  return recordsTouching(state, sentence.from, sentence.to).some(
    (r) => r.from < r.to && r.from < sentence.to && sentence.from < r.to,
  );
}

export interface SentenceProgress {
  sentences: number;
  tagged: number;
  /** Annotations that need a source and have none (see {@link needsSource}). */
  withoutSource: number;
}

const cache = new WeakMap<object, { doc: EditorState['doc']; progress: SentenceProgress }>();

/** How far the fact-checker's pass has got; the same object until the text or the annotations change. */
export function sentenceProgress(state: EditorState): SentenceProgress {
  const { records } = getAnnotationState(state);
  const cached = cache.get(records);
  if (cached?.doc === state.doc) return cached.progress;
  const sentences = allSentences(state);
  const progress = {
    sentences: sentences.length,
    tagged: sentences.filter((s) => isTagged(state, s)).length,
    withoutSource: [...records.values()].filter(needsSource).length,
  };
  cache.set(records, { doc: state.doc, progress });
  return progress;
}

/**
 * The first untagged sentence after `pos` (direction 1, starting at or after
 * it) or before it (-1), wrapping around the article once; undefined when
 * every sentence is tagged.
 */
export function findUntagged(state: EditorState, pos: number, direction: 1 | -1): DocRange | undefined {
  const sentences = allSentences(state);
  const ordered =
    direction === 1
      ? [...sentences.filter((s) => s.from >= pos), ...sentences.filter((s) => s.from < pos)]
      : [...sentences.filter((s) => s.to <= pos).reverse(), ...sentences.filter((s) => s.to > pos).reverse()];
  return ordered.find((s) => !isTagged(state, s));
}
