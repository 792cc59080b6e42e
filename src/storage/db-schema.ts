import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Annotation } from '../model/annotation.js';

/** A saved article. `content` is the editor's document as JSON; `text` its plain text, for re-anchoring. */
export interface StoredDocument {
  id: string;
  title: string;
  content: unknown;
  text: string;
  /** Grows by one with every save of the content. */
  revision: number;
  created: string;
  modified: string;
  /** Sentences whose suggested tag the user rejected: not suggested again (older records lack it). */
  rejectedSuggestions?: string[];
}

/** One annotation, its own record so that changing it writes only it. */
export interface StoredAnnotation extends Annotation {
  documentId: string;
}

/** Version 1 kept a document's annotations inside its record; version 2 gives each its own. */
interface DocumentV1 extends StoredDocument {
  annotations?: Annotation[];
}

export interface ClaimDB extends DBSchema {
  documents: {
    key: string;
    value: StoredDocument;
    indexes: { 'by-modified': string };
  };
  annotations: {
    key: [string, string];
    value: StoredAnnotation;
    indexes: { 'by-document': string };
  };
}

export const DB_VERSION = 2;

type UpgradeTransaction = IDBPTransaction<ClaimDB, StoreNames<ClaimDB>[], 'versionchange'>;

/**
 * Every migration, in order, from whatever version the browser has. Each step
 * only adds or moves data; nothing a user saved is dropped.
 */
export async function upgrade(db: IDBPDatabase<ClaimDB>, oldVersion: number, tx: UpgradeTransaction): Promise<void> {
  if (oldVersion < 1) {
    const documents = db.createObjectStore('documents', { keyPath: 'id' });
    documents.createIndex('by-modified', 'modified');
  }
  if (oldVersion < 2) {
    const annotations = db.createObjectStore('annotations', { keyPath: ['documentId', 'id'] });
    annotations.createIndex('by-document', 'documentId');
    // Move version 1's embedded annotations into their own records.
    let cursor = await tx.objectStore('documents').openCursor();
    while (cursor) {
      const { annotations: embedded = [], ...document } = cursor.value as DocumentV1;
      for (const annotation of embedded) await annotations.put({ ...annotation, documentId: document.id });
      await cursor.update(document);
      cursor = await cursor.continue();
    }
  }
}
