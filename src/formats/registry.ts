import { claimReviewFormat } from './claimreview.js';
import { csvFormat } from './csv.js';
import type { Format } from './format.js';
import { htmlFormat, htmlFragmentFormat } from './html.js';
import { jsonFormat } from './json.js';
import { w3cFormat } from './w3c.js';

/** Every format `exportAs` writes, by the name it is asked for. */
export const exportFormats = {
  html: htmlFormat,
  'html-fragment': htmlFragmentFormat,
  w3c: w3cFormat,
  json: jsonFormat,
  csv: csvFormat,
  claimreview: claimReviewFormat,
} satisfies Record<string, Format<unknown>>;

export type ExportFormat = keyof typeof exportFormats;
