import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { EditorState } from 'prosemirror-state';
import type { Annotation } from '../../model/annotation.js';
import { toAnnotation } from '../../editor/annotation-api.js';
import { getAnnotationState } from '../../editor/annotation-plugin.js';
import { TextIndex } from '../../editor/text-index.js';
import { ClaimStore, DEFAULT_DB_NAME, StorageError, type StorageErrorKind } from '../../storage/claim-store.js';
import type { StoredAnnotation, StoredDocument } from '../../storage/db-schema.js';
import { DocumentSaver } from '../../storage/document-saver.js';
import { SyncChannel, type SyncMessage } from '../../storage/sync-channel.js';

/** What the controller needs from the editor element; kept out of the element's public API. */
export interface PersistenceBridge {
  documentId(): string | undefined;
  dbName(): string;
  documentTitle(): string;
  editorState(): EditorState;
  /**
   * Puts a saved article into the editor, or, without `document`, the saved
   * annotations re-anchored to the article already open (`empty`: no article).
   */
  restore(saved: { document?: StoredDocument; annotations: Annotation[]; empty?: boolean }): void;
  /** Applies annotations another tab saved, or drops ones it removed, without touching undo history. */
  applyRemote(annotations: Annotation[], removedIds: string[]): void;
  /** True once, for the light-DOM article the element started with. */
  takeInitialArticle(): boolean;
  showStorageStatus(status: StorageStatus): void;
}

export type StorageStatus =
  | { state: 'idle' | 'saving' | 'saved' }
  | { state: 'error'; kind: StorageErrorKind; message: string; retryInMs?: number };

/**
 * Keeps one document in IndexedDB: loads it when `document-id` is set, saves
 * each change shortly after it happens (one record per changed annotation),
 * flushes when the page is hidden, shares changes with other tabs, and keeps
 * working in memory, with retries, while storage fails.
 */
