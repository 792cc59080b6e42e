import { claimReviewFormat } from './claimreview.js';
import { csvFormat } from './csv.js';
import type { Format, ParsedImport, ParseResult } from './format.js';
import { htmlFormat, htmlFragmentFormat } from './html.js';
import { jsonFormat } from './json.js';
import { isObject, readJson } from './read-json.js';
import { w3cFormat } from './w3c.js';

/** Every format `exportAs` writes, by the name it is asked for, in the order the export menu offers them. */
export const exportFormats = {
  html: htmlFormat,
  'html-fragment': htmlFragmentFormat,
  w3c: w3cFormat,
  json: jsonFormat,
  csv: csvFormat,
  claimreview: claimReviewFormat,
} satisfies Record<string, Format<unknown>>;

export type ExportFormat = keyof typeof exportFormats;

/** The files the import picker offers: the extensions and media types of the formats `parseImport` reads. */
export const importAccept = ['.json', '.jsonld', jsonFormat.mediaType, w3cFormat.mediaType].join(',');

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
