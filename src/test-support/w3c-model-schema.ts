/**
 * The project's own JSON Schema (draft-07) for the MUST requirements of the
 * W3C Web Annotation Data Model that an export of ours can meet or break:
 * Annotations, their bodies, targets and selectors, and the Collection and
 * Page that carry them. Written from the model's text; the W3C conformance
 * files are an extra check run by `.ci/run` when they are present.
 *
 * Dates are held to xsd:dateTime in UTC written with "Z": the model wants
 * timestamps with a timezone and UTC is the form every reader accepts, so our
 * exports promise exactly that.
 */
import Ajv, { type ErrorObject } from 'ajv';

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** The motivations the model defines; `purpose` and `motivation` may also be IRIs of new ones. */
const MOTIVATIONS = [
  'assessing',
  'bookmarking',
  'classifying',
  'commenting',
  'describing',
  'editing',
  'highlighting',
  'identifying',
  'linking',
  'moderating',
  'questioning',
  'replying',
  'tagging',
];

const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
/** A property given once, or as a list of one or more values. */
const oneOrMany = (schema: object) => ({ anyOf: [schema, { type: 'array', minItems: 1, items: schema }] });
/** `type` is this class, alone or among others. */
const typeIncludes = (name: string) => ({ anyOf: [{ const: name }, { type: 'array', contains: { const: name } }] });
const hasType = (name: string) => ({ required: ['type'], properties: { type: typeIncludes(name) } });
/** When an object has type `name`, it must also satisfy `then`. */
const whenType = (name: string, then: object) => ({ if: hasType(name), then });

/** Properties every resource (annotation, body, target) may carry, each with its one allowed shape. */
const resourceProperties = {
  id: ref('iri'),
  created: ref('dateTime'),
  modified: ref('dateTime'),
  generated: ref('dateTime'),
  creator: oneOrMany(ref('agent')),
  generator: oneOrMany(ref('agent')),
  rights: oneOrMany(ref('iri')),
  canonical: ref('iri'),
  via: oneOrMany(ref('iri')),
  textDirection: { enum: ['ltr', 'rtl', 'auto'] },
};

