import * as Y from 'yjs';
import type { Annotation } from '../model/annotation.js';
import { retryDelay } from '../storage/retry.js';
import { classifyStorageError, type StorageErrorKind } from '../storage/storage-error.js';
import type { StoredSyncUpdate, SyncUpdateStore, UnreadableSyncUpdate } from '../storage/sync-update-store.js';
import { LOCAL_ORIGIN, type AnnotationBinding } from './annotation-binding.js';
import { readSharedAnnotations } from './doc-layout.js';

export interface KeeperOptions {
  documentId: string;
  /** Where the updates are stored; rejects while storage fails. */
  store(): Promise<SyncUpdateStore>;
  /**
   * Resolves once the editor holds its saved annotations and every change so
   * far is durable in their records; rejects while it does not.
   */
  recordsSaved(): Promise<void>;
  /** The editor's annotations now. */
  localAnnotations(): Annotation[];
  /** A storage problem the user should know of (the keeper retries on its own). */
  problem(kind: StorageErrorKind | 'storage-corrupt', message: string): void;
  /** Called once the last write after {@link SharedStateKeeper.destroy} has settled. */
  released?(): void;
}

/** Stored update records of a document before they are compacted into one. */
export const COMPACT_AFTER = 100;

/**
 * Keeps a synced document's Y.Doc in IndexedDB, so that work done offline
 * merges with proper causality, also after the tab was closed and reopened:
 *
 * - {@link restored}: before the provider connects, the stored updates are
 *   checked (each applied to a scratch doc: one that throws, or a set that
 *   builds on something missing, is set aside, reported, and the doc starts
 *   empty as on a first sync) and applied. Then the editor's annotations,
 *   which landed in IndexedDB first, are compared with it, and what differs
 *   (changes, and deletions, made offline or without sync) becomes the
 *   editor's own Y operations, made after everything the doc knew.
 * - Every update is stored after the annotation records of the same moment
 *   are durable (so stored updates never get ahead of them), retried with
 *   growing delays while storage fails, and compacted into one record now
 *   and then. A document never synced in this browser is stored from its
 *   first sync on (its whole state then).
 */
export class SharedStateKeeper {
  readonly restored: Promise<void>;
  private restoring = true;
  /** The editor's changes made while restoring: written once the doc holds what was stored. */
  private readonly queued: [readonly Annotation[], readonly string[]][] = [];
  private storing = false;
  /** The next write is the whole state, replacing the records in {@link replacing}. */
  private full = false;
  private replacing: number[] = [];
  /** This doc's records: the ones it was restored from and the ones it wrote. */
  private keys: number[] = [];
  private pending: Uint8Array[] = [];
  private writing = false;
  private timer?: ReturnType<typeof setTimeout>;
  private retrying = false;
  private failures = 0;
  private destroyed = false;

  constructor(
    private readonly doc: Y.Doc,
    private readonly binding: AnnotationBinding,
    private readonly options: KeeperOptions,
  ) {
    this.restored = this.restore();
  }

  /** The editor's own changes (see {@link AnnotationBinding.local}); kept back while the doc is restored. */
  local(annotations: readonly Annotation[], removedIds: readonly string[]) {
    if (this.restoring) this.queued.push([annotations, removedIds]);
    else this.binding.local(annotations, removedIds);
  }

  /** The provider synced: a document not stored yet is stored from now on, its whole state first. */
  synced() {
    if (this.storing || this.restoring || this.destroyed) return;
    this.storing = true;
    this.full = true;
    this.schedule();
  }

