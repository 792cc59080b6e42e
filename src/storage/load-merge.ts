import type { Annotation } from '../model/annotation.js';
import type { StoredAnnotation, StoredDocument } from './db-schema.js';
import type { SavedRecords } from './safety-copy.js';

/** What the editor holds when its saved document has been read. */
export interface LocalWork {
  /** The editor started with its own (light-DOM) article, which it keeps. */
  lightDom: boolean;
  /** An article was loaded here while the saved one could not be read yet: it is kept. */
  localArticle: boolean;
  /** Annotations changed here while the document was loading. */
  changedIds: ReadonlySet<string>;
  /** The annotations the editor holds (only those in `only`, when given). */
  annotations(only?: ReadonlySet<string>): Annotation[];
  /** The editor's article as plain text. */
  text: string;
}

/** What a load does: what the editor shows, and what is written back. */
export interface LoadMerge {
  /** What the editor restores; none: it keeps what it has. */
  restore?: { document?: StoredDocument; annotations: Annotation[]; rejected?: string[]; empty?: boolean };
  /** No readable article is stored: the first write creates its record. */
  create: boolean;
  /** The whole document and every annotation are written. */
  writeAll: boolean;
  /** Unless all is written: the article is written again (it was read back from its plain text). */
  writeDocument: boolean;
  /** Unless all is written: the annotations done here while loading. */
  writeIds: string[];
  /** The saved annotations the editor restores: those whose status changes on the way in are written too. */
  fromStorage: Annotation[];
}

/**
 * Decides how a saved document and what the editor holds come together.
 * The editor keeps its own article when it started with one or one was loaded
 * meanwhile; otherwise the saved article is shown (none saved: an empty one).
 * The annotations done here while loading (all of them, with a kept article)
 * win over their saved versions; the rest come from storage. A kept article
 * that differs from the saved one is written whole.
 */
export function mergeLoad(saved: SavedRecords | undefined, local: LocalWork, repaired: boolean): LoadMerge {
  const keepLocalArticle = local.lightDom || local.localArticle;
  // Only what was done to this document while it was loading; the rest on screen belongs to the previous one.
  const mine = local.annotations(keepLocalArticle ? undefined : local.changedIds);
  const mineIds = new Set(mine.map((annotation) => annotation.id));
  const fromStorage = (saved?.annotations ?? []).map(withoutStorageFields).filter((a) => !mineIds.has(a.id));
  const rejected = saved?.document?.rejectedSuggestions ?? [];
  const annotations = [...fromStorage, ...mine];
  let restore: LoadMerge['restore'];
  if (saved?.document && !keepLocalArticle) {
    restore = { document: saved.document, annotations, rejected };
  } else if (saved || mine.length > 0) {
    // A saved article that cannot be read at all leaves its annotations nothing to anchor to but an empty article.
    restore = { annotations, rejected, empty: !!saved && !saved.document && !keepLocalArticle };
  } else if (!keepLocalArticle) {
    restore = { annotations: [], empty: true };
  }
  const writeAll = keepLocalArticle && (!saved?.document || local.text !== saved.document.text || local.localArticle);
  return {
    ...(restore ? { restore } : {}),
    create: !saved?.document,
    writeAll,
    writeDocument: !writeAll && repaired,
    writeIds: writeAll ? [] : [...mineIds],
    fromStorage,
  };
}

/** The annotation as the editor knows it, without storage's bookkeeping. */
export function withoutStorageFields({
  documentId: _documentId,
  fieldTimes: _fieldTimes,
  ...annotation
}: StoredAnnotation): Annotation {
  return annotation;
}
