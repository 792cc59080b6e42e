import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { Annotation } from '../model/annotation.js';
import { peerName } from '../model/peer-name.js';
import type { StorageErrorKind } from '../storage/storage-error.js';
import type { SyncUpdateStore } from '../storage/sync-update-store.js';
import { AnnotationBinding } from './annotation-binding.js';
import { ArticleBinding, type LocalArticle } from './article-binding.js';
import type { SharedArticle } from './article-layout.js';
import { SharedStateKeeper } from './shared-state-keeper.js';
import type { SyncState } from './sync-state.js';

export interface SyncOptions {
  url: string;
  token?: string;
  documentId: string;
  /** The `annotator` name, shown to the others. */
  user?: string;
  /** The editor's annotations now (seeds the shared state on the first sync). */
  localAnnotations(): Annotation[];
  apply(annotations: Annotation[], removedIds: string[]): void;
  report(errors: string[]): void;
  /** Tells the user something about sharing (the article is too large to share). */
  notice(message: string): void;
  /** The article open now (see `article-binding.ts`). */
  article(): LocalArticle;
  /** Shows another editor's article version; the shared annotations re-anchor to it. */
  replaceArticle(article: SharedArticle, annotations: Annotation[]): void;
  status(state: SyncState, peers: string[]): void;
  /**
   * The others' awareness states, `{clientId, user, selection, …}` as they
   * sent them (outside input, validated by the editor), on every change of
   * theirs; none once the connection is gone.
   */
  presence(states: readonly unknown[]): void;
  /** Where the shared state is kept in IndexedDB; rejects while storage fails. */
  store(): Promise<SyncUpdateStore>;
  /** Resolves once the editor holds its saved annotations and every change so far is durable; rejects meanwhile. */
  recordsSaved(): Promise<void>;
  /** A problem keeping the shared state in IndexedDB, for the user (it is retried on its own). */
  problem(kind: StorageErrorKind | 'storage-corrupt', message: string): void;
}

export interface SyncSession {
  /** The editor's own changes, to be shared. */
  local(annotations: readonly Annotation[], removedIds: readonly string[]): void;
  /** The text was edited here (shared after a pause in typing). */
  edited(): void;
  /** A new article was loaded here (shared at once). */
  replaced(): void;
  /** The selected range (text offsets), shown to the others. */
  select(range: { start: number; end: number } | null): void;
  setUser(user: string | undefined): void;
  destroy(): void;
}

/**
 * Connects a document to a Hocuspocus server (document name = `document-id`,
 * `token` as given): the annotations and the article go both ways through a
 * Y.Doc (see `doc-layout.ts`, `article-binding.ts`), the `annotator` name
 * and selection through awareness. The Y.Doc is kept in IndexedDB
 * ({@link SharedStateKeeper}) and restored before the provider connects, so
 * work done offline, also in a tab closed since, merges as the changes it is
 * (deletions included).
 * A chunk of its own: pages without `sync-url` never load Yjs.
 */
export function startSync(options: SyncOptions): SyncSession {
  const doc = new Y.Doc();
  const binding = new AnnotationBinding(doc, options);
  let user = options.user;
  const article = new ArticleBinding(doc, {
    ...options,
    annotations: () => options.localAnnotations(),
    author: () => user,
    replace: (shared, annotations) => options.replaceArticle(shared, annotations),
    pullAnnotations: () => binding.pullAll(),
  });
  const keeper = new SharedStateKeeper(doc, binding, {
    documentId: options.documentId,
    store: () => options.store(),
    recordsSaved: () => options.recordsSaved(),
    localAnnotations: () => options.localAnnotations(),
    problem: (kind, message) => options.problem(kind, message),
  });
  let state: SyncState = 'connecting';
  let peers: string[] = [];
  let provider: HocuspocusProvider | undefined;
  let destroyed = false;
  // Awareness fields set before the provider exists, given to it when it does.
  const fields: { user: { name: string }; selection?: { start: number; end: number } | null } = {
    user: { name: options.user ?? '' },
  };
  const setField = <K extends keyof typeof fields>(key: K, value: (typeof fields)[K]) => {
    fields[key] = value;
    provider?.setAwarenessField(key, value);
  };
  const tell = () => options.status(state, peers);
  const connect = () => {
    if (destroyed) return;
    provider = new HocuspocusProvider({
      url: options.url,
      name: options.documentId,
      token: options.token ?? null,
      document: doc,
      onStatus: ({ status }) => {
        if (state === 'unauthorized') return;
        state =
          status === WebSocketStatus.Connected
            ? 'connected'
            : status === WebSocketStatus.Connecting
              ? 'connecting'
              : 'offline';
        tell();
      },
      onAuthenticationFailed: () => {
        state = 'unauthorized';
        tell();
      },
      onSynced: ({ state: synced }) => {
        if (!synced) return;
        binding.seed(options.localAnnotations());
        if (!article.reconcile()) binding.pullAll();
        keeper.synced();
      },
    });
    const awareness = provider.awareness;
    awareness?.on('change', ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>) => {
      // Our own selection changing tells the others, not us.
      if ([...added, ...updated, ...removed].every((id) => id === doc.clientID)) return;
      // The map's key is the client id: a `clientId` field inside a state is not trusted.
      const others = [...awareness.getStates()]
        .filter(([id]) => id !== doc.clientID)
        .map(([clientId, fields]): Record<string, unknown> => ({ ...fields, clientId }));
      peers = others.map(({ user }) =>
        peerName(typeof user === 'object' && user ? (user as { name?: unknown }).name : ''),
      );
      tell();
      options.presence(others);
    });
    for (const [key, value] of Object.entries(fields)) provider.setAwarenessField(key, value);
  };
  // The provider connects only once the doc holds what was kept here: else the server's state would undo offline work.
  keeper.restored.then(connect, connect);
  // The provider's retries back off to 30 s apart: when the network returns, try at once.
  const reconnect = () => {
    if (state === 'offline' || state === 'connecting') void provider?.connect();
  };
  window.addEventListener('online', reconnect);
  tell();
  return {
    local: (annotations, removedIds) => keeper.local(annotations, removedIds),
    select: (range) => setField('selection', range),
    edited: () => article.edited(),
    replaced: () => article.replaced(),
    setUser: (name) => {
      user = name;
      setField('user', { name: name ?? '' });
    },
    destroy: () => {
      destroyed = true;
      window.removeEventListener('online', reconnect);
      article.destroy();
      binding.destroy();
      keeper.destroy();
      provider?.destroy();
      doc.destroy();
    },
  };
}
