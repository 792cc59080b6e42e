import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import { decorationsFor, drawnFor, inWindow } from './annotation-decorations.js';
import type { AnnotationRecord } from './annotation-record.js';
import { redrawChanged } from './annotation-redraw.js';
import { nextSelectedId } from './annotation-selection.js';
import { applyAnnotationSteps } from './apply-annotation-steps.js';
import { getDrawWindow, windowMoved, withSelectionBlocks } from './draw-window.js';
import { mapThroughEdit } from './map-through-edit.js';
import { overlapping, sortedIds, spanOf, type ReadingIndex } from './reading-order.js';
import { RecordMap } from './record-map.js';

/**
 * The annotation layer: records by id in reading order (see `reading-order.ts`), their decorations, and which one the
 * user has selected.
 */
export interface AnnotationState extends ReadingIndex {
  /**
   * What the view draws, mapped through every edit: every annotation's mark
   * and label, or in a long article only those in its draw window (see
   * `draw-window.ts`), rebuilt from the records when the window moves.
   */
  readonly drawn: DecorationSet;
  readonly selectedId: string | null;
}

export const annotationKey = new PluginKey<AnnotationState>('claim-annotations');

export function getAnnotationState(state: EditorState): AnnotationState {
  const value = annotationKey.getState(state);
  if (!value) throw new Error('The annotation plugin is not installed in this editor state.');
  return value;
}

/** The phases of a transaction: map through its edit, apply its annotation steps, follow the selection, redraw. */
function applyTransaction(
  tr: Transaction,
  value: AnnotationState,
  _old: EditorState,
  next: EditorState,
): AnnotationState {
  const window = getDrawWindow(next);
  // A moved window is drawn afresh from the records at the end; otherwise the drawn set changes in step.
  const redraw = windowMoved(tr);
  const edited =
    tr.doc !== tr.before
      ? mapThroughEdit(tr, value, redraw ? null : value.drawn, window)
      : { index: value, drawn: value.drawn, longestShrank: false };
  const stepped = applyAnnotationSteps(tr, edited.index, window);
  const { records, order } = stepped.index;
  const maxSpan = edited.longestShrank || stepped.longestShrank ? records.longestSpan() : stepped.index.maxSpan;
  const selectedId = nextSelectedId(tr, value.selectedId, records);
  const drawn =
    redraw || !edited.drawn
      ? drawnFor(tr.doc, { records, order, maxSpan }, window, selectedId)
      : redrawChanged(tr.doc, edited.drawn, records, stepped, { before: value.selectedId, after: selectedId }, window);
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
        const index = { records, order: sortedIds(records), maxSpan: spanOf(initial) };
        return { ...index, drawn: drawnFor(state.doc, index, getDrawWindow(state), null), selectedId: null };
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
            .flatMap((record) => decorationsFor(record, value.selectedId)),
        );
      },
    },
  });
}

/** Records touching `from`–`to` (orphans included), in reading order, without a pass over all of them. */
export function recordsTouching(state: EditorState, from: number, to: number): AnnotationRecord[] {
  return overlapping(getAnnotationState(state), from, to);
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
