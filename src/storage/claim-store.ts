import { openDB, type IDBPDatabase } from 'idb';
import { DB_VERSION, upgrade, type ClaimDB, type StoredAnnotation, type StoredDocument } from './db-schema.js';
import { mergeByField } from './field-merge.js';
import { PACK_MIN, readAnnotations, readRecords, removeAnnotationsBut, withoutSeq } from './annotation-records.js';
import { readStoredAnnotation, readStoredDocument, type UnreadableRecord } from './record-reader.js';
import { DocumentGoneError, StorageError } from './storage-error.js';
import { SyncChannel } from './sync-channel.js';
import { SyncUpdateStore } from './sync-update-store.js';

export const DEFAULT_DB_NAME = 'claim-provenance';

export { classifyStorageError, DocumentGoneError, StorageError, type StorageErrorKind } from './storage-error.js';

export interface OpenOptions {
  /** Another tab holds an older version open; the open waits until it closes. */
  onBlocked?: () => void;
  /**
   * The connection was closed: it stood in the way of a newer version or of
   * the database being deleted (`deleted`) elsewhere, or the browser ended it.
   */
  onClosed?: (deleted: boolean) => void;
}

/** Annotations to write and to delete for one document, with the document itself when its content changed. */
export interface ChangeSet {
  documentId: string;
  document?: StoredDocument;
  put: StoredAnnotation[];
  remove: string[];
}

/** A saved document as read back; see {@link ClaimStore.load}. */
export interface LoadedDocument {
  document?: StoredDocument;
  /** The document's record exactly as stored: what is set aside if its content proves unreadable. */
  storedRecord: unknown;
  annotations: StoredAnnotation[];
  unreadable: UnreadableRecord[];
}

