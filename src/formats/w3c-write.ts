import type { Annotation } from '../model/annotation.js';
import { findTag } from '../model/taxonomy.js';
import type { ExportSource, FormatWriter } from './format.js';
import type { JsonObject } from './read-json.js';

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
/** IRIs for the tag of a classifying body, so a tag id survives a round trip through other tools. */
export const TAG_IRI = 'urn:claim-provenance:tag:';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Our fields and the W3C body purposes that carry them. */
export const PURPOSES = { note: 'commenting', source: 'identifying', verdict: 'assessing' } as const;

/** Percent-encodes for an IRI; a lone surrogate (which encodeURIComponent refuses) becomes U+FFFD. */
function encodeIriPart(text: string): string {
  return encodeURIComponent(
    text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'),
  );
}

function annotationIri(id: string): string {
  return UUID.test(id) ? `urn:uuid:${id}` : `urn:claim-provenance:annotation:${encodeIriPart(id)}`;
}

/** An http(s) URL as an IRI: as the URL parser writes it, with the characters an IRI may not hold escaped too. */
function articleIri(url: string): string {
  return new URL(url).href.replace(/[{}|\\^`]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function documentIri(documentId: string | undefined): string {
  return `urn:claim-provenance:document:${encodeIriPart(documentId ?? 'article')}`;
}

/**
 * A date as xsd:dateTime in UTC ("…Z"), the form the model's readers expect;
 * an imported date in another zone or form is the same instant rewritten.
 */
function utcDate(date: string): string | undefined {
  const time = Date.parse(date);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

function toW3c(annotation: Annotation, source: ExportSource): JsonObject {
  const tag = findTag(source.taxonomy, annotation.tag);
  // The tag's IRI goes on a classifying SpecificResource: a TextualBody with
  // an id would count as an External Web Resource, which may not have a purpose.
  const body: JsonObject[] = [
    { type: 'SpecificResource', purpose: 'classifying', source: TAG_IRI + annotation.tag },
    { type: 'TextualBody', purpose: 'classifying', value: tag?.label ?? annotation.tag, format: 'text/plain' },
  ];
  for (const field of ['source', 'note', 'verdict'] as const) {
    const value = annotation[field];
    if (value) body.push({ type: 'TextualBody', purpose: PURPOSES[field], value, format: 'text/plain' });
  }
  return {
    '@context': ANNO_CONTEXT,
    id: annotationIri(annotation.id),
    type: 'Annotation',
    motivation: 'classifying',
    created: utcDate(annotation.created),
    modified: utcDate(annotation.modified),
    ...(annotation.creator ? { creator: { type: 'Person', name: annotation.creator } } : {}),
    body,
    target: {
      // The article's own address when known, so other tools can find the page; else the document's URN.
      source: source.document.meta?.url ? articleIri(source.document.meta.url) : documentIri(source.document.id),
      selector: [
        { type: 'TextQuoteSelector', exact: annotation.quote, prefix: annotation.prefix, suffix: annotation.suffix },
        { type: 'TextPositionSelector', start: annotation.start, end: annotation.end },
      ],
    },
  };
}

/** The W3C format's export side: `w3cFormat` (in `w3c.ts`) adds the import side to it. */
export const w3cWriter = {
  label: 'W3C Web Annotations (JSON-LD)',
  fileName: 'annotations.jsonld',
  mediaType: 'application/ld+json',

  serialize(source: ExportSource) {
    const items = source.annotations.map((annotation: Annotation) => toW3c(annotation, source));
    const id = `${documentIri(source.document.id)}:annotations`;
    return JSON.stringify(
      {
        '@context': ANNO_CONTEXT,
        id,
        type: 'AnnotationCollection',
        label: source.document.title || 'Annotated article',
        total: items.length,
        generated: utcDate(source.generated),
        // A page is a resource of its own (an IRI, and the collection it belongs to); an empty collection has none.
        ...(items.length > 0
          ? { first: { id: `${id}:page-1`, type: 'AnnotationPage', partOf: id, startIndex: 0, items } }
          : {}),
      },
      null,
      2,
    );
  },
} satisfies FormatWriter;
