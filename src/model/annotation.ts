/**
 * `anchored`: offsets and quote agree. `reanchored`: moved or fuzzily matched
 * on load, needs review. `orphaned`: its text is gone; kept and listed, never
 * silently dropped.
 */
export type AnnotationStatus = 'anchored' | 'reanchored' | 'orphaned';

/** What a fact-checker records about one span of the article. */
export interface Annotation {
  id: string;
  tag: string;
  /** UTF-16 offsets into the article's plain text (blocks joined by "\n"). */
  start: number;
  end: number;
  quote: string;
  /** Up to {@link CONTEXT_LENGTH} characters before and after the quote, for re-anchoring. */
  prefix: string;
  suffix: string;
  /** Who said it: "KCNA", "an analyst at a Seoul think tank". */
  source?: string;
  note?: string;
  /** Optional fact-check verdict ("False", "Misleading"…), for ClaimReview. */
  verdict?: string;
  creator?: string;
  /** ISO 8601 timestamps. */
  created: string;
  modified: string;
  status: AnnotationStatus;
}

/** The fields a user may change on an existing annotation. */
export type AnnotationPatch = Partial<Pick<Annotation, 'tag' | 'source' | 'note' | 'verdict'>>;

/** Where a new annotation goes: by text offsets, or by quote (with optional context). */
export interface AnnotationInput {
  tag: string;
  start?: number;
  end?: number;
  quote?: string;
  prefix?: string;
  suffix?: string;
  source?: string;
  note?: string;
  verdict?: string;
}

export const CONTEXT_LENGTH = 32;

/**
 * An annotation as a file described it: only the tag is sure; offsets, quote or both may be missing (other tools give
 * one or the other).
 */
export type ImportedAnnotation = Partial<Omit<Annotation, 'tag'>> & {
  /** A tag id, or a label or free text from another tool, resolved against the taxonomy on import. */
  tag: string;
};
