import type { Annotation, ImportedAnnotation } from '../model/annotation.js';
import type { Node as PMNode } from 'prosemirror-model';
import type { Taxonomy } from '../model/taxonomy.js';
import type { ArticleMeta, Reviewer } from '../model/article-meta.js';
import type { VerdictScale } from '../model/verdict-scale.js';

/** Everything an export needs: the article and its annotations, in reading order. */
export interface ExportSource {
  document: {
    /** The `document-id`, when there is one. */
    id?: string;
    title: string;
    /** The article's plain text (blocks joined by "\n"); annotation offsets point into it. */
    text: string;
    /** The editor's document as ProseMirror JSON. */
    content: unknown;
    /** The article's identity (`articleMeta`), when any of it is known; `title` repeats the title above. */
    meta?: ArticleMeta;
  };
  taxonomy: Taxonomy;
  /** The fact-checking organisation (ClaimReview `author`). */
  reviewer?: Reviewer;
  /** The page where the fact-check is published (ClaimReview `url`, before `#claim-<id>`). */
  reviewUrl?: string;
  /** The verdicts with a number (ClaimReview `ratingValue`); other verdicts are free text. */
  verdictScale?: VerdictScale;
  annotations: readonly Annotation[];
  /** When the export was made (ISO 8601); injected so exports are reproducible in tests. */
  generated: string;
}

/** What an import file holds, once parsed: annotations, and for native JSON the article and taxonomy too. */
export interface ParsedImport {
  format: 'json' | 'w3c';
  annotations: ImportedAnnotation[];
  document?: ExportSource['document'];
  /** The native file's article, built from `document.content` once it passed the schema's checks. */
  article?: PMNode;
  taxonomy?: Taxonomy;
}

export type { ImportedAnnotation };

export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/**
 * One file format. `serialize` writes a string from the editor's data;
 * `parse` reads one back and returns errors rather than throwing, whatever
 * the input.
 */
export interface Format<T> extends FormatWriter {
  parse(input: string): ParseResult<T>;
}

/** The export side of a format: what `exportAs` and the export menu need (no parser, so none is loaded). */
export interface FormatWriter {
  /** What the export menu calls it. */
  label: string;
  /** The end of an exported file's name, after the article's slug: "annotated.html". */
  fileName: string;
  mediaType: string;
  serialize(source: ExportSource, options?: ExportOptions): string;
}

/** What `exportAs` may be asked besides the format: for `html`, which annotations are highlighted and listed. */
export interface ExportOptions {
  /** `all` (default), or `reviewed`: only those with a note or a verdict. */
  annotations?: 'all' | 'reviewed';
}

/** A JSON format that also reads a value already parsed, so an import is parsed once whatever its format. */
export interface JsonFormat<T> extends Format<T> {
  parseValue(value: unknown): ParseResult<T>;
}

/** Imports larger than this are rejected before parsing (20 MiB of text). */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

export function ok<T>(value: T): ParseResult<T> {
  return { ok: true, value };
}

export function failed<T>(...errors: string[]): ParseResult<T> {
  return { ok: false, errors };
}
