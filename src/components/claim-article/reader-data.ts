import type { ImportedAnnotation } from '../../model/annotation.js';
import { DEFAULT_TAXONOMY, type Taxonomy } from '../../model/taxonomy.js';
import { failed, ok, type ParseResult } from '../../formats/format.js';
import { NATIVE_FORMAT, NATIVE_VERSION, readNativeParts } from '../../formats/native-file.js';
import { isObject, readJson, type JsonObject } from '../../formats/read-json.js';
import { safeUrl } from './article-copy.js';

/** An annotation as the reader shows it: an id, a tag, and whatever else the file gave. */
export type ReaderAnnotation = ImportedAnnotation & { id: string };

/** What `<claim-article>` draws: annotations in file order, their taxonomy, and where the fact-check is published. */
export interface ReaderData {
  annotations: ReaderAnnotation[];
  taxonomy: Taxonomy;
  /** The ClaimReview page (http or https), when the file names one. */
  reviewUrl?: string;
  /** Problems that do not stop the highlights (an unusable review URL). */
  warnings: string[];
}

/**
 * Reads the reader's annotations from a native `json` export: its text, the
 * parsed object, or (for convenience) a bare list of annotations. Everything
 * is validated as the editor's import validates it; any problem refuses the
 * whole file, so nothing is drawn from a file half understood.
 */
export function readReaderData(input: unknown): ParseResult<ReaderData> {
  let value = input;
  if (typeof input === 'string') {
    const read = readJson(input);
    if (!read.ok) return read;
    value = read.value;
  }
  if (Array.isArray(value)) value = { format: NATIVE_FORMAT, version: NATIVE_VERSION, annotations: value };
  const errors: string[] = [];
  const parts = readNativeParts(value, errors);
  if (!parts.ok) return parts;
  const seen = new Set<string>();
  for (const annotation of parts.value.annotations) {
    if (!annotation.id) errors.push(`An annotation has an empty id.`);
    else if (seen.has(annotation.id)) errors.push(`Two annotations have the id ${JSON.stringify(annotation.id)}.`);
    seen.add(annotation.id ?? '');
  }
  if (errors.length > 0) return failed(...errors);
  const warnings: string[] = [];
  const reviewUrl = readReviewUrl(parts.value.file, warnings);
  return ok({
    annotations: parts.value.annotations as ReaderAnnotation[],
    taxonomy: parts.value.taxonomy ?? DEFAULT_TAXONOMY,
    ...(reviewUrl ? { reviewUrl } : {}),
    warnings,
  });
}

/** The review URL a file may carry (at its top or in its document); read defensively, as older files have none. */
function readReviewUrl(file: JsonObject, warnings: string[]): string | undefined {
  const document = isObject(file.document) ? file.document : {};
  const value = file.reviewUrl ?? document.reviewUrl;
  if (value === undefined || value === null) return undefined;
  const url = typeof value === 'string' ? safeUrl(value, false) : undefined;
  if (!url)
    warnings.push(`reviewUrl: not an http(s) URL (${JSON.stringify(value)?.slice(0, 60)}); no links are shown.`);
  return url;
}
