import type { Annotation, AnnotationStatus, ImportedAnnotation } from './annotation.js';
import { describe, FieldReader, isObject } from './field-reader.js';

const STATUSES: readonly AnnotationStatus[] = ['anchored', 'reanchored', 'orphaned'];

/**
 * Reads an annotation as a file describes it: every field that is there must
 * have its type (text, a whole offset, a date, a known status); only the tag
 * is required. Problems are pushed to `errors` under `path`; undefined when
 * there were any.
 */
export function readAnnotationFields(value: unknown, path: string, errors: string[]): ImportedAnnotation | undefined {
  if (!isObject(value)) {
    errors.push(`${path}: expected an object, got ${describe(value)}.`);
    return undefined;
  }
  const before = errors.length;
  const read = new FieldReader(value, path, errors);
  const annotation: ImportedAnnotation = {
    id: read.string('id', true),
    tag: read.string('tag', true) ?? '',
    start: read.offset('start'),
    end: read.offset('end'),
    quote: read.string('quote'),
    prefix: read.string('prefix'),
    suffix: read.string('suffix'),
    source: read.string('source'),
    note: read.string('note'),
    verdict: read.string('verdict'),
    creator: read.string('creator'),
    created: read.date('created'),
    modified: read.date('modified'),
  };
  const status = value.status;
  if (STATUSES.includes(status as AnnotationStatus)) annotation.status = status as AnnotationStatus;
  else if (status !== undefined)
    errors.push(`${path}.status: expected anchored, reanchored or orphaned, got ${JSON.stringify(status)}.`);
  if (annotation.start !== undefined && annotation.end !== undefined && annotation.end < annotation.start) {
    errors.push(`${path}: end (${annotation.end}) is before start (${annotation.start}).`);
  }
  return errors.length === before ? annotation : undefined;
}

const REQUIRED: readonly (keyof Annotation)[] = [
  'start',
  'end',
  'quote',
  'prefix',
  'suffix',
  'created',
  'modified',
  'status',
];

/**
 * Reads a complete annotation, as the editor wrote it (a stored record,
 * another tab's, a closing page's copy): every field the editor relies on is
 * there, with its type, and nothing else is kept.
 */
export function readAnnotation(value: unknown, path: string, errors: string[]): Annotation | undefined {
  const before = errors.length;
  const fields = readAnnotationFields(value, path, errors);
  if (!fields) return undefined;
  for (const key of REQUIRED) if (fields[key] === undefined) errors.push(`${path}.${key}: missing.`);
  if (fields.id === '') errors.push(`${path}.id: empty.`);
  if (errors.length > before) return undefined;
  const annotation = {} as Record<string, unknown>;
  for (const [key, field] of Object.entries(fields)) if (field !== undefined) annotation[key] = field;
  return annotation as unknown as Annotation;
}
