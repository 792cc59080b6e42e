import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { articleFromText } from '../editor/article.js';
import type { Annotation, AnnotationStatus, ImportedAnnotation } from '../model/annotation.js';
import { DEFAULT_TAXONOMY, type Tag } from '../model/taxonomy.js';
import {
  ANALYST,
  annotatedArticleArb,
  annotationOf,
  CROSSINGS,
  errorsOf,
  exportSourceOf,
  GENERATED,
  parsesWithoutThrowing,
  STATE_CLAIM,
  valueOf,
  WIRE_TEXT,
} from '../test-support/formats-helpers.js';
import { MAX_IMPORT_BYTES } from './format.js';
import { jsonFormat, NATIVE_FORMAT, NATIVE_VERSION } from './json.js';

type Json = Record<string, unknown>;

/** The object without its undefined properties, so "absent" and "undefined" compare equal. */
function defined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function nativeFile(overrides: Json = {}): Json {
  const file = JSON.parse(
    jsonFormat.serialize(
      exportSourceOf(WIRE_TEXT, [annotationOf(WIRE_TEXT, CROSSINGS, { id: 'a-1' })], { id: 'canal' }),
    ),
  ) as Json;
  return { ...file, ...overrides };
}

function withAnnotations(...annotations: unknown[]): string {
  return JSON.stringify({ ...nativeFile(), annotations });
}

function goodAnnotation(overrides: Json = {}): Json {
  return { ...(annotationOf(WIRE_TEXT, STATE_CLAIM, { id: 'good' }) as unknown as Json), ...overrides };
}

function errorsFor(input: string): string[] {
  const errors = errorsOf(parsesWithoutThrowing(jsonFormat.parse, input));
  expect(errors.length).to.be.greaterThan(0);
  return errors;
}

const anyText = fc.string({ unit: 'binary', maxLength: 40 });

