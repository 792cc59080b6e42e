import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import Papa from 'papaparse';
import type { Annotation } from '../model/annotation.js';
import { DEFAULT_TAXONOMY } from '../model/taxonomy.js';
import { CSV_COLUMNS, csvFormat, type CsvRow } from './csv.js';
import { MAX_IMPORT_BYTES, type ExportSource } from './format.js';
import { annotationIn, errorsOf, valueOf } from '../test-support/formats-helpers.js';

/** Invented wire copy; nothing here is real reporting. */
const TEXT = [
  'The state news agency said the Kelvar dam, finished "ahead of every plan," would supply 40,000 homes.',
  'An engineer at a Busan consultancy called the figure implausible.',
  '通信社は「完全な成功」だと伝えた 🚀.',
].join('\n');

const HEADER = 'id,tag,quote,source,note,verdict,start,end,creator,created';

function annotation(fields: Partial<Annotation> & Pick<Annotation, 'id' | 'quote'>): Annotation {
  return annotationIn(TEXT, fields);
}

function exportSource(annotations: Annotation[]): ExportSource {
  return {
    document: { id: 'kelvar-dam', title: 'Dam opening draws doubts', text: TEXT, content: null },
    taxonomy: DEFAULT_TAXONOMY,
    annotations,
    generated: '2025-03-05T08:00:00.000Z',
  };
}

/** The CSV row a serialized annotation should read back as: every text column as given, missing ones empty. */
function expectedRow(a: Annotation): CsvRow {
  return {
    id: a.id,
    tag: a.tag,
    quote: a.quote,
    source: a.source ?? '',
    note: a.note ?? '',
    verdict: a.verdict ?? '',
    start: String(a.start),
    end: String(a.end),
    creator: a.creator ?? '',
    created: a.created,
  };
}

/** Removes the export's formula-protection apostrophe: one apostrophe, when apostrophes lead to a trigger character. */
function unprotect(value: string): string {
  return /^'+[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
}

/** Data lines of a serialized CSV without line breaks inside fields, header excluded. */
function dataLines(csv: string): string[] {
  return csv.split('\r\n').slice(1, -1);
}

const ROW_OF_TEN = 'a1,state-media-claim,quote,,,,0,5,,2025-03-04T09:15:00.000Z';

const annotationArbitrary = fc
  .record({
    id: fc.string({ unit: 'binary' }),
    tag: fc.string({ unit: 'binary' }),
    quote: fc.string({ unit: 'binary' }),
    source: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
    note: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
    verdict: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
    creator: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
    created: fc.string({ unit: 'binary' }),
    start: fc.nat(),
    length: fc.nat(),
  })
  .map(({ length, ...fields }): Annotation => annotation({ ...fields, end: fields.start + length }));

/** Strings made mostly of the characters CSV cares about, to reach the parser's corners. */
const csvChar = fc.constantFrom(',', '"', '\r', '\n', '\r\n', ' ', "'", '=', '-', '\t', 'a', '7', '\uFEFF', '😀');
const csvLike = fc.string({ unit: csvChar, maxLength: 60 });

