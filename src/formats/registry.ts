import { claimReviewFormat } from './claimreview.js';
import { csvFormat } from './csv.js';
import type { FormatWriter } from './format.js';
import { htmlFormat, htmlFragmentFormat } from './html.js';
import { jsonWriter } from './json-write.js';
import { w3cWriter } from './w3c-write.js';

/**
 * Every format `exportAs` writes, by the name it is asked for, in the order
 * the export menu offers them. The W3C and native writers come without their
 * parsers: importing (`parseImport`) loads those.
 */
export const exportFormats = {
  html: htmlFormat,
  'html-fragment': htmlFragmentFormat,
  w3c: w3cWriter,
  json: jsonWriter,
  csv: csvFormat,
  claimreview: claimReviewFormat,
} satisfies Record<string, FormatWriter>;

export type ExportFormat = keyof typeof exportFormats;

/** The files the import picker offers: the extensions and media types of the formats `parseImport` reads. */
export const importAccept = ['.json', '.jsonld', jsonWriter.mediaType, w3cWriter.mediaType].join(',');
