import type { EditorState } from 'prosemirror-state';
import { readArticleJSON } from '../../editor/article.js';
import type { StoredDocument } from '../../storage/db-schema.js';
import {
  dropSafetyCopy,
  keepSafetyCopy,
  safetyCopyKey,
  safetyCopyKeys,
  takeSafetyCopy,
  type SafetyCopy,
} from '../../storage/safety-copy.js';
import { safetyCopyOf } from './stored-records.js';

/**
 * The copy of unsaved changes a closing page leaves in localStorage for the
 * open document, in case the IndexedDB write is cut off with the page; read
 * (and removed) when the document is next loaded, in this tab or another.
 */
export class ClosingCopy {
  private readonly tabId = crypto.randomUUID();

  constructor(private readonly where: () => { dbName: string; documentId?: string }) {}

  /** Synchronous, so it completes even when the page is torn down right after. */
  keep(state: EditorState, annotationIds: string[], document?: StoredDocument) {
    const key = this.key();
    if (key) keepSafetyCopy(key, safetyCopyOf(state, annotationIds, document));
  }

  drop() {
    const key = this.key();
    if (key) dropSafetyCopy(key);
  }

  /**
   * The changes pages (this one or others) left when they closed before they
   * were saved; each is removed from localStorage once read.
   */
  take(): SafetyCopy[] {
    const { dbName, documentId } = this.where();
    if (!documentId) return [];
    return safetyCopyKeys(dbName, documentId).flatMap(
      (key) => takeSafetyCopy(key, documentId, (document) => readArticleJSON(document.content, document.text).ok) ?? [],
    );
  }

  private key(): string | undefined {
    const { dbName, documentId } = this.where();
    return documentId ? safetyCopyKey(dbName, documentId, this.tabId) : undefined;
  }
}