describe('csvFormat', () => {
  it('declares its file name and media type', () => {
    expect(csvFormat.fileName).to.match(/\.csv$/);
    expect(csvFormat.mediaType).to.equal('text/csv;charset=utf-8');
  });

  describe('serialize', () => {
    it('starts with a BOM and the header row, and ends every line in CRLF', () => {
      const csv = csvFormat.serialize(exportSource([annotation({ id: 'a1', quote: 'would supply 40,000 homes' })]));
      expect(csv.startsWith(`\uFEFF${HEADER}\r\n`)).to.equal(true);
      expect(csv.endsWith('\r\n')).to.equal(true);
      expect(csv.replaceAll('\r\n', '')).not.to.match(/[\r\n]/);
    });

    it('writes only the header for an article without annotations', () => {
      expect(csvFormat.serialize(exportSource([]))).to.equal(`\uFEFF${HEADER}\r\n`);
    });

    it('writes one row per annotation in the given order, with empty optional fields and plain numbers', () => {
      const first = annotation({
        id: 'a2',
        quote: 'An engineer at a Busan consultancy called the figure implausible.',
        tag: 'analyst-opinion',
      });
      const second = annotation({
        id: 'a1',
        quote: 'The state news agency said',
        source: 'KCNA',
        note: 'wire',
        verdict: 'False',
        creator: 'desk',
      });
      const lines = dataLines(csvFormat.serialize(exportSource([first, second])));
      expect(lines).to.deep.equal([
        `a2,analyst-opinion,An engineer at a Busan consultancy called the figure implausible.,,,,${first.start},${first.end},,2025-03-04T09:15:00.000Z`,
        `a1,state-media-claim,The state news agency said,KCNA,wire,False,0,26,desk,2025-03-04T09:15:00.000Z`,
      ]);
    });

    it('quotes fields with commas, quotes, line breaks and edge spaces, doubling inner quotes', () => {
      const quoted = annotation({
        id: 'a1',
        quote: 'finished "ahead of every plan," would supply 40,000 homes',
        source: ' state news agency ',
        note: 'Line one\r\nline two\nline three\rend',
        verdict: 'Misleading',
      });
      const csv = csvFormat.serialize(exportSource([quoted]));
      const row = csv.slice(`\uFEFF${HEADER}\r\n`.length, -2);
      expect(row).to.equal(
        'a1,state-media-claim,"finished ""ahead of every plan,"" would supply 40,000 homes",' +
          `" state news agency ","Line one\r\nline two\nline three\rend",Misleading,${quoted.start},${quoted.end},,2025-03-04T09:15:00.000Z`,
      );
    });

    it('keeps CJK and emoji as they are', () => {
      const quote = '通信社は「完全な成功」だと伝えた 🚀.';
      const [line] = dataLines(csvFormat.serialize(exportSource([annotation({ id: 'a1', quote })])));
      expect(line.split(',')[2]).to.equal(quote);
    });

    it('puts an apostrophe before text fields a spreadsheet would read as a formula', () => {
      const hostile = annotation({
        id: '@id',
        tag: '-tag',
        quote: '=HYPERLINK("http://evil.example/","Click for the full report")',
        source: '+1 (555) 0100',
        note: '\tindented',
        verdict: '@SUM(A1:A9)',
        creator: '\rcarriage',
        created: '=NOW()',
      });
      const csv = csvFormat.serialize(exportSource([hostile]));
      expect(dataLines(csv)).to.deep.equal([
        `'@id,'-tag,"'=HYPERLINK(""http://evil.example/"",""Click for the full report"")",'+1 (555) 0100,` +
          `'\tindented,'@SUM(A1:A9),0,${hostile.quote.length},"'\rcarriage",'=NOW()`,
      ]);
      expect(valueOf(csvFormat.parse(csv))).to.deep.equal([expectedRow(hostile)]);
    });

    it('leaves formula characters alone when they are not first, and numbers unprotected', () => {
      const quote = 'Output rose 4-5 percent = a record';
      const [line] = dataLines(
        csvFormat.serialize(exportSource([annotation({ id: 'a1', quote, note: '"; DROP TABLE x;--' })])),
      );
      expect(line).to.equal(
        `a1,state-media-claim,${quote},,"""; DROP TABLE x;--",,0,${quote.length},,2025-03-04T09:15:00.000Z`,
      );
    });

    it('adds an apostrophe to values already starting with apostrophes before a trigger, so the import can undo it exactly', () => {
      const tricky = annotation({ id: "'=already", quote: "'plain apostrophe", note: "''-two" });
      const csv = csvFormat.serialize(exportSource([tricky]));
      expect(dataLines(csv)[0].startsWith("''=already,state-media-claim,'plain apostrophe,,'''-two,")).to.equal(true);
      expect(valueOf(csvFormat.parse(csv))).to.deep.equal([expectedRow(tricky)]);
    });

    it('reads back with papaparse, field for field, for any annotation text (property)', () => {
      fc.assert(
        fc.property(fc.array(annotationArbitrary, { maxLength: 5 }), (annotations) => {
          const csv = csvFormat.serialize(exportSource(annotations));
          const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), {
            header: true,
            delimiter: ',',
            newline: '\r\n',
            skipEmptyLines: true,
          });
          expect(parsed.errors).to.deep.equal([]);
          expect(parsed.meta.fields).to.deep.equal([...CSV_COLUMNS]);
          expect(parsed.data).to.have.length(annotations.length);
          parsed.data.forEach((row, index) => {
            for (const column of CSV_COLUMNS) {
              if (column !== 'start' && column !== 'end') expect(row[column]).not.to.match(/^[=+\-@\t\r]/);
            }
            const restored = Object.fromEntries(CSV_COLUMNS.map((column) => [column, unprotect(row[column])]));
            expect(restored).to.deep.equal(expectedRow(annotations[index]));
          });
        }),
        { numRuns: 200 },
      );
    });

    it('reads back with its own parser, field for field, for any annotation text (property)', () => {
      fc.assert(
        fc.property(fc.array(annotationArbitrary, { maxLength: 5 }), (annotations) => {
          const rows = valueOf(csvFormat.parse(csvFormat.serialize(exportSource(annotations))));
          expect(rows).to.deep.equal(annotations.map(expectedRow));
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('parse', () => {
    it('reads quoted fields with commas, doubled quotes and line breaks', () => {
      const input = `${HEADER}\r\n"a,1",state-media-claim,"He said ""no,""\r\nthen left",,"<script>alert(1)</script>",,3,9,,2025-03-04\r\n`;
      expect(valueOf(csvFormat.parse(input))).to.deep.equal([
        {
          id: 'a,1',
          tag: 'state-media-claim',
          quote: 'He said "no,"\r\nthen left',
          source: '',
          note: '<script>alert(1)</script>',
          verdict: '',
          start: '3',
          end: '9',
          creator: '',
          created: '2025-03-04',
        },
      ]);
    });

    it('accepts LF line endings, no BOM, no final line break and blank lines', () => {
      const input = `${HEADER}\n\n${ROW_OF_TEN}\n\n${ROW_OF_TEN.replace('a1', 'a2')}`;
      expect(valueOf(csvFormat.parse(input)).map((row) => row.id)).to.deep.equal(['a1', 'a2']);
    });

    it('accepts empty start and end, for annotations placed by quote alone', () => {
      const [row] = valueOf(csvFormat.parse(`${HEADER}\r\na1,reported-fact,Two cranes idle,,,,,,,\r\n`));
      expect([row.start, row.end]).to.deep.equal(['', '']);
    });

    it('removes the formula apostrophe only before a trigger character', () => {
      const input = `${HEADER}\r\n'=a,'tag,'-q,'+s,'@n,'\tv,0,1,"'\rc",'x\r\n`;
      const [row] = valueOf(csvFormat.parse(input));
      expect(row).to.deep.include({
        id: '=a',
        tag: "'tag",
        quote: '-q',
        source: '+s',
        note: '@n',
        verdict: '\tv',
        creator: '\rc',
        created: "'x",
      });
    });

    it('rejects empty input', () => {
      for (const input of ['', '\uFEFF', '\r\n\r\n', '  \n', '""']) {
        expect(errorsOf(csvFormat.parse(input))[0], JSON.stringify(input)).to.match(/empty/);
      }
    });

    it('rejects input over MAX_IMPORT_BYTES before parsing it', () => {
      const [error] = errorsOf(csvFormat.parse(`${HEADER}\r\n${'"'.repeat(MAX_IMPORT_BYTES)}`));
      expect(error).to.match(/too large/);
    });

    it('rejects a missing or different header row', () => {
      expect(errorsOf(csvFormat.parse(`${ROW_OF_TEN}\r\n`))[0]).to.match(
        /^Row 1: the header must be exactly "id,tag,quote,/,
      );
      const reordered = 'tag,id,quote,source,note,verdict,start,end,creator,created';
      expect(errorsOf(csvFormat.parse(`${reordered}\r\n${ROW_OF_TEN}\r\n`))[0]).to.match(/header/);
    });

    it('rejects an unterminated quote, naming the row and line it opens on', () => {
      const input = `${HEADER}\r\n${ROW_OF_TEN.replace('quote', '"two\r\nlines"')}\r\na2,state-media-claim,"never closed,,,,0,5,,x\r\n`;
      expect(errorsOf(csvFormat.parse(input))).to.deep.equal(['Row 3 (line 4): a quoted field is never closed.']);
    });

    it('rejects text after a closing quote', () => {
      const [error] = errorsOf(csvFormat.parse(`${HEADER}\r\na1,state-media-claim,"He said "no"",,,,0,5,,x\r\n`));
      expect(error).to.match(/^Row 2 \(line 2\): unexpected text after a closing quote/);
    });

    it('rejects rows with the wrong number of columns', () => {
      const input = `${HEADER}\r\n${ROW_OF_TEN}\r\na2,state-media-claim,"a, b"\r\n${ROW_OF_TEN},extra\r\n`;
      expect(errorsOf(csvFormat.parse(input))).to.deep.equal([
        'Row 3 (line 3): expected 10 columns, found 3.',
        'Row 4 (line 4): expected 10 columns, found 11.',
      ]);
    });

    it('rejects start and end that are not whole numbers, or out of order', () => {
      const row = (start: string, end: string) => `a1,state-media-claim,q,,,,${start},${end},,x`;
      const input = [
        HEADER,
        row('12.5', '20'),
        row('3', 'abc'),
        row('-1', '4'),
        row('1e3', '2000'),
        row('9', '4'),
        row('2', '4'),
      ].join('\r\n');
      expect(errorsOf(csvFormat.parse(input))).to.deep.equal([
        'Row 2 (line 2): start must be a whole number of characters or empty (found "12.5").',
        'Row 3 (line 3): end must be a whole number of characters or empty (found "abc").',
        'Row 4 (line 4): start must be a whole number of characters or empty (found "-1").',
        'Row 5 (line 5): start must be a whole number of characters or empty (found "1e3").',
        'Row 6 (line 6): start (9) is after end (4).',
      ]);
    });

    it('lists at most 20 row errors and says how many more there were', () => {
      const input = [HEADER, ...Array.from({ length: 30 }, () => 'too,few')].join('\r\n');
      const errors = errorsOf(csvFormat.parse(input));
      expect(errors).to.have.length(21);
      expect(errors[20]).to.equal('…and 10 more errors.');
    });

    it('never throws, whatever the input (property)', () => {
      const inputs = fc.oneof(
        fc.string({ unit: 'binary' }),
        fc.string({ unit: 'grapheme' }),
        csvLike,
        csvLike.map((tail) => `${HEADER}\r\n${tail}`),
      );
      fc.assert(
        fc.property(inputs, (input) => {
          const result = csvFormat.parse(input);
          if (!result.ok) expect(result.errors).not.to.be.empty;
        }),
        { numRuns: 1000 },
      );
    });
  });
});
