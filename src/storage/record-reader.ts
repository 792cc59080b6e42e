import { readAnnotation } from '../model/annotation-reader.js';
import { describe, FieldReader, isObject } from '../model/field-reader.js';
import type { AnnotationPack, FieldTimes, StoredAnnotation, StoredDocument } from './db-schema.js';
import { FIELD_GROUPS, type FieldGroup } from './field-merge.js';

/** A saved record that could not be read: kept aside, never loaded, never deleted. */
export interface UnreadableRecord {
  store: 'documents' | 'annotations' | 'annotationPacks';
  /** The record's key in its store, as stored (an unreadable record may have a key of any type). */
  key: IDBValidKey;
  record: unknown;
  problems: string[];
}

type Read<T> = { ok: true; value: T } | { ok: false; problems: string[] };

/**
 * Reads a stored article record like an import: the fields the editor relies
 * on, each of its type. Its `content` is checked by the editor, against the
 * schema, before a node is built from it.
 */
export function readStoredDocument(value: unknown): Read<StoredDocument> {
  const problems: string[] = [];
  if (!isObject(value)) return { ok: false, problems: [`document: expected an object, got ${describe(value)}.`] };
  const read = new FieldReader(value, 'document', problems);
  const id = read.string('id', true);
  const title = read.string('title') ?? '';
  const text = read.string('text', true, Number.POSITIVE_INFINITY);
  const created = read.date('created');
  const modified = read.date('modified');
  const revision = value.revision;
  if (!Number.isSafeInteger(revision) || (revision as number) < 0) problems.push(`document.revision: expected a whole number, got ${describe(revision)}.`);
  const rejected = value.rejectedSuggestions;
  const rejectedOk = rejected === undefined || (Array.isArray(rejected) && rejected.every((item) => typeof item === 'string'));
  if (!rejectedOk) problems.push('document.rejectedSuggestions: expected a list of texts.');
  if (problems.length > 0) return { ok: false, problems };
  const now = new Date().toISOString();
  return {
    ok: true,
    value: {
      id: id!,
      title,
      content: value.content,
      text: text!,
      revision: revision as number,
      created: created ?? modified ?? now,
      modified: modified ?? created ?? now,
      ...(rejected ? { rejectedSuggestions: [...(rejected as string[])] } : {}),
    },
  };
}

/** Reads a stored annotation record: a complete annotation of `documentId`; `seq` kept when it is a number. */
export function readStoredAnnotation(value: unknown, documentId: string): Read<StoredAnnotation> {
  const problems: string[] = [];
  const annotation = readAnnotation(value, 'annotation', problems);
  if (!annotation) return { ok: false, problems };
  const record = value as Record<string, unknown>;
  if (record.documentId !== documentId) return { ok: false, problems: [`annotation.documentId: expected ${JSON.stringify(documentId)}.`] };
  const seq = Number.isSafeInteger(record.seq) ? { seq: record.seq as number } : {};
  const fieldTimes = readFieldTimes(record.fieldTimes);
  return { ok: true, value: { ...annotation, documentId, ...seq, ...(fieldTimes ? { fieldTimes } : {}) } };
}

/** Per-part change times, where they are well formed; a record without them merges by `modified`. */
function readFieldTimes(value: unknown): FieldTimes | undefined {
  if (!isObject(value)) return undefined;
  const times: FieldTimes = {};
  for (const group of Object.keys(FIELD_GROUPS) as FieldGroup[]) {
    const time = value[group];
    if (typeof time === 'string' && !Number.isNaN(Date.parse(time))) times[group] = time;
  }
  return Object.keys(times).length > 0 ? times : undefined;
}

/** Reads a pack: readable only whole, since it is just a faster way to read the records. */
export function readPack(value: unknown, documentId: string): Read<AnnotationPack> {
  if (!isObject(value) || !Number.isSafeInteger(value.seq) || !Array.isArray(value.annotations)) {
    return { ok: false, problems: ['pack: expected {documentId, seq, annotations: [...]}.'] };
  }
  const annotations: StoredAnnotation[] = [];
  for (const item of value.annotations) {
    const read = readStoredAnnotation(item, documentId);
    if (!read.ok) return { ok: false, problems: read.problems.map((problem) => `pack: ${problem}`) };
    annotations.push(read.value);
  }
  return { ok: true, value: { documentId, seq: value.seq as number, annotations } };
}
