import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Annotation } from '../../model/annotation.js';
import type { ArticleMeta } from '../../model/article-meta.js';
import { TextIndex } from '../../editor/text-index.js';
import type { ClaimSyncDetail, SyncState } from '../../sync/sync-state.js';
import type { SyncSession } from '../../sync/sync-chunk.js';
import type { EditorStateController } from './editor-state-controller.js';

export interface SyncHost {
  syncUrl(): string | undefined;
  syncToken(): string | undefined;
  documentId(): string | undefined;
  annotator(): string | undefined;
  annotations(): Annotation[];
  /** Applies others' changes (reported as `remote`, saved to IndexedDB). */
  apply(annotations: Annotation[], removedIds: string[]): void;
  /** Tells the user something went wrong with sync. */
  notice(message: string): void;
}

const LABELS: Record<SyncState, string> = {
  connecting: 'Connecting…',
  connected: 'Synced',
  offline: 'Offline: changes kept here',
  unauthorized: 'Sync refused: sign in again (changes kept here)',
};

/**
 * Team sync for `sync-url`: loads the sync chunk (Yjs and the Hocuspocus
 * provider) only then, shares the editor's changes, applies the others',
 * dispatches `claim-sync` and renders the toolbar's sync status.
 */
export class SyncController implements ReactiveController {
  private session?: SyncSession;
  private key?: string;
  private generation = 0;
  private applying = false;
  private detail?: ClaimSyncDetail;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { articleMeta: ArticleMeta },
    private readonly editor: EditorStateController,
    private readonly bridge: SyncHost,
  ) {
    host.addController(this);
  }

  // Before rendering, so the status it sets is drawn in this update instead of scheduling another one.
  hostUpdate() {
    const url = this.bridge.syncUrl();
    const documentId = this.bridge.documentId();
    const key = url && documentId ? JSON.stringify([url, documentId, this.bridge.syncToken() ?? '']) : undefined;
    if (key === this.key) return;
    this.key = key;
    this.stop();
    if (url && documentId) void this.start(url, documentId);
  }

  hostDisconnected() {
    this.key = undefined;
    this.stop();
  }

  /** The editor's own changes (annotations by id; `textChanged`: the text too): shared unless they came from sync. */
  changed(ids: Iterable<string>, textChanged = false) {
    if (!this.session || this.applying) return;
    if (textChanged) this.session.edited();
    const wanted = new Set(ids);
    if (wanted.size === 0) return;
    const present = this.bridge.annotations().filter((annotation) => wanted.has(annotation.id));
    for (const annotation of present) wanted.delete(annotation.id);
    this.session.local(present, [...wanted]);
  }

  /** A new article was loaded here: shared at once (the shared annotations re-anchor to it). */
  replaced() {
    if (this.session && !this.applying) this.session.replaced();
  }

  /** The toolbar's sync status (nothing without `sync-url`). */
  render() {
    if (!this.detail) return nothing;
    const { state, names } = this.detail;
    const others = names.length > 0 ? ` · with ${names.join(', ')}` : '';
    return html`<span class="sync-status" data-state=${state} role="status">${LABELS[state]}${others}</span>`;
  }

  private async start(url: string, documentId: string) {
    const generation = ++this.generation;
    this.show('connecting', []);
    let chunk: typeof import('../../sync/sync-chunk.js');
    try {
      chunk = await import('../../sync/sync-chunk.js');
    } catch {
      if (generation === this.generation) this.show('offline', []);
      return;
    }
    if (generation !== this.generation) return;
    this.session = chunk.startSync({
      url,
      documentId,
      token: this.bridge.syncToken(),
      user: this.bridge.annotator(),
      localAnnotations: () => this.bridge.annotations(),
      apply: (annotations, removedIds) => this.fromSync(() => this.bridge.apply(annotations, removedIds)),
      article: () => {
        const { state, title, articleTime: time } = this.editor;
        const meta = Object.keys(this.host.articleMeta).length > 0 ? this.host.articleMeta : undefined;
        return { title, meta, content: state.doc.toJSON(), text: TextIndex.of(state.doc).text, time };
      },
      replaceArticle: (article, annotations) =>
        this.fromSync(() => this.editor.replaceFromSync({ ...article, time: article.version.time }, annotations)),
      report: (errors) => {
        const message = `Sync: ${errors.length} malformed item(s) from others left out. ${errors[0]}`;
        console.warn(message, errors);
        this.bridge.notice(message);
      },
      notice: (message) => this.bridge.notice(message),
      status: (state, names) => {
        if (generation === this.generation) this.show(state, names);
      },
    });
  }

  /** Applies a change from the others: not shared back. */
  private fromSync(apply: () => void) {
    this.applying = true;
    try {
      apply();
    } finally {
      this.applying = false;
    }
  }

  private stop() {
    this.generation++;
    this.session?.destroy();
    this.session = undefined;
    if (this.detail) {
      this.detail = undefined;
      this.host.requestUpdate();
    }
  }

  private show(state: SyncState, names: string[]) {
    const previous = this.detail;
    this.detail = { state, peers: names.length, names };
    if (previous?.state === state && previous.names.join('\n') === names.join('\n')) return;
    if (state === 'unauthorized' && previous?.state !== 'unauthorized')
      this.bridge.notice('Team sync refused this document: the token is wrong or expired. Your changes stay here.');
    this.host.dispatchEvent(new CustomEvent('claim-sync', { detail: this.detail, bubbles: true, composed: true }));
    this.host.requestUpdate();
  }
}
