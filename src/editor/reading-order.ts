import type { AnnotationRecord } from './annotation-record.js';
import type { RecordMap } from './record-map.js';

/**
 * The reading-order index of the annotation layer: records by id, their ids
 * in reading order (kept up to date change by change rather than sorted on
 * demand), and the longest span, which bounds the search for records at a
 * position.
 */
export interface ReadingIndex {
  readonly records: RecordMap;
  /** Ids in reading order (see {@link compareReadingOrder}). */
  readonly order: readonly string[];
  /** The longest span of any record. */
  readonly maxSpan: number;
}

type RecordLookup = Pick<ReadonlyMap<string, AnnotationRecord>, 'get'>;

/**
 * Reading order: by start, then the longer first, then by creation and id so
 * that no two records tie. Mapping through an edit can break it: text deleted
 * between two starts makes them tie, and text typed where an orphan sits
 * moves a range starting there past it (an orphan stays before what is
 * inserted).
 */
export function compareReadingOrder(a: AnnotationRecord, b: AnnotationRecord): number {
  return (
    a.from - b.from ||
    b.to - a.to ||
    (a.created < b.created ? -1 : a.created > b.created ? 1 : 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export function sortedIds(records: ReadonlyMap<string, AnnotationRecord>): string[] {
  return [...records.values()].sort(compareReadingOrder).map((record) => record.id);
}

/**
 * The first index in `order` whose record passes `reached`, which must stay
 * true from there to the end (as "starts after x" does in reading order): a
 * binary search, so no lookup costs a pass over the list.
 */
function searchOrder(
  order: readonly string[],
  records: RecordLookup,
  reached: (record: AnnotationRecord) => boolean,
): number {
  let low = 0;
  let high = order.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (reached(records.get(order[middle])!)) high = middle;
    else low = middle + 1;
  }
  return low;
}

/** Where `record` is, or belongs, in `order`. */
export function orderIndex(order: readonly string[], records: RecordLookup, record: AnnotationRecord): number {
  return searchOrder(order, records, (other) => compareReadingOrder(other, record) >= 0);
}

/** The index in `order` of the first record starting after `pos`. */
export function firstAfter(
  order: readonly string[],
  records: ReadonlyMap<string, AnnotationRecord>,
  pos: number,
): number {
  return searchOrder(order, records, (record) => record.from > pos);
}

/**
 * The index in `order` from which records may reach `pos`: every one before it ends before `pos` (no record spans more
 * than `maxSpan`).
 */
export function firstMovable({ order, records, maxSpan }: ReadingIndex, pos: number): number {
  return searchOrder(order, records, (record) => record.from + maxSpan >= pos);
}

/** Takes `record`'s id out of `order`: where the binary search finds it, else (never expected) wherever it is. */
export function removeFromOrder(order: string[], records: RecordLookup, record: AnnotationRecord): void {
  const found = orderIndex(order, records, record);
  const index = order[found] === record.id ? found : order.indexOf(record.id);
  if (index >= 0) order.splice(index, 1);
}

/**
 * Records touching `from`–`to`, in reading order: a binary search for the
 * last one starting at or before `to`, then back to those that could still
 * reach `from`. Collapsed (orphaned) records at the range are included.
 */
export function overlapping({ records, order, maxSpan }: ReadingIndex, from: number, to: number): AnnotationRecord[] {
  const found: AnnotationRecord[] = [];
  for (let i = firstAfter(order, records, to) - 1; i >= 0; i--) {
    const record = records.get(order[i])!;
    if (record.from < from - maxSpan) break;
    if (record.to >= from) found.push(record);
  }
  return found.reverse();
}

/** The longest span among `records`, or `start` if that is longer. */
export function spanOf(records: Iterable<AnnotationRecord>, start = 0): number {
  let span = start;
  for (const record of records) span = Math.max(span, record.to - record.from);
  return span;
}
