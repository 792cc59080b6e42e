import { ClaimStore, DEFAULT_DB_NAME, StorageError } from './claim-store.js';

export interface ConnectionEvents {
  /** An older version of the database is open in another tab; writes fail fast until it closes. */
  blocked(error: StorageError): void;
  /** The whole database was deleted elsewhere. */
  deleted(): void;
}

/**
 * One editor's connection to its IndexedDB database: opened when first
 * needed, opened again after it closes, and failing fast while another tab
 * blocks the upgrade (the open goes on waiting). Asks once for persistent
 * storage when it first opens.
 */
export class StoreConnection {
  private store?: Promise<ClaimStore>;
  private blocked = false;
  private persistAsked = false;

  constructor(
    private readonly dbName: () => string,
    private readonly events: ConnectionEvents,
  ) {}

  /** Whether there is no usable connection (none, or blocked). */
  get unusable(): boolean {
    return !this.store || this.blocked;
  }

  close() {
    const store = this.store;
    this.store = undefined;
    this.blocked = false;
    void store?.then((s) => s.close()).catch(() => undefined);
  }

  open(): Promise<ClaimStore> {
    if (!this.store) {
      this.blocked = false;
      const opening = ClaimStore.open(this.dbName() || DEFAULT_DB_NAME, {
        onBlocked: () => {
          this.blocked = true;
          this.events.blocked(
            new StorageError(
              'storage-blocked',
              'Another tab has an older version of this editor open: close or reload it to save. ' +
                'Your work is kept here meanwhile.',
            ),
          );
        },
        onClosed: (deleted) => {
          if (this.store === opening) this.store = undefined;
          if (deleted) this.events.deleted();
        },
      });
      this.store = opening;
      opening.then(
        () => {
          this.blocked = false;
          this.askPersistence();
        },
        () => {
          if (this.store === opening) this.store = undefined;
        },
      );
    }
    const store = this.store;
    // While blocked, a write fails fast and is retried; the open itself goes on waiting.
    return this.blocked
      ? Promise.reject(new StorageError('storage-blocked', 'Storage is blocked by another tab.'))
      : store;
  }

  private askPersistence() {
    if (this.persistAsked) return;
    this.persistAsked = true;
    void navigator.storage?.persist?.().catch(() => false);
  }
}
