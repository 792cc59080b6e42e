import type { Transaction } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import { findDecorations, inWindow } from './annotation-decorations.js';
import { mapRecord, orphan, type AnnotationRecord } from './annotation-record.js';
import type { DrawWindow } from './draw-window.js';
import { compareReadingOrder, firstAfter, firstMovable, sortedIds, type ReadingIndex } from './reading-order.js';
import type { Shift } from './record-map.js';

/** The annotation layer after a text edit: the index and drawn set mapped through it. */
export interface EditMapped {
  index: ReadingIndex;
  /** Null when the caller draws afresh (the draw window moved). */
  drawn: DecorationSet | null;
  /** A record as long as the longest shrank or changed: the longest is found again, once, at the end. */
  longestShrank: boolean;
}

/**
 * The first document position (in the document before `tr`) that `tr` changes: mapping leaves every position before it
 * alone.
 */
function firstChange(tr: Transaction): number {
  let first = Infinity;
  tr.mapping.maps.forEach((map, index) => {
    const back = index > 0 ? tr.mapping.slice(0, index).invert() : null;
    map.forEach((oldStart) => (first = Math.min(first, back ? back.map(oldStart, -1) : oldStart)));
  });
  return first;
}

/**
 * What `tr` does to the records wholly after its change, when it is one
 * change (a keystroke, a paste, a deletion): they all move by the same
 * amount. Null for anything else, whose records are mapped one by one.
 */
function uniformShift(tr: Transaction): Shift | null {
  if (tr.mapping.maps.length !== 1) return null;
  let shift: Shift | null = null;
  let ranges = 0;
  tr.mapping.maps[0].forEach((oldStart, oldEnd, newStart, newEnd) => {
    ranges += 1;
    shift = { after: oldEnd, delta: newEnd - newStart - (oldEnd - oldStart) };
  });
  return ranges === 1 ? shift : null;
}

/**
 * Maps the records and their decorations (`drawn`, unless null) through the
 * text edit of `tr`. Records ending before the first change keep their
 * positions, and those wholly after a single change all move by one amount
 * (noted, not applied: see RecordMap): only those between are mapped. A
 * record whose range collapses becomes an orphan and loses its decorations.
 */
export function mapThroughEdit(
  tr: Transaction,
  index: ReadingIndex,
  drawn: DecorationSet | null,
  window: DrawWindow,
): EditMapped {
  let { records, order, maxSpan } = index;
  let longestShrank = false;
  if (drawn) drawn = drawn.map(tr.mapping, tr.doc);
  const movable = firstMovable(index, firstChange(tr));
  const shift = uniformShift(tr);
  const shiftedFrom = shift ? Math.max(movable, firstAfter(order, records, shift.after)) : order.length;
  const moved = new Map<string, AnnotationRecord>();
  // Mapping can put neighbours out of order (see the note on reading order): checked as they are mapped.
  let previous = movable > 0 ? records.get(order[movable - 1]) : undefined;
  let outOfOrder = false;
  for (let i = movable; i < shiftedFrom; i++) {
    const record = records.get(order[i])!;
    const next = orphan(mapRecord(record, tr.mapping), record, tr.before);
    if (previous && compareReadingOrder(previous, next) > 0) outOfOrder = true;
    previous = next;
    if (next === record) continue;
    // A label outlives its deleted mark in mapping: an orphan draws nothing.
    if (drawn && next.from === next.to && record.from < record.to && inWindow(window, next)) {
      drawn = drawn.remove(findDecorations(drawn, next, tr.doc));
    }
    if (record.to - record.from >= maxSpan && next.to - next.from < maxSpan) longestShrank = true;
    if (next.to - next.from > maxSpan) maxSpan = next.to - next.from;
    moved.set(record.id, next);
  }
  if (shift && shiftedFrom < order.length) records = records.shifted(shift);
  if (previous && shiftedFrom < order.length && compareReadingOrder(previous, records.get(order[shiftedFrom])!) > 0)
    outOfOrder = true;
  records = records.with(moved);
  if (outOfOrder) order = sortedIds(records);
  return { index: { records, order, maxSpan }, drawn, longestShrank };
}
