import { HocuspocusProvider, WebSocketStatus } from '@hocuspocus/provider';
import * as Y from 'yjs';
import type { Annotation } from '../model/annotation.js';
import { peerName } from '../model/peer-name.js';
import { AnnotationBinding } from './annotation-binding.js';
import { ArticleBinding, type LocalArticle } from './article-binding.js';
import type { SharedArticle } from './article-layout.js';
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
 * Y.Doc (see `doc-layout.ts`, `article-binding.ts`), the `annotator` name and selection through awareness.
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
  let state: SyncState = 'connecting';
  let peers: string[] = [];
  const tell = () => options.status(state, peers);
  const provider = new HocuspocusProvider({
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
  provider.setAwarenessField('user', { name: options.user ?? '' });
  // The provider's retries back off to 30 s apart: when the network returns, try at once.
  const reconnect = () => {
    if (state === 'offline' || state === 'connecting') void provider.connect();
  };
  window.addEventListener('online', reconnect);
  tell();
  return {
    local: (annotations, removedIds) => binding.local(annotations, removedIds),
    select: (range) => provider.setAwarenessField('selection', range),
    edited: () => article.edited(),
    replaced: () => article.replaced(),
    setUser: (name) => {
      user = name;
      provider.setAwarenessField('user', { name: name ?? '' });
    },
    destroy: () => {
      window.removeEventListener('online', reconnect);
      article.destroy();
      binding.destroy();
      provider.destroy();
      doc.destroy();
    },
  };
}