  /** Stops; what is not stored yet is written at once (the editor's records rebuild it otherwise). */
  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.timer);
    this.doc.off('update', this.onUpdate);
    document.removeEventListener('visibilitychange', this.onHide);
    window.removeEventListener('pagehide', this.onHide);
    void this.write(true).finally(() => this.options.released?.());
  }

  private async restore() {
    let restored = false;
    try {
      restored = await this.load();
    } finally {
      this.restoring = false;
    }
    if (this.destroyed) return;
    this.doc.on('update', this.onUpdate);
    document.addEventListener('visibilitychange', this.onHide);
    window.addEventListener('pagehide', this.onHide);
    if (restored) {
      this.storing = true;
      const local = this.options.localAnnotations();
      const ids = new Set(local.map((annotation) => annotation.id));
      // Valid shared annotations the editor lacks were deleted here; malformed ones are not the editor's to delete.
      const removed = readSharedAnnotations(this.doc, [])
        .map((annotation) => annotation.id)
        .filter((id) => !ids.has(id));
      this.binding.local(local, removed);
    } else {
      for (const [annotations, removedIds] of this.queued) this.binding.local(annotations, removedIds);
    }
    this.queued.length = 0;
    this.schedule();
  }

  /** Applies the stored state; false when there is none, or it cannot be used (then the doc is untouched). */
  private async load(): Promise<boolean> {
    try {
      await this.options.recordsSaved();
    } catch {
      // The editor may not hold its saved annotations: there is nothing to compare the stored state with.
      return false;
    }
    let store: SyncUpdateStore;
    let stored: { updates: StoredSyncUpdate[]; unreadable: UnreadableSyncUpdate[] };
    try {
      store = await this.options.store();
      stored = await store.read(this.options.documentId);
    } catch (error) {
      const { kind, message } = classifyStorageError(error);
      this.options.problem(kind, `Team sync: the shared state kept in this browser could not be read (${message}).`);
      return false;
    }
    const { updates, unreadable } = stored;
    if (updates.length === 0 && unreadable.length === 0) return false;
    const checked = checkUpdates(updates);
    if ('problems' in checked || unreadable.length > 0) {
      const problems = [
        ...unreadable.flatMap((record) => record.problems),
        ...('problems' in checked ? checked.problems : []),
      ];
      await this.setAside(store, [
        ...unreadable,
        ...updates.map(({ key, update }) => ({
          key,
          record: { documentId: this.options.documentId, update },
          problems,
        })),
      ]);
      return false;
    }
    Y.applyUpdate(this.doc, checked.state, LOCAL_ORIGIN);
    this.keys = updates.map((update) => update.key);
    if (this.keys.length > 1) {
      this.full = true;
      this.replacing = [...this.keys];
    }
    return true;
  }

  private async setAside(store: SyncUpdateStore, records: UnreadableSyncUpdate[]) {
    let kept = true;
    try {
      await store.setAside(this.options.documentId, records);
    } catch {
      kept = false;
    }
    this.options.problem(
      'storage-corrupt',
      `Team sync: the shared state kept in this browser could not be read (${records[0].problems[0]}) and was ` +
        `${kept ? 'set aside' : 'left out'}. Your annotations are merged with the server's as on a first sync: ` +
        'annotations deleted offline may come back.',
    );
  }

  private readonly onUpdate = (update: Uint8Array) => {
    if (!this.storing) return;
    this.pending.push(update);
    this.schedule();
  };

  private readonly onHide = (event: Event) => {
    if (event.type !== 'pagehide' && document.visibilityState !== 'hidden') return;
    void this.write(true);
  };

  private schedule(delayMs = 0) {
    if (this.destroyed || this.timer !== undefined || this.retrying || this.writing) return;
    if (!this.full && this.pending.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write();
    }, delayMs);
  }

  /** Writes what is pending; `unloading`: at once, without waiting for the annotation records (see `append`). */
  private async write(unloading = false) {
    if (!this.storing || (!this.full && this.pending.length === 0) || (this.writing && !unloading)) return;
    if (unloading) return void (await this.attempt(true));
    this.writing = true;
    const written = await this.attempt(false);
    this.writing = false;
    if (written) {
      this.failures = 0;
      return this.schedule();
    }
    if (this.destroyed) return;
    this.retrying = true;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.retrying = false;
      void this.write();
    }, retryDelay(this.failures++));
  }

  private async attempt(unloading: boolean): Promise<boolean> {
    const { full, replacing, pending } = this;
    this.full = false;
    this.replacing = [];
    this.pending = [];
    const putBack = () => {
      this.full ||= full;
      this.replacing = [...replacing, ...this.replacing];
      this.pending = [...pending, ...this.pending];
      return false;
    };
    // The records' own failures are shown and retried by the editor's storage: this waits for them.
    if (
      !unloading &&
      !(await this.options.recordsSaved().then(
        () => true,
        () => false,
      ))
    )
      return putBack();
    try {
      const update = full ? Y.encodeStateAsUpdate(this.doc) : Y.mergeUpdates(pending);
      const key = await (await this.options.store()).append(this.options.documentId, update, { replacing, unloading });
      this.keys = [...this.keys.filter((old) => !replacing.includes(old)), key];
      if (this.keys.length > COMPACT_AFTER) {
        this.full = true;
        this.replacing = [...this.keys];
      }
      return true;
    } catch (error) {
      const { kind, message } = classifyStorageError(error);
      this.options.problem(
        kind,
        `Team sync: the shared state could not be kept in this browser (${message}). Retrying; your annotations ` +
          'are saved apart from it.',
      );
      return putBack();
    }
  }
}

/** The stored updates as one, if each applies and together they build on nothing missing; else what is wrong. */
export function checkUpdates(updates: readonly StoredSyncUpdate[]): { state: Uint8Array } | { problems: string[] } {
  const scratch = new Y.Doc();
  const problems: string[] = [];
  try {
    for (const { key, update } of updates) {
      try {
        Y.applyUpdate(scratch, update);
      } catch (error) {
        problems.push(`update ${key}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (problems.length === 0 && (scratch.store.pendingStructs !== null || scratch.store.pendingDs !== null))
      problems.push('the stored updates build on one that is missing.');
    return problems.length > 0 ? { problems } : { state: Y.encodeStateAsUpdate(scratch) };
  } finally {
    scratch.destroy();
  }
}
