import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EditorState } from 'prosemirror-state';
import { getAnnotationState } from '../../editor/annotation-plugin.js';
import { movedAnnotationIds } from '../../editor/moved-annotations.js';
import { TextIndex } from '../../editor/text-index.js';
import {
  DocumentGoneError,
  StorageError,
  type LoadedDocument,
  type UnreadableRecord,
} from '../../storage/claim-store.js';
import { stampsOf, type FieldStamps } from '../../storage/field-merge.js';
import type { StoredAnnotation, StoredDocument } from '../../storage/db-schema.js';
import { DocumentSaver, TYPING_DELAY_MS } from '../../storage/document-saver.js';
import { SyncChannel, type SyncMessage } from '../../storage/sync-channel.js';
import { editorAnnotations, storedAnnotationOf, storedDocumentOf } from './stored-records.js';
import { dispatchClaimError } from './claim-editor-events.js';
import { checkSavedDocument, setAsideMessage } from './saved-document-check.js';
import { mergeLoad, withoutStorageFields } from '../../storage/load-merge.js';
import { retryDelay } from '../../storage/retry.js';
import { StoreConnection } from '../../storage/store-connection.js';
import type { SyncUpdateStore } from '../../storage/sync-update-store.js';
import { mergeSafetyCopy } from '../../storage/safety-copy.js';
import { ClosingCopy } from './closing-copy.js';
import type { PersistenceBridge } from './persistence-bridge.js';

/**
 * Keeps one document in IndexedDB: loads it when `document-id` is set, saves
 * each change shortly after it happens (one record per changed annotation),
 * flushes when the page is hidden, shares changes with other tabs, and keeps
 * working in memory, with retries, while storage fails.
 */
export class PersistenceController implements ReactiveController {
  private readonly closingCopy = new ClosingCopy(() => ({
    dbName: this.host.dbName(),
    documentId: this.host.documentId(),
  }));
  private readonly connection = new StoreConnection(() => this.host.dbName(), {
    blocked: (error) => this.reportError(error),
    deleted: () => this.onDatabaseDeleted(),
  });
  private saver?: DocumentSaver;
  private channel?: SyncChannel;
  private key?: string;
  private revision = 0;
  private created = new Date().toISOString();
  private loading: Promise<void> = Promise.resolve();
  /** The last storage error, shown until a write succeeds again. */
  private lastError?: StorageError;
  /** The editor state before the text edits not yet saved; see {@link changed}. */
  private movedSince?: EditorState;
  /** A load that failed (storage out of reach) and is retried; writes wait for it. */
  private owedLoad?: { documentId: string; lightDom: boolean; localArticle: boolean; localIds: Set<string> };
  private loadRetry?: ReturnType<typeof setTimeout>;
  private loadFailures = 0;
  /** The document was deleted on purpose (elsewhere): nothing is written until the user saves it again. */
  private deletedOnPurpose?: DocumentGoneError;
  /** Each annotation as this tab last read or wrote it: which parts a write changes, for merging with other tabs. */
  private readonly known = new Map<string, FieldStamps>();

  constructor(
    private readonly element: ReactiveControllerHost & HTMLElement,
    private readonly host: PersistenceBridge,
  ) {
    element.addController(this);
  }

  hostConnected() {
    document.addEventListener('visibilitychange', this.onHide);
    window.addEventListener('pagehide', this.onHide);
  }

  hostDisconnected() {
    document.removeEventListener('visibilitychange', this.onHide);
    window.removeEventListener('pagehide', this.onHide);
    void this.saver?.flush().catch(() => undefined);
  }

  /** Called after the view exists and whenever `document-id` or `db-name` changes. */
  open() {
    const key = this.host.documentId() ? `${this.host.dbName()}\u0000${this.host.documentId()}` : undefined;
    if (key === this.key) return;
    const previous = { saver: this.saver, channel: this.channel };
    const dbChanged = !this.key || this.key.split('\u0000')[0] !== this.host.dbName();
    this.key = key;
    this.saver = undefined;
    this.channel = undefined;
    this.owedLoad = undefined;
    this.deletedOnPurpose = undefined;
    this.known.clear();
    this.host.showStorageNotice(undefined);
    clearTimeout(this.loadRetry);
    this.loading = (async () => {
      await previous.saver?.flush().catch(() => undefined);
      previous.saver?.stop();
      previous.channel?.close();
      if (dbChanged) this.connection.close();
      const documentId = this.host.documentId();
      if (documentId) await this.load(documentId);
    })();
  }

