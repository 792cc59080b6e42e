import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Annotation } from '../../model/annotation.js';
import type { ClaimSyncDetail, SyncState } from '../../sync/sync-state.js';
import type { SyncSession } from '../../sync/sync-chunk.js';

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

/** What the toolbar shows, kept short for its one row; {@link LABELS} is spoken and the tooltip. */
const SHORT_LABELS: Record<SyncState, string> = {
  connecting: 'Connecting…',
  connected: 'Synced',
  offline: 'Offline',
  unauthorized: 'Sync refused',
};

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
    private readonly host: ReactiveControllerHost & HTMLElement,
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

  /** The editor's own annotation changes (by id): shared unless they came from sync. */
  changed(ids: Iterable<string>) {
    if (!this.session || this.applying) return;
    const wanted = new Set(ids);
    if (wanted.size === 0) return;
    const present = this.bridge.annotations().filter((annotation) => wanted.has(annotation.id));
    for (const annotation of present) wanted.delete(annotation.id);
    this.session.local(present, [...wanted]);
  }

  /** The toolbar's sync status, short on screen and whole when spoken (nothing without `sync-url`). */
  render() {
    if (!this.detail) return nothing;
    const { state, names } = this.detail;
    const others = names.length > 0 ? ` · with ${names.join(', ')}` : '';
    const count = names.length > 0 ? ` · ${names.length} ${names.length === 1 ? 'other' : 'others'}` : '';
    return html`<span class="sync-status" data-state=${state} role="status" title=${LABELS[state] + others}
      ><span aria-hidden="true">${SHORT_LABELS[state]}${count}</span
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
      token: this.bridge.syncToken(),
      user: this.bridge.annotator(),
      localAnnotations: () => this.bridge.annotations(),
      apply: (annotations, removedIds) => {
        this.applying = true;
        try {
          this.bridge.apply(annotations, removedIds);
        } finally {
          this.applying = false;
        }
      },
      report: (errors) => {
        const message = `Sync: ${errors.length} malformed annotation(s) from others left out. ${errors[0]}`;
        console.warn(message, errors);
        this.bridge.notice(message);
      },
      status: (state, names) => {
        if (generation === this.generation) this.show(state, names);
      },
    });
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
