import type { Annotation } from '../model/annotation.js';
import { MAX_IMPORT_BYTES, failed, ok, type ExportSource, type Format, type ParseResult } from './format.js';

/** The columns of the CSV export, in order. The header row is exactly these names. */
export const CSV_COLUMNS = [
  'id',
  'tag',
  'quote',
  'source',
  'note',
  'verdict',
  'start',
  'end',
  'creator',
  'created',
] as const;

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/**
 * One data row of a CSV file, every column as text: formula protection
 * removed, `start` and `end` either empty or a whole number in digits.
 */
export type CsvRow = Record<CsvColumn, string>;

/** The columns that hold numbers; every other column is text and gets formula protection. */
const NUMBER_COLUMNS: ReadonlySet<CsvColumn> = new Set(['start', 'end']);

const BOM = '\uFEFF';
const CRLF = '\r\n';

/** At most this many row errors are listed; a last line says how many more there were. */
const MAX_ERRORS = 20;

/**
 * A value a spreadsheet would run as a formula starts with one of `= + - @`,
 * tab or CR (OWASP "CSV injection"). The export puts an apostrophe before such
 * a value. So that the import can tell that apostrophe from one the user typed,
 * a value that already starts with apostrophes followed by a trigger character
 * gets one more: the mapping is reversible for every string.
 */
const NEEDS_PROTECTION = /^'*[=+\-@\t\r]/;
/** What the export writes for a protected value: one or more apostrophes, then a trigger character. */
const PROTECTED = /^'+[=+\-@\t\r]/;

