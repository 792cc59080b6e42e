import type { EditorState } from 'prosemirror-state';
import { getAnnotationState } from './annotation-plugin.js';
import { TextIndex } from './text-index.js';

/** A selection as text offsets into the article's plain text (what others' awareness carries). */
export interface OffsetRange {
  start: number;
  end: number;
}

/**
 * What this editor shows the others as selected: the selected annotation's
 * text, else a non-empty text selection, else null (a caret is no selection,
 * so typing sends nothing).
 */
export function ownSelection(state: EditorState): OffsetRange | null {
  const { selectedId, records } = getAnnotationState(state);
  const record = selectedId ? records.get(selectedId) : undefined;
  const { from, to } = record && record.from < record.to ? record : state.selection;
  if (from >= to) return null;
  const index = TextIndex.of(state.doc);
  const start = index.posToOffset(from);
  const end = index.posToOffset(to);
  return start < end ? { start, end } : null;
}

/** Whether two selections are the same (both none, or the same offsets). */
export function sameSelection(a: OffsetRange | null, b: OffsetRange | null): boolean {
  return a === b || (!!a && !!b && a.start === b.start && a.end === b.end);
}
