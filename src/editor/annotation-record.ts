import type { Node as PMNode } from 'prosemirror-model';
import type { Mapping } from 'prosemirror-transform';
import { CONTEXT_LENGTH, type Annotation } from '../model/annotation.js';
import { TextIndex } from './text-index.js';

/**
 * An annotation as the editor holds it: document positions instead of text
 * offsets. `quote`, `prefix` and `suffix` matter once it is orphaned: the
 * last text it had, so it still says what it was about. While it has text
 * they may be left empty (thousands loaded at once would otherwise hold a
 * copy of the article); read them with {@link withCurrentText}.
 */
export interface AnnotationRecord extends Omit<Annotation, 'start' | 'end'> {
  from: number;
  to: number;
}

/**
 * Maps a record's range through document changes. The range does not grow
 * when text is typed at its edges; a collapsed range stays collapsed before
 * anything inserted at its position.
 */
export function mapRecord(record: AnnotationRecord, mapping: Mapping): AnnotationRecord {
  if (record.from === record.to) {
    const pos = mapping.map(record.from, -1);
    return pos === record.from ? record : { ...record, from: pos, to: pos };
  }
  const from = mapping.map(record.from, 1);
  const to = Math.max(from, mapping.map(record.to, -1));
  return from === record.from && to === record.to ? record : { ...record, from, to };
}

/**
 * Whether `a` and `b` hold the same values: reading a record can give a new object for the same one (see `RecordMap`).
 */
export function sameRecord(a: AnnotationRecord, b: AnnotationRecord): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof AnnotationRecord)[];
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** The record's current text and context, read from the document. */
export function withCurrentText(doc: PMNode, record: AnnotationRecord): AnnotationRecord {
  if (record.from >= record.to) return record;
  const index = TextIndex.of(doc);
  const start = index.posToOffset(record.from);
  const end = index.posToOffset(record.to);
  return {
    ...record,
    quote: index.slice(start, end),
    prefix: index.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: index.slice(end, end + CONTEXT_LENGTH),
  };
}

/** The record without its own copy of text the document holds (see {@link AnnotationRecord}). */
export function withoutText(record: AnnotationRecord): AnnotationRecord {
  return record.from < record.to ? { ...record, quote: '', prefix: '', suffix: '' } : record;
}

/**
 * A record whose range a change collapsed: orphaned, keeping the text it
 * covered in `doc` (the document before the change) as its quote, with its
 * context, so it can still be re-found later.
 */
export function orphan(record: AnnotationRecord, previous: AnnotationRecord, doc: PMNode): AnnotationRecord {
  if (record.from < record.to || previous.from >= previous.to) return record;
  const { quote, prefix, suffix } = withCurrentText(doc, previous);
  return { ...record, status: 'orphaned', quote: quote || record.quote, prefix, suffix };
}
