import type { EditorState } from 'prosemirror-state';
import { readArticleJSON } from '../../editor/article.js';
import type { StoredDocument } from '../../storage/db-schema.js';
import {
  dropSafetyCopy,
  keepSafetyCopy,
  safetyCopyKey,
  takeSafetyCopy,
  type SafetyCopy,
} from '../../storage/safety-copy.js';
import { safetyCopyOf } from './stored-records.js';

/**
 * The copy of unsaved changes a closing page leaves in localStorage for the
 * open document, in case the IndexedDB write is cut off with the page; read
 * (and removed) when the document is next loaded.
 */
export class ClosingCopy {
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

  /** The changes a page left when it closed before they were saved, if any; removed from localStorage once read. */
  take(): SafetyCopy | undefined {
    const { documentId } = this.where();
    const key = this.key();
    if (!key || !documentId) return undefined;
    return takeSafetyCopy(key, documentId, (document) => readArticleJSON(document.content, document.text).ok);
  }

  private key(): string | undefined {
    const { dbName, documentId } = this.where();
    return documentId ? safetyCopyKey(dbName, documentId) : undefined;
  }
}
