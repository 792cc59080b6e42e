import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { Annotation } from '../../model/annotation.js';
import type { StorageErrorKind } from '../../storage/storage-error.js';
import type { SyncUpdateStore } from '../../storage/sync-update-store.js';
import type { ClaimSyncDetail, SyncState } from '../../sync/sync-state.js';
import type { SyncSession } from '../../sync/sync-chunk.js';
import { dispatchClaimError } from './claim-editor-events.js';

export interface SyncHost {
  annotations(): Annotation[];
  /** Applies others' changes (reported as `remote`, saved to IndexedDB). */
  apply(annotations: Annotation[], removedIds: string[]): void;
  /** Tells the user something went wrong with sync. */
  notice(message: string): void;
  /** Where the shared state is kept in IndexedDB (the editor's database); rejects while storage fails. */
  syncUpdates(): Promise<SyncUpdateStore>;
}

/** The element's public API this reads: its sync properties, and `flush()` (every change so far durable). */
type SyncElement = ReactiveControllerHost &
  HTMLElement & {
    syncUrl?: string;
    syncToken?: string;
    documentId?: string;
    annotator?: string;
    flush(): Promise<void>;
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
    private readonly host: SyncElement,
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
      token: this.host.syncToken,
      user: this.host.annotator,
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
      store: () => this.bridge.syncUpdates(),
      recordsSaved: () => this.host.flush(),
      problem: (kind, message) => {
        if (generation === this.generation) this.storageProblem(kind, message);
      },
    });
  }

  /** A problem keeping the shared state in IndexedDB: told like the editor's other storage problems. */
  private storageProblem(kind: StorageErrorKind | 'storage-corrupt', message: string) {
    this.bridge.notice(message);
    dispatchClaimError(this.host, { kind, message });
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