  /** Resolves once the document for the current `document-id` is loaded. */
  ready(): Promise<void> {
    return this.loading;
  }

  /** The team sync state kept in the same database; rejects while it cannot be opened. */
  async syncUpdates(): Promise<SyncUpdateStore> {
    return (await this.connection.open()).syncUpdates();
  }

  /** Resolves when the document is loaded and every change so far is durable. */
  async flush(): Promise<void> {
    await this.loading;
    if (this.owedLoad) {
      throw this.lastError ?? new StorageError('storage-unavailable', 'The saved document could not be read yet.');
    }
    if (this.deletedOnPurpose) throw this.deletedOnPurpose;
    await this.saver?.flush();
  }

  /**
   * The editor changed: these annotations, and, when the text changed, the
   * ones it moved since the state `before` it (found when the write is made).
   */
  changed(annotationIds: Iterable<string>, documentChanged: boolean, before?: EditorState) {
    if (!this.saver) return;
    // Text edits (and the annotations they only move) wait for a pause in typing.
    const delay = documentChanged ? TYPING_DELAY_MS : undefined;
    if (before) this.movedSince ??= before;
    if (documentChanged) this.saver.markDocument(delay);
    const ids = [...annotationIds];
    if (this.owedLoad) {
      if (documentChanged) this.owedLoad.localArticle = true;
      for (const id of [...ids, ...this.takeMovedIds()]) this.owedLoad.localIds.add(id);
    }
    this.saver.markAnnotations(ids, delay);
    this.showPending();
  }

  /** A new article under the same key: the previous article's annotations are deleted from storage. */
  replaced(previousAnnotationIds: Iterable<string>) {
    if (!this.saver) return;
    if (this.owedLoad) this.owedLoad.localArticle = true;
    this.saver.markAnnotations(previousAnnotationIds);
    this.saver.markAll();
    this.showPending();
  }

  retryNow() {
    if (this.deletedOnPurpose) return this.saveAgain();
    if (this.connection.unusable) this.connection.close();
    if (this.owedLoad) void this.completeLoad();
    else this.saver?.retryNow();
  }

  /** After a deliberate deletion elsewhere, the user chose to keep this article: it is written again, whole. */
  private saveAgain() {
    this.deletedOnPurpose = undefined;
    this.lastError = undefined;
    this.saver?.create();
    this.saver?.markAll();
    this.saver?.release();
    this.showPending();
  }

  /** "Saving…", unless storage is failing: then the error stays up until a write succeeds. */
  private showPending() {
    if (this.lastError) this.showError(this.lastError);
    else this.host.showStorageStatus({ state: 'saving' });
  }

  private readonly onHide = (event: Event) => {
    if (event.type !== 'pagehide' && document.visibilityState !== 'hidden') return;
    // Deleted on purpose: a copy would bring the article back on the next open.
    if (this.deletedOnPurpose) return this.closingCopy.drop();
    const saver = this.saver;
    // A write under way is not durable until it commits, and a closing page may cut it off.
    if (!saver?.unconfirmed) return;
    const documentId = this.host.documentId();
    const { annotationIds, document: articleChanged } = saver.pendingChanges();
    if (documentId) {
      const article = articleChanged ? this.source(documentId).document() : undefined;
      this.closingCopy.keep(this.host.editorState(), annotationIds, article);
    }
    saver.flushForUnload();
  };

  /** The whole database was deleted elsewhere: everything this tab holds is written back at once. */
  private onDatabaseDeleted() {
    if (!this.saver || this.owedLoad) return;
    this.onGone(new DocumentGoneError(this.host.documentId() ?? '', false));
  }

