import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { ArticleMeta } from '../../model/article-meta.js';
import { ownSelection, sameSelection, type OffsetRange } from '../../editor/own-selection.js';
import { TextIndex } from '../../editor/text-index.js';
import type { ClaimSyncDetail, SyncState } from '../../sync/sync-state.js';
import type { SyncSession } from '../../sync/sync-chunk.js';
import type { StorageErrorKind } from '../../storage/storage-error.js';
import type { SyncUpdateStore } from '../../storage/sync-update-store.js';
import { dispatchClaimError } from './claim-editor-events.js';
import type { EditorStateController } from './editor-state-controller.js';

export interface SyncHost {
  /** Tells the user something went wrong with sync. */
  notice(message: string): void;
  /** Where the shared state is kept in IndexedDB (the editor's database); rejects while storage fails. */
  syncUpdates(): Promise<SyncUpdateStore>;
}

/** The element's public API this reads: sync properties, metadata, `flush()` (every change so far durable). */
type SyncElement = ReactiveControllerHost &
  HTMLElement & {
    syncUrl?: string;
    syncToken?: string;
    documentId?: string;
    annotator?: string;
    articleMeta: ArticleMeta;
    flush(): Promise<void>;
  };

/** What the toolbar shows, kept short for its one row; {@link LABELS} is spoken and the tooltip. */
const SHORT_LABELS: Record<SyncState, string> = {
  connecting: 'Connecting…',
  connected: 'Synced',
  offline: 'Offline',
  unauthorized: 'Sync refused',
};

/** What the toolbar shows at its narrowest (drawn, not spoken). */
const ICONS: Record<SyncState, string> = {
  connecting: '⋯',
  connected: '⇅',
  offline: '⊘',
  unauthorized: '⊗',
};

const LABELS: Record<SyncState, string> = {
  connecting: 'Connecting…',
  connected: 'Synced',
  offline: 'Offline: changes kept here',
  unauthorized: 'Sync refused: sign in again (changes kept here)',
};

/**
 * Team sync for `sync-url`: loads the sync chunk (Yjs and the Hocuspocus
 * provider) only then, shares the editor's changes, applies the others'
 * (reported as `remote`, saved to IndexedDB), dispatches `claim-sync` and
 * renders the toolbar's sync status. Presence: the others' awareness states
 * go to the editor's presence plugin as received (it validates them), none
 * once sync stops; the editor's own selection and `annotator` go out only
 * when they change.
 */
export class SyncController implements ReactiveController {
  private session?: SyncSession;
  private key?: string;
  private generation = 0;
  private applying = false;
  private detail?: ClaimSyncDetail;
  /** What the others were last told: the selection and the name. */
  private shown: { selection: OffsetRange | null; user: string | undefined } = { selection: null, user: undefined };

  constructor(
    private readonly host: SyncElement,
    private readonly editor: EditorStateController,
    private readonly bridge: SyncHost,
  ) {
    host.addController(this);
  }

  // Before rendering, so the status it sets is drawn in this update instead of scheduling another one.
  hostUpdate() {
    const url = this.host.syncUrl || undefined;
    const documentId = this.host.documentId || undefined;
    const key = url && documentId ? JSON.stringify([url, documentId, this.host.syncToken ?? '']) : undefined;
    if (key === this.key) return;
    this.key = key;
    this.stop();
    if (url && documentId) void this.start(url, documentId);
  }

  // After each update (every transaction asks for one), so a new selection or name is seen without extra hooks.
  hostUpdated() {
    if (this.session) this.share(this.session);
  }

  hostDisconnected() {
    this.key = undefined;
    this.stop();
  }

  /** The editor's own changes (annotations by id; `textChanged`: the text too): shared unless they came from sync. */
  changed(ids: Iterable<string>, textChanged = false) {
    if (!this.session || this.applying) return;
    if (textChanged) this.session.edited();
    // Only the changed ones: a tag in an article of thousands reads one annotation, not all.
    const { present, missing } = this.editor.annotationsWithIds(ids);
    this.session.local(present, missing);
  }

  /** A new article was loaded here: shared at once (the shared annotations re-anchor to it). */
  replaced() {
    if (this.session && !this.applying) this.session.replaced();
  }

  /**
   * The toolbar's sync status, short on screen (an icon and the number of
   * others at the toolbar's narrowest) and whole when spoken and in the
   * tooltip (nothing without `sync-url`).
   */
  render() {
    if (!this.detail) return nothing;
    const { state, names } = this.detail;
    const others = names.length > 0 ? ` · with ${names.join(', ')}` : '';
    const word = names.length === 1 ? 'other' : 'others';
    const count =
      names.length > 0
        ? html`<span class="narrow-word"> ·</span> ${names.length}<span class="narrow-word"> ${word}</span>`
        : nothing;
    return html`<span class="sync-status" data-state=${state} role="status" title=${LABELS[state] + others}
      ><span aria-hidden="true" data-narrow-icon=${ICONS[state]}
        ><span class="narrow-word">${SHORT_LABELS[state]}</span>${count}</span
      ><span class="visually-hidden">${LABELS[state]}${others}</span></span
    >`;
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
      token: this.host.syncToken,
      user: this.host.annotator || undefined,
      localAnnotations: () => this.editor.annotations,
      apply: (annotations, removedIds) =>
        this.fromSync(() => this.editor.applyRemote(annotations, removedIds, { synced: true })),
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
      presence: (states) => {
        if (generation === this.generation) this.editor.setPresence(states);
      },
      store: () => this.bridge.syncUpdates(),
      recordsSaved: () => this.host.flush(),
      problem: (kind, message) => {
        if (generation === this.generation) this.storageProblem(kind, message);
      },
    });
    this.shown = { selection: null, user: this.host.annotator || undefined };
    this.share(this.session);
  }

  /** A problem keeping the shared state in IndexedDB: told like the editor's other storage problems. */
  private storageProblem(kind: StorageErrorKind | 'storage-corrupt', message: string) {
    this.bridge.notice(message);
    dispatchClaimError(this.host, { kind, message });
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

  private share(session: SyncSession) {
    const selection = ownSelection(this.editor.state);
    if (!sameSelection(selection, this.shown.selection)) session.select(selection);
    const user = this.host.annotator || undefined;
    if (user !== this.shown.user) session.setUser(user);
    this.shown = { selection, user };
  }

  private stop() {
    this.generation++;
    if (this.session) {
      this.session.destroy();
      this.session = undefined;
      this.editor.setPresence([]);
    }
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