/** RFC 4180 quoting, also for leading or trailing spaces that some readers would trim. */
const NEEDS_QUOTES = /[",\r\n]|^ | $/;

function protect(value: string): string {
  return NEEDS_PROTECTION.test(value) ? `'${value}` : value;
}

function unprotect(value: string): string {
  return PROTECTED.test(value) ? value.slice(1) : value;
}

function quoteField(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

function annotationRow(annotation: Annotation): string {
  return CSV_COLUMNS.map((column) => {
    const value = annotation[column];
    if (typeof value === 'number') return String(value);
    return quoteField(protect(value ?? ''));
  }).join(',');
}

/** One record of the file: its fields, its 1-based row (blank lines count) and the line it starts on. */
interface CsvRecord {
  fields: string[];
  row: number;
  line: number;
}

type Tokens = { records: CsvRecord[] } | { error: string };

function isRecordEnd(char: string | undefined): boolean {
  return char === undefined || char === ',' || char === '\r' || char === '\n';
}

function countLineBreaks(text: string): number {
  return text.match(/\r\n|\r|\n/g)?.length ?? 0;
}

/** Index of the quote that closes a quoted field whose content starts at `from`, or -1. */
function closingQuote(text: string, from: number): number {
  let index = from;
  for (;;) {
    const quote = text.indexOf('"', index);
    if (quote === -1 || text[quote + 1] !== '"') return quote;
    index = quote + 2;
  }
}

/**
 * Splits RFC 4180 text into records. Line breaks may be CRLF, LF or a lone CR.
 * A quoted field may hold commas, doubled quotes and line breaks; text after
 * its closing quote, or a quote never closed, is an error. A quote inside an
 * unquoted field is kept as it is. Blank lines are skipped but still counted.
 */
function tokenize(text: string): Tokens {
  const records: CsvRecord[] = [];
  let index = 0;
  let line = 1;
  let row = 0;
  while (index < text.length) {
    row += 1;
    const record: CsvRecord = { fields: [], row, line };
    for (;;) {
      if (text[index] === '"') {
        const close = closingQuote(text, index + 1);
        if (close === -1) return { error: `Row ${row} (line ${line}): a quoted field is never closed.` };
        const raw = text.slice(index + 1, close);
        record.fields.push(raw.replaceAll('""', '"'));
        line += countLineBreaks(raw);
        index = close + 1;
        if (!isRecordEnd(text[index])) {
          return {
            error: `Row ${row} (line ${line}): unexpected text after a closing quote; a quote inside a quoted field must be doubled ("").`,
          };
        }
      } else {
        const start = index;
        while (!isRecordEnd(text[index])) index += 1;
        record.fields.push(text.slice(start, index));
      }
      if (text[index] !== ',') break;
      index += 1;
    }
    if (index < text.length) {
      index += text.startsWith(CRLF, index) ? 2 : 1;
      line += 1;
    }
    const blank = record.fields.length === 1 && record.fields[0] === '';
    if (!blank) records.push(record);
  }
  return { records };
}

function preview(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}

/** Checks one data record and returns its row, or pushes what is wrong with it. */
function readRow(record: CsvRecord, errors: string[]): CsvRow | undefined {
  const where = `Row ${record.row} (line ${record.line})`;
  if (record.fields.length !== CSV_COLUMNS.length) {
    errors.push(`${where}: expected ${CSV_COLUMNS.length} columns, found ${record.fields.length}.`);
    return undefined;
  }
  const row = {} as CsvRow;
  let valid = true;
  CSV_COLUMNS.forEach((column, index) => {
    const value = record.fields[index];
    if (!NUMBER_COLUMNS.has(column)) {
      row[column] = unprotect(value);
    } else if (value === '' || (/^\d+$/.test(value) && Number.isSafeInteger(Number(value)))) {
      row[column] = value;
    } else {
      errors.push(`${where}: ${column} must be a whole number of characters or empty (found ${preview(value)}).`);
      valid = false;
    }
  });
  if (valid && row.start !== '' && row.end !== '' && Number(row.start) > Number(row.end)) {
    errors.push(`${where}: start (${row.start}) is after end (${row.end}).`);
    valid = false;
  }
  return valid ? row : undefined;
}

/**
 * CSV for spreadsheets (RFC 4180): a UTF-8 byte order mark, the header row
 * {@link CSV_COLUMNS}, then one row per annotation in the order given, every
 * line ending in CRLF. Missing optional fields are empty; `start` and `end`
 * are plain digits; text fields are protected against formula injection
 * (see {@link NEEDS_PROTECTION}).
 *
 * `parse` reads such a file back (the byte order mark optional, CRLF or LF),
 * removing the formula protection, and requires exactly the header row.
 * `start` and `end` may be empty (the quote alone then places the
 * annotation). It lists every malformed row with its row and line number,
 * rejects empty and oversized input, and never throws.
 */
export const csvFormat: Format<CsvRow[]> = {
  label: 'Spreadsheet (CSV)',
  fileName: 'annotations.csv',
  mediaType: 'text/csv;charset=utf-8',

  serialize(source: ExportSource): string {
    const lines = [CSV_COLUMNS.join(','), ...source.annotations.map(annotationRow)];
    return BOM + lines.map((line) => line + CRLF).join('');
  },

  parse(input: string): ParseResult<CsvRow[]> {
    if (input.length > MAX_IMPORT_BYTES) {
      return failed(`The CSV file is too large: ${input.length} characters, the limit is ${MAX_IMPORT_BYTES}.`);
    }
    const text = input.startsWith(BOM) ? input.slice(1) : input;
    const empty = 'The CSV file is empty: expected a header row and one row per annotation.';
    if (text.trim() === '') return failed(empty);
    const tokens = tokenize(text);
    if ('error' in tokens) return failed(tokens.error);
    const [header, ...body] = tokens.records;
    if (header === undefined) return failed(empty);
    const expected = CSV_COLUMNS.join(',');
    if (
      header.fields.length !== CSV_COLUMNS.length ||
      header.fields.some((name, index) => name !== CSV_COLUMNS[index])
    ) {
      return failed(
        `Row ${header.row}: the header must be exactly "${expected}" (found ${preview(header.fields.join(','))}).`,
      );
    }
    const errors: string[] = [];
    const rows: CsvRow[] = [];
    for (const record of body) {
      const row = readRow(record, errors);
      if (row) rows.push(row);
    }
    if (errors.length > MAX_ERRORS) {
      return failed(...errors.slice(0, MAX_ERRORS), `…and ${errors.length - MAX_ERRORS} more errors.`);
    }
    return errors.length > 0 ? failed(...errors) : ok(rows);
  },
};