export type { UnreadableRecord };

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
      throw new StorageError(
        'storage-unavailable',
        'This browser offers no IndexedDB (private mode or storage disabled).',
      );
    }
    let store: ClaimStore | undefined;
    try {
      const db = await openDB<ClaimDB>(name, DB_VERSION, {
        upgrade: (database, oldVersion, _newVersion, tx) => upgrade(database, oldVersion, tx),
        blocked: () => options.onBlocked?.(),
        blocking: (_currentVersion, blockedVersion) => {
          store?.close();
          options.onClosed?.(blockedVersion === null);
        },
        terminated: () => options.onClosed?.(false),
      });
      store = new ClaimStore(db);
      return store;
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error);
      throw new StorageError('storage-unavailable', `The browser refused to open storage (${detail}).`, {
        cause: error,
      });
    }
  }

  close() {
    this.db.close();
  }

  /** The stored updates of synced documents' shared state (team sync). */
  syncUpdates(): SyncUpdateStore {
    return new SyncUpdateStore(this.db);
  }

  /**
   * Reads a saved document and its annotations. Records that cannot be read
   * are listed in `unreadable` (to be set aside with {@link setAside}) and
   * everything else still loads; `document` is missing when its own record
   * is unreadable. Undefined when nothing is saved under `documentId`.
   */
  async load(documentId: string): Promise<LoadedDocument | undefined> {
    const tx = this.db.transaction(['documents', 'annotations', 'annotationPacks'], 'readonly');
    const [storedDocument, { annotations, packed, unreadable }] = await Promise.all([
      tx.objectStore('documents').get(documentId),
      readAnnotations(tx.objectStore('annotations'), tx.objectStore('annotationPacks'), documentId),
    ]);
    await tx.done;
    if (storedDocument === undefined) return undefined;
    const document = readStoredDocument(storedDocument, documentId);
    if (!document.ok)
      unreadable.push({ store: 'documents', key: documentId, record: storedDocument, problems: document.problems });
    if (!packed && unreadable.length === 0 && annotations.length >= PACK_MIN)
      void this.pack(documentId).catch(() => {});
    return {
      ...(document.ok ? { document: document.value } : {}),
      storedRecord: storedDocument,
      annotations: annotations.map(withoutSeq),
      unreadable,
    };
  }

  /**
   * Moves unreadable records of a document out of the way, into the
   * `setAside` store, in one transaction: kept for whoever can repair them,
   * never loaded again, never deleted.
   */
  async setAside(documentId: string, records: readonly UnreadableRecord[]): Promise<void> {
    const tx = this.db.transaction(['documents', 'annotations', 'annotationPacks', 'setAside'], 'readwrite', {
      durability: 'strict',
    });
    const found = new Date().toISOString();
    const work: Promise<unknown>[] = [];
    for (const { store, key, record, problems } of records) {
      work.push(tx.objectStore('setAside').add({ documentId, store, key, record, problems, found }));
      // The typed stores expect well-formed keys; these are whatever the unreadable record was stored under.
      work.push(tx.objectStore(store).delete(key as never));
    }
    await Promise.all([...work, tx.done]);
  }

  /**
   * Reads some annotations of a document (those another tab says it changed); unreadable ones are left for the next
   * load to set aside.
   */
  async getAnnotations(documentId: string, ids: readonly string[]): Promise<StoredAnnotation[]> {
    const tx = this.db.transaction('annotations', 'readonly');
    const found = await Promise.all(ids.map((id) => tx.store.get([documentId, id])));
    await tx.done;
    return readRecords(
      found.filter((value) => value !== undefined),
      documentId,
      [],
    ).map(withoutSeq);
  }

  /**
   * Writes a change set durably. An annotation changed meanwhile in another
   * tab is merged part by part (tag, source, note, verdict, range), the later
   * change of each part winning; what differs from the change set is
   * returned in `newer` for the editor to adopt.
   * With `unloading` (the page is closing) every request is sent at once and
   * the transaction committed, with no read first: a read's answer might
   * come after the page is gone, and the write with it.
   * A document deleted on purpose is not written again unless `recreate`:
   * then its annotation records not in the change set (left by a tab that
   * closed after the deletion) are deleted.
   */
  async write(changes: ChangeSet, { unloading = false, recreate = false } = {}): Promise<WriteResult> {
    const { documentId } = changes;
    const tx = this.db.transaction(
      ['documents', 'annotations', 'annotationPacks', 'annotationSequences', 'deletions'],
      'readwrite',
      {
        durability: 'strict',
      },
    );
    const annotations = tx.objectStore('annotations');
    const deletions = tx.objectStore('deletions');
    const newer: StoredAnnotation[] = [];
    const work: Promise<unknown>[] = [];
    if (changes.document) {
      if (recreate && !unloading) {
        work.push(
          removeAnnotationsBut(annotations, documentId, new Set(changes.put.map((annotation) => annotation.id))),
        );
      } else if (!unloading) {
        // Read before the put below: a tab that missed the deletion's message does not bring the article back.
        work.push(
          deletions.getKey(documentId).then((deletion) => {
            if (deletion !== undefined) throw new DocumentGoneError(documentId, true);
          }),
        );
      }
      work.push(tx.objectStore('documents').put(changes.document), deletions.delete(documentId));
    } else if (!unloading) {
      // Annotations without their article would be lost on the next load: a document deleted meanwhile is told, not
      // half-written.
      work.push(
        Promise.all([tx.objectStore('documents').getKey(documentId), deletions.getKey(documentId)]).then(
          ([exists, deletion]) => {
            if (exists === undefined) throw new DocumentGoneError(documentId, deletion !== undefined);
          },
        ),
      );
    }
    if (unloading) {
      // No read can be waited for: the records go without a `seq`, and the pack, which would hide them, goes.
      for (const annotation of changes.put) work.push(annotations.put(withoutSeq(annotation)));
      work.push(tx.objectStore('annotationPacks').delete(documentId));
    } else if (changes.put.length > 0 || changes.remove.length > 0) {
      const sequences = tx.objectStore('annotationSequences');
      const modified = new Date().toISOString();
      work.push(
        sequences.get(documentId).then((sequence) => {
          const seq = (sequence?.seq ?? 0) + 1;
          return Promise.all([
            sequences.put({ ...sequence, documentId, seq, modified }),
            ...changes.put.map((annotation) =>
              annotations.get([documentId, annotation.id]).then((value) => {
                const read = value === undefined ? undefined : readStoredAnnotation(value, documentId);
                const stored = read?.ok ? withoutSeq(read.value) : undefined;
                const kept = stored ? mergeByField(stored, annotation) : annotation;
                if (kept === annotation) return annotations.put({ ...annotation, seq });
                newer.push(kept);
                return kept === stored ? undefined : annotations.put({ ...kept, seq });
              }),
            ),
          ]);
        }),
      );
    }
    for (const id of changes.remove) work.push(annotations.delete([documentId, id]));
    if (unloading) tx.commit();
    try {
      await Promise.all([...work, tx.done]);
    } catch (error) {
      // Nothing of a change set whose document is gone is written.
      if (error instanceof DocumentGoneError) tx.abort();
      throw error;
    }
    if (!unloading && changes.put.length >= PACK_MIN) await this.packIfStale(documentId);
    return { newer };
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
        packedAt === undefined
          ? total
          : await records
              .index('by-sequence')
              .count(IDBKeyRange.bound([documentId, packedAt], [documentId, Infinity], true));
      await tx.done;
      if (total >= PACK_MIN && since * 2 >= total) await this.pack(documentId);
    } catch {
      // Loads read the records one by one, as they did before packs.
    }
  }

  /** Writes the document's pack: every annotation as of the latest write, read and written in one transaction. */
  private async pack(documentId: string): Promise<void> {
    const tx = this.db.transaction(
      ['documents', 'annotations', 'annotationPacks', 'annotationSequences'],
      'readwrite',
      { durability: 'relaxed' },
    );
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

  /**
   * Saved documents, most recently changed first, without their content.
   * `modified` is the last change to the text or to any annotation.
   */
  async list(): Promise<Pick<StoredDocument, 'id' | 'title' | 'created' | 'modified'>[]> {
    const tx = this.db.transaction(['documents', 'annotationSequences'], 'readonly');
    const [documents, sequences] = await Promise.all([
      tx.objectStore('documents').getAll(),
      tx.objectStore('annotationSequences').getAll(),
      tx.done,
    ]);
    const annotated = new Map(sequences.map((sequence) => [sequence.documentId, sequence.modified]));
    return documents
      .map(({ id, title, created, modified }) => {
        const annotations = annotated.get(id);
        return { id, title, created, modified: annotations && annotations > modified ? annotations : modified };
      })
      .sort((a, b) => (a.modified < b.modified ? 1 : a.modified > b.modified ? -1 : 0));
  }

  /** How many annotations name each source, over every saved document but `exceptDocumentId`. */
  async sourceCounts(exceptDocumentId?: string): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    let cursor = await this.db.transaction('annotations', 'readonly').store.openCursor();
    while (cursor) {
      const { documentId, source } = cursor.value as { documentId?: unknown; source?: unknown };
      if (documentId !== exceptDocumentId && typeof source === 'string' && source.trim())
        counts.set(source.trim(), (counts.get(source.trim()) ?? 0) + 1);
      cursor = await cursor.continue();
    }
    return counts;
  }

  /**
   * Deletes a document and its annotations, and notes that it was deleted on purpose (see {@link DocumentGoneError}).
   */
  async delete(documentId: string): Promise<void> {
    const tx = this.db.transaction(
      ['documents', 'annotations', 'annotationPacks', 'annotationSequences', 'deletions', 'syncUpdates'],
      'readwrite',
      { durability: 'strict' },
    );
    const work: Promise<unknown>[] = [
      tx.objectStore('deletions').put({ documentId, deleted: new Date().toISOString() }),
      tx.objectStore('documents').delete(documentId),
      tx.objectStore('annotationPacks').delete(documentId),
      tx.objectStore('annotationSequences').delete(documentId),
    ];
    // Its team sync state goes too: kept, it would delete on the server what a new article of this id lacks.
    const annotations = tx.objectStore('annotations');
    const updates = tx.objectStore('syncUpdates');
    let cursor = await annotations.index('by-document').openKeyCursor(documentId);
    while (cursor) {
      work.push(annotations.delete(cursor.primaryKey));
      cursor = await cursor.continue();
    }
    let updateCursor = await updates.index('by-document').openKeyCursor(documentId);
    while (updateCursor) {
      work.push(updates.delete(updateCursor.primaryKey));
      updateCursor = await updateCursor.continue();
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

/** Deletes a saved article and its annotations; editors that have it open in other tabs are told. */
export async function deleteDocument(documentId: string, dbName: string = DEFAULT_DB_NAME): Promise<void> {
  const store = await ClaimStore.open(dbName);
  try {
    await store.delete(documentId);
  } finally {
    store.close();
  }
  const channel = new SyncChannel(dbName, documentId, () => {});
  channel.post({ documentId, annotationIds: [], removedIds: [], deleted: true });
  channel.close();
}
