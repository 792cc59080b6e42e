import { isHttpUrl, isIsoDate } from '../model/article-meta.js';
import { describe, isObject, type JsonObject } from '../model/field-reader.js';

/** A schema.org Person or Organization, by name (and home page, for the reviewer). */
export interface SchemaEntity {
  '@type': 'Organization' | 'Person';
  name: string;
  url?: string;
}

/** The article the claim appeared in. */
export interface ClaimAppearance {
  '@type': 'NewsArticle';
  url?: string;
  headline?: string;
  publisher?: SchemaEntity;
  datePublished?: string;
}

/** One schema.org `ClaimReview` as this project writes it. */
export interface ClaimReview {
  '@type': 'ClaimReview';
  url: string;
  datePublished: string;
  author: SchemaEntity;
  claimReviewed: string;
  reviewRating: {
    '@type': 'Rating';
    alternateName: string;
    ratingValue?: number;
    bestRating?: number;
    worstRating?: number;
    ratingExplanation?: string;
  };
  itemReviewed: {
    '@type': 'Claim';
    author: SchemaEntity;
    datePublished?: string;
    appearance: ClaimAppearance;
  };
}

/** At most this many problems are listed; a last line says how many more there were. */
const MAX_ERRORS = 20;

type Check = (value: unknown, path: string, errors: string[]) => void;

function text(required: boolean): Check {
  return (value, path, errors) => {
    if (value === undefined && !required) return;
    if (typeof value !== 'string' || value.trim() === '') errors.push(`${path} must be non-blank text.`);
  };
}

/** The quote is kept verbatim, so it need only be non-empty (a quote of spaces is still what the article said). */
const quote: Check = (value, path, errors) => {
  if (typeof value !== 'string' || value === '') errors.push(`${path} must be non-empty text.`);
};

function url(required: boolean): Check {
  return (value, path, errors) => {
    if (value === undefined && !required) return;
    if (typeof value !== 'string' || !isHttpUrl(value)) errors.push(`${path} must be an http(s) URL.`);
  };
}

function date(required: boolean): Check {
  return (value, path, errors) => {
    if (value === undefined && !required) return;
    if (typeof value !== 'string' || !isIsoDate(value)) errors.push(`${path} must be an ISO 8601 date.`);
  };
}

function number(value: unknown, path: string, errors: string[]): void {
  if (value !== undefined && (typeof value !== 'number' || !Number.isFinite(value)))
    errors.push(`${path} must be a number.`);
}

/** An object of one of `types` whose fields pass `fields`; unknown fields are errors (the schema is closed). */
function object(types: readonly string[], fields: Record<string, Check>, required: boolean): Check {
  return (value, path, errors) => {
    if (value === undefined) {
      if (required) errors.push(`${path} is missing.`);
      return;
    }
    if (!isObject(value)) {
      errors.push(`${path} must be an object, not ${describe(value)}.`);
      return;
    }
    if (!types.includes(value['@type'] as string))
      errors.push(`${path}["@type"] must be ${types.map((type) => JSON.stringify(type)).join(' or ')}.`);
    for (const [key, check] of Object.entries(fields)) check(value[key], `${path}.${key}`, errors);
    for (const key of Object.keys(value)) {
      if (key !== '@type' && !Object.hasOwn(fields, key)) errors.push(`${path}.${key} is not a field of this schema.`);
    }
  };
}

const entity = (types: readonly string[], withUrl: boolean, required: boolean) =>
  object(types, { name: text(true), url: url(withUrl) }, required);

const rating: Check = (value, path, errors) => {
  object(
    ['Rating'],
    {
      alternateName: text(true),
      ratingValue: number,
      bestRating: number,
      worstRating: number,
      ratingExplanation: text(false),
    },
    true,
  )(value, path, errors);
  if (!isObject(value)) return;
  const { ratingValue, bestRating, worstRating } = value as Record<string, number | undefined>;
  const given = [ratingValue, bestRating, worstRating].filter((entry) => entry !== undefined).length;
  if (given !== 0 && given !== 3) errors.push(`${path}: ratingValue, bestRating and worstRating go together.`);
  else if (given === 3 && !(worstRating! <= ratingValue! && ratingValue! <= bestRating!))
    errors.push(`${path}.ratingValue must lie between worstRating and bestRating.`);
};

const claimReviewItem = object(
  ['ClaimReview'],
  {
    url: url(true),
    datePublished: date(true),
    author: entity(['Organization'], true, true),
    claimReviewed: quote,
    reviewRating: rating,
    itemReviewed: object(
      ['Claim'],
      {
        author: entity(['Person', 'Organization'], false, true),
        datePublished: date(false),
        appearance: object(
          ['NewsArticle'],
          {
            url: url(false),
            headline: text(false),
            publisher: entity(['Organization'], false, false),
            datePublished: date(false),
          },
          true,
        ),
      },
      true,
    ),
  },
  true,
);

/**
 * The project's schema of its ClaimReview export, as a check: returns every
 * problem found (empty when `value` passes). The document is
 * `{"@context": "https://schema.org", "@graph": [ClaimReview…]}`; each review
 * has the fields Google's fact-check markup requires (`url`,
 * `claimReviewed`, `reviewRating.alternateName`) and those this project
 * always writes (`datePublished`, `author` as an Organization with name and
 * url, `itemReviewed` as a Claim with an author and a NewsArticle
 * appearance); URLs are http(s), dates ISO 8601, a numeric rating comes
 * with its best and worst and lies between them, and no other field is
 * allowed.
 */
export function checkClaimReviewDocument(value: unknown): string[] {
  if (!isObject(value)) return [`A ClaimReview document must be a JSON object, not ${describe(value)}.`];
  const errors: string[] = [];
  if (value['@context'] !== 'https://schema.org') errors.push('"@context" must be "https://schema.org".');
  const graph = (value as JsonObject)['@graph'];
  if (!Array.isArray(graph)) errors.push('"@graph" must be a list of ClaimReview items.');
  else graph.forEach((item, index) => claimReviewItem(item, `@graph[${index}]`, errors));
  for (const key of Object.keys(value)) {
    if (key !== '@context' && key !== '@graph') errors.push(`${key} is not a field of this schema.`);
  }
  return errors.length > MAX_ERRORS
    ? [...errors.slice(0, MAX_ERRORS), `…and ${errors.length - MAX_ERRORS} more problems.`]
    : errors;
}
