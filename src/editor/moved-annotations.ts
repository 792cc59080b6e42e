import type { EditorState } from 'prosemirror-state';
import { getAnnotationState } from './annotation-plugin.js';
import { sameRecord } from './annotation-record.js';
import { TextIndex } from './text-index.js';

/**
 * Annotations whose saved form changed between two states of one editor:
 * moved, collapsed, changed, added or gone. Moved is judged by text offsets,
 * which are what is saved: edits can leave a record's positions as they were
 * and its offsets not (a paragraph break adds two positions but one
 * character).
 */
export function movedAnnotationIds(before: EditorState, state: EditorState): string[] {
  const was = getAnnotationState(before).records;
  const now = getAnnotationState(state).records;
  const wasText = TextIndex.of(before.doc);
  const nowText = TextIndex.of(state.doc);
  const ids: string[] = [];
  for (const [id, record] of now) {
    const earlier = was.get(id);
    const moved =
      !earlier ||
      !sameRecord(earlier, record) ||
      wasText.posToOffset(earlier.from) !== nowText.posToOffset(record.from) ||
      wasText.posToOffset(earlier.to) !== nowText.posToOffset(record.to);
    if (moved) ids.push(id);
  }
  for (const id of was.keys()) if (!now.has(id)) ids.push(id);
  return ids;
}
