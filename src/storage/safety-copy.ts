import type { Annotation } from '../model/annotation.js';
import { readAnnotation } from '../model/annotation-reader.js';
import type { StoredAnnotation, StoredDocument } from './db-schema.js';
import { readStoredDocument } from './record-reader.js';

/**
 * Unsaved changes a closing page copied to localStorage, in case the
 * IndexedDB write it started is cut off with the page: the changed
 * annotations, the ids of removed ones, and the article if it changed.
 */
export interface SafetyCopy {
  annotations: Annotation[];
  removed: string[];
  document?: StoredDocument;
}

/** A saved document as loaded: its record (missing when it could not be read) and its annotations. */
export interface SavedRecords {
  document?: StoredDocument;
  annotations: StoredAnnotation[];
}

/**
 * Where a closing page leaves the unsaved changes of one document of one
 * database. Each tab has its own key: a tab saving the same document must not
 * drop the copy another tab left while closing (it has not read it).
 */
export function safetyCopyKey(dbName: string, documentId: string, tabId: string): string {
  return `${safetyCopyPrefix(dbName, documentId)}${tabId}`;
}

/** Names are encoded so that one document's prefix is never the start of another's. */
function safetyCopyPrefix(dbName: string, documentId: string): string {
  return `claim-provenance:unsaved:${encodeURIComponent(dbName)}:${encodeURIComponent(documentId)}:`;
}

/** The keys of every copy left for this document, by any tab. */
export function safetyCopyKeys(dbName: string, documentId: string): string[] {
  const prefix = safetyCopyPrefix(dbName, documentId);
  try {
    return Array.from({ length: localStorage.length }, (_, index) => localStorage.key(index) ?? '').filter((key) =>
      key.startsWith(prefix),
    );
  } catch {
    return [];
  }
}

/** Synchronous, so it completes even when the page is torn down right after. */
export function keepSafetyCopy(key: string, copy: SafetyCopy) {
  try {
    localStorage.setItem(key, JSON.stringify(copy));
  } catch {
    // No localStorage (or full): the IndexedDB write is all there is.
  }
}

export function dropSafetyCopy(key: string) {
  try {
    localStorage.removeItem(key);
  } catch {
    // Nothing was kept there.
  }
}

/**
 * The changes a page left when it closed before they were saved, if any;
 * removed from localStorage once read. Read like an import: annotations that
 * cannot be read are left out, and so is an article that is not
 * `readableArticle` (its content does not fit the editor's schema).
 */
export function takeSafetyCopy(
  key: string,
  documentId: string,
  readableArticle: (document: StoredDocument) => boolean,
): SafetyCopy | undefined {
  let value: unknown;
  try {
    const text = localStorage.getItem(key);
    localStorage.removeItem(key);
    value = text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
  const copy = value as Partial<Record<keyof SafetyCopy, unknown>> | null;
  if (typeof copy !== 'object' || copy === null || !Array.isArray(copy.annotations) || !Array.isArray(copy.removed))
    return undefined;
  const annotations = copy.annotations.flatMap(
    (item, index) => readAnnotation(item, `annotations[${index}]`, []) ?? [],
  );
  const removed = copy.removed.filter((id): id is string => typeof id === 'string');
  const document = copy.document === undefined ? undefined : readStoredDocument(copy.document, documentId);
  const readable = document?.ok && readableArticle(document.value) ? document.value : undefined;
  return { annotations, removed, ...(readable ? { document: readable } : {}) };
}

/** The saved document with a closed page's unsaved changes on top (they are newer). */
export function mergeSafetyCopy(
  saved: SavedRecords | undefined,
  copy: SafetyCopy,
  documentId: string,
): SavedRecords | undefined {
  const document = copy.document ?? saved?.document;
  if (!document) return saved;
  const byId = new Map((saved?.annotations ?? []).map((a) => [a.id, a]));
  for (const id of copy.removed) byId.delete(id);
  for (const annotation of copy.annotations) {
    const stored = byId.get(annotation.id);
    if (!stored || stored.modified <= annotation.modified) byId.set(annotation.id, { ...annotation, documentId });
  }
  return { document, annotations: [...byId.values()] };
}
