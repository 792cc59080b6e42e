/** The annotated article's identity, as a CMS knows it: what a ClaimReview's `appearance` and the HTML header show. */
export interface ArticleMeta {
  /** The headline; also the document's title. */
  title?: string;
  /** The article's canonical http(s) URL. */
  url?: string;
  /** The outlet that published it. */
  publisher?: string;
  author?: string;
  /** When it was published: an ISO 8601 date or date-time. */
  datePublished?: string;
  /** A BCP 47 language tag ("en", "ko-KR"). */
  language?: string;
}

/** The fact-checking organisation that publishes the reviews (ClaimReview `author`). */
export interface Reviewer {
  name: string;
  /** Its home page, http(s). */
  url: string;
  /** Its logo, http(s). */
  logo?: string;
}

/** A value refused as article metadata; the message says which field and why. */
export class MetadataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MetadataError';
  }
}

const META_KEYS = ['title', 'url', 'publisher', 'author', 'datePublished', 'language'] as const;

/** Longest metadata string accepted: a headline or a URL, not an article. */
const MAX_LENGTH = 2048;

/** ISO 8601 calendar date, optionally with a time and a zone (what schema.org `Date`/`DateTime` take). */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** True for an absolute http: or https: URL. */
export function isHttpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const { protocol } = new URL(value);
  return protocol === 'http:' || protocol === 'https:';
}

/** True for an ISO 8601 date (`2026-04-09`) or date-time (`2026-04-09T08:30:00Z`) naming a real day. */
export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const [year, month, day] = value.slice(0, 10).split('-').map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day && !Number.isNaN(Date.parse(value));
}

function text(value: unknown, field: string): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new MetadataError(`${field} must be text, not ${typeof value}.`);
  if (value.length > MAX_LENGTH) throw new MetadataError(`${field} is longer than ${MAX_LENGTH} characters.`);
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** Reads an optional http(s) URL; throws {@link MetadataError} naming `field` for anything else. */
export function readUrl(value: unknown, field: string): string | undefined {
  const url = text(value, field);
  if (url !== undefined && !isHttpUrl(url)) {
    throw new MetadataError(`${field} must be an absolute http:// or https:// URL, not ${JSON.stringify(url)}.`);
  }
  return url;
}

/**
 * Checks article metadata and returns it trimmed, without empty fields.
 * Throws a {@link MetadataError} saying which field is wrong: a URL that is
 * not http(s), a date that is not ISO 8601, a language that is not a
 * language tag, a value that is not text, or an unknown field.
 */
export function validateArticleMeta(value: unknown): ArticleMeta {
  if (value === undefined || value === null) return {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new MetadataError('articleMeta must be an object.');
  const input = value as Record<string, unknown>;
  const unknown = Object.keys(input).filter((key) => !(META_KEYS as readonly string[]).includes(key));
  if (unknown.length > 0) {
    throw new MetadataError(`articleMeta has unknown fields (${unknown.join(', ')}): use ${META_KEYS.join(', ')}.`);
  }
  const meta: ArticleMeta = {
    title: text(input.title, 'articleMeta.title'),
    url: readUrl(input.url, 'articleMeta.url'),
    publisher: text(input.publisher, 'articleMeta.publisher'),
    author: text(input.author, 'articleMeta.author'),
    datePublished: text(input.datePublished, 'articleMeta.datePublished'),
    language: text(input.language, 'articleMeta.language'),
  };
  if (meta.datePublished !== undefined && !isIsoDate(meta.datePublished)) {
    throw new MetadataError(
      `articleMeta.datePublished must be an ISO 8601 date such as 2026-04-09 or 2026-04-09T08:30:00Z, not ${JSON.stringify(meta.datePublished)}.`,
    );
  }
  if (meta.language !== undefined && !isLanguageTag(meta.language)) {
    throw new MetadataError(
      `articleMeta.language must be a language tag such as "en" or "ko-KR", not ${JSON.stringify(meta.language)}.`,
    );
  }
  return withoutEmpty(meta);
}

/** Checks the reviewing organisation: a name and an http(s) URL, and an optional http(s) logo. */
export function validateReviewer(value: unknown): Reviewer | undefined {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw new MetadataError('reviewer must be an object.');
  const input = value as Record<string, unknown>;
  const name = text(input.name, 'reviewer.name');
  const url = readUrl(input.url, 'reviewer.url');
  const logo = readUrl(input.logo, 'reviewer.logo');
  if (name === undefined) throw new MetadataError('reviewer.name is required (the fact-checking organisation).');
  if (url === undefined) throw new MetadataError('reviewer.url is required (the organisation’s http(s) home page).');
  return logo === undefined ? { name, url } : { name, url, logo };
}

function isLanguageTag(value: string): boolean {
  try {
    return Intl.getCanonicalLocales(value).length === 1;
  } catch {
    return false;
  }
}

function withoutEmpty<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
