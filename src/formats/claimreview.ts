import type { Annotation } from '../model/annotation.js';
import { findVerdict } from '../model/verdict-scale.js';
import { checkClaimReviewDocument, type ClaimReview, type SchemaEntity } from './claimreview-schema.js';
import { failed, ok, type ExportSource, type Format, type ParseResult } from './format.js';
import { readJson } from './read-json.js';

export type { ClaimReview } from './claimreview-schema.js';

/** What an annotation with a verdict lacks for a complete ClaimReview; see {@link claimReviewGaps}. */
export type ClaimReviewMissing = 'review-url' | 'reviewer' | 'source';

/** One annotation with a verdict that cannot be exported as a ClaimReview, and why. */
export interface ClaimReviewGap {
  annotationId: string;
  quote: string;
  missing: ClaimReviewMissing[];
  /** Says in words what is missing, for the export menu. */
  message: string;
}

const SCHEMA_ORG = 'https://schema.org';

const MISSING_WORDS: Record<ClaimReviewMissing, string> = {
  'review-url': 'the review URL (review-url)',
  reviewer: 'the fact-checking organisation (reviewer)',
  source: 'who made the claim (source)',
};

/**
 * JSON escapes for the characters that could end a `<script>` element or
 * start a comment or entity inside one. They only ever occur inside JSON
 * strings, where the escapes mean the same characters.
 */
const SCRIPT_SAFE: Readonly<Record<string, string>> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' };

/** Roles that make a source a person, even at an organisation ("an analyst at the Halden Institute"). */
const PERSON_WORDS =
  /\b(analyst|expert|professor|engineer|official|spokes\w*|researcher|economist|minister|director|scholar|doctor|lawyer|he|she)\b/i;
const ORGANISATION_WORDS =
  /\b(agency|ministry|news|broadcaster|government|council|board|committee|party|times|press|radio|television|tv|media|company|corporation|institute|university|office|department)\b/i;

