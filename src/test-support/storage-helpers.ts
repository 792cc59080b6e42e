/**
 * Raw IndexedDB helpers for the storage tests: fresh database names, reads
 * that never create or upgrade a database, a hand-made version-1 database,
 * restorable monkeypatches and polling.
 */
import type { Annotation } from '../model/annotation.js';
import type { StoredAnnotation, StoredDocument } from '../storage/db-schema.js';

/** A database name no other test uses. */
export function freshDbName(): string {
  return `test-${crypto.randomUUID()}`;
}

function requestResult<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Deletes a database. Connections still open elsewhere get a `versionchange`
 * and are expected to close; if one does not, the deletion stays queued and
 * this resolves anyway so a test's cleanup never hangs.
 */
export function deleteDatabase(name: string): Promise<void> {
  return new Promise<void>((resolve) => {
    const request = indexedDB.deleteDatabase(name);
    request.onsuccess = () => resolve();
    request.onerror = () => resolve();
    request.onblocked = () => resolve();
  });
}

/**
 * Opens an existing database at its current version without ever creating
 * or upgrading it (a missing database makes this reject). The connection
 * closes itself when another one needs a new version.
 */
export function openExisting(name: string): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const db = request.result;
      db.onversionchange = () => db.close();
      resolve(db);
    };
    request.onerror = () => reject(request.error ?? new Error(`Database ${name} does not exist.`));
  });
}

/** Runs `read` against a short-lived raw connection and closes it. */
async function withDatabase<T>(name: string, read: (db: IDBDatabase) => Promise<T>): Promise<T> {
  const db = await openExisting(name);
  try {
    return await read(db);
  } finally {
    db.close();
  }
}

export function databaseVersion(name: string): Promise<number> {
  return withDatabase(name, async (db) => db.version);
}

export function storeNames(name: string): Promise<string[]> {
  return withDatabase(name, async (db) => [...db.objectStoreNames]);
}

/** Every record of an object store, read in a raw transaction. */
export function allRecords<T>(name: string, storeName: string): Promise<T[]> {
  return withDatabase(name, (db) =>
    requestResult(db.transaction(storeName, 'readonly').objectStore(storeName).getAll() as IDBRequest<T[]>),
  );
}

/** How many records an object store holds, counted in a raw transaction. */
export function countRecords(name: string, storeName: string): Promise<number> {
  return withDatabase(name, (db) =>
    requestResult(db.transaction(storeName, 'readonly').objectStore(storeName).count()),
  );
}

/**
 * Puts records into an object store as they are, in a raw transaction: what a bug, an old version or a hand edit could
 * leave.
 */
export function putRaw(name: string, storeName: string, records: unknown[]): Promise<void> {
  return withDatabase(name, (db) => {
    const tx = db.transaction(storeName, 'readwrite');
    for (const record of records) tx.objectStore(storeName).put(record);
    return new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  });
}

export async function storedDocuments(name: string): Promise<StoredDocument[]> {
  return allRecords<StoredDocument>(name, 'documents');
}

export async function storedDocument(name: string, documentId: string): Promise<StoredDocument | undefined> {
  return (await storedDocuments(name)).find((document) => document.id === documentId);
}

/** The annotation records of one document, in no particular order. */
export async function storedAnnotations(name: string, documentId: string): Promise<StoredAnnotation[]> {
  return (await allRecords<StoredAnnotation>(name, 'annotations')).filter(
    (annotation) => annotation.documentId === documentId,
  );
}

/** A version-1 document record: its annotations inside it. */
export interface DocumentV1 extends StoredDocument {
  annotations?: Annotation[];
}

/**
 * Creates a database as version 1 of the schema had it (one `documents`
 * store keyed by `id`, index `by-modified`, annotations embedded in each
 * document) and returns the connection, still open.
 */
export function createVersion1Database(name: string, documents: DocumentV1[] = []): Promise<IDBDatabase> {
  return new Promise<IDBDatabase>((resolve, reject) => {
    const request = indexedDB.open(name, 1);
    request.onupgradeneeded = () => {
      const store = request.result.createObjectStore('documents', { keyPath: 'id' });
      store.createIndex('by-modified', 'modified');
      for (const document of documents) store.put(document);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(`Creating ${name} at version 1 was blocked.`));
  });
}

/**
 * Replaces properties and puts every original back on `restore()`. Call
 * `restore()` in `afterEach` (and wherever a test means to clear a fault).
 */
export class Patches {
  private readonly originals: (() => void)[] = [];

  replace<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    this.originals.push(() => {
      if (descriptor) Object.defineProperty(target, key, descriptor);
      else Reflect.deleteProperty(target, key);
    });
    Object.defineProperty(target, key, {
      value,
      configurable: true,
      writable: true,
      enumerable: descriptor?.enumerable ?? false,
    });
  }

  restore(): void {
    while (this.originals.length > 0) this.originals.pop()!();
  }
}

/** A Promise that settles after one macrotask. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Polls `condition` until it holds (checked every few milliseconds); throws
 * with `message` if it still does not after `limitMs`. The limit only bounds
 * a hang: no test asserts how long anything took.
 */
export async function until(
  condition: () => boolean | Promise<boolean>,
  message: string,
  limitMs = 4000,
): Promise<void> {
  const deadline = performance.now() + limitMs;
  while (!(await condition())) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting: ${message}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** The next event of `type` on `target` that passes `accept`. */
export function nextEvent<E extends Event>(
  target: EventTarget,
  type: string,
  accept: (event: E) => boolean = () => true,
): Promise<E> {
  return new Promise<E>((resolve) => {
    const listener = (event: Event) => {
      if (!accept(event as E)) return;
      target.removeEventListener(type, listener);
      resolve(event as E);
    };
    target.addEventListener(type, listener);
  });
}

/** Lets the clock move past the current millisecond, so the next change gets a later ISO timestamp. */
export async function nextMillisecond(): Promise<void> {
  const now = new Date().toISOString();
  while (new Date().toISOString() === now) await new Promise((resolve) => setTimeout(resolve, 1));
}

/**
 * Creates a database as version 5 of the schema had it (no `syncUpdates`
 * store), puts `records` (store name → records) into it and closes it.
 */
export function createVersion5Database(name: string, records: Record<string, unknown[]>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const request = indexedDB.open(name, 5);
    request.onupgradeneeded = () => {
      const db = request.result;
      db.createObjectStore('documents', { keyPath: 'id' }).createIndex('by-modified', 'modified');
      const annotations = db.createObjectStore('annotations', { keyPath: ['documentId', 'id'] });
      annotations.createIndex('by-document', 'documentId');
      annotations.createIndex('by-sequence', ['documentId', 'seq']);
      db.createObjectStore('annotationPacks', { keyPath: 'documentId' });
      db.createObjectStore('annotationSequences', { keyPath: 'documentId' });
      db.createObjectStore('setAside', { autoIncrement: true }).createIndex('by-document', 'documentId');
      db.createObjectStore('deletions', { keyPath: 'documentId' });
      for (const [storeName, list] of Object.entries(records))
        for (const record of list) request.transaction!.objectStore(storeName).put(record);
    };
    request.onsuccess = () => {
      request.result.close();
      resolve();
    };
    request.onerror = () => reject(request.error);
    request.onblocked = () => reject(new Error(`Creating ${name} at version 5 was blocked.`));
  });
}
