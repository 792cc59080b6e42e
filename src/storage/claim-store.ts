import { openDB, type IDBPDatabase, type IDBPObjectStore, type StoreNames } from 'idb';
import { DB_VERSION, upgrade, type AnnotationPack, type ClaimDB, type StoredAnnotation, type StoredDocument } from './db-schema.js';

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

/** Documents with fewer annotations than this are read record by record: a pack would not pay for itself. */
const PACK_MIN = 64;

/** The annotation as the editor knows it, without the store's bookkeeping. */
function withoutSeq(annotation: StoredAnnotation): StoredAnnotation {
  if (annotation.seq === undefined) return annotation;
  const { seq: _seq, ...rest } = annotation;
  return rest;
}

/**
 * A document's annotations from its pack and the records written since
 * (`since`), for the records that exist (`keys`: one removed since the pack
 * has none). Null when a record is in neither (written by a closing page,
 * say): then the records must be read.
 */
function unpack(pack: AnnotationPack, since: StoredAnnotation[], keys: [string, string][]): StoredAnnotation[] | null {
  const packed = new Map(pack.annotations.map((annotation) => [annotation.id, annotation]));
  const written = new Map(since.map((annotation) => [annotation.id, annotation]));
  const annotations: StoredAnnotation[] = [];
  for (const [, id] of keys) {
    const annotation = written.get(id) ?? packed.get(id);
    if (!annotation) return null;
    annotations.push(annotation);
  }
  return annotations;
}

type Store<Name extends StoreNames<ClaimDB>> = IDBPObjectStore<ClaimDB, ArrayLike<StoreNames<ClaimDB>>, Name, IDBTransactionMode>;

/**
 * A document's annotations, read in the transaction `records` and `packs`
 * belong to: from its pack and the records written since, or, with no pack
 * (or one that cannot account for every record), from every record.
 */
