import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { AnnotationStep } from './annotation-step.js';
import { mapRecord, withCurrentText, type AnnotationRecord } from './annotation-record.js';
import { RecordMap, type Shift } from './record-map.js';
import { getDrawWindow, windowMoved, withSelectionBlocks, type DrawWindow } from './draw-window.js';

/** The annotation layer: records by id, their decorations, and which one the user has selected. */
export interface AnnotationState {
  readonly records: RecordMap;
  /**
   * Ids in reading order (see {@link compareReadingOrder}), kept up to date change by change rather than sorted on
   * demand.
   */
  readonly order: readonly string[];
  /** The longest span of any record: bounds the search for records at a position. */
  readonly maxSpan: number;
  /**
   * What the view draws, mapped through every edit: every annotation's mark
   * and label, or in a long article only those in its draw window (see
   * `draw-window.ts`), rebuilt from the records when the window moves.
   */
  readonly drawn: DecorationSet;
  readonly selectedId: string | null;
}

interface DecorationSpec {
  annotationId: string;
}

export const annotationKey = new PluginKey<AnnotationState>('claim-annotations');

/** Meta that selects an annotation (or clears the selection with null) in the same transaction. */
const selectMeta = 'claim-select-annotation';

export function setSelectedAnnotation(tr: Transaction, id: string | null): Transaction {
  return tr.setMeta(selectMeta, id);
}

export function getAnnotationState(state: EditorState): AnnotationState {
  const value = annotationKey.getState(state);
  if (!value) throw new Error('The annotation plugin is not installed in this editor state.');
  return value;
}

/** The mark and label of a record; the selected annotation's carry `claim-selected`, for its outline. */
function decorationsFor(record: AnnotationRecord, selected = false): Decoration[] {
  if (record.from >= record.to) return [];
  const spec: DecorationSpec = { annotationId: record.id };
  const className = selected ? ' claim-selected' : '';
  // The visible label, so tags are never told apart by colour alone; its text comes from the taxonomy's stylesheet.
  const label = () => {
    const element = document.createElement('span');
    element.className = `claim-label${className}`;
    element.dataset.tag = record.tag;
    element.dataset.annotationId = record.id;
    element.contentEditable = 'false';
    return element;
  };
  return [
    Decoration.widget(record.from, label, {
      ...spec,
      side: -1,
      key: `${record.id}:${record.tag}${className}`,
      ignoreSelection: true,
    }),
    Decoration.inline(
      record.from,
      record.to,
      { nodeName: 'mark', class: `claim-mark${className}`, 'data-tag': record.tag, 'data-annotation-id': record.id },
      { ...spec, inclusiveStart: false, inclusiveEnd: false },
    ),
  ];
}

/**
 * The mark and label of an annotation. The label sits just before the mark
 * and can be left behind by text typed at its start, so the search starts at
 * the start of the mark's block, and only in the rare case that the label has
 * left the block does it go over the whole set.
 */
function findDecorations(set: DecorationSet, record: AnnotationRecord, doc: PMNode): Decoration[] {
  const ofRecord = (spec: DecorationSpec) => spec.annotationId === record.id;
  const blockStart = doc.resolve(Math.min(record.from, doc.content.size)).start();
  const near = set.find(blockStart, record.to, ofRecord);
  return near.length >= 2 ? near : set.find(undefined, undefined, ofRecord);
}

/** More annotation changes than this in one transaction re-sort the reading order instead of splicing it. */
const BULK_CHANGES = 16;

/**
 * A record whose range a change collapsed: orphaned, keeping the text it
 * covered in `doc` (the document before the change) as its quote, with its
 * context, so it can still be re-found later.
 */
function orphan(record: AnnotationRecord, previous: AnnotationRecord, doc: PMNode): AnnotationRecord {
  if (record.from < record.to || previous.from >= previous.to) return record;
  const { quote, prefix, suffix } = withCurrentText(doc, previous);
  return { ...record, status: 'orphaned', quote: quote || record.quote, prefix, suffix };
}

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

function sortedIds(records: ReadonlyMap<string, AnnotationRecord>): string[] {
  return [...records.values()].sort(compareReadingOrder).map((record) => record.id);
}

/**
 * The first index in `order` whose record passes `reached`, which must stay
 * true from there to the end (as "starts after x" does in reading order): a
 * binary search, so no lookup costs a pass over the list.
 */
