import * as Y from 'yjs';
import type { Annotation } from '../model/annotation.js';
import { readAnnotation } from '../model/annotation-reader.js';

/**
 * The shared Y.Doc of one document (its Hocuspocus name is the `document-id`):
 * - `doc.getMap('annotations')`: annotation id → Y.Map with one entry per
 *   field (`tag`, `start`, `end`, `quote`, `prefix`, `suffix`, `source`,
 *   `note`, `verdict`, `creator`, `created`, `modified`, `status`), so
 *   concurrent edits of different fields of one annotation both survive. A
 *   deleted annotation is a removed entry; an absent optional field is a
 *   removed key.
 * - `doc.getMap('article')`: the article as whole versions, `title`, `meta`,
 *   `content`, `text` and `version` (see `article-layout.ts`).
 */
export const ANNOTATIONS = 'annotations';
export const ARTICLE = 'article';

const FIELDS: readonly (keyof Annotation)[] = [
  'tag',
  'start',
  'end',
  'quote',
  'prefix',
  'suffix',
  'source',
  'note',
  'verdict',
  'creator',
  'created',
  'modified',
  'status',
];

export function annotationsMap(doc: Y.Doc): Y.Map<Y.Map<unknown>> {
  return doc.getMap<Y.Map<unknown>>(ANNOTATIONS);
}

/** Writes the fields of `annotation` that differ from the shared ones (a field left out is removed). */
export function writeAnnotation(doc: Y.Doc, annotation: Annotation) {
  const map = annotationsMap(doc);
  let fields = map.get(annotation.id);
  if (!(fields instanceof Y.Map)) {
    fields = new Y.Map<unknown>();
    map.set(annotation.id, fields);
  }
  for (const key of FIELDS) {
    const value = annotation[key];
    if (value === undefined) {
      if (fields.has(key)) fields.delete(key);
    } else if (fields.get(key) !== value) fields.set(key, value);
  }
}

export function removeAnnotation(doc: Y.Doc, id: string) {
  const map = annotationsMap(doc);
  if (map.has(id)) map.delete(id);
}

/**
 * Reads one shared annotation, validated as a stored record is: undefined
 * (and the problems in `errors`) when a field is missing or of the wrong type.
 */
export function readSharedAnnotation(id: string, value: unknown, errors: string[]): Annotation | undefined {
  if (!(value instanceof Y.Map)) {
    errors.push(`annotation ${id}: expected a map of fields.`);
    return undefined;
  }
  return readAnnotation({ ...(value.toJSON() as Record<string, unknown>), id }, `annotation ${id}`, errors);
}

/** Every valid shared annotation; the malformed ones are left out and described in `errors`. */
export function readSharedAnnotations(doc: Y.Doc, errors: string[]): Annotation[] {
  const list: Annotation[] = [];
  annotationsMap(doc).forEach((value, id) => {
    const annotation = readSharedAnnotation(id, value, errors);
    if (annotation) list.push(annotation);
  });
  return list;
}
