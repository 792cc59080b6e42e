import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { articleFromText } from '../editor/article.js';
import { resolveTag } from '../editor/import-annotations.js';
import type { Annotation, ImportedAnnotation } from '../model/annotation.js';
import { DEFAULT_TAXONOMY } from '../model/taxonomy.js';
import {
  ANALYST,
  annotatedArticleArb,
  annotationAt,
  annotationOf,
  carriedFields,
  CROSSINGS,
  errorsOf,
  exportSourceOf,
  NO_COMMENT,
  parsesWithoutThrowing,
  planOn,
  STATE_CLAIM,
  THIRD,
  valueOf,
  WIRE_TEXT,
} from '../test-support/formats-helpers.js';
import { w3cModelErrors } from '../test-support/w3c-model-schema.js';
import { MAX_IMPORT_BYTES, type ExportSource, type ParsedImport } from './format.js';
import { w3cFormat } from './w3c.js';

type Json = Record<string, unknown>;

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld';
const TAG_IRI = 'urn:claim-provenance:tag:';

/** RFC 3986 absolute URI (scheme ":" then only URI characters or %XX escapes). */
const URI = /^[a-z][a-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]]|%[0-9A-Fa-f]{2})*$/i;

/** Serialises with the W3C format and checks the result against the project's schema of the model's MUSTs. */
function conformingExport(source: ExportSource): string {
  const serialized = w3cFormat.serialize(source);
  expect(w3cModelErrors(JSON.parse(serialized)), 'W3C model schema errors').to.deep.equal([]);
  return serialized;
}