export class PersistenceController implements ReactiveController {
  private store?: Promise<ClaimStore>;
  private blocked = false;
  private saver?: DocumentSaver;
  private channel?: SyncChannel;
  private key?: string;
  private revision = 0;
  private created = new Date().toISOString();
  private loading: Promise<void> = Promise.resolve();
  private persistAsked = false;

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
    this.loading = (async () => {
      await previous.saver?.flush().catch(() => undefined);
      previous.saver?.stop();
      previous.channel?.close();
      if (dbChanged) this.closeStore();
      const documentId = this.host.documentId();
      if (documentId) await this.load(documentId);
    })();
  }

  /** Resolves once the document for the current `document-id` is loaded. */
  ready(): Promise<void> {
    return this.loading;
  }

  /** Resolves when the document is loaded and every change so far is durable. */
  async flush(): Promise<void> {
    await this.loading;
    await this.saver?.flush();
  }

  /** The editor changed: these annotations (or the text and the annotations it moved). */
  changed(annotationIds: Iterable<string>, documentChanged: boolean) {
    if (!this.saver) return;
    if (documentChanged) this.saver.markDocument();
    this.saver.markAnnotations(annotationIds);
    this.host.showStorageStatus({ state: 'saving' });
  }

  /** A new article under the same key: the previous article's annotations are deleted from storage. */
  replaced(previousAnnotationIds: Iterable<string>) {
    if (!this.saver) return;
    this.saver.markAnnotations(previousAnnotationIds);
    this.saver.markAll();
    this.host.showStorageStatus({ state: 'saving' });
  }

  retryNow() {
    if (!this.store || this.blocked) this.closeStore();
    this.saver?.retryNow();
  }

  private readonly onHide = () => {
    if (document.visibilityState === 'hidden' || !document.visibilityState) void this.saver?.flush().catch(() => undefined);
  };

  private closeStore() {
    const store = this.store;
    this.store = undefined;
    this.blocked = false;
    void store?.then((s) => s.close()).catch(() => undefined);
  }

  private openStore(): Promise<ClaimStore> {
    if (!this.store) {
      this.blocked = false;
      const opening = ClaimStore.open(this.host.dbName() || DEFAULT_DB_NAME, {
        onBlocked: () => {
          this.blocked = true;
          this.reportError(
            new StorageError('storage-blocked', 'Another tab has an older version of this editor open: close or reload it to save. Your work is kept here meanwhile.'),
          );
        },
        onClosed: () => {
          if (this.store === opening) this.store = undefined;
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

  private async load(documentId: string) {
    const lightDom = this.host.takeInitialArticle();
    const saver = new DocumentSaver(documentId, () => this.openStore(), this.source(documentId), {
      saved: (written) => this.onSaved(written),
      failed: (error, retryInMs) => this.reportError(error, retryInMs),
      adopt: (newer) => this.host.applyRemote(newer.map(stripDocumentId), []),
    });
    this.saver = saver;
    this.channel = new SyncChannel(this.host.dbName(), documentId, (message) => void this.onRemote(message));
    let saved: Awaited<ReturnType<ClaimStore['load']>>;
    try {
      saved = await (await this.openStore()).load(documentId);
    } catch (error) {
      // Storage is out of reach: work in memory and save everything once it is back.
      this.reportError(error instanceof StorageError ? error : new StorageError('storage-unavailable', String(error)));
      saver.markAll();
      return;
    }
    if (saver !== this.saver) return;
    this.revision = saved?.document.revision ?? 0;
    this.created = saved?.document.created ?? new Date().toISOString();
    if (!saved) {
      if (lightDom) saver.markAll();
      else this.host.restore({ annotations: [], empty: true });
      this.host.showStorageStatus({ state: lightDom ? 'saving' : 'idle' });
      return;
    }
    const annotations = saved.annotations.map(stripDocumentId);
    if (lightDom) {
      const changedText = TextIndex.of(this.host.editorState().doc).text !== saved.document.text;
      this.host.restore({ annotations });
      if (changedText) saver.markAll();
    } else {
      this.host.restore({ document: saved.document, annotations });
    }
    this.host.showStorageStatus({ state: saver.pending ? 'saving' : 'saved' });
  }

  private source(documentId: string) {
    return {
      document: (): StoredDocument => {
        this.revision += 1;
        const state = this.host.editorState();
        return {
          id: documentId,
          title: this.host.documentTitle(),
          content: state.doc.toJSON(),
          text: TextIndex.of(state.doc).text,
          revision: this.revision,
          created: this.created,
          modified: new Date().toISOString(),
        };
      },
      annotation: (id: string): StoredAnnotation | undefined => {
        const state = this.host.editorState();
        const record = getAnnotationState(state).records.get(id);
        return record ? { ...toAnnotation(state, record), documentId } : undefined;
      },
      annotationIds: () => [...getAnnotationState(this.host.editorState()).records.keys()],
    };
  }

  private onSaved(written: { documentId: string; annotationIds: string[]; removedIds: string[]; revision?: number }) {
    this.channel?.post(written);
    if (!this.saver?.pending) this.host.showStorageStatus({ state: 'saved' });
    this.element.dispatchEvent(
      new CustomEvent('claim-save', { detail: { documentId: written.documentId }, bubbles: true, composed: true }),
    );
  }

  private reportError(error: StorageError, retryInMs?: number) {
    this.host.showStorageStatus({ state: 'error', kind: error.kind, message: error.message, retryInMs });
    this.element.dispatchEvent(
      new CustomEvent('claim-error', { detail: { kind: error.kind, message: error.message }, bubbles: true, composed: true }),
    );
  }

  /** Another tab saved: read what it wrote, unless we hold a newer unsaved change of our own. */
  private async onRemote(message: SyncMessage) {
    const documentId = this.host.documentId();
    if (!documentId || message.documentId !== documentId) return;
    try {
      const store = await this.openStore();
      if (message.revision !== undefined && message.revision > this.revision) {
        const saved = await store.load(documentId);
        if (!saved) return;
        this.revision = saved.document.revision;
        this.host.restore({ document: saved.document, annotations: saved.annotations.map(stripDocumentId) });
        return;
      }
      // Our own unsaved change to the same annotation is later, so it wins when it is written.
      const saver = this.saver;
      const theirs = message.annotationIds.filter((id) => !saver?.isPending(id));
      const annotations = await store.getAnnotations(documentId, theirs);
      this.host.applyRemote(
        annotations.map(stripDocumentId),
        message.removedIds.filter((id) => !saver?.isPending(id)),
      );
    } catch (error) {
      this.reportError(error instanceof StorageError ? error : new StorageError('storage-failed', String(error)));
    }
  }
}

function stripDocumentId({ documentId: _documentId, ...annotation }: StoredAnnotation): Annotation {
  return annotation;
}

declare global {
  interface GlobalEventHandlersEventMap {
    'claim-save': CustomEvent<{ documentId: string }>;
    'claim-error': CustomEvent<{ kind: string; message: string }>;
  }
}
