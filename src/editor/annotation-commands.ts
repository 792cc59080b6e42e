import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import type { AnnotationPatch } from '../model/annotation.js';
import { findTag } from '../model/taxonomy.js';
import { announce, excerpt, tagLabel } from './announce.js';
import { annotationsAt, getAnnotationState, recordsInOrder } from './annotation-plugin.js';
import { withCurrentText, type AnnotationRecord } from './annotation-record.js';
import { setSelectedAnnotation } from './annotation-selection.js';
import { AnnotationStep } from './annotation-step.js';
import { newRecord, systemClock, type RecordClock } from './record-factory.js';
import { currentSentence, type DocRange } from './sentence-ranges.js';
import { getSettings } from './settings-and-text-lock.js';

/** Trims white space off both ends of a range, so a tag never starts or ends on a space. */
function trimRange(state: EditorState, from: number, to: number): DocRange {
  const text = (a: number, b: number) => state.doc.textBetween(a, b, '\n', '\n');
  while (from < to && /\s/.test(text(from, from + 1))) from += 1;
  while (to > from && /\s/.test(text(to - 1, to))) to -= 1;
  return { from, to };
}

export interface AddAnnotationOptions {
  /** Make the new annotation the selection (the default); false leaves the selection alone. */
  select?: boolean;
}

/** Adds `record` (see `newRecord`) as one undoable step; unless told otherwise, it becomes the selection. */
export function addAnnotationTransaction(
  state: EditorState,
  record: AnnotationRecord,
  { select = true }: AddAnnotationOptions = {},
): Transaction {
  const tr = state.tr.step(new AnnotationStep(record.id, null, record));
  if (select) setSelectedAnnotation(tr.setSelection(TextSelection.create(tr.doc, record.from, record.to)), record.id);
  return announce(tr, `Tagged as ${tagLabel(state, record.tag)}: “${excerpt(record.quote)}”`);
}

/** Changes fields of an existing annotation; undefined or empty strings clear optional fields. */
export function updateAnnotationTransaction(
  state: EditorState,
  id: string,
  patch: AnnotationPatch,
  clock: RecordClock = systemClock,
): Transaction {
  const before = getAnnotationState(state).records.get(id);
  if (!before) throw new Error(`No annotation with id "${id}".`);
  const after: AnnotationRecord = { ...withCurrentText(state.doc, before), modified: clock.now() };
  for (const key of ['tag', 'source', 'note', 'verdict'] as const) {
    if (!(key in patch)) continue;
    const value = patch[key]?.trim();
    if (key === 'tag') after.tag = value || before.tag;
    else if (value) after[key] = value;
    else delete after[key];
  }
  const tr = state.tr.step(new AnnotationStep(id, before, after));
  return announce(tr, after.tag !== before.tag ? `Retagged as ${tagLabel(state, after.tag)}` : `Annotation updated`);
}

export function removeAnnotationTransaction(state: EditorState, id: string): Transaction {
  const before = getAnnotationState(state).records.get(id);
  if (!before) throw new Error(`No annotation with id "${id}".`);
  const tr = state.tr.step(new AnnotationStep(id, before, null));
  setSelectedAnnotation(tr, null);
  return announce(
    tr,
    `Removed ${tagLabel(state, before.tag)} tag from “${excerpt(withCurrentText(state.doc, before).quote)}”`,
  );
}

/** Selects an annotation's text and marks it as the one the details panel edits. */
export function selectAnnotationTransaction(state: EditorState, id: string): Transaction {
  const record = getAnnotationState(state).records.get(id);
  if (!record) throw new Error(`No annotation with id "${id}".`);
  const tr = state.tr.setSelection(TextSelection.create(state.doc, record.from, record.to));
  setSelectedAnnotation(tr, id).scrollIntoView();
  const details = [record.source && `source ${record.source}`, record.status !== 'anchored' && record.status]
    .filter(Boolean)
    .join(', ');
  return announce(
    tr,
    `${tagLabel(state, record.tag)}: “${excerpt(withCurrentText(state.doc, record).quote)}”${details ? ` (${details})` : ''}`,
  );
}

function selectedRecord(state: EditorState): AnnotationRecord | undefined {
  const { records, selectedId } = getAnnotationState(state);
  return selectedId ? records.get(selectedId) : undefined;
}

function canTag(state: EditorState): boolean {
  return getSettings(state).mode !== 'readonly';
}

/**
 * Tags the selection: retags the selected annotation; with an empty
 * selection tags the sentence at the caret; a range already tagged with the
 * same tag is selected rather than duplicated.
 */
export function tagSelection(tagId: string, clock: RecordClock = systemClock): Command {
  return (state, dispatch) => {
    if (!canTag(state) || !findTag(getSettings(state).taxonomy, tagId)) return false;
    const selected = selectedRecord(state);
    if (selected) {
      if (selected.tag === tagId) return true;
      dispatch?.(updateAnnotationTransaction(state, selected.id, { tag: tagId }, clock));
      return true;
    }
    const { from, to } = state.selection;
    const range = from === to ? currentSentence(state) : trimRange(state, from, to);
    if (!range || range.from >= range.to) return false;
    const same = annotationsAt(state, range.from).find(
      (record) => record.from === range.from && record.to === range.to && record.tag === tagId,
    );
    if (same) {
      if (dispatch) dispatch(selectAnnotationTransaction(state, same.id));
      return true;
    }
    dispatch?.(addAnnotationTransaction(state, newRecord(state, range, { tag: tagId }, clock)));
    return true;
  };
}

export const deleteSelectedAnnotation: Command = (state, dispatch) => {
  const selected = selectedRecord(state);
  if (!selected || !canTag(state)) return false;
  dispatch?.(removeAnnotationTransaction(state, selected.id));
  return true;
};

/**
 * Selects the next (1) or previous (-1) annotation in reading order, wrapping
 * around; overlapping annotations are visited one by one.
 */
export function cycleAnnotation(direction: 1 | -1): Command {
  return (state, dispatch) => {
    const ordered = recordsInOrder(state).filter((record) => record.from < record.to);
    if (ordered.length === 0) return false;
    const { selectedId } = getAnnotationState(state);
    const current = ordered.findIndex((record) => record.id === selectedId);
    let next: number;
    if (current >= 0) next = (current + direction + ordered.length) % ordered.length;
    else {
      const pos = state.selection.from;
      next =
        direction === 1
          ? ordered.findIndex((record) => record.from >= pos)
          : ordered.findLastIndex((record) => record.from < pos);
      if (next < 0) next = direction === 1 ? 0 : ordered.length - 1;
    }
    dispatch?.(selectAnnotationTransaction(state, ordered[next].id));
    return true;
  };
}