async function readAnnotations(
  records: Store<'annotations'>,
  packs: Store<'annotationPacks'>,
  documentId: string,
): Promise<{ annotations: StoredAnnotation[]; packed: boolean }> {
  const [pack, keys] = await Promise.all([packs.get(documentId), records.index('by-document').getAllKeys(documentId)]);
  if (pack) {
    const since = await records.index('by-sequence').getAll(IDBKeyRange.bound([documentId, pack.seq], [documentId, Infinity], true));
    const annotations = unpack(pack, since, keys);
    if (annotations) return { annotations, packed: true };
  }
  return { annotations: await records.index('by-document').getAll(documentId), packed: false };
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
    const tx = this.db.transaction(['documents', 'annotations', 'annotationPacks'], 'readonly');
    const [document, { annotations, packed }] = await Promise.all([
      tx.objectStore('documents').get(documentId),
      readAnnotations(tx.objectStore('annotations'), tx.objectStore('annotationPacks'), documentId),
    ]);
    await tx.done;
    if (!document) return undefined;
    if (!packed && annotations.length >= PACK_MIN) void this.pack(documentId).catch(() => {});
    return { document, annotations: annotations.map(withoutSeq) };
  }

  /** Reads some annotations of a document (those another tab says it changed). */
  async getAnnotations(documentId: string, ids: readonly string[]): Promise<StoredAnnotation[]> {
    const tx = this.db.transaction('annotations', 'readonly');
    const found = await Promise.all(ids.map((id) => tx.store.get([documentId, id])));
    await tx.done;
    return found.filter((annotation): annotation is StoredAnnotation => !!annotation).map(withoutSeq);
  }

  /**
   * Writes a change set durably. An annotation already stored with a later
   * `modified` (changed meanwhile in another tab) is kept, not overwritten.
   * With `unloading` (the page is closing) every request is sent at once and
   * the transaction committed, with no read first: a read's answer might
   * come after the page is gone, and the write with it.
   */
  async write(changes: ChangeSet, { unloading = false } = {}): Promise<WriteResult> {
    const { documentId } = changes;
    const tx = this.db.transaction(['documents', 'annotations', 'annotationPacks', 'annotationSequences'], 'readwrite', { durability: 'strict' });
    const annotations = tx.objectStore('annotations');
    const newer: StoredAnnotation[] = [];
    const work: Promise<unknown>[] = [];
    if (changes.document) work.push(tx.objectStore('documents').put(changes.document));
    if (unloading) {
      // No read can be waited for: the records go without a `seq`, and the pack, which would hide them, goes.
      for (const annotation of changes.put) work.push(annotations.put(withoutSeq(annotation)));
      work.push(tx.objectStore('annotationPacks').delete(documentId));
    } else if (changes.put.length > 0) {
      const sequences = tx.objectStore('annotationSequences');
      work.push(
        sequences.get(documentId).then((sequence) => {
          const seq = (sequence?.seq ?? 0) + 1;
          return Promise.all([
            sequences.put({ ...sequence, documentId, seq }),
            ...changes.put.map((annotation) =>
              annotations.get([documentId, annotation.id]).then((stored) => {
                if (stored && stored.modified > annotation.modified) newer.push(withoutSeq(stored));
                else return annotations.put({ ...annotation, seq });
              }),
            ),
          ]);
        }),
      );
    }
    for (const id of changes.remove) work.push(annotations.delete([documentId, id]));
    if (unloading) tx.commit();
    await Promise.all([...work, tx.done]);
    if (!unloading && changes.put.length >= PACK_MIN) await this.packIfStale(documentId);
    return { newer };
  }

  /** Replaces a document and all its annotations (a new article under the same id). */
  async replace(document: StoredDocument, annotations: StoredAnnotation[]): Promise<void> {
    const tx = this.db.transaction(['documents', 'annotations', 'annotationPacks'], 'readwrite', { durability: 'strict' });
    const store = tx.objectStore('annotations');
    const work: Promise<unknown>[] = [tx.objectStore('documents').put(document), tx.objectStore('annotationPacks').delete(document.id)];
    let cursor = await store.index('by-document').openKeyCursor(document.id);
    while (cursor) {
      work.push(store.delete(cursor.primaryKey));
      cursor = await cursor.continue();
    }
    for (const annotation of annotations) work.push(store.put(withoutSeq(annotation)));
    await Promise.all([...work, tx.done]);
    if (annotations.length >= PACK_MIN) await this.packIfStale(document.id);
  }

  /**
   * Packs a document's annotations when most of them were written since its
   * pack (or it has none). A pack is only a faster way to read them: if the
   * packing fails, loads read the records themselves.
   */
  private async packIfStale(documentId: string): Promise<void> {
    try {
      const tx = this.db.transaction(['annotations', 'annotationPacks', 'annotationSequences'], 'readonly');
      const records = tx.objectStore('annotations');
      const [sequence, packKey, total] = await Promise.all([
        tx.objectStore('annotationSequences').get(documentId),
        tx.objectStore('annotationPacks').getKey(documentId),
        records.index('by-document').count(documentId),
      ]);
      const packedAt = packKey === undefined ? undefined : sequence?.packedAt;
      const since =
        packedAt === undefined ? total : await records.index('by-sequence').count(IDBKeyRange.bound([documentId, packedAt], [documentId, Infinity], true));
      await tx.done;
      if (total >= PACK_MIN && since * 2 >= total) await this.pack(documentId);
    } catch {
      // Loads read the records one by one, as they did before packs.
    }
  }

  /** Writes the document's pack: every annotation as of the latest write, read and written in one transaction. */
  private async pack(documentId: string): Promise<void> {
    const tx = this.db.transaction(['documents', 'annotations', 'annotationPacks', 'annotationSequences'], 'readwrite', { durability: 'relaxed' });
    const packs = tx.objectStore('annotationPacks');
    const sequences = tx.objectStore('annotationSequences');
    const [exists, { annotations }, sequence] = await Promise.all([
      tx.objectStore('documents').getKey(documentId),
      readAnnotations(tx.objectStore('annotations'), packs, documentId),
      sequences.get(documentId),
    ]);
    // Deleted meanwhile (packing after a load is not waited for): nothing to pack.
    if (exists === undefined) return tx.done;
    const seq = sequence?.seq ?? 0;
    await Promise.all([
      packs.put({ documentId, seq, annotations: annotations.map(withoutSeq) }),
      sequences.put({ documentId, seq, packedAt: seq }),
      tx.done,
    ]);
  }

  /** Saved documents, most recently changed first, without their content. */
  async list(): Promise<Pick<StoredDocument, 'id' | 'title' | 'created' | 'modified'>[]> {
    const documents = await this.db.getAllFromIndex('documents', 'by-modified');
    return documents.reverse().map(({ id, title, created, modified }) => ({ id, title, created, modified }));
  }

  async delete(documentId: string): Promise<void> {
    const tx = this.db.transaction(['documents', 'annotations', 'annotationPacks', 'annotationSequences'], 'readwrite', { durability: 'strict' });
    const store = tx.objectStore('annotations');
    const work: Promise<unknown>[] = [
      tx.objectStore('documents').delete(documentId),
      tx.objectStore('annotationPacks').delete(documentId),
      tx.objectStore('annotationSequences').delete(documentId),
    ];
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
