import type { Annotation } from '../model/annotation.js';
import { findTag } from '../model/taxonomy.js';
import { MAX_IMPORT_BYTES, failed, ok, type ExportSource, type Format, type ParseResult } from './format.js';

/** A schema.org entity known by its name: the reviewing organisation, or whoever made the claim. */
export interface NamedEntity {
  '@type': string;
  name: string;
}

/** Where the claim was seen: the annotated article. */
export interface ClaimAppearance {
  '@type': string;
  headline?: string;
  url?: string;
}

/** The claim under review (schema.org `Claim`). */
export interface ReviewedClaim {
  '@type': 'Claim';
  /** The provenance tag's label, e.g. "State-media claim". */
  description?: string;
  /** Who made the claim, from the annotation's `source`. */
  author?: NamedEntity;
  appearance?: ClaimAppearance;
  datePublished?: string;
}

/** One schema.org `ClaimReview`: a quote from the article and the verdict given to it. */
export interface ClaimReview {
  '@type': 'ClaimReview';
  url?: string;
  /** `YYYY-MM-DD`. */
  datePublished?: string;
  /** The quoted claim. */
  claimReviewed: string;
  author?: NamedEntity;
  /** The verdict ("False", "Misleading"…) as the rating's `alternateName`. */
  reviewRating: { '@type': 'Rating'; alternateName: string };
  itemReviewed?: ReviewedClaim;
}

/** The review author when an annotation has no `creator`. */
export const DEFAULT_REVIEW_AUTHOR = 'Fact-check desk';

const SCHEMA_ORG = 'https://schema.org';

/** At most this many item errors are listed; a last line says how many more there were. */
const MAX_ERRORS = 20;

/**
 * JSON escapes for the characters that could end a `<script>` element or
 * start a comment or entity inside one. They only ever occur inside JSON
 * strings, where the escapes mean the same characters.
 */
const SCRIPT_SAFE: Readonly<Record<string, string>> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' };

function nonBlank(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The `YYYY-MM-DD` an ISO 8601 timestamp starts with, if it does. */
function datePart(timestamp: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}/.exec(timestamp)?.[0];
}

/** The document id when it is an absolute http(s) URL, else undefined. */
function articleUrl(id: string | undefined): string | undefined {
  if (id === undefined || !URL.canParse(id)) return undefined;
  return /^https?:$/.test(new URL(id).protocol) ? id : undefined;
}

function claimReview(annotation: Annotation, verdict: string, source: ExportSource): ClaimReview {
  const claimant = nonBlank(annotation.source);
  return {
    '@type': 'ClaimReview',
    datePublished: datePart(annotation.modified),
    claimReviewed: annotation.quote,
    author: { '@type': 'Organization', name: nonBlank(annotation.creator) ?? DEFAULT_REVIEW_AUTHOR },
    reviewRating: { '@type': 'Rating', alternateName: verdict },
    itemReviewed: {
      '@type': 'Claim',
      description: findTag(source.taxonomy, annotation.tag)?.label ?? annotation.tag,
      author: claimant === undefined ? undefined : { '@type': 'Thing', name: claimant },
      appearance: {
        '@type': 'CreativeWork',
        headline: nonBlank(source.document.title),
        url: articleUrl(source.document.id),
      },
    },
  };
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Copies `value` without its undefined properties, so parsed items hold only the keys the file had. */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}

/** Reads the optional string `object[key]`; pushes an error when present but not a string. */
function optionalString(object: JsonObject, key: string, path: string, errors: string[]): string | undefined {
  const value = object[key];
  if (value === undefined || typeof value === 'string') return value;
  errors.push(`${path}.${key} must be a string.`);
  return undefined;
}

/** Reads an optional `{"@type", "name"}` object; `@type` defaults to "Thing". */
function optionalEntity(object: JsonObject, key: string, path: string, errors: string[]): NamedEntity | undefined {
  const value = object[key];
  if (value === undefined) return undefined;
  if (!isObject(value) || typeof value.name !== 'string') {
    errors.push(`${path}.${key} must be an object with a string "name".`);
    return undefined;
  }
  return { '@type': optionalString(value, '@type', `${path}.${key}`, errors) ?? 'Thing', name: value.name };
}

function optionalClaim(object: JsonObject, path: string, errors: string[]): ReviewedClaim | undefined {
  const value = object.itemReviewed;
  if (value === undefined) return undefined;
  const here = `${path}.itemReviewed`;
  if (!isObject(value) || value['@type'] !== 'Claim') {
    errors.push(`${here} must be an object with "@type": "Claim".`);
    return undefined;
  }
  let appearance: ClaimAppearance | undefined;
  if (isObject(value.appearance)) {
    const where = `${here}.appearance`;
    appearance = compact({
      '@type': optionalString(value.appearance, '@type', where, errors) ?? 'CreativeWork',
      headline: optionalString(value.appearance, 'headline', where, errors),
      url: optionalString(value.appearance, 'url', where, errors),
    });
  } else if (value.appearance !== undefined) {
    errors.push(`${here}.appearance must be an object.`);
  }
  return compact<ReviewedClaim>({
    '@type': 'Claim',
    description: optionalString(value, 'description', here, errors),
    author: optionalEntity(value, 'author', here, errors),
    appearance,
    datePublished: optionalString(value, 'datePublished', here, errors),
  });
}

