import { failed, MAX_IMPORT_BYTES, ok, type ParseResult } from './format.js';

/** Parses JSON text within the size limit; errors say what is wrong and where. */
export function readJson(input: string): ParseResult<unknown> {
  if (typeof input !== 'string') return failed('Expected text to import.');
  if (input.length > MAX_IMPORT_BYTES) {
    return failed(
      `The file is too large to import (${(input.length / 1048576).toFixed(1)} MiB; the limit is ${MAX_IMPORT_BYTES / 1048576} MiB).`,
    );
  }
  if (input.trim() === '') return failed('The file is empty.');
  try {
    return ok(JSON.parse(input.replace(/^\uFEFF/, '')));
  } catch (error) {
    return failed(`The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}.`);
  }
}

export { describe, FieldReader, isObject, type JsonObject } from '../model/field-reader.js';
