import { classifyStorageError, DocumentGoneError, type ClaimStore, type StorageError } from './claim-store.js';
import type { StoredAnnotation, StoredDocument } from './db-schema.js';
import { retryDelay } from './retry.js';

/** Where the saver reads the current values when it writes (never a stale copy). */
export interface SaveSource {
  document(): StoredDocument;
  /** The annotation as it is now; undefined once it has been removed. */
  annotation(id: string): StoredAnnotation | undefined;
  annotationIds(): string[];
  /**
   * Annotations that changed without being marked (text edits move every
   * annotation after them), found when a write is made: one pass per burst of
   * typing instead of one per keystroke.
   */
  movedAnnotationIds?(): Iterable<string>;
}

export interface SaverCallbacks {
  /** Everything marked before this write is durable. */
  saved(written: { documentId: string; annotationIds: string[]; removedIds: string[]; revision?: number }): void;
  /** A write failed; it is retried after `retryInMs`. Nothing pending is dropped. */
  failed(error: StorageError, retryInMs: number): void;
  /** Another tab changed these annotations later than we did: theirs were kept. */
  adopt(newer: StoredAnnotation[]): void;
  /**
   * The document's record was gone when a write came: wiped with the
   * database, or deleted on purpose (then nothing is written until
   * {@link DocumentSaver.release}). What is written next is the caller's call.
   */
  gone(error: DocumentGoneError): void;
}

/** Typing is written once it pauses this long, not once per keystroke; page-hide flushes at once. */
export const TYPING_DELAY_MS = 300;

/**
 * Collects what changed in one document and writes it to IndexedDB a moment
 * later (the changes of a burst go in one transaction). Failed writes keep
 * their changes pending and retry with growing delays, so nothing is lost
 * while storage is unavailable, blocked or full.
 */
export class DocumentSaver {
  private readonly pendingIds = new Set<string>();
  private documentPending = false;
  private debounce?: ReturnType<typeof setTimeout>;
  private retry?: ReturnType<typeof setTimeout>;
  private failures = 0;
  private writing: Promise<void> = Promise.resolve();
  private stopped = false;
  private held = false;
  /** What the write under way carries: not durable until it commits. */
  private inFlight?: { ids: string[]; document: boolean };
  /** The document has no record (new, or deleted on purpose and kept by the user): the next write creates it. */
  private creating = false;

  constructor(
    private readonly documentId: string,
    private readonly store: () => Promise<ClaimStore>,
    private readonly source: SaveSource,
    private readonly callbacks: SaverCallbacks,
    /** Changes made in the same moment (one task) go in one write; more while a write runs go in the next. */
    private readonly delayMs = 0,
  ) {}

  /** Keeps changes pending, unwritten, until {@link release}. */
  hold() {
    this.held = true;
  }

  /**
   * The document is not stored (or was deleted on purpose and the user keeps
   * it): every write includes it until one succeeds, and that write may
   * create it again.
   */
  create() {
    this.creating = true;
  }

  release() {
    this.held = false;
    if (this.pending) this.schedule();
  }

  get pending(): boolean {
    return this.documentPending || this.pendingIds.size > 0;
  }

  /** Changes not yet known to be durable: pending, or in a write that has not committed. */
  get unconfirmed(): boolean {
    return this.pending || this.inFlight !== undefined;
  }

  isPending(annotationId: string): boolean {
    this.collectMoved();
    return this.pendingIds.has(annotationId);
  }

  markAnnotations(ids: Iterable<string>, delayMs = this.delayMs) {
    for (const id of ids) this.pendingIds.add(id);
    this.schedule(delayMs);
  }

  /** The text changed; with `delayMs`, the write waits that long after the last change. */
  markDocument(delayMs = this.delayMs) {
    this.documentPending = true;
    this.schedule(delayMs);
  }

  /** The whole document and every annotation: after a load that changed them, or when storage comes back. */
  markAll() {
    this.documentPending = true;
    this.markAnnotations(this.source.annotationIds());
  }