/** Checks one `@graph` item; returns it with only the known keys, or pushes what is wrong with it. */
function readReview(value: unknown, path: string, errors: string[]): ClaimReview | undefined {
  if (!isObject(value) || value['@type'] !== 'ClaimReview') {
    errors.push(`${path} must be an object with "@type": "ClaimReview".`);
    return undefined;
  }
  const before = errors.length;
  const { claimReviewed, reviewRating } = value;
  if (typeof claimReviewed !== 'string') errors.push(`${path}.claimReviewed (the quoted claim) must be a string.`);
  const verdict = isObject(reviewRating) ? reviewRating.alternateName : undefined;
  if (typeof verdict !== 'string' || verdict.trim() === '') {
    errors.push(`${path}.reviewRating.alternateName (the verdict) must be a non-empty string.`);
  }
  const url = optionalString(value, 'url', path, errors);
  const datePublished = optionalString(value, 'datePublished', path, errors);
  const author = optionalEntity(value, 'author', path, errors);
  const itemReviewed = optionalClaim(value, path, errors);
  if (errors.length > before || typeof claimReviewed !== 'string' || typeof verdict !== 'string') return undefined;
  return compact<ClaimReview>({
    '@type': 'ClaimReview',
    url,
    datePublished,
    claimReviewed,
    author,
    reviewRating: { '@type': 'Rating', alternateName: verdict },
    itemReviewed,
  });
}

/**
 * schema.org ClaimReview JSON-LD, `{"@context": "https://schema.org",
 * "@graph": [...]}`, with one review per annotation whose `verdict` is not
 * blank, in the order given; verdict, names and headline are written
 * trimmed, the quote as it is. The review's author is the annotation's
 * `creator` (else {@link DEFAULT_REVIEW_AUTHOR}); the claim's author is its
 * `source`, typed `Thing` because a source may be a person or an outlet.
 * `<`, `>` and `&` are written as JSON `\u` escapes, so the output can be
 * pasted into a `<script type="application/ld+json">` element as it is.
 *
 * `parse` accepts that graph form only, requires every item to be a
 * ClaimReview with a string `claimReviewed` and a non-empty
 * `reviewRating.alternateName`, checks the types of the other known fields,
 * drops unknown ones, and returns errors naming the offending item rather
 * than throwing.
 */
export const claimReviewFormat: Format<ClaimReview[]> = {
  label: 'ClaimReview of verdicts (JSON-LD)',
  fileName: 'claimreview.jsonld',
  mediaType: 'application/ld+json',

  serialize(source: ExportSource): string {
    const reviews = source.annotations.flatMap((annotation) => {
      const verdict = nonBlank(annotation.verdict);
      return verdict === undefined ? [] : [claimReview(annotation, verdict, source)];
    });
    const json = JSON.stringify({ '@context': SCHEMA_ORG, '@graph': reviews }, null, 2);
    return json.replace(/[<>&]/g, (char) => SCRIPT_SAFE[char]);
  },

  parse(input: string): ParseResult<ClaimReview[]> {
    if (input.length > MAX_IMPORT_BYTES) {
      return failed(`The ClaimReview file is too large: ${input.length} characters, the limit is ${MAX_IMPORT_BYTES}.`);
    }
    if (input.trim() === '') return failed('The ClaimReview file is empty.');
    let data: unknown;
    try {
      data = JSON.parse(input);
    } catch (error) {
      return failed(
        `The ClaimReview file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    const expected = `expected {"@context": "${SCHEMA_ORG}", "@graph": [ClaimReview…]}`;
    if (!isObject(data)) return failed(`The ClaimReview file is not a JSON-LD object: ${expected}.`);
    const context = data['@context'];
    if (typeof context !== 'string' || !/^https?:\/\/schema\.org\/?$/.test(context)) {
      return failed(`The ClaimReview file's "@context" must be "${SCHEMA_ORG}": ${expected}.`);
    }
    const graph = data['@graph'];
    if (!Array.isArray(graph)) return failed(`The ClaimReview file has no "@graph" array: ${expected}.`);
    const errors: string[] = [];
    const reviews = graph.flatMap((item, index) => readReview(item, `@graph[${index}]`, errors) ?? []);
    if (errors.length > MAX_ERRORS) {
      return failed(...errors.slice(0, MAX_ERRORS), `…and ${errors.length - MAX_ERRORS} more errors.`);
    }
    return errors.length > 0 ? failed(...errors) : ok(reviews);
  },
};
