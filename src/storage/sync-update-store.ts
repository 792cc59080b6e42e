import type { IDBPDatabase } from 'idb';
import type { ClaimDB } from './db-schema.js';

/** One stored update of a document's shared state, as read back. */
export interface StoredSyncUpdate {
  key: number;
  update: Uint8Array;
}

/** A stored record that is not an update of the document's shared state (or not one that can be applied). */
export interface UnreadableSyncUpdate {
  key: IDBValidKey;
  record: unknown;
  problems: string[];
}

/**
 * The stored updates of synced documents' shared state (team sync), in the
 * `syncUpdates` store. The bytes are opaque here: the records' shape is
 * checked on read, their content by the sync code that applies them.
 */
export class SyncUpdateStore {
  constructor(private readonly db: IDBPDatabase<ClaimDB>) {}

  /** A document's updates in the order written; records of the wrong shape are listed in `unreadable`. */
  async read(documentId: string): Promise<{ updates: StoredSyncUpdate[]; unreadable: UnreadableSyncUpdate[] }> {
    const updates: StoredSyncUpdate[] = [];
    const unreadable: UnreadableSyncUpdate[] = [];
    let cursor = await this.db.transaction('syncUpdates', 'readonly').store.index('by-document').openCursor(documentId);
    while (cursor) {
      const key = cursor.primaryKey;
      const record: unknown = cursor.value;
      const update = (record as { update?: unknown } | null)?.update;
      if (typeof key === 'number' && update instanceof Uint8Array && update.byteLength > 0)
        updates.push({ key, update });
      else unreadable.push({ key, record, problems: ['a team sync update: expected non-empty bytes.'] });
      cursor = await cursor.continue();
    }
    return { updates, unreadable };
  }

  /**
   * Adds an update and, in the same transaction, deletes the records `replacing` names (the ones
   * it compacts); resolves to the new record's key once durable. `unloading` (the page is closing):
   * the transaction also takes the `annotations` store, so it runs after an annotation write begun
   * before it, never ahead of it.
   */
  async append(
    documentId: string,
    update: Uint8Array,
    { replacing = [], unloading = false }: { replacing?: readonly number[]; unloading?: boolean } = {},
  ): Promise<number> {
    const tx = this.db.transaction(unloading ? ['syncUpdates', 'annotations'] : ['syncUpdates'], 'readwrite', {
      durability: 'strict',
    });
    const store = tx.objectStore('syncUpdates');
    const [key] = await Promise.all([
      store.add({ documentId, update }),
      ...replacing.map((old) => store.delete(old)),
      tx.done,
    ]);
    return key;
  }

  /** Moves unreadable or unusable records of a document into `setAside` (kept, never loaded again). */
  async setAside(documentId: string, records: readonly UnreadableSyncUpdate[]): Promise<void> {
    const tx = this.db.transaction(['syncUpdates', 'setAside'], 'readwrite', { durability: 'strict' });
    const found = new Date().toISOString();
    await Promise.all([
      ...records.flatMap(({ key, record, problems }) => [
        tx.objectStore('setAside').add({ documentId, store: 'syncUpdates', key, record, problems, found }),
        // Whatever key the record was stored under.
        tx.objectStore('syncUpdates').delete(key as number),
      ]),
      tx.done,
    ]);
  }
}