  /** The document's record is gone: wiped (it is being written back) or deleted on purpose (nothing is written). */
  private onGone(error: DocumentGoneError) {
    // An editor no longer on the page writes nothing back: its page deleted what it had saved.
    if (!this.element.isConnected) return this.saver?.stop();
    if (error.deliberate) {
      this.saver?.hold();
      this.deletedOnPurpose = error;
      this.reportError(error);
      return;
    }
    this.saver?.markAll();
    const message = `${error.message} Everything open here is being saved again from this tab.`;
    this.host.showStorageNotice(message);
    dispatchClaimError(this.element, { kind: 'storage-deleted', message });
    this.showPending();
  }

  private async load(documentId: string) {
    const lightDom = this.host.takeInitialArticle();
    const saver = new DocumentSaver(documentId, () => this.connection.open(), this.source(documentId), {
      saved: (written) => this.onSaved(written),
      failed: (error, retryInMs) => this.reportError(error, retryInMs),
      adopt: (newer) => this.host.applyRemote(this.learn(newer).map(withoutStorageFields), []),
      gone: (error) => this.onGone(error),
    });
    // Nothing is written before the saved document has been read: a write could overwrite it.
    saver.hold();
    this.saver = saver;
    this.channel = new SyncChannel(this.host.dbName(), documentId, (message) => void this.onRemote(message));
    this.owedLoad = { documentId, lightDom, localArticle: false, localIds: new Set() };
    this.loadFailures = 0;
    await this.completeLoad();
  }

  /**
   * Reads the saved document and merges it with what the editor holds. Until
   * it succeeds the editor works in memory (retrying); what was done
   * meanwhile is kept and saved beside what was already stored.
   */
  private async completeLoad() {
    const owed = this.owedLoad;
    const saver = this.saver;
    if (!owed || !saver) return;
    clearTimeout(this.loadRetry);
    let loaded: LoadedDocument | undefined;
    try {
      loaded = await (await this.connection.open()).load(owed.documentId);
    } catch (error) {
      if (this.owedLoad !== owed) return;
      const failure = error instanceof StorageError ? error : new StorageError('storage-unavailable', String(error));
      const delay = retryDelay(this.loadFailures);
      this.loadFailures += 1;
      this.loadRetry = setTimeout(() => void this.completeLoad(), delay);
      this.reportError(failure, delay);
      if (!owed.lightDom && !owed.localArticle && this.loadFailures === 1)
        this.host.restore({ annotations: [], empty: true });
      return;
    }
    if (this.owedLoad !== owed || this.saver !== saver) return;
    const checked = await this.checkSaved(owed.documentId, loaded);
    if (this.owedLoad !== owed || this.saver !== saver) return;
    this.owedLoad = undefined;
    let saved = checked.saved;
    this.learn(saved?.annotations ?? []);
    const leftovers = this.closingCopy.take();
    for (const leftover of leftovers) saved = mergeSafetyCopy(saved, leftover, owed.documentId);
    this.revision = saved?.document?.revision ?? 0;
    this.created = saved?.document?.created ?? new Date().toISOString();
    const state = this.host.editorState();
    const local = { ...owed, changedIds: owed.localIds, text: TextIndex.of(state.doc).text };
    const merge = mergeLoad(
      saved,
      { ...local, annotations: (only) => editorAnnotations(state, only) },
      checked.repaired,
    );
    if (merge.restore) this.host.restore(merge.restore);
    if (merge.create) saver.create();
    if (merge.writeAll) {
      saver.markAll();
    } else {
      if (merge.writeDocument) saver.markDocument();
      saver.markAnnotations(merge.writeIds);
      // Saved annotations that moved or were lost on the way in get their new status written.
      const { records } = getAnnotationState(this.host.editorState());
      saver.markAnnotations(merge.fromStorage.filter((a) => records.get(a.id)?.status !== a.status).map((a) => a.id));
    }
    for (const leftover of leftovers) {
      saver.markAnnotations([...leftover.annotations.map((a) => a.id), ...leftover.removed]);
      if (leftover.document) saver.markDocument();
    }
    saver.release();
    if (saver.pending) this.showPending();
    else this.host.showStorageStatus({ state: saved ? 'saved' : 'idle' });
  }

