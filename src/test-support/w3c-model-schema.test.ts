import { expect } from '@open-wc/testing';
import { w3cModelErrors } from './w3c-model-schema.js';

type Json = Record<string, unknown>;

const CONTEXT = 'http://www.w3.org/ns/anno.jsonld';

/** A small valid annotation: a comment on a quoted sentence of an invented report. */
function annotation(overrides: Json = {}): Json {
  return {
    '@context': CONTEXT,
    id: 'https://notes.example.org/anno/ferry-1',
    type: 'Annotation',
    motivation: 'commenting',
    created: '2025-06-01T08:30:00Z',
    modified: '2025-06-01T09:00:00.250Z',
    creator: { type: 'Person', name: 'Night editor' },
    body: {
      type: 'TextualBody',
      purpose: 'commenting',
      value: 'The harbour office gives a lower number.',
      format: 'text/plain',
    },
    target: {
      source: 'https://news.example.org/ferry-report',
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: 'The ferry carried 900 passengers',
          prefix: 'On Monday ',
          suffix: ' across the bay.',
        },
        { type: 'TextPositionSelector', start: 10, end: 42 },
      ],
    },
    ...overrides,
  };
}

function page(items: Json[], overrides: Json = {}): Json {
  return {
    id: 'https://notes.example.org/list/p1',
    type: 'AnnotationPage',
    partOf: 'https://notes.example.org/list',
    startIndex: 0,
    items,
    ...overrides,
  };
}

function collection(overrides: Json = {}): Json {
  return {
    '@context': CONTEXT,
    id: 'https://notes.example.org/list',
    type: 'AnnotationCollection',
    label: 'Ferry report notes',
    total: 1,
    first: page([annotation()]),
    ...overrides,
  };
}

function without(object: Json, key: string): Json {
  const { [key]: _removed, ...rest } = object;
  return rest;
}

const withSelector = (selector: unknown) =>
  annotation({ target: { source: 'https://news.example.org/ferry-report', selector } });

