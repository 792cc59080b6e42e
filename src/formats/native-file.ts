import type { ImportedAnnotation } from '../model/annotation.js';
import { readAnnotationFields } from '../model/annotation-reader.js';
import { validateTaxonomy, type Tag } from '../model/taxonomy.js';
import { failed, ok, type ParseResult } from './format.js';
import { isObject, type JsonObject } from './read-json.js';

export const NATIVE_FORMAT = 'claim-provenance';
export const NATIVE_VERSION = 1;

/**
 * The parts of a native JSON file that need no ProseMirror: its format and
 * version, annotations and taxonomy. The editor's `json` format adds the
 * article to them; the reader element (`<claim-article>`) uses them alone.
 */
export interface NativeParts {
  file: JsonObject;
  annotations: ImportedAnnotation[];
  taxonomy?: Tag[];
}

/**
 * Reads a native file's format, version, annotations and taxonomy. A file
 * that is not native, or of a later version, or without an annotation list
 * fails at once; problems in single annotations or in the taxonomy are
 * pushed to `errors`, every one of them.
 */
export function readNativeParts(file: unknown, errors: string[]): ParseResult<NativeParts> {
  if (!isObject(file) || file.format !== NATIVE_FORMAT) {
    return failed(`Not a claim-provenance file (expected "format": "${NATIVE_FORMAT}").`);
  }
  if (typeof file.version !== 'number' || file.version > NATIVE_VERSION || file.version < 1) {
    return failed(
      `Unsupported claim-provenance file version ${JSON.stringify(file.version)} (this editor reads version ${NATIVE_VERSION}).`,
    );
  }
  if (!Array.isArray(file.annotations)) return failed('annotations: expected a list.');
  const annotations = file.annotations
    .map((value, index) => readAnnotationFields(value, `annotations[${index}]`, errors))
    .filter((annotation): annotation is ImportedAnnotation => !!annotation);
  let taxonomy: Tag[] | undefined;
  if (file.taxonomy !== undefined) {
    try {
      taxonomy = [...validateTaxonomy(file.taxonomy as Tag[])];
    } catch (error) {
      errors.push(`taxonomy: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return ok({ file, annotations, taxonomy });
}
