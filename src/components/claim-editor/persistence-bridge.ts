import type { EditorState } from 'prosemirror-state';
import type { Annotation } from '../../model/annotation.js';
import type { ArticleMeta } from '../../model/article-meta.js';
import type { StorageErrorKind } from '../../storage/claim-store.js';
import type { StoredDocument } from '../../storage/db-schema.js';

/** What the controller needs from the editor element; kept out of the element's public API. */
export interface PersistenceBridge {
  documentId(): string | undefined;
  dbName(): string;
  documentTitle(): string;
  /** The article's metadata, saved with the document. */
  documentMeta(): ArticleMeta | undefined;
  editorState(): EditorState;
  /**
   * Puts a saved article into the editor, or, without `document`, the saved
   * annotations re-anchored to the article already open (`empty`: no article).
   */
  restore(saved: { document?: StoredDocument; annotations: Annotation[]; empty?: boolean; rejected?: string[] }): void;
  /** Applies annotations another tab saved, or drops ones it removed, without touching undo history. */
  applyRemote(annotations: Annotation[], removedIds: string[]): void;
  /** True once, for the light-DOM article the element started with. */
  takeInitialArticle(): boolean;
  showStorageStatus(status: StorageStatus): void;
  /** Something about the saved copy the user should know, though nothing is lost (undefined: nothing to tell). */
  showStorageNotice(message: string | undefined): void;
}

export type StorageStatus =
  | { state: 'idle' | 'saving' | 'saved' }
  | { state: 'error'; kind: StorageErrorKind; message: string; retryInMs?: number };