describe('W3C model schema', () => {
  describe('accepts', () => {
    const valid: [string, unknown][] = [
      ['a full annotation', annotation()],
      [
        'the minimum: context, id, type and an IRI target',
        {
          '@context': CONTEXT,
          id: 'urn:uuid:0b7c4f9e-1d2a-4c3b-8e5f-6a7b8c9d0e1f',
          type: 'Annotation',
          target: 'https://news.example.org/x',
        },
      ],
      [
        'a context list holding the model’s context',
        annotation({ '@context': [CONTEXT, 'https://example.org/extra.jsonld'] }),
      ],
      ['several types', annotation({ type: ['Annotation', 'https://example.org/Review'] })],
      ['a bodyValue instead of a body', without(annotation({ bodyValue: 'Check the figure.' }), 'body')],
      [
        'an IRI body and a SpecificResource body',
        annotation({
          body: [
            'https://example.org/tags/ferry',
            { type: 'SpecificResource', purpose: 'classifying', source: 'urn:example:tag:fact' },
          ],
        }),
      ],
      [
        'a Choice of bodies',
        annotation({
          body: {
            type: 'Choice',
            items: [
              { type: 'TextualBody', value: 'one' },
              { type: 'TextualBody', value: 'two' },
            ],
          },
        }),
      ],
      ['a quote selector without prefix or suffix', withSelector({ type: 'TextQuoteSelector', exact: 'ferry' })],
      [
        'a selector refined by another',
        withSelector({
          type: 'FragmentSelector',
          value: 'para-3',
          refinedBy: { type: 'TextPositionSelector', start: 0, end: 5 },
        }),
      ],
      [
        'a range selector',
        withSelector({
          type: 'RangeSelector',
          startSelector: { type: 'XPathSelector', value: '/p[1]' },
          endSelector: { type: 'XPathSelector', value: '/p[2]' },
        }),
      ],
      ['a creator given as an IRI', annotation({ creator: 'https://people.example.org/desk' })],
      [
        'a motivation IRI from an extension',
        annotation({ motivation: 'https://example.org/motivations/fact-checking' }),
      ],
      ['a collection with its first page embedded', collection()],
      ['an empty collection without a first page', collection({ total: 0, first: undefined })],
      ['a collection whose first page is an IRI', collection({ first: 'https://notes.example.org/list/p1' })],
      ['a page on its own', { '@context': CONTEXT, ...page([annotation()]) }],
    ];
    for (const [name, value] of valid) {
      it(name, () => {
        expect(w3cModelErrors(JSON.parse(JSON.stringify(value)))).to.deep.equal([]);
      });
    }
  });

  describe('rejects', () => {
    const invalid: [string, unknown, RegExp][] = [
      ['an annotation without @context', without(annotation(), '@context'), /@context/],
      ['another context only', annotation({ '@context': 'https://example.org/other.jsonld' }), /@context/],
      ['an annotation without id', without(annotation(), 'id'), /id/],
      ['an id that is not an IRI', annotation({ id: 'anno 1' }), /\/id/],
      ['a type that is not Annotation', annotation({ type: 'Note' }), /\/type/],
      ['an annotation without target', without(annotation(), 'target'), /target/],
      ['an empty target list', annotation({ target: [] }), /\/target/],
      ['a body and a bodyValue together', annotation({ bodyValue: 'Also this.' }), /must NOT be valid/],
      ['a TextualBody without value', annotation({ body: { type: 'TextualBody', purpose: 'commenting' } }), /value/],
      [
        'a SpecificResource without source',
        annotation({ body: { type: 'SpecificResource', purpose: 'classifying' } }),
        /source/,
      ],
      ['a body object that is none of the resource kinds', annotation({ body: { format: 'text/plain' } }), /\/body/],
      [
        'an unknown purpose word',
        annotation({ body: { type: 'TextualBody', purpose: 'shouting', value: 'x' } }),
        /purpose/,
      ],
      ['a TextQuoteSelector without exact', withSelector({ type: 'TextQuoteSelector', prefix: 'On Monday ' }), /exact/],
      ['a quote that is not text', withSelector({ type: 'TextQuoteSelector', exact: 42 }), /exact/],
      ['a negative start', withSelector({ type: 'TextPositionSelector', start: -1, end: 4 }), /start/],
      ['a fractional end', withSelector({ type: 'TextPositionSelector', start: 0, end: 4.5 }), /end/],
      ['a position without end', withSelector({ type: 'TextPositionSelector', start: 0 }), /end/],
      ['a selector without type', withSelector({ exact: 'ferry' }), /type/],
      ['a created date in words', annotation({ created: 'last Monday' }), /created/],
      ['a modified date without timezone', annotation({ modified: '2025-06-01T09:00:00' }), /modified/],
      ['a date with an offset instead of UTC', annotation({ created: '2025-06-01T10:30:00+02:00' }), /created/],
      ['a collection without id', without(collection(), 'id'), /id/],
      ['a collection with a negative total', collection({ total: -1 }), /total/],
      ['a collection with annotations but no first page', without(collection(), 'first'), /first/],
      ['a page without id', collection({ first: without(page([annotation()]), 'id') }), /first/],
      ['a page without items', collection({ first: without(page([annotation()]), 'items') }), /items/],
      [
        'a page whose partOf is not an IRI',
        collection({ first: page([annotation()], { partOf: 'the list' }) }),
        /partOf/,
      ],
      ['a bad annotation inside a page', collection({ first: page([annotation({ id: 'no iri' })]) }), /items\/0\/id/],
    ];
    for (const [name, value, message] of invalid) {
      it(name, () => {
        const errors = w3cModelErrors(JSON.parse(JSON.stringify(value)));
        expect(errors, 'errors').to.not.deep.equal([]);
        expect(errors.join('\n')).to.match(message);
      });
    }
  });
});