describe('jsonFormat (native)', () => {
  it('declares its file name and media type', () => {
    expect(jsonFormat.fileName).to.match(/\.json$/);
    expect(jsonFormat.mediaType).to.equal('application/json');
  });

  describe('serialize', () => {
    it('writes a versioned file with the document, taxonomy and every annotation field', () => {
      const annotation = annotationOf(WIRE_TEXT, STATE_CLAIM, {
        tag: 'state-media-claim',
        source: 'State broadcaster',
        note: 'Word for word.',
        verdict: 'Unproven',
        creator: 'Desk reviewer',
        status: 'reanchored',
      });
      const file = JSON.parse(
        jsonFormat.serialize(exportSourceOf(WIRE_TEXT, [annotation], { id: 'canal', title: 'Canal claims' })),
      ) as Json;
      expect(file.format).to.equal(NATIVE_FORMAT);
      expect(file.version).to.equal(NATIVE_VERSION);
      expect(file.exported).to.equal(GENERATED);
      expect(file.document).to.deep.equal({
        id: 'canal',
        title: 'Canal claims',
        text: WIRE_TEXT,
        content: articleFromText(WIRE_TEXT).toJSON(),
      });
      expect(file.taxonomy).to.deep.equal(DEFAULT_TAXONOMY.map((tag) => ({ ...tag })));
      expect(file.annotations).to.deep.equal([annotation]);
    });
  });

  describe('round trip', () => {
    it('serialize → parse keeps the document, the taxonomy and every annotation field, status included', () => {
      fc.assert(
        fc.property(
          annotatedArticleArb({
            field: anyText,
            id: fc.oneof(fc.uuid(), fc.string({ unit: 'binary', minLength: 1, maxLength: 20 })),
          }),
          fc.option(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), { nil: undefined }),
          anyText,
          ({ text, annotations }, id, title) => {
            const source = exportSourceOf(text, annotations, { id, title });
            const parsed = valueOf(jsonFormat.parse(jsonFormat.serialize(source)));
            expect(parsed.format).to.equal('json');
            expect(parsed.annotations.map(defined)).to.deep.equal(annotations.map(defined));
            expect(defined(parsed.document!)).to.deep.equal(defined(source.document));
            expect(parsed.taxonomy).to.deep.equal(DEFAULT_TAXONOMY.map((tag) => ({ ...tag })));
          },
        ),
        { numRuns: 150 },
      );
    });

    it('keeps each annotation status: anchored, reanchored and orphaned', () => {
      const statuses: AnnotationStatus[] = ['anchored', 'reanchored', 'orphaned'];
      const annotations = statuses.map((status) => annotationOf(WIRE_TEXT, ANALYST, { id: status, status }));
      const parsed = valueOf(jsonFormat.parse(jsonFormat.serialize(exportSourceOf(WIRE_TEXT, annotations))));
      expect(parsed.annotations.map((a: ImportedAnnotation) => a.status)).to.deep.equal(statuses);
    });

    it('keeps a custom taxonomy with colours, keys and descriptions', () => {
      const taxonomy: Tag[] = [
        {
          id: 'wire-copy',
          label: 'Wire copy',
          color: 'rgb(10, 20, 30)',
          key: 'w',
          description: 'Taken from an agency.',
        },
        { id: 'own_reporting', label: 'Own reporting', color: '#123' },
      ];
      const parsed = valueOf(jsonFormat.parse(jsonFormat.serialize(exportSourceOf(WIRE_TEXT, [], { taxonomy }))));
      expect(parsed.taxonomy).to.deep.equal(taxonomy);
    });

    it('keeps a long article (150 000 characters) and a long note (120 000 characters)', () => {
      const paragraph = `${STATE_CLAIM} ${ANALYST}`;
      const text = Array.from({ length: Math.ceil(150_000 / (paragraph.length + 1)) }, () => paragraph).join('\n');
      const note = 'n'.repeat(120_000);
      const annotations: Annotation[] = [annotationOf(text, ANALYST, { id: 'long', note })];
      const parsed = valueOf(jsonFormat.parse(jsonFormat.serialize(exportSourceOf(text, annotations))));
      expect(parsed.document?.text.length).to.equal(text.length);
      expect(parsed.annotations[0].note).to.equal(note);
    });

    it('reads a file with a byte-order mark', () => {
      const parsed = valueOf(jsonFormat.parse(`\uFEFF${JSON.stringify(nativeFile())}`));
      expect(parsed.annotations.map((a) => a.id)).to.deep.equal(['a-1']);
    });
  });

  describe('versioning', () => {
    it('refuses a file from a future version, saying which version it reads', () => {
      const errors = errorsFor(JSON.stringify(nativeFile({ version: NATIVE_VERSION + 1 })));
      expect(errors.join(' ')).to.match(/version/i);
      expect(errors.join(' ')).to.include(String(NATIVE_VERSION + 1));
      expect(errors.join(' ')).to.include(String(NATIVE_VERSION));
    });

    it('refuses a missing, zero, textual or fractional version', () => {
      const { version: _version, ...unversioned } = nativeFile();
      for (const file of [
        unversioned,
        nativeFile({ version: 0 }),
        nativeFile({ version: 0.5 }),
        nativeFile({ version: '1' }),
        nativeFile({ version: null }),
      ]) {
        expect(errorsFor(JSON.stringify(file)).join(' '), JSON.stringify(file.version)).to.match(/version/i);
      }
    });

    it('refuses a file that is not a claim-provenance file, naming the format it expects', () => {
      for (const file of [{ ...nativeFile(), format: 'other-tool' }, { annotations: [] }, [], 'claim-provenance', 12]) {
        expect(errorsFor(JSON.stringify(file)).join(' '), JSON.stringify(file)).to.include(NATIVE_FORMAT);
      }
    });
  });

  describe('malformed shapes', () => {
    it('refuses text that is not JSON, empty text and text over the size limit', () => {
      expect(errorsFor('{"format": "claim-provenance",')[0]).to.match(/not valid JSON/i);
      expect(errorsFor('')[0]).to.match(/empty/i);
      expect(
        errorsFor(
          `{"format":"claim-provenance","version":1,"annotations":[],"pad":"${'x'.repeat(MAX_IMPORT_BYTES)}"}`,
        )[0],
      ).to.match(/too large/i);
    });

    it('refuses annotations that are not a list', () => {
      expect(errorsFor(JSON.stringify(nativeFile({ annotations: { 0: goodAnnotation() } }))).join(' ')).to.match(
        /annotations: expected a list/,
      );
    });

    it('names the path of every bad field, in every bad annotation', () => {
      const errors = errorsFor(
        withAnnotations(
          goodAnnotation(),
          'not an annotation',
          goodAnnotation({ id: undefined }),
          goodAnnotation({ tag: 7 }),
          goodAnnotation({ start: -3 }),
          goodAnnotation({ start: 40, end: 12 }),
          goodAnnotation({ end: 2.5 }),
          goodAnnotation({ created: 'last Tuesday' }),
          goodAnnotation({ note: { text: 'nested' } }),
          goodAnnotation({ source: ['State broadcaster'] }),
        ),
      );
      const expected: [string, RegExp][] = [
        ['annotations[1]', /object/],
        ['annotations[2].id', /missing/],
        ['annotations[3].tag', /text/],
        ['annotations[4].start', /number/],
        ['annotations[5]', /before start/],
        ['annotations[6].end', /whole number/],
        ['annotations[7].created', /date/],
        ['annotations[8].note', /text/],
        ['annotations[9].source', /text/],
      ];
      for (const [path, message] of expected) {
        expect(
          errors.some((error) => error.startsWith(path) && message.test(error)),
          `${path} ${message}: ${errors.join(' | ')}`,
        ).to.equal(true);
      }
      expect(
        errors.some((error) => error.startsWith('annotations[0]')),
        'the good annotation has no error',
      ).to.equal(false);
    });

    it('names the path of a bad document', () => {
      expect(errorsFor(JSON.stringify(nativeFile({ document: 'canal' }))).join(' ')).to.include(
        'document: expected an object',
      );
      expect(errorsFor(JSON.stringify(nativeFile({ document: { title: 'No text' } }))).join(' ')).to.include(
        'document.text: missing',
      );
      expect(errorsFor(JSON.stringify(nativeFile({ document: { text: 42 } }))).join(' ')).to.include('document.text');
    });

    it('refuses a taxonomy colour that could inject CSS', () => {
      const taxonomy = [{ id: 'state-media-claim', label: 'State-media claim', color: 'red;}*{x:url(//evil)' }];
      const errors = errorsFor(JSON.stringify(nativeFile({ taxonomy })));
      expect(errors.join(' ')).to.match(/^taxonomy/);
      expect(errors.join(' ')).to.include('red;}*{x:url(//evil)');
    });

    it('refuses taxonomy entries with unsafe ids, missing labels, duplicate ids or non-list taxonomies', () => {
      for (const taxonomy of [
        [{ id: 'bad id"]', label: 'Bad' }],
        [{ id: 'ok' }],
        [
          { id: 'twice', label: 'One' },
          { id: 'twice', label: 'Two' },
        ],
        { id: 'ok', label: 'Not a list' },
        [],
      ]) {
        expect(errorsFor(JSON.stringify(nativeFile({ taxonomy }))).join(' '), JSON.stringify(taxonomy)).to.match(
          /taxonomy/i,
        );
      }
    });

    it('never throws on arbitrary text or JSON values', () => {
      fc.assert(
        fc.property(
          fc.oneof(
            fc.string(),
            fc.string({ unit: 'binary' }),
            fc.anything().map((v) => JSON.stringify(v) ?? 'undefined'),
          ),
          (input) => {
            const result = parsesWithoutThrowing(jsonFormat.parse, input);
            if (!result.ok) expect(result.errors.length).to.be.greaterThan(0);
          },
        ),
        { numRuns: 300 },
      );
    });

    it('never throws on native-shaped files with arbitrary parts', () => {
      const part = fc.anything();
      const annotation = fc.record(
        {
          id: fc.oneof(fc.string(), part),
          tag: fc.oneof(fc.constant('reported-fact'), part),
          start: fc.oneof(fc.nat(), part),
          end: fc.oneof(fc.nat(), part),
          quote: part,
          created: part,
          note: part,
        },
        { requiredKeys: [] },
      );
      const file = fc.record(
        {
          format: fc.oneof(fc.constant(NATIVE_FORMAT), part),
          version: fc.oneof(fc.constant(NATIVE_VERSION), part),
          document: fc.oneof(
            fc.record(
              { text: fc.oneof(fc.string(), part), title: part, id: part, content: part },
              { requiredKeys: [] },
            ),
            part,
          ),
          taxonomy: fc.oneof(
            fc.array(
              fc.record({ id: fc.oneof(fc.string(), part), label: part, color: part, key: part }, { requiredKeys: [] }),
              { maxLength: 3 },
            ),
            part,
          ),
          annotations: fc.oneof(fc.array(fc.oneof(annotation, part), { maxLength: 4 }), part),
        },
        { requiredKeys: ['format', 'version'] },
      );
      fc.assert(
        fc.property(file, (value) => {
          const result = parsesWithoutThrowing(jsonFormat.parse, JSON.stringify(value));
          if (result.ok) result.value.annotations.forEach((a) => expect(a.tag).to.be.a('string'));
          else expect(result.errors.length).to.be.greaterThan(0);
        }),
        { numRuns: 400 },
      );
    });
  });
});
