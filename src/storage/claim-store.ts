import { openDB, type IDBPDatabase } from 'idb';
import { DB_VERSION, upgrade, type ClaimDB, type StoredAnnotation, type StoredDocument } from './db-schema.js';

export const DEFAULT_DB_NAME = 'claim-provenance';

/** What went wrong with storage, as `claim-error` reports it. */
export type StorageErrorKind = 'storage-unavailable' | 'storage-blocked' | 'storage-full' | 'storage-failed';

export class StorageError extends Error {
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/** Turns whatever IndexedDB threw into a StorageError a person can read. */
export function classifyStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') {
    return new StorageError('storage-full', 'The browser’s storage is full: free some space or export your work.', { cause: error });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError('storage-failed', `Saving failed (${detail || name || 'unknown error'}).`, { cause: error });
}

export interface OpenOptions {
  /** Another tab holds an older version open; the open waits until it closes. */
  onBlocked?: () => void;
  /** This connection stands in the way of a newer version elsewhere; it has been closed. */
  onClosed?: () => void;
}

/** Annotations to write and to delete for one document, with the document itself when its content changed. */
export interface ChangeSet {
  documentId: string;
  document?: StoredDocument;
  put: StoredAnnotation[];
  remove: string[];
}

/** What a write found already stored that was newer than the change: kept, and returned for the editor to adopt. */
export interface WriteResult {
  newer: StoredAnnotation[];
}

/**
 * The article store in IndexedDB. Documents and annotations are separate
 * records; a change set is written in one transaction, so a document's text
 * and its annotations' offsets never disagree on disk.
 */
export class ClaimStore {
  private constructor(private readonly db: IDBPDatabase<ClaimDB>) {}

  static async open(name: string = DEFAULT_DB_NAME, options: OpenOptions = {}): Promise<ClaimStore> {
    if (typeof indexedDB === 'undefined') {
      throw new StorageError('storage-unavailable', 'This browser offers no IndexedDB (private mode or storage disabled).');
    }
    let store: ClaimStore | undefined;
    try {
      const db = await openDB<ClaimDB>(name, DB_VERSION, {
        upgrade: (database, oldVersion, _newVersion, tx) => upgrade(database, oldVersion, tx),
        blocked: () => options.onBlocked?.(),
        blocking: () => {
          store?.close();
          options.onClosed?.();
        },
        terminated: () => options.onClosed?.(),
      });
      store = new ClaimStore(db);
      return store;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new StorageError('storage-unavailable', `The browser refused to open storage (${detail}).`, { cause: error });
    }
  }

  close() {
    this.db.close();
  }

  async load(documentId: string): Promise<{ document: StoredDocument; annotations: StoredAnnotation[] } | undefined> {
    const tx = this.db.transaction(['documents', 'annotations'], 'readonly');
    const [document, annotations] = await Promise.all([
      tx.objectStore('documents').get(documentId),
      tx.objectStore('annotations').index('by-document').getAll(documentId),
      tx.done,
    ]);
    return document ? { document, annotations } : undefined;
  }

  /** Reads some annotations of a document (those another tab says it changed). */
  async getAnnotations(documentId: string, ids: readonly string[]): Promise<StoredAnnotation[]> {
    const tx = this.db.transaction('annotations', 'readonly');
    const found = await Promise.all(ids.map((id) => tx.store.get([documentId, id])));
    await tx.done;
    return found.filter((annotation): annotation is StoredAnnotation => !!annotation);
  }

  /**
   * Writes a change set durably. An annotation already stored with a later
   * `modified` (changed meanwhile in another tab) is kept, not overwritten.
   * With `unloading` (the page is closing) every request is sent at once and
   * the transaction committed, with no read first: a read's answer might
   * come after the page is gone, and the write with it.
   */
  async write(changes: ChangeSet, { unloading = false } = {}): Promise<WriteResult> {
    const tx = this.db.transaction(['documents', 'annotations'], 'readwrite', { durability: 'strict' });
    const annotations = tx.objectStore('annotations');
    const newer: StoredAnnotation[] = [];
    const work: Promise<unknown>[] = [];
    if (changes.document) work.push(tx.objectStore('documents').put(changes.document));
    for (const annotation of changes.put) {
      work.push(
        unloading
          ? annotations.put(annotation)
          : annotations.get([changes.documentId, annotation.id]).then((stored) => {
              if (stored && stored.modified > annotation.modified) newer.push(stored);
              else return annotations.put(annotation);
            }),
      );
    }
    for (const id of changes.remove) work.push(annotations.delete([changes.documentId, id]));
    if (unloading) tx.commit();
    await Promise.all([...work, tx.done]);
    return { newer };
  }

  /** Replaces a document and all its annotations (a new article under the same id). */
  async replace(document: StoredDocument, annotations: StoredAnnotation[]): Promise<void> {
    const tx = this.db.transaction(['documents', 'annotations'], 'readwrite', { durability: 'strict' });
    const store = tx.objectStore('annotations');
    const work: Promise<unknown>[] = [tx.objectStore('documents').put(document)];
    let cursor = await store.index('by-document').openKeyCursor(document.id);
    while (cursor) {
      work.push(store.delete(cursor.primaryKey));
      cursor = await cursor.continue();
    }
    for (const annotation of annotations) work.push(store.put(annotation));
    await Promise.all([...work, tx.done]);
  }

  /** Saved documents, most recently changed first, without their content. */
  async list(): Promise<Pick<StoredDocument, 'id' | 'title' | 'created' | 'modified'>[]> {
    const documents = await this.db.getAllFromIndex('documents', 'by-modified');
    return documents.reverse().map(({ id, title, created, modified }) => ({ id, title, created, modified }));
  }

  async delete(documentId: string): Promise<void> {
    const tx = this.db.transaction(['documents', 'annotations'], 'readwrite', { durability: 'strict' });
    const store = tx.objectStore('annotations');
    const work: Promise<unknown>[] = [tx.objectStore('documents').delete(documentId)];
    let cursor = await store.index('by-document').openKeyCursor(documentId);
    while (cursor) {
      work.push(store.delete(cursor.primaryKey));
      cursor = await cursor.continue();
    }
    await Promise.all([...work, tx.done]);
  }
}

/** Lists the articles saved in a database (for a document picker). */
export async function listDocuments(dbName: string = DEFAULT_DB_NAME) {
  const store = await ClaimStore.open(dbName);
  try {
    return await store.list();
  } finally {
    store.close();
  }
}

/** Deletes a saved article and its annotations. */
export async function deleteDocument(documentId: string, dbName: string = DEFAULT_DB_NAME): Promise<void> {
  const store = await ClaimStore.open(dbName);
  try {
    await store.delete(documentId);
  } finally {
    store.close();
  }
}