function asList(value: unknown): unknown[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function purposes(body: Json): unknown[] {
  return asList(body.purpose);
}

function bodiesOf(item: Json): Json[] {
  return asList(item.body) as Json[];
}

function bodyWithPurpose(item: Json, purpose: string): Json[] {
  return bodiesOf(item).filter((body) => purposes(body).includes(purpose));
}

function selectorsOf(item: Json): Json[] {
  const target = item.target as Json;
  return asList(target.selector) as Json[];
}

/** An annotation as another tool might write it: quote and/or position, tag as a textual body. */
function foreignAnnotation(fields: {
  body?: unknown;
  bodyValue?: unknown;
  selector?: unknown;
  target?: unknown;
  id?: string;
}): Json {
  return {
    '@context': ANNO_CONTEXT,
    type: 'Annotation',
    id: fields.id ?? 'https://notes.example.org/anno/17',
    ...(fields.body !== undefined ? { body: fields.body } : {}),
    ...(fields.bodyValue !== undefined ? { bodyValue: fields.bodyValue } : {}),
    target: fields.target ?? { source: 'https://news.example.org/canal', selector: fields.selector },
  };
}

const classifying = (value: string) => ({ type: 'TextualBody', purpose: 'classifying', value });

function parseOne(input: unknown): ImportedAnnotation {
  const parsed = valueOf(w3cFormat.parse(JSON.stringify(input)));
  expect(parsed.format).to.equal('w3c');
  expect(parsed.annotations).to.have.length(1);
  return parsed.annotations[0];
}

/** The fields the W3C format carries, with empty and missing optional fields treated alike. */
function w3cFields(a: Annotation | ImportedAnnotation) {
  return {
    ...carriedFields(a),
    prefix: a.prefix ?? '',
    suffix: a.suffix ?? '',
    creator: a.creator || undefined,
    created: a.created,
    modified: a.modified,
  };
}

function sampleAnnotations(): Annotation[] {
  const crossStart = WIRE_TEXT.indexOf('declined to comment.');
  const crossEnd = WIRE_TEXT.indexOf(' at the Meridian');
  return [
    annotationOf(WIRE_TEXT, STATE_CLAIM, {
      id: '5f0c6c1e-8f43-4f6e-9d55-0a4c7e2b9f11',
      tag: 'state-media-claim',
      source: 'State broadcaster',
      note: 'Relayed word for word from the evening bulletin.',
      verdict: 'Unproven',
      creator: 'Desk reviewer',
    }),
    annotationOf(WIRE_TEXT, ANALYST, {
      id: 'desk-7/ä b#1',
      tag: 'analyst-opinion',
      source: 'Meridian Trade Institute',
    }),
    annotationAt(WIRE_TEXT, crossStart, crossEnd, {
      id: 'cross-block',
      tag: 'reported-fact',
      note: 'Spans two paragraphs.',
    }),
    annotationOf(WIRE_TEXT, 'twice its old tonnage', { id: 'nested-1', tag: 'reported-fact', status: 'reanchored' }),
  ];
}

describe('w3cFormat', () => {
  it('declares the JSON-LD file name and media type', () => {
    expect(w3cFormat.fileName).to.match(/\.jsonld$/);
    expect(w3cFormat.mediaType).to.equal('application/ld+json');
  });

  describe('serialize: structure', () => {
    const annotations = sampleAnnotations();
    const collection = JSON.parse(
      w3cFormat.serialize(exportSourceOf(WIRE_TEXT, annotations, { id: 'canal-2025', title: 'Canal claims' })),
    ) as Json;
    const items = (collection.first as Json).items as Json[];

    it('is an AnnotationCollection whose first page holds every annotation in order', () => {
      expect(collection['@context']).to.equal(ANNO_CONTEXT);
      expect(collection.type).to.equal('AnnotationCollection');
      expect(collection.id).to.be.a('string');
      expect(collection.label).to.equal('Canal claims');
      expect(collection.total).to.equal(annotations.length);
      expect((collection.first as Json).type).to.equal('AnnotationPage');
      expect((collection.first as Json).id, 'the page has an IRI').to.match(URI);
      expect((collection.first as Json).partOf).to.equal(collection.id);
      expect(items).to.have.length(annotations.length);
      items.forEach((item) => {
        expect(item.type).to.equal('Annotation');
        expect(item['@context']).to.equal(ANNO_CONTEXT);
      });
    });

    it('gives each annotation an IRI: urn:uuid for UUIDs, another URI that reads back as the id otherwise', () => {
      expect(items[0].id).to.equal(`urn:uuid:${annotations[0].id}`);
      items.forEach((item, i) => {
        expect(item.id, `item ${i}`).to.match(URI);
        const back = parseOne(item);
        expect(back.id).to.equal(annotations[i].id);
      });
    });

    it('targets the article URL as source when it is known, else the document URN', () => {
      expect(items.map((item) => (item.target as Json).source)).to.satisfy((all: string[]) =>
        all.every((value) => value.startsWith('urn:claim-provenance:document:')),
      );
      const base = exportSourceOf(WIRE_TEXT, annotations);
      const withUrl = { ...base, document: { ...base.document, meta: { url: 'https://news.example.org/canal' } } };
      const page = (JSON.parse(conformingExport(withUrl)) as { first: { items: Json[] } }).first;
      expect(page.items.map((item) => (item.target as Json).source)).to.deep.equal(
        annotations.map(() => 'https://news.example.org/canal'),
      );
    });

    it('targets the text with a TextQuoteSelector (exact, prefix, suffix) and a TextPositionSelector (start, end)', () => {
      items.forEach((item, i) => {
        const a = annotations[i];
        expect((item.target as Json).source, 'target source').to.be.a('string');
        const selectors = selectorsOf(item);
        expect(
          selectors.find((s) => s.type === 'TextQuoteSelector'),
          `quote selector of ${a.id}`,
        ).to.deep.include({
          exact: a.quote,
          prefix: a.prefix,
          suffix: a.suffix,
        });
        expect(
          selectors.find((s) => s.type === 'TextPositionSelector'),
          `position selector of ${a.id}`,
        ).to.deep.include({
          start: a.start,
          end: a.end,
        });
      });
    });

    it('writes the tag as a classifying TextualBody with the taxonomy label and the IRI urn:claim-provenance:tag:<tag>', () => {
      items.forEach((item, i) => {
        const a = annotations[i];
        const label = DEFAULT_TAXONOMY.find((tag) => tag.id === a.tag)!.label;
        const textual = bodyWithPurpose(item, 'classifying').filter((body) =>
          asList(body.type).includes('TextualBody'),
        );
        expect(
          textual.map((body) => body.value),
          `classifying TextualBody of ${a.id}`,
        ).to.deep.equal([label]);
        // The tag IRI, on a classifying body: as its id, or as the source of a classifying SpecificResource.
        const iris = bodiesOf(item)
          .flatMap((body) => [body.id, body.source])
          .filter((iri) => typeof iri === 'string');
        expect(iris, `tag IRI of ${a.id}`).to.include(`${TAG_IRI}${a.tag}`);
      });
    });

    it('writes the note as commenting, the source as identifying and the verdict as assessing; absent fields write no body', () => {
      const [full, partial] = items;
      expect(bodyWithPurpose(full, 'commenting').map((b) => b.value)).to.deep.equal([annotations[0].note]);
      expect(bodyWithPurpose(full, 'identifying').map((b) => b.value)).to.deep.equal([annotations[0].source]);
      expect(bodyWithPurpose(full, 'assessing').map((b) => b.value)).to.deep.equal([annotations[0].verdict]);
      for (const body of [
        ...bodyWithPurpose(full, 'commenting'),
        ...bodyWithPurpose(full, 'identifying'),
        ...bodyWithPurpose(full, 'assessing'),
      ]) {
        expect(body.type).to.equal('TextualBody');
      }
      expect(bodyWithPurpose(partial, 'identifying').map((b) => b.value)).to.deep.equal([annotations[1].source]);
      expect(bodyWithPurpose(partial, 'commenting')).to.deep.equal([]);
      expect(bodyWithPurpose(partial, 'assessing')).to.deep.equal([]);
    });

    it('records the creator and the created and modified dates', () => {
      expect(items[0].creator).to.deep.include({ name: 'Desk reviewer' });
      expect(items[1].creator).to.equal(undefined);
      items.forEach((item, i) => {
        expect(item.created).to.equal(annotations[i].created);
        expect(item.modified).to.equal(annotations[i].modified);
      });
    });

    it('writes an empty collection that reads back as no annotations', () => {
      const empty = conformingExport(exportSourceOf(WIRE_TEXT, []));
      const parsed = JSON.parse(empty) as Json;
      expect(parsed.type).to.equal('AnnotationCollection');
      expect(parsed.total).to.equal(0);
      expect(parsed.first, 'no page without annotations').to.equal(undefined);
      expect(valueOf(w3cFormat.parse(empty)).annotations).to.deep.equal([]);
    });
  });

  describe('serialize: the W3C model schema', () => {
    it('a rich export conforms: collection, page and every annotation', () => {
      conformingExport(exportSourceOf(WIRE_TEXT, sampleAnnotations(), { id: 'canal 2025/ü', title: 'Canal claims' }));
    });

    it('an export without a document id or creator conforms too', () => {
      conformingExport(exportSourceOf(WIRE_TEXT, [annotationOf(WIRE_TEXT, CROSSINGS, { tag: 'reported-fact' })]));
    });

    it('writes dates from other zones and forms as the same instant in UTC', () => {
      const annotations = [
        annotationOf(WIRE_TEXT, CROSSINGS, {
          tag: 'reported-fact',
          created: '2025-03-04T11:15:00+02:00',
          modified: 'Tue, 04 Mar 2025 10:00:00 GMT',
        }),
      ];
      const source = { ...exportSourceOf(WIRE_TEXT, annotations), generated: '2025-03-05T01:00:00-05:00' };
      const collection = JSON.parse(conformingExport(source)) as Json;
      const [item] = (collection.first as Json).items as Json[];
      expect(item.created).to.equal('2025-03-04T09:15:00.000Z');
      expect(item.modified).to.equal('2025-03-04T10:00:00.000Z');
      expect(collection.generated).to.equal('2025-03-05T06:00:00.000Z');
    });

    it('random articles and annotation sets always conform', () => {
      fc.assert(
        fc.property(annotatedArticleArb(), ({ text, annotations }) => {
          conformingExport(exportSourceOf(text, annotations));
        }),
        { numRuns: 40 },
      );
    });
  });

  describe('parse: annotations from other tools', () => {
    const doc = articleFromText(WIRE_TEXT);

    it('reads a quote-only annotation and anchors it by its quote', () => {
      const imported = parseOne(
        foreignAnnotation({
          body: classifying('Reported fact'),
          selector: { type: 'TextQuoteSelector', exact: CROSSINGS },
        }),
      );
      expect(imported.quote).to.equal(CROSSINGS);
      expect(imported.start).to.equal(undefined);
      expect(imported.end).to.equal(undefined);
      const { planned } = planOn(doc, [imported]);
      expect(planned).to.have.length(1);
      expect(planned[0]).to.include({
        tag: 'reported-fact',
        status: 'anchored',
        start: WIRE_TEXT.indexOf(CROSSINGS),
        text: CROSSINGS,
      });
    });

    it('reads a position-only annotation and anchors it at its offsets', () => {
      const start = WIRE_TEXT.indexOf(THIRD);
      const imported = parseOne(
        foreignAnnotation({
          body: classifying('analyst-opinion'),
          selector: { type: 'TextPositionSelector', start, end: start + THIRD.length },
        }),
      );
      expect(imported).to.include({ start, end: start + THIRD.length });
      expect(imported.quote).to.equal(undefined);
      const { planned } = planOn(doc, [imported]);
      expect(planned[0]).to.include({
        tag: 'analyst-opinion',
        status: 'anchored',
        start,
        end: start + THIRD.length,
        text: THIRD,
      });
    });

    it('takes the tag from a plain TextualBody whose value is a tag id', () => {
      const imported = parseOne(
        foreignAnnotation({
          body: { type: 'TextualBody', value: 'state-media-claim' },
          selector: { type: 'TextQuoteSelector', exact: STATE_CLAIM },
        }),
      );
      expect(imported.tag).to.equal('state-media-claim');
      expect(resolveTag(imported.tag, DEFAULT_TAXONOMY)).to.equal('state-media-claim');
    });

    it('takes the tag from a TextualBody whose value is a label in any case, with or without purpose', () => {
      for (const body of [
        { type: 'TextualBody', value: 'ANALYST OPINION' },
        { type: 'TextualBody', purpose: 'tagging', value: 'analyst opinion' },
        { type: 'TextualBody', purpose: ['classifying'], value: 'Analyst Opinion' },
      ]) {
        const imported = parseOne(foreignAnnotation({ body, selector: { type: 'TextQuoteSelector', exact: ANALYST } }));
        expect(resolveTag(imported.tag, DEFAULT_TAXONOMY), JSON.stringify(body)).to.equal('analyst-opinion');
        const { plan } = planOn(doc, [imported]);
        expect(plan.report.unknownTags).to.equal(undefined);
        expect(plan.records[0].tag).to.equal('analyst-opinion');
      }
    });

    it('reads a bodyValue string as the tag', () => {
      const imported = parseOne(
        foreignAnnotation({ bodyValue: 'Reported fact', selector: { type: 'TextQuoteSelector', exact: CROSSINGS } }),
      );
      expect(resolveTag(imported.tag, DEFAULT_TAXONOMY)).to.equal('reported-fact');
    });

    it('reads notes, sources and verdicts of other tools by purpose', () => {
      const imported = parseOne(
        foreignAnnotation({
          body: [
            classifying('state-media-claim'),
            { type: 'TextualBody', purpose: 'commenting', value: 'Seen on two channels.' },
            { type: 'TextualBody', purpose: 'identifying', value: 'State broadcaster' },
            { type: 'TextualBody', purpose: 'assessing', value: 'False' },
          ],
          selector: [{ type: 'TextQuoteSelector', exact: STATE_CLAIM, prefix: '', suffix: ' Engineers' }],
        }),
      );
      expect(imported).to.include({
        tag: 'state-media-claim',
        note: 'Seen on two channels.',
        source: 'State broadcaster',
        verdict: 'False',
        quote: STATE_CLAIM,
      });
    });

    it('reads a single Annotation, an AnnotationPage and a plain array', () => {
      const one = foreignAnnotation({
        id: 'https://notes.example.org/a/1',
        body: classifying('reported-fact'),
        selector: { type: 'TextQuoteSelector', exact: CROSSINGS },
      });
      const two = foreignAnnotation({
        id: 'https://notes.example.org/a/2',
        body: classifying('analyst-opinion'),
        selector: { type: 'TextQuoteSelector', exact: THIRD },
      });
      const page = { '@context': ANNO_CONTEXT, type: 'AnnotationPage', items: [one, two] };
      for (const [name, input, count] of [
        ['annotation', one, 1],
        ['page', page, 2],
        ['array', [one, two], 2],
        ['collection', { '@context': ANNO_CONTEXT, type: 'AnnotationCollection', total: 2, first: page }, 2],
      ] as const) {
        const parsed = valueOf(w3cFormat.parse(JSON.stringify(input)));
        expect(
          parsed.annotations.map((a) => a.id),
          name,
        ).to.deep.equal(['https://notes.example.org/a/1', 'https://notes.example.org/a/2'].slice(0, count));
      }
    });

    it('reads a collection that lists its items directly, validating them as page items', () => {
      const one = foreignAnnotation({
        id: 'https://notes.example.org/a/1',
        body: classifying('reported-fact'),
        selector: { type: 'TextQuoteSelector', exact: CROSSINGS },
      });
      const two = foreignAnnotation({
        id: 'https://notes.example.org/a/2',
        body: classifying('analyst-opinion'),
        selector: { type: 'TextQuoteSelector', exact: THIRD },
      });
      const collection = { '@context': ANNO_CONTEXT, type: 'AnnotationCollection', total: 2, items: [one, two] };
      const parsed = valueOf(w3cFormat.parse(JSON.stringify(collection)));
      expect(parsed.annotations.map((a) => a.id)).to.deep.equal([
        'https://notes.example.org/a/1',
        'https://notes.example.org/a/2',
      ]);
      const errors = errorsOf(
        w3cFormat.parse(JSON.stringify({ ...collection, items: [one, { ...two, target: undefined }] })),
      );
      expect(errors.some((e) => e.includes('items[1]') && e.includes('target'))).to.equal(true);
    });

    it('refuses a collection whose first page is only an IRI, saying why', () => {
      const errors = errorsOf(
        w3cFormat.parse(
          JSON.stringify({
            '@context': ANNO_CONTEXT,
            type: 'AnnotationCollection',
            total: 3,
            first: 'https://notes.example.org/page1',
          }),
        ),
      );
      expect(errors.join(' ')).to.match(/first page/i);
    });
  });

  describe('parse: malformed input', () => {
    const valid = () =>
      foreignAnnotation({
        body: classifying('reported-fact'),
        selector: { type: 'TextQuoteSelector', exact: CROSSINGS },
      });

    function errorsFor(input: string): string[] {
      const errors = errorsOf(parsesWithoutThrowing(w3cFormat.parse, input));
      expect(errors.length).to.be.greaterThan(0);
      for (const error of errors) expect(error).to.be.a('string').and.have.length.greaterThan(10);
      return errors;
    }

    it('refuses text that is not JSON, and empty text', () => {
      expect(errorsFor('{"type": "Annotation",')[0]).to.match(/not valid JSON/i);
      expect(errorsFor('<html><body>nope</body></html>')[0]).to.match(/JSON/);
      expect(errorsFor('   ')[0]).to.match(/empty/i);
    });

    it('refuses JSON of the wrong type, naming the types it reads', () => {
      for (const input of ['42', 'null', '"Annotation"', 'true', '{"type": "Note"}', '{}']) {
        expect(errorsFor(input).join(' '), input).to.match(/annotation/i);
      }
    });

    it('refuses an annotation without a target, naming the field', () => {
      const { target: _target, ...rest } = valid();
      expect(errorsFor(JSON.stringify(rest)).join(' ')).to.match(/target/);
      expect(errorsFor(JSON.stringify({ ...valid(), target: [] })).join(' ')).to.match(/target/);
    });

    it('refuses a target that is a bare IRI or has no text selector', () => {
      expect(errorsFor(JSON.stringify({ ...valid(), target: 'https://news.example.org/canal' })).join(' ')).to.match(
        /selector/i,
      );
      expect(
        errorsFor(JSON.stringify({ ...valid(), target: { source: 'https://news.example.org/canal' } })).join(' '),
      ).to.match(/Selector/);
    });

    it('refuses a TextQuoteSelector without exact, naming the field', () => {
      const input = foreignAnnotation({
        body: classifying('reported-fact'),
        selector: { type: 'TextQuoteSelector', prefix: 'Barge ' },
      });
      expect(errorsFor(JSON.stringify(input)).join(' ')).to.match(/exact/);
    });

    it('refuses negative, fractional, reversed or non-numeric offsets, naming the field', () => {
      for (const selector of [
        { type: 'TextPositionSelector', start: -4, end: 10 },
        { type: 'TextPositionSelector', start: 2, end: -1 },
        { type: 'TextPositionSelector', start: 1.5, end: 10 },
        { type: 'TextPositionSelector', start: 30, end: 10 },
        { type: 'TextPositionSelector', start: '3', end: 10 },
      ]) {
        const errors = errorsFor(JSON.stringify(foreignAnnotation({ body: classifying('reported-fact'), selector })));
        expect(errors.join(' '), JSON.stringify(selector)).to.match(/start|end/);
        expect(errors.join(' ')).to.include('selector[0]');
      }
    });

    it('refuses an annotation without a tag, and bodies of the wrong shape', () => {
      expect(
        errorsFor(
          JSON.stringify(foreignAnnotation({ selector: { type: 'TextQuoteSelector', exact: CROSSINGS } })),
        ).join(' '),
      ).to.match(/tag/);
      expect(
        errorsFor(
          JSON.stringify(foreignAnnotation({ body: [7], selector: { type: 'TextQuoteSelector', exact: CROSSINGS } })),
        ).join(' '),
      ).to.match(/body\[0\]/);
    });

    it('refuses bad dates and reports every bad annotation of a page, by its path', () => {
      const page = {
        type: 'AnnotationPage',
        items: [valid(), { ...valid(), created: 'last Tuesday' }, { ...valid(), target: undefined }],
      };
      const errors = errorsFor(JSON.stringify(page));
      expect(errors.some((e) => e.includes('items[1]') && e.includes('created'))).to.equal(true);
      expect(errors.some((e) => e.includes('items[2]') && e.includes('target'))).to.equal(true);
    });

    it('refuses text over the import size limit before parsing it', () => {
      const huge = `{"type":"Annotation","pad":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`;
      expect(errorsFor(huge)[0]).to.match(/too large/i);
    });

    it('never throws on arbitrary text', () => {
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json()), (input) => {
          const result = parsesWithoutThrowing(w3cFormat.parse, input);
          expect(typeof result.ok).to.equal('boolean');
          if (!result.ok) expect(result.errors.length).to.be.greaterThan(0);
        }),
        { numRuns: 300 },
      );
    });

    it('never throws on arbitrary JSON values, and refuses or accepts them cleanly', () => {
      fc.assert(
        fc.property(fc.anything(), (value) => {
          const input = JSON.stringify(value);
          if (input === undefined) return;
          const result = parsesWithoutThrowing(w3cFormat.parse, input);
          if (result.ok) result.value.annotations.forEach((a) => expect(a.tag).to.be.a('string'));
          else expect(result.errors.every((e) => typeof e === 'string')).to.equal(true);
        }),
        { numRuns: 300 },
      );
    });

    it('never throws on annotation-shaped JSON with arbitrary parts', () => {
      const part = fc.anything();
      const selector = fc.record(
        {
          type: fc.constantFrom('TextQuoteSelector', 'TextPositionSelector', 'XPathSelector'),
          exact: part,
          prefix: part,
          suffix: part,
          start: part,
          end: part,
        },
        { requiredKeys: ['type'] },
      );
      const body = fc.oneof(
        fc.record(
          {
            type: fc.constant('TextualBody'),
            purpose: fc.oneof(fc.constantFrom('classifying', 'commenting', 'tagging', 'assessing'), part),
            value: part,
            id: part,
          },
          { requiredKeys: [] },
        ),
        part,
      );
      const annotation = fc.record(
        {
          '@context': fc.oneof(fc.constant(ANNO_CONTEXT), part),
          type: fc.oneof(fc.constant('Annotation'), part),
          id: part,
          created: part,
          modified: part,
          creator: part,
          body: fc.oneof(body, fc.array(body, { maxLength: 4 })),
          bodyValue: part,
          target: fc.oneof(
            part,
            fc.record(
              { source: part, selector: fc.oneof(selector, fc.array(fc.oneof(selector, part), { maxLength: 3 })) },
              { requiredKeys: [] },
            ),
          ),
        },
        { requiredKeys: ['type'] },
      );
      const root = fc.oneof(
        annotation,
        fc.array(annotation, { maxLength: 3 }),
        fc.record({
          type: fc.constant('AnnotationPage'),
          items: fc.oneof(fc.array(annotation, { maxLength: 3 }), part),
        }),
        fc.record({
          type: fc.constant('AnnotationCollection'),
          total: part,
          first: fc.oneof(fc.record({ items: fc.array(annotation, { maxLength: 3 }) }), part),
        }),
      );
      fc.assert(
        fc.property(root, (value) => {
          const result = parsesWithoutThrowing(w3cFormat.parse, JSON.stringify(value));
          if (result.ok) {
            for (const a of result.value.annotations) {
              expect(a.tag).to.be.a('string').and.not.equal('');
              expect(
                a.quote !== undefined || a.start !== undefined,
                'a parsed annotation has a quote or a position',
              ).to.equal(true);
            }
          } else {
            expect(result.errors.length).to.be.greaterThan(0);
          }
        }),
        { numRuns: 400 },
      );
    });
  });

  describe('round trip', () => {
    it('serialize → parse keeps id, tag, offsets, quote, context, source, note, verdict, creator and dates', () => {
      fc.assert(
        fc.property(
          annotatedArticleArb({ field: fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }) }),
          ({ text, annotations }) => {
            const parsed: ParsedImport = valueOf(w3cFormat.parse(conformingExport(exportSourceOf(text, annotations))));
            expect(parsed.annotations.map(w3cFields)).to.deep.equal(annotations.map(w3cFields));
          },
        ),
        { numRuns: 150 },
      );
    });

    it('keeps ids that are not UUIDs, including IRIs, spaces, "%" and non-Latin text', () => {
      const ids = [
        'urn:uuid:not-a-uuid',
        'https://example.org/a?b=c#d',
        'a b%20c',
        '平壤-1',
        '5F0C6C1E-8F43-4F6E-9D55-0A4C7E2B9F11',
        '%E0%A4%A',
      ];
      const annotations = ids.map((id) => annotationOf(WIRE_TEXT, NO_COMMENT, { id }));
      const parsed = valueOf(w3cFormat.parse(conformingExport(exportSourceOf(WIRE_TEXT, annotations))));
      expect(parsed.annotations.map((a) => a.id)).to.deep.equal(ids);
    });

    it('exports (and reads back) an id that is not well-formed UTF-16, as a native file may carry', () => {
      // A lone surrogate survives JSON, so a native import can bring such an id into the editor.
      const annotations = [annotationOf(WIRE_TEXT, NO_COMMENT, { id: 'desk-\ud800-7' })];
      let serialized = '';
      expect(() => {
        serialized = conformingExport(exportSourceOf(WIRE_TEXT, annotations));
      }).not.to.throw();
      expect(valueOf(w3cFormat.parse(serialized)).annotations[0].tag).to.equal('reported-fact');
    });
  });
});
