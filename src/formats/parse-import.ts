import type { ParsedImport, ParseResult } from './format.js';
import { jsonFormat } from './json.js';
import { isObject, readJson } from './read-json.js';
import { w3cFormat } from './w3c.js';

/**
 * Reads an import file, parsed once: a file that names its `format` is read
 * as native JSON (so a wrong version is reported as such), anything else as
 * W3C Web Annotations, from this editor or another tool.
 */
export function parseImport(input: string): ParseResult<ParsedImport> {
  const read = readJson(input);
  if (!read.ok) return read;
  const native = isObject(read.value) && read.value.format !== undefined;
  return (native ? jsonFormat : w3cFormat).parseValue(read.value);
}