function nonBlank(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** The `YYYY-MM-DD` an ISO 8601 timestamp starts with, if it does. */
function datePart(timestamp: string | undefined): string | undefined {
  return timestamp === undefined ? undefined : /^\d{4}-\d{2}-\d{2}/.exec(timestamp)?.[0];
}

/**
 * Whether the claim's author is an `Organization` or a `Person`: state-media
 * claims come from outlets; otherwise an acronym ("KCNA") or an
 * organisation's name is an organisation unless a person's role is named.
 */
export function claimantType(source: string, tag: string): 'Organization' | 'Person' {
  if (tag === 'state-media-claim') return 'Organization';
  if (PERSON_WORDS.test(source)) return 'Person';
  if (!/\p{Ll}/u.test(source) || ORGANISATION_WORDS.test(source)) return 'Organization';
  return 'Person';
}

/** What `annotation` lacks for a review, given the export's reviewer and review URL. */
function missingFor(annotation: Annotation, source: ExportSource): ClaimReviewMissing[] {
  const missing: ClaimReviewMissing[] = [];
  if (!source.reviewUrl) missing.push('review-url');
  if (!source.reviewer) missing.push('reviewer');
  if (nonBlank(annotation.source) === undefined) missing.push('source');
  return missing;
}

/**
 * Every annotation with a verdict that the ClaimReview export leaves out,
 * with what it lacks: the review URL or the reviewer (which every review
 * needs), or its own source (the claim's author). Pure: the export menu
 * shows it before the download.
 */
export function claimReviewGaps(source: ExportSource): ClaimReviewGap[] {
  return source.annotations.flatMap((annotation) => {
    if (nonBlank(annotation.verdict) === undefined) return [];
    const missing = missingFor(annotation, source);
    if (missing.length === 0) return [];
    const message = `“${annotation.quote.slice(0, 60)}${annotation.quote.length > 60 ? '…' : ''}” lacks ${missing.map((m) => MISSING_WORDS[m]).join(', ')}.`;
    return [{ annotationId: annotation.id, quote: annotation.quote, missing, message }];
  });
}

function organisation(name: string, url?: string): SchemaEntity {
  return { '@type': 'Organization', name, ...(url ? { url } : {}) };
}

function rating(verdict: string, annotation: Annotation, source: ExportSource): ClaimReview['reviewRating'] {
  const scale = source.verdictScale ?? [];
  const level = findVerdict(scale, verdict);
  const values = scale.map((entry) => entry.value);
  const explanation = nonBlank(annotation.note);
  return {
    '@type': 'Rating',
    alternateName: verdict,
    ...(level ? { ratingValue: level.value, bestRating: Math.max(...values), worstRating: Math.min(...values) } : {}),
    ...(explanation ? { ratingExplanation: explanation } : {}),
  };
}

function claimReview(annotation: Annotation, verdict: string, claimant: string, source: ExportSource): ClaimReview {
  const meta = source.document.meta ?? {};
  const reviewer = source.reviewer!;
  const headline = nonBlank(meta.title) ?? nonBlank(source.document.title);
  const published = datePart(meta.datePublished);
  const appearance = {
    '@type': 'NewsArticle' as const,
    ...(meta.url ? { url: meta.url } : {}),
    ...(headline ? { headline } : {}),
    ...(meta.publisher ? { publisher: organisation(meta.publisher) } : {}),
    ...(published ? { datePublished: published } : {}),
  };
  return {
    '@type': 'ClaimReview',
    url: `${source.reviewUrl!.replace(/#.*$/, '')}#claim-${encodeURIComponent(annotation.id)}`,
    datePublished: datePart(annotation.modified) ?? datePart(source.generated)!,
    author: organisation(reviewer.name, reviewer.url),
    claimReviewed: annotation.quote,
    reviewRating: rating(verdict, annotation, source),
    itemReviewed: {
      '@type': 'Claim',
      author: { '@type': claimantType(claimant, annotation.tag), name: claimant },
      ...(published ? { datePublished: published } : {}),
      appearance,
    },
  };
}

/**
 * schema.org ClaimReview JSON-LD, `{"@context": "https://schema.org",
 * "@graph": [...]}`: one review per annotation with a verdict and every
 * piece a review needs (see {@link claimReviewGaps} for the others, which are
 * left out whole). Field by field:
 * `url` = the review URL + `#claim-<id>`; `datePublished` = the day the
 * annotation was last changed; `author` = the reviewer as an Organization;
 * `claimReviewed` = the quote, verbatim; `reviewRating` = a Rating with the
 * verdict as `alternateName`, `ratingValue`/`bestRating`/`worstRating` when
 * the verdict is on the scale, and the note as `ratingExplanation`;
 * `itemReviewed` = a Claim whose `author` is the annotation's source (a
 * Person or an Organization, see {@link claimantType}), `datePublished` the
 * article's date, and `appearance` the article as a NewsArticle (`url`,
 * `headline`, `publisher`, `datePublished` from `articleMeta`, each when
 * known). `<`, `>` and `&` are written as JSON `\u` escapes, so the output
 * can be pasted into a `<script type="application/ld+json">` as it is.
 *
 * `parse` reads such a file through {@link checkClaimReviewDocument} and
 * returns its reviews, or every problem found, never throwing.
 */
export const claimReviewFormat: Format<ClaimReview[]> = {
  label: 'ClaimReview of verdicts (JSON-LD)',
  fileName: 'claimreview.jsonld',
  mediaType: 'application/ld+json',

  serialize(source: ExportSource): string {
    const reviews = source.annotations.flatMap((annotation) => {
      const verdict = nonBlank(annotation.verdict);
      const claimant = nonBlank(annotation.source);
      if (verdict === undefined || claimant === undefined || missingFor(annotation, source).length > 0) return [];
      return [claimReview(annotation, verdict, claimant, source)];
    });
    const json = JSON.stringify({ '@context': SCHEMA_ORG, '@graph': reviews }, null, 2);
    return json.replace(/[<>&]/g, (char) => SCRIPT_SAFE[char]);
  },

  parse(input: string): ParseResult<ClaimReview[]> {
    const read = readJson(input);
    if (!read.ok) return read;
    const errors = checkClaimReviewDocument(read.value);
    if (errors.length > 0) return failed(...errors);
    return ok((read.value as { '@graph': ClaimReview[] })['@graph']);
  },
};
