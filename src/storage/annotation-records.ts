import type { IDBPObjectStore, StoreNames } from 'idb';
import type { AnnotationPack, ClaimDB, StoredAnnotation } from './db-schema.js';
import { readPack, readStoredAnnotation, type UnreadableRecord } from './record-reader.js';

/** Documents with fewer annotations than this are read record by record: a pack would not pay for itself. */
export const PACK_MIN = 64;

/** The annotation as the editor knows it, without the store's bookkeeping. */
export function withoutSeq(annotation: StoredAnnotation): StoredAnnotation {
  if (annotation.seq === undefined) return annotation;
  const { seq: _seq, ...rest } = annotation;
  return rest;
}

/**
 * A document's annotations from its pack and the records written since
 * (`since`), for the records that exist (`keys`: one removed since the pack
 * has none). Null when a record is in neither (written by a closing page,
 * say): then the records must be read.
 */
function unpack(pack: AnnotationPack, since: StoredAnnotation[], keys: [string, string][]): StoredAnnotation[] | null {
  const packed = new Map(pack.annotations.map((annotation) => [annotation.id, annotation]));
  const written = new Map(since.map((annotation) => [annotation.id, annotation]));
  const annotations: StoredAnnotation[] = [];
  for (const [, id] of keys) {
    const annotation = written.get(id) ?? packed.get(id);
    if (!annotation) return null;
    annotations.push(annotation);
  }
  return annotations;
}

export type Store<Name extends StoreNames<ClaimDB>> = IDBPObjectStore<
  ClaimDB,
  ArrayLike<StoreNames<ClaimDB>>,
  Name,
  IDBTransactionMode
>;

/** A document's annotations as read, and the records among them that could not be. */
export interface AnnotationsRead {
  annotations: StoredAnnotation[];
  packed: boolean;
  unreadable: UnreadableRecord[];
}

/** Keeps the readable records of `documentId`; the others go to `unreadable`. */
export function readRecords(values: unknown[], documentId: string, unreadable: UnreadableRecord[]): StoredAnnotation[] {
  const annotations: StoredAnnotation[] = [];
  for (const value of values) {
    const read = readStoredAnnotation(value, documentId);
    if (read.ok) annotations.push(read.value);
    else {
      // Read back by its document's index, so the record has a key; its id part may be of any type.
      const id = (value as { id: IDBValidKey }).id;
      unreadable.push({ store: 'annotations', key: [documentId, id], record: value, problems: read.problems });
    }
  }
  return annotations;
}

/**
 * A document's annotations, read in the transaction `records` and `packs`
 * belong to: from its pack and the records written since, or, with no pack
 * (or one that cannot account for every record, or cannot be read), from
 * every record. Each record is read like an import; one that cannot be is
 * listed as unreadable, and the rest still load.
 */
export async function readAnnotations(
  records: Store<'annotations'>,
  packs: Store<'annotationPacks'>,
  documentId: string,
): Promise<AnnotationsRead> {
  const unreadable: UnreadableRecord[] = [];
  const [storedPack, keys] = await Promise.all([
    packs.get(documentId),
    records.index('by-document').getAllKeys(documentId),
  ]);
  if (storedPack !== undefined) {
    const pack = readPack(storedPack, documentId);
    if (pack.ok) {
      const since = await records
        .index('by-sequence')
        .getAll(IDBKeyRange.bound([documentId, pack.value.seq], [documentId, Infinity], true));
      const written = readRecords(since, documentId, unreadable);
      // A record the pack cannot stand in for (unreadable, or written by a closing page) sends the load to the records.
      const annotations = unreadable.length === 0 ? unpack(pack.value, written, keys) : null;
      if (annotations) return { annotations, packed: true, unreadable };
      unreadable.length = 0;
    } else {
      unreadable.push({ store: 'annotationPacks', key: documentId, record: storedPack, problems: pack.problems });
    }
  }
  const annotations = readRecords(await records.index('by-document').getAll(documentId), documentId, unreadable);
  return { annotations, packed: false, unreadable };
}

/** Deletes a document's annotation records except those in `kept`. */
export async function removeAnnotationsBut(
  records: IDBPObjectStore<ClaimDB, ArrayLike<StoreNames<ClaimDB>>, 'annotations', 'readwrite'>,
  documentId: string,
  kept: ReadonlySet<string>,
): Promise<void> {
  const work: Promise<unknown>[] = [];
  let cursor = await records.index('by-document').openKeyCursor(documentId);
  while (cursor) {
    if (!kept.has(cursor.primaryKey[1])) work.push(records.delete(cursor.primaryKey));
    cursor = await cursor.continue();
  }
  await Promise.all(work);
}
