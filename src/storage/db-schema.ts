import type { DBSchema, IDBPDatabase, IDBPTransaction, StoreNames } from 'idb';
import type { Annotation } from '../model/annotation.js';
import type { ArticleMeta } from '../model/article-meta.js';

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
  /** The article's identity (`articleMeta`); its title is `title`. Version 5 gave each titled record one. */
  meta?: ArticleMeta;
}

/**
 * When each part of an annotation was last changed (ISO 8601), so that two tabs' changes to different parts both
 * survive.
 */
export interface FieldTimes {
  tag?: string;
  source?: string;
  note?: string;
  verdict?: string;
  range?: string;
}

/** One annotation, its own record so that changing it writes only it. */
export interface StoredAnnotation extends Annotation {
  documentId: string;
  /** Per part; a part without a time was last changed at `modified`. Records written before version 4 have none. */
  fieldTimes?: FieldTimes;
  /**
   * When it was written, in its document's write order (see
   * {@link AnnotationSequence}): a load reads a document's {@link AnnotationPack}
   * and only the records written after it. Records written before version 3,
   * or by a closing page, have none.
   */
  seq?: number;
}

/**
 * Every annotation of a document as it stood at write `seq`, in one record:
 * reading thousands of records costs many times what one record holding them
 * does. Annotations removed since are told by their records being gone.
 */
export interface AnnotationPack {
  documentId: string;
  seq: number;
  annotations: StoredAnnotation[];
}

/** A document's annotation writes so far, and the write its pack was made at (if it has one). */
export interface AnnotationSequence {
  documentId: string;
  seq: number;
  packedAt?: number;
  /**
   * When an annotation of the document was last written or removed (ISO 8601): the document's own `modified` tells only
   * of its text.
   */
  modified?: string;
}

/** A record found unreadable on load, moved here so that it is kept but never loaded again. */
export interface SetAsideRecord {
  documentId: string;
  store: 'documents' | 'annotations' | 'annotationPacks' | 'syncUpdates';
  key: IDBValidKey;
  record: unknown;
  problems: string[];
  /** When it was set aside (ISO 8601). */
  found: string;
}

/**
 * A document deleted on purpose (`deleteDocument`): a tab that still has it
 * open is told so instead of writing it back, as it does when the whole
 * database was wiped from under it.
 */
export interface Deletion {
  documentId: string;
  deleted: string;
}

/**
 * Team sync: one update of a synced document's shared state (a Yjs update,
 * opaque here), in the order written. All of a document's records together
 * are what this browser knew of the shared state; they are compacted into one
 * now and then. Version 6 added them.
 */
export interface SyncUpdateRecord {
  documentId: string;
  update: Uint8Array;
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
    indexes: { 'by-document': string; 'by-sequence': [string, number] };
  };
  annotationPacks: {
    key: string;
    value: AnnotationPack;
  };
  annotationSequences: {
    key: string;
    value: AnnotationSequence;
  };
  setAside: {
    key: number;
    value: SetAsideRecord;
    indexes: { 'by-document': string };
  };
  deletions: {
    key: string;
    value: Deletion;
  };
  syncUpdates: {
    key: number;
    value: SyncUpdateRecord;
    indexes: { 'by-document': string };
  };
}

export const DB_VERSION = 6;

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
  if (oldVersion < 3) {
    // Existing records keep no `seq`: a document's first load reads them all, as before, and packs them.
    tx.objectStore('annotations').createIndex('by-sequence', ['documentId', 'seq']);
    db.createObjectStore('annotationPacks', { keyPath: 'documentId' });
    db.createObjectStore('annotationSequences', { keyPath: 'documentId' });
  }
  if (oldVersion < 4) {
    db.createObjectStore('setAside', { autoIncrement: true }).createIndex('by-document', 'documentId');
    db.createObjectStore('deletions', { keyPath: 'documentId' });
  }
  if (oldVersion < 5) {
    // Documents gain their article's metadata; what they knew of it until now is their title.
    let cursor = await tx.objectStore('documents').openCursor();
    while (cursor) {
      const document = cursor.value;
      if (document.meta === undefined && typeof document.title === 'string' && document.title.trim() !== '') {
        await cursor.update({ ...document, meta: { title: document.title.trim() } });
      }
      cursor = await cursor.continue();
    }
  }
  if (oldVersion < 6) {
    db.createObjectStore('syncUpdates', { autoIncrement: true }).createIndex('by-document', 'documentId');
  }
}
