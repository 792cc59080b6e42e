import { readAnnotation } from '../model/annotation-reader.js';
import { validateArticleMeta, type ArticleMeta } from '../model/article-meta.js';
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
 * Reads a stored article record stored under `key`: its id and saved text
 * must be there; what the editor can do without (title, revision, dates, a
 * malformed list of rejected suggestions, metadata that no longer passes its
 * checks) is given a default or left out rather than
 * costing the article. Its `content` is checked by the editor, against the
 * schema, before a node is built from it.
 */
export function readStoredDocument(value: unknown, key: string): Read<StoredDocument> {
  const problems: string[] = [];
  if (!isObject(value)) return { ok: false, problems: [`document: expected an object, got ${describe(value)}.`] };
  const read = new FieldReader(value, 'document', problems);
  const id = read.string('id', true);
  const text = read.string('text', true, Number.POSITIVE_INFINITY);
  if (id !== undefined && id !== key)
    problems.push(`document.id: expected ${JSON.stringify(key)}, the key it is stored under.`);
  if (problems.length > 0) return { ok: false, problems };
  const lenient = new FieldReader(value, 'document', []);
  const title = lenient.string('title') ?? '';
  const created = isoTime(lenient.date('created'));
  const modified = isoTime(lenient.date('modified'));
  const revision =
    Number.isSafeInteger(value.revision) && (value.revision as number) >= 0 ? (value.revision as number) : 0;
  const rejected = Array.isArray(value.rejectedSuggestions)
    ? value.rejectedSuggestions.filter((item) => typeof item === 'string')
    : [];
  const now = new Date().toISOString();
  const meta = readMeta(value.meta);
  return {
    ok: true,
    value: {
      id: key,
      title,
      content: value.content,
      text: text!,
      revision,
      created: created ?? modified ?? now,
      modified: modified ?? created ?? now,
      ...(rejected.length > 0 ? { rejectedSuggestions: rejected } : {}),
      ...(meta ? { meta } : {}),
    },
  };
}

/** Saved article metadata as it passes today's checks, or undefined. */
function readMeta(value: unknown): ArticleMeta | undefined {
  try {
    const meta = validateArticleMeta(value);
    return Object.keys(meta).length > 0 ? meta : undefined;
  } catch {
    return undefined;
  }
}

/** Reads a stored annotation record: a complete annotation of `documentId`; `seq` kept when it is a number. */
export function readStoredAnnotation(value: unknown, documentId: string): Read<StoredAnnotation> {
  const problems: string[] = [];
  const annotation = readAnnotation(value, 'annotation', problems);
  if (!annotation) return { ok: false, problems };
  const record = value as Record<string, unknown>;
  if (record.documentId !== documentId)
    return { ok: false, problems: [`annotation.documentId: expected ${JSON.stringify(documentId)}.`] };
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
    // Compared as text when tabs merge: only one spelling of a time may stand.
    const iso = typeof time === 'string' ? isoTime(time) : undefined;
    if (iso) times[group] = iso;
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

/** A readable time in the one spelling storage compares and sorts by (UTC, ISO 8601); undefined if not readable. */
function isoTime(time: string | undefined): string | undefined {
  const ms = time === undefined ? NaN : Date.parse(time);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