function searchOrder(
  order: readonly string[],
  records: Pick<ReadonlyMap<string, AnnotationRecord>, 'get'>,
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
export function orderIndex(
  order: readonly string[],
  records: Pick<ReadonlyMap<string, AnnotationRecord>, 'get'>,
  record: AnnotationRecord,
): number {
  return searchOrder(order, records, (other) => compareReadingOrder(other, record) >= 0);
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

/** The index in `order` of the first record starting after `pos`. */
function firstAfter(order: readonly string[], records: ReadonlyMap<string, AnnotationRecord>, pos: number): number {
  return searchOrder(order, records, (record) => record.from > pos);
}

/**
 * The index in `order` from which records may reach `pos`: every one before it ends before `pos` (no record spans more
 * than `maxSpan`).
 */
function firstMovable(
  order: readonly string[],
  records: ReadonlyMap<string, AnnotationRecord>,
  maxSpan: number,
  pos: number,
): number {
  return searchOrder(order, records, (record) => record.from + maxSpan >= pos);
}

/** Takes `record`'s id out of `order`: where the binary search finds it, else (never expected) wherever it is. */
function removeFromOrder(
  order: string[],
  records: Pick<ReadonlyMap<string, AnnotationRecord>, 'get'>,
  record: AnnotationRecord,
): void {
  const found = orderIndex(order, records, record);
  const index = order[found] === record.id ? found : order.indexOf(record.id);
  if (index >= 0) order.splice(index, 1);
}

/** Whether `record` falls in the draw window (or there is none), so its decorations belong in the drawn part. */
function inWindow(window: DrawWindow, record: AnnotationRecord): boolean {
  return !window || (record.from <= window.to && record.to >= window.from);
}

/**
 * Records touching `from`–`to`, in reading order: a binary search for the
 * last one starting at or before `to`, then back to those that could still
 * reach `from`. Collapsed (orphaned) records at the range are included.
 */
function overlapping(
  records: ReadonlyMap<string, AnnotationRecord>,
  order: readonly string[],
  maxSpan: number,
  from: number,
  to: number,
): AnnotationRecord[] {
  const found: AnnotationRecord[] = [];
  for (let i = firstAfter(order, records, to) - 1; i >= 0; i--) {
    const record = records.get(order[i])!;
    if (record.from < from - maxSpan) break;
    if (record.to >= from) found.push(record);
  }
  return found.reverse();
}

function spanOf(records: Iterable<AnnotationRecord>, start = 0): number {
  let span = start;
  for (const record of records) span = Math.max(span, record.to - record.from);
  return span;
}

function drawnFor(
  doc: PMNode,
  records: ReadonlyMap<string, AnnotationRecord>,
  order: readonly string[],
  maxSpan: number,
  window: DrawWindow,
  selectedId: string | null,
): DecorationSet {
  const shown = window ? overlapping(records, order, maxSpan, window.from, window.to) : [...records.values()];
  return DecorationSet.create(
    doc,
    shown.flatMap((record) => decorationsFor(record, record.id === selectedId)),
  );
}

function applyTransaction(
  tr: Transaction,
  value: AnnotationState,
  _old: EditorState,
  next: EditorState,
): AnnotationState {
  let { records, order, maxSpan, drawn, selectedId } = value;
  const window = getDrawWindow(next);
  // A moved window is drawn afresh from the records at the end; otherwise the drawn set changes in step.
  const redraw = windowMoved(tr);
  const textChanged = tr.doc !== tr.before;
  // A record as long as the longest shrank, changed or went: the longest is then found again, once, at the end.
  let longestShrank = false;
  if (textChanged) {
    if (!redraw) drawn = drawn.map(tr.mapping, tr.doc);
    // Records ending before the first change keep their positions, and those wholly after a single
    // change all move by one amount (noted, not applied: see RecordMap): only those between are mapped.
    const movable = firstMovable(order, records, maxSpan, firstChange(tr));
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
      if (!redraw && next.from === next.to && record.from < record.to && inWindow(window, next)) {
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
  }
  // Records whose decorations this transaction takes away, and records to draw (anew).
  const removed: AnnotationRecord[] = [];
  const added = new Map<string, AnnotationRecord>();
  const annotationSteps = tr.steps.filter((step) => step instanceof AnnotationStep).length;
  if (annotationSteps > 0) {
    // This transaction's changes (null: removed), read through before the records they change.
    const changes = new Map<string, AnnotationRecord | null>();
    const changed = { get: (id: string) => (changes.has(id) ? (changes.get(id) ?? undefined) : records.get(id)) };
    // Many changes at once (an import, say) sort the order once rather than splicing it per change.
    const bulk = annotationSteps > BULK_CHANGES;
    const reordered = bulk ? [] : order.slice();
    tr.steps.forEach((step, index) => {
      if (!(step instanceof AnnotationStep)) return;
      const current = changed.get(step.id);
      if (current) {
        if (current.to - current.from >= maxSpan) longestShrank = true;
        if (!added.delete(step.id) && current.from < current.to && inWindow(window, current)) removed.push(current);
        if (!bulk) removeFromOrder(reordered, changed, current);
      }
      if (!step.after) {
        changes.set(step.id, null);
        return;
      }
      const after = textChanged
        ? orphan(mapRecord(step.after, tr.mapping.slice(index + 1)), step.after, tr.docs[index])
        : step.after;
      changes.set(step.id, after);
      if (!bulk) reordered.splice(orderIndex(reordered, changed, after), 0, step.id);
      added.set(step.id, after);
    });
    records = records.with(changes);
    order = bulk ? sortedIds(records) : reordered;
    maxSpan = spanOf(added.values(), maxSpan);
  }
  if (longestShrank) maxSpan = records.longestSpan();
  const requested = tr.getMeta(selectMeta) as string | null | undefined;
  if (requested !== undefined) selectedId = requested;
  else if (selectedId && !records.has(selectedId)) selectedId = null;
  else if (selectedId && tr.selectionSet) {
    const selected = records.get(selectedId);
    const { from, to } = tr.selection;
    if (!selected || selected.from !== from || selected.to !== to) selectedId = null;
  }
  if (redraw) {
    drawn = drawnFor(tr.doc, records, order, maxSpan, window, selectedId);
  } else {
    // The outline moves with the selection: the old and the new selected annotation are drawn again.
    if (selectedId !== value.selectedId) {
      for (const id of [value.selectedId, selectedId]) {
        const record = id && !added.has(id) ? records.get(id) : undefined;
        if (record && record.from < record.to && inWindow(window, record)) {
          if (!removed.some((other) => other.id === record.id)) removed.push(record);
          added.set(record.id, record);
        }
      }
    }
    // One removal and one addition: each `DecorationSet.add` walks the document's top-level blocks.
    const before = drawn;
    if (removed.length > 0) drawn = drawn.remove(removed.flatMap((record) => findDecorations(before, record, tr.doc)));
    const fresh = [...added.values()].filter((record) => inWindow(window, record));
    if (fresh.length > 0)
      drawn = drawn.add(
        tr.doc,
        fresh.flatMap((record) => decorationsFor(record, record.id === selectedId)),
      );
  }
  if (records === value.records && drawn === value.drawn && selectedId === value.selectedId) return value;
  return { records, order, maxSpan, drawn, selectedId };
}

/**
 * Keeps annotations outside the document: records in plugin state, changed
 * only by {@link AnnotationStep}s, drawn as `<mark>` decorations that are
 * mapped through every edit rather than rebuilt.
 */
export function annotationPlugin(initial: readonly AnnotationRecord[] = []): Plugin<AnnotationState> {
  return new Plugin<AnnotationState>({
    key: annotationKey,
    state: {
      init: (_config, state) => {
        const records = RecordMap.from(initial);
        const order = sortedIds(records);
        const maxSpan = spanOf(initial);
        return {
          records,
          order,
          maxSpan,
          drawn: drawnFor(state.doc, records, order, maxSpan, getDrawWindow(state), null),
          selectedId: null,
        };
      },
      apply: applyTransaction,
    },
    props: {
      decorations: (state) => {
        const value = getAnnotationState(state);
        // The plugin value is a new object whenever records, drawing or selection change: the version to cache by.
        return withSelectionBlocks(state, value.drawn, value, (from, to, window) =>
          recordsTouching(state, from, to)
            .filter((record) => !inWindow(window, record))
            .flatMap((record) => decorationsFor(record, record.id === value.selectedId)),
        );
      },
    },
  });
}

/** Records touching `from`–`to` (orphans included), in reading order, without a pass over all of them. */
export function recordsTouching(state: EditorState, from: number, to: number): AnnotationRecord[] {
  const { records, order, maxSpan } = getAnnotationState(state);
  return overlapping(records, order, maxSpan, from, to);
}

/** The annotations covering `pos`, shortest first, so the innermost of an overlap comes first. */
export function annotationsAt(state: EditorState, pos: number): AnnotationRecord[] {
  return recordsTouching(state, pos, pos)
    .filter((record) => record.from < record.to)
    .sort((a, b) => a.to - a.from - (b.to - b.from) || a.from - b.from);
}

/** All records in reading order: by start, then the longer first, orphans at their last position. */
export function recordsInOrder(state: EditorState): AnnotationRecord[] {
  const { records, order } = getAnnotationState(state);
  return order.map((id) => records.get(id)!);
}
