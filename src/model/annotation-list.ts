import type { Annotation } from './annotation.js';

/** What a list of annotations shows per entry. */
export type ListedAnnotation = Pick<Annotation, 'id' | 'tag' | 'status' | 'quote' | 'source' | 'note'>;

/** Per tag: how many annotations, and how many characters of the text they cover (overlaps counted once). */
export interface ListSummary {
  textLength: number;
  tags: ReadonlyMap<string, { count: number; covered: number }>;
}

/**
 * Annotations in reading order, read entry by entry: a list of thousands is
 * shown a screenful at a time without building every entry.
 */
export interface AnnotationList {
  readonly length: number;
  at(index: number): ListedAnnotation;
  /** The entry's index, or -1. */
  indexOf(id: string): number;
  /** The entries with one tag, in the same order. */
  withTag(tag: string): AnnotationList;
  /**
   * Counts and coverage per tag: a pass over the whole list, so callers ask for it after drawing, not per keystroke.
   */
  summary(): ListSummary;
}

/** Adds each range to the covered length of its tag; ranges must come sorted by start. */
export function summarize(
  ranges: Iterable<{ tag: string; start: number; end: number }>,
  textLength: number,
): ListSummary {
  const tags = new Map<string, { count: number; covered: number; reach: number }>();
  for (const { tag, start, end } of ranges) {
    const entry = tags.get(tag) ?? { count: 0, covered: 0, reach: -1 };
    entry.count += 1;
    if (end > entry.reach) {
      entry.covered += end - Math.max(start, entry.reach);
      entry.reach = end;
    }
    tags.set(tag, entry);
  }
  return { textLength, tags };
}

/** A list over annotations already in reading order (by start), with the length of the text they point into. */
export function annotationListOf(annotations: readonly Annotation[], textLength: number): AnnotationList {
  return {
    length: annotations.length,
    at: (index) => annotations[index],
    indexOf: (id) => annotations.findIndex((annotation) => annotation.id === id),
    withTag: (tag) =>
      annotationListOf(
        annotations.filter((annotation) => annotation.tag === tag),
        textLength,
      ),
    summary: () =>
      summarize(
        [...annotations].sort((a, b) => a.start - b.start),
        textLength,
      ),
  };
}

export const EMPTY_ANNOTATION_LIST = annotationListOf([], 0);