export const W3C_MODEL_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'urn:claim-provenance:schema:w3c-annotation-model',
  title: 'W3C Web Annotation Data Model: the MUST requirements, as checked for our exports',
  definitions: {
    /** An absolute IRI: a scheme, a colon, and no characters an IRI may never hold. */
    iri: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9+.-]*:[^\\s<>"{}|\\\\^`]*$' },
    dateTime: { type: 'string', pattern: '^-?\\d{4,}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z$' },
    nonNegativeInteger: { type: 'integer', minimum: 0 },
    /** The context is the model's, alone or first among others. */
    context: { anyOf: [{ const: ANNO_CONTEXT }, { type: 'array', contains: { const: ANNO_CONTEXT } }] },
    motivation: { anyOf: [{ enum: MOTIVATIONS }, ref('iri')] },
    /** A person, organisation or software: an IRI, or an object that names or identifies it. */
    agent: {
      anyOf: [
        ref('iri'),
        {
          type: 'object',
          anyOf: [{ required: ['id'] }, { required: ['name'] }, { required: ['nickname'] }],
          properties: {
            id: ref('iri'),
            type: oneOrMany({ enum: ['Person', 'Organization', 'Software'] }),
            name: oneOrMany({ type: 'string' }),
            nickname: { type: 'string' },
            email: oneOrMany({ type: 'string', pattern: '^mailto:' }),
            homepage: oneOrMany(ref('iri')),
          },
        },
      ],
    },
    /** A selector says which part of its source is meant; each kind needs its own fields. */
    selector: {
      type: 'object',
      required: ['type'],
      properties: { type: { type: 'string' }, refinedBy: oneOrMany(ref('selector')) },
      allOf: [
        whenType('TextQuoteSelector', {
          required: ['exact'],
          properties: { exact: { type: 'string' }, prefix: { type: 'string' }, suffix: { type: 'string' } },
        }),
        ...['TextPositionSelector', 'DataPositionSelector'].map((name) =>
          whenType(name, {
            required: ['start', 'end'],
            properties: { start: ref('nonNegativeInteger'), end: ref('nonNegativeInteger') },
          }),
        ),
        ...['FragmentSelector', 'CssSelector', 'XPathSelector'].map((name) =>
          whenType(name, { required: ['value'], properties: { value: { type: 'string' }, conformsTo: ref('iri') } }),
        ),
        whenType('SvgSelector', { anyOf: [{ required: ['value'] }, { required: ['id'] }] }),
        whenType('RangeSelector', {
          required: ['startSelector', 'endSelector'],
          properties: { startSelector: ref('selector'), endSelector: ref('selector') },
        }),
      ],
    },
    /**
     * A body or a target: an IRI, or an object that is an External Web
     * Resource (with an id), a Specific Resource (with a source), a
     * TextualBody (with a value) or a Choice/Composite/List/Independents
     * set (with items).
     */
    resource: {
      anyOf: [
        ref('iri'),
        {
          type: 'object',
          properties: {
            ...resourceProperties,
            purpose: oneOrMany(ref('motivation')),
            source: { anyOf: [ref('iri'), ref('resource')] },
            selector: oneOrMany({ anyOf: [ref('iri'), ref('selector')] }),
            value: { type: 'string' },
            items: { type: 'array', items: ref('resource') },
          },
          anyOf: [{ required: ['id'] }, { required: ['source'] }, { required: ['value'] }, { required: ['items'] }],
          allOf: [
            whenType('TextualBody', { required: ['value'] }),
            whenType('SpecificResource', { required: ['source'] }),
            ...['Choice', 'Composite', 'List', 'Independents'].map((name) => whenType(name, { required: ['items'] })),
            /** Only a Specific Resource narrows its source with a selector, state or style. */
            {
              if: { anyOf: [{ required: ['selector'] }, { required: ['state'] }, { required: ['styleClass'] }] },
              then: { required: ['source'] },
            },
          ],
        },
      ],
    },
    annotation: {
      type: 'object',
      required: ['@context', 'id', 'type', 'target'],
      properties: {
        '@context': ref('context'),
        ...resourceProperties,
        type: typeIncludes('Annotation'),
        motivation: oneOrMany(ref('motivation')),
        body: oneOrMany(ref('resource')),
        bodyValue: { type: 'string' },
        target: oneOrMany(ref('resource')),
        stylesheet: { anyOf: [ref('iri'), { type: 'object' }] },
      },
      /** A body given as `bodyValue` is the only body. */
      not: { required: ['body', 'bodyValue'] },
    },
    page: {
      type: 'object',
      required: ['id', 'type', 'items'],
      properties: {
        '@context': ref('context'),
        id: ref('iri'),
        type: typeIncludes('AnnotationPage'),
        items: { type: 'array', items: ref('annotation') },
        partOf: { anyOf: [ref('iri'), { type: 'object', required: ['id'], properties: { id: ref('iri') } }] },
        next: ref('iri'),
        prev: ref('iri'),
        startIndex: ref('nonNegativeInteger'),
      },
    },
    collection: {
      type: 'object',
      required: ['@context', 'id', 'type'],
      properties: {
        '@context': ref('context'),
        id: ref('iri'),
        type: typeIncludes('AnnotationCollection'),
        label: oneOrMany({ type: 'string' }),
        total: ref('nonNegativeInteger'),
        first: { anyOf: [ref('iri'), ref('page')] },
        last: { anyOf: [ref('iri'), ref('page')] },
        created: ref('dateTime'),
        modified: ref('dateTime'),
        generated: ref('dateTime'),
      },
      /** A collection with annotations in it names its first page. */
      if: { required: ['total'], properties: { total: { minimum: 1 } } },
      then: { required: ['first'] },
    },
  },
  /** The document is a Collection, a Page or an Annotation, as its type says. */
  if: hasType('AnnotationCollection'),
  then: ref('collection'),
  else: { if: hasType('AnnotationPage'), then: ref('page'), else: ref('annotation') },
} as const;

let validator: ReturnType<Ajv['compile']> | undefined;

/** How `value` (a W3C collection, page or annotation) breaks the schema, one line per error; [] when it conforms. */
export function w3cModelErrors(value: unknown): string[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(W3C_MODEL_SCHEMA);
  if (validator(value)) return [];
  return (validator.errors ?? []).map(
    (error: ErrorObject) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`,
  );
}