  /** Resolves when everything marked so far is durable; rejects with the StorageError if a write fails. */
  async flush(): Promise<void> {
    clearTimeout(this.debounce);
    while (this.pending && !this.stopped && !this.held) {
      await this.enqueueWrite(true);
    }
    await this.writing;
  }

  /**
   * The page is closing: sends everything pending now, in one committed
   * transaction without reads, in the same task. The caller keeps a copy
   * elsewhere too, since a closing page may still be cut off.
   */
  flushForUnload() {
    clearTimeout(this.debounce);
    // A write under way may be cut off with the page: what it carries goes again, in the closing transaction.
    this.repend(this.inFlight);
    if (this.pending && !this.stopped && !this.held) void this.writeOnce(true).catch(() => undefined);
  }

  /**
   * What is not yet known to be durable (marked, or in a write under way): annotation ids, and whether the document is.
   */
  pendingChanges(): { annotationIds: string[]; document: boolean } {
    this.collectMoved();
    const ids = new Set([...this.pendingIds, ...(this.inFlight?.ids ?? [])]);
    return { annotationIds: [...ids], document: this.documentPending || !!this.inFlight?.document };
  }

  /** Retries now instead of waiting for the next scheduled attempt. */
  retryNow() {
    clearTimeout(this.retry);
    this.retry = undefined;
    this.failures = Math.min(this.failures, 1);
    void this.enqueueWrite(false);
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.debounce);
    clearTimeout(this.retry);
  }

  private schedule(delayMs = this.delayMs) {
    if (this.stopped || this.held || this.retry) return;
    clearTimeout(this.debounce);
    this.debounce = setTimeout(() => void this.enqueueWrite(false), delayMs);
  }

  private enqueueWrite(rethrow: boolean): Promise<void> {
    const run = this.writing.then(() => this.writeOnce());
    this.writing = run.catch(() => undefined);
    return rethrow ? run : this.writing;
  }

  private collectMoved() {
    for (const id of this.source.movedAnnotationIds?.() ?? []) this.pendingIds.add(id);
  }

  private repend(changes: { ids: string[]; document: boolean } | undefined) {
    for (const id of changes?.ids ?? []) this.pendingIds.add(id);
    this.documentPending ||= !!changes?.document;
  }

  private async writeOnce(unloading = false): Promise<void> {
    if (!this.pending || this.stopped || this.held) return;
    this.collectMoved();
    const ids = [...this.pendingIds];
    const withDocument = this.documentPending || this.creating;
    const recreate = this.creating && !unloading;
    this.pendingIds.clear();
    this.documentPending = false;
    const carried = { ids, document: withDocument };
    this.inFlight = carried;
    const put: StoredAnnotation[] = [];
    const removedIds: string[] = [];
    for (const id of ids) {
      const annotation = this.source.annotation(id);
      if (annotation) put.push(annotation);
      else removedIds.push(id);
    }
    const document = withDocument ? this.source.document() : undefined;
    try {
      const store = await this.store();
      const { newer } = await store.write(
        { documentId: this.documentId, document, put, remove: removedIds },
        { unloading, recreate },
      );
      if (this.inFlight === carried) this.inFlight = undefined;
      if (recreate) this.creating = false;
      this.failures = 0;
      if (newer.length > 0) this.callbacks.adopt(newer);
      this.callbacks.saved({
        documentId: this.documentId,
        annotationIds: put.map((a) => a.id),
        removedIds,
        revision: document?.revision,
      });
    } catch (cause) {
      if (this.inFlight === carried) this.inFlight = undefined;
      this.repend(carried);
      if (cause instanceof DocumentGoneError) {
        if (cause.deliberate) this.hold();
        this.callbacks.gone(cause);
        // Written back only if the callback asked for the document to be; otherwise the next write would fail alike.
        if (cause.deliberate || !this.documentPending) throw cause;
        return;
      }
      const error = classifyStorageError(cause);
      const delay = retryDelay(this.failures);
      this.failures += 1;
      clearTimeout(this.retry);
      this.retry = setTimeout(() => {
        this.retry = undefined;
        void this.enqueueWrite(false);
      }, delay);
      this.callbacks.failed(error, delay);
      throw error;
    }
  }
}
