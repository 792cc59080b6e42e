import type { Node as PMNode } from 'prosemirror-model';
import type { DecorationSet } from 'prosemirror-view';
import { decorationsFor, findDecorations, inWindow } from './annotation-decorations.js';
import type { AnnotationRecord } from './annotation-record.js';
import type { DrawWindow } from './draw-window.js';
import type { RecordMap } from './record-map.js';

/** What a transaction changed in the drawing: records whose decorations go, and records to draw (anew). */
export interface DrawChanges {
  removed: readonly AnnotationRecord[];
  added: ReadonlyMap<string, AnnotationRecord>;
}

/** The selected annotation before and after a transaction. */
export interface SelectionChange {
  before: string | null;
  after: string | null;
}

/**
 * `drawn` (already mapped through the edit) with the changed records drawn
 * again: the removed ones taken out, the added ones put in, and the old and
 * the new selected annotation drawn again, so the outline moves with the
 * selection. One removal and one addition: each `DecorationSet.add` walks
 * the document's top-level blocks.
 */
export function redrawChanged(
  doc: PMNode,
  drawn: DecorationSet,
  records: RecordMap,
  changes: DrawChanges,
  selection: SelectionChange,
  window: DrawWindow,
): DecorationSet {
  const removed = [...changes.removed];
  const added = new Map(changes.added);
  if (selection.after !== selection.before) {
    for (const id of [selection.before, selection.after]) {
      const record = id && !added.has(id) ? records.get(id) : undefined;
      if (record && record.from < record.to && inWindow(window, record)) {
        if (!removed.some((other) => other.id === record.id)) removed.push(record);
        added.set(record.id, record);
      }
    }
  }
  const before = drawn;
  if (removed.length > 0) drawn = drawn.remove(removed.flatMap((record) => findDecorations(before, record, doc)));
  const fresh = [...added.values()].filter((record) => inWindow(window, record));
  if (fresh.length > 0)
    drawn = drawn.add(
      doc,
      fresh.flatMap((record) => decorationsFor(record, selection.after)),
    );
  return drawn;
}
