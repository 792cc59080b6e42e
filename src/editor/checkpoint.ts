import { isHistoryTransaction } from 'prosemirror-history';
import type { EditorState, Transaction } from 'prosemirror-state';
import { getAnnotationState, recordsTouching } from './annotation-plugin.js';
import { AnnotationStep } from './annotation-step.js';
import { textChangeAllowed } from './settings-and-text-lock.js';

/** Ids of the annotations whose text `tr` deletes, wholly or in part. */
function annotationsCutBy(state: EditorState, tr: Transaction): Set<string> {
  const ids = new Set<string>();
  tr.mapping.maps.forEach((map, index) => {
    const toBefore = tr.mapping.slice(0, index).invert();
    map.forEach((oldStart, oldEnd) => {
      if (oldEnd <= oldStart) return;
      const from = toBefore.map(oldStart, -1);
      const to = toBefore.map(oldEnd, 1);
      for (const record of recordsTouching(state, from, to)) {
        if (record.from < record.to && record.from < to && from < record.to) ids.add(record.id);
      }
    });
  });
  return ids;
}

/**
 * Applies a text edit so that undo restores the annotations it cuts. Before
 * the edit goes a checkpoint step per cut annotation; the history groups the
 * two as one undo event, and undoing it replays the checkpoint's inverse
 * last, once the text is back, putting each annotation back exactly.
 */
export function applyWithCheckpoints(state: EditorState, tr: Transaction): EditorState {
  if (tr.doc === tr.before || isHistoryTransaction(tr) || !textChangeAllowed(tr, state)) return state.apply(tr);
  const cut = annotationsCutBy(state, tr);
  if (cut.size === 0) return state.apply(tr);
  const { records } = getAnnotationState(state);
  const checkpoint = state.tr;
  for (const id of cut) {
    const record = records.get(id);
    if (record) checkpoint.step(new AnnotationStep(id, record, record));
  }
  // Marked as appended to the checkpoint, the edit joins the checkpoint's undo event.
  tr.setMeta('appendedTransaction', checkpoint);
  return state.apply(checkpoint).apply(tr);
}