  /** Notes annotations as storage holds them (see {@link known}); returns them. */
  private learn(annotations: StoredAnnotation[]): StoredAnnotation[] {
    for (const annotation of annotations) this.known.set(annotation.id, stampsOf(annotation));
    return annotations;
  }

  private checkSaved(documentId: string, loaded: LoadedDocument | undefined) {
    return checkSavedDocument(documentId, loaded, (unreadable, repaired) =>
      this.setAside(documentId, unreadable, repaired),
    );
  }

  /** Moves unreadable records out of the way and tells the user what was kept aside and why. */
  private async setAside(documentId: string, unreadable: UnreadableRecord[], repaired: boolean) {
    let keptAside = true;
    try {
      await (await this.connection.open()).setAside(documentId, unreadable);
    } catch {
      keptAside = false;
    }
    const message = setAsideMessage(unreadable, repaired, keptAside);
    this.host.showStorageNotice(message);
    dispatchClaimError(this.element, { kind: 'storage-corrupt', message });
  }

  /** Annotations whose saved form changed since the text edits began (see {@link movedAnnotationIds}). */
  private takeMovedIds(): string[] {
    const before = this.movedSince;
    this.movedSince = undefined;
    return before ? movedAnnotationIds(before, this.host.editorState()) : [];
  }

  private source(documentId: string) {
    return {
      document: (): StoredDocument => {
        this.revision += 1;
        const { revision, created } = this;
        return storedDocumentOf(this.host.editorState(), {
          id: documentId,
          title: this.host.documentTitle(),
          meta: this.host.documentMeta(),
          revision,
          created,
        });
      },
      annotation: (id: string) => storedAnnotationOf(this.host.editorState(), id, documentId, this.known),
      annotationIds: () => [...getAnnotationState(this.host.editorState()).records.keys()],
      movedAnnotationIds: () => this.takeMovedIds(),
    };
  }

  private onSaved(written: { documentId: string; annotationIds: string[]; removedIds: string[]; revision?: number }) {
    this.lastError = undefined;
    if (!this.saver?.unconfirmed) this.closingCopy.drop();
    this.channel?.post(written);
    if (!this.saver?.pending) this.host.showStorageStatus({ state: 'saved' });
    this.element.dispatchEvent(
      new CustomEvent('claim-save', { detail: { documentId: written.documentId }, bubbles: true, composed: true }),
    );
  }

  private showError(error: StorageError, retryInMs?: number) {
    this.host.showStorageStatus({ state: 'error', kind: error.kind, message: error.message, retryInMs });
  }

  private reportError(error: StorageError, retryInMs?: number) {
    this.lastError = error;
    this.showError(error, retryInMs);
    dispatchClaimError(this.element, { kind: error.kind, message: error.message });
  }

  /** Another tab saved: read what it wrote, unless we hold a newer unsaved change of our own. */
  private async onRemote(message: SyncMessage) {
    const documentId = this.host.documentId();
    if (!documentId || message.documentId !== documentId) return;
    if (message.deleted) {
      this.onGone(new DocumentGoneError(documentId, true));
      return;
    }
    try {
      const store = await this.connection.open();
      if (message.revision !== undefined && message.revision > this.revision) {
        // Unsaved changes of ours are newer: they are written next, and the other tab reloads then.
        if (this.saver?.pending) return;
        const { saved, repaired } = await this.checkSaved(documentId, await store.load(documentId));
        if (!saved?.document) return;
        if (repaired) this.saver?.markDocument();
        this.revision = saved.document.revision;
        this.learn(saved.annotations);
        this.host.restore({
          document: saved.document,
          annotations: saved.annotations.map(withoutStorageFields),
          rejected: saved.document.rejectedSuggestions ?? [],
        });
        return;
      }
      // Our own unsaved change to the same annotation is later, so it wins when it is written.
      const saver = this.saver;
      const theirs = message.annotationIds.filter((id) => !saver?.isPending(id));
      const annotations = this.learn(await store.getAnnotations(documentId, theirs));
      this.host.applyRemote(
        annotations.map(withoutStorageFields),
        message.removedIds.filter((id) => !saver?.isPending(id)),
      );
    } catch (error) {
      this.reportError(error instanceof StorageError ? error : new StorageError('storage-failed', String(error)));
    }
  }
}
