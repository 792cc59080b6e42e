import { redo, undo } from 'prosemirror-history';
import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import type { AnnotationPatch } from '../model/annotation.js';
import { findTag } from '../model/taxonomy.js';
import { announce } from './announce.js';
import { annotationsAt, getAnnotationState, recordsInOrder } from './annotation-plugin.js';
import { setSelectedAnnotation } from './annotation-selection.js';
import { withCurrentText, type AnnotationRecord } from './annotation-record.js';
import { AnnotationStep } from './annotation-step.js';
import { adjacentSentence, currentSentence, sentenceAtPos, type DocRange } from './sentence-ranges.js';
import { getSettings, textChangeAllowed } from './settings-plugin.js';
import { getSuggestionState } from './suggestion-plugin.js';

/** Where new records get their ids and timestamps; replaceable in tests. */
export interface RecordClock {
  newId(): string;
  now(): string;
}

export const systemClock: RecordClock = {
  newId: () => crypto.randomUUID(),
  now: () => new Date().toISOString(),
};

function tagLabel(state: EditorState, tagId: string): string {
  return findTag(getSettings(state).taxonomy, tagId)?.label ?? tagId;
}

function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Trims white space off both ends of a range, so a tag never starts or ends on a space. */
function trimRange(state: EditorState, from: number, to: number): DocRange {
  const text = (a: number, b: number) => state.doc.textBetween(a, b, '\n', '\n');
  while (from < to && /\s/.test(text(from, from + 1))) from += 1;
  while (to > from && /\s/.test(text(to - 1, to))) to -= 1;
  return { from, to };
}

type NewAnnotationFields = Pick<AnnotationRecord, 'tag'> &
  Partial<Pick<AnnotationRecord, 'source' | 'note' | 'verdict' | 'id'>>;

/** A new, anchored record over `range`, created now by the editor's annotator. */
export function newRecord(
  state: EditorState,
  range: DocRange,
  fields: NewAnnotationFields,
  clock: RecordClock = systemClock,
): AnnotationRecord {
  const now = clock.now();
  const { annotator } = getSettings(state);
  return withCurrentText(state.doc, {
    id: fields.id ?? clock.newId(),
    tag: fields.tag,
    from: range.from,
    to: range.to,
    quote: '',
    prefix: '',
    suffix: '',
    ...(fields.source ? { source: fields.source } : {}),
    ...(fields.note ? { note: fields.note } : {}),
    ...(fields.verdict ? { verdict: fields.verdict } : {}),
    ...(annotator ? { creator: annotator } : {}),
    created: now,
    modified: now,
    status: 'anchored',
  });
}

/** A new annotation over `from`–`to` as one undoable step; with `select`, it becomes the selection. */
export function addAnnotationTransaction(
  state: EditorState,
  range: DocRange,
  fields: NewAnnotationFields,
  clock: RecordClock = systemClock,
  select = true,
): { tr: Transaction; record: AnnotationRecord } {
  const record = newRecord(state, range, fields, clock);
  const tr = state.tr.step(new AnnotationStep(record.id, null, record));
  if (select) setSelectedAnnotation(tr.setSelection(TextSelection.create(tr.doc, record.from, record.to)), record.id);
  announce(tr, `Tagged as ${tagLabel(state, record.tag)}: “${excerpt(record.quote)}”`);
  return { tr, record };
}

/** Changes fields of an existing annotation; undefined or empty strings clear optional fields. */
export function updateAnnotationTransaction(
  state: EditorState,
  id: string,
  patch: AnnotationPatch,
  clock: RecordClock = systemClock,
): { tr: Transaction; record: AnnotationRecord } {
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
  announce(tr, after.tag !== before.tag ? `Retagged as ${tagLabel(state, after.tag)}` : `Annotation updated`);
  return { tr, record: after };
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
      dispatch?.(updateAnnotationTransaction(state, selected.id, { tag: tagId }, clock).tr);
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
    dispatch?.(addAnnotationTransaction(state, range, { tag: tagId }, clock).tr);
    return true;
  };
}

export const deleteSelectedAnnotation: Command = (state, dispatch) => {
  const selected = selectedRecord(state);
  if (!selected || !canTag(state)) return false;
  dispatch?.(removeAnnotationTransaction(state, selected.id));
  return true;
};

/** Selects an annotation's text and marks it as the one the details panel edits. */
export function selectAnnotationTransaction(state: EditorState, id: string): Transaction {
  const record = getAnnotationState(state).records.get(id);
  if (!record) throw new Error(`No annotation with id "${id}".`);
  const tr = state.tr.setSelection(TextSelection.create(state.doc, record.from, record.to));
  setSelectedAnnotation(tr, id).scrollIntoView();
  const { taxonomy } = getSettings(state);
  const details = [record.source && `source ${record.source}`, record.status !== 'anchored' && record.status]
    .filter(Boolean)
    .join(', ');
  return announce(
    tr,
    `${findTag(taxonomy, record.tag)?.label ?? record.tag}: “${excerpt(withCurrentText(state.doc, record).quote)}”${details ? ` (${details})` : ''}`,
  );
}

function selectRange(state: EditorState, range: DocRange): Transaction {
  const tr = state.tr.setSelection(TextSelection.create(state.doc, range.from, range.to)).scrollIntoView();
  setSelectedAnnotation(tr, null);
  const text = state.doc.textBetween(range.from, range.to, '\n', '\n');
  const tagged = annotationsAt(state, range.from).filter((r) => r.from === range.from && r.to === range.to);
  const suggested = getSuggestionState(state).suggestions.find((s) => s.from === range.from && s.to === range.to);
  const suffix = tagged.length
    ? ` (tagged ${tagged.map((r) => tagLabel(state, r.tag)).join(', ')})`
    : suggested
      ? ` (suggested: ${tagLabel(state, suggested.tag)}, ${Math.round(suggested.confidence * 100)}%, because “${suggested.cue}”. Enter accepts, X rejects)`
      : '';
  return announce(tr, `${excerpt(text, 120)}${suffix}`);
}

/** Selects the whole sentence at the caret. */
export const selectSentence: Command = (state, dispatch) => {
  const range = currentSentence(state);
  if (!range) return false;
  dispatch?.(selectRange(state, range));
  return true;
};

/**
 * Where the head of a sentence-wise selection goes. Extending downwards it
 * sits on sentence ends: the next one (grow) or the one before (shrink).
 * Extending upwards it sits on sentence starts. It never crosses the anchor.
 */
function sentenceHead(state: EditorState, anchor: number, head: number, direction: 1 | -1): number | undefined {
  const { doc } = state;
  let target: number | undefined;
  if (head > anchor || (head === anchor && direction === 1)) {
    if (direction === 1) {
      const here = sentenceAtPos(doc, head);
      target = here && here.to > head && here.from < head ? here.to : adjacentSentence(doc, head, 1)?.to;
    } else {
      let previous = adjacentSentence(doc, head, -1);
      if (previous && previous.to >= head) previous = adjacentSentence(doc, previous.from, -1);
      target = Math.max(anchor, previous?.to ?? anchor);
    }
  } else if (direction === -1) {
    const here = sentenceAtPos(doc, head);
    target = here && here.from < head ? here.from : adjacentSentence(doc, head, -1)?.from;
  } else {
    target = Math.min(anchor, adjacentSentence(doc, head, 1)?.from ?? anchor);
  }
  return target;
}

/**
 * Selects the next (1) or previous (-1) sentence; with `extend`, moves the
 * selection's head to the next sentence end or previous sentence start, so
 * the selection grows or shrinks by whole sentences.
 */
export function moveBySentence(direction: 1 | -1, extend = false): Command {
  return (state, dispatch) => {
    const { from, to, anchor, head } = state.selection;
    if (!extend) {
      // A bare caret before a sentence (as on first focus) selects that sentence rather than skipping it.
      const ahead = from === to && direction === 1 ? sentenceAtPos(state.doc, from) : undefined;
      const target =
        ahead && ahead.from >= from
          ? ahead
          : adjacentSentence(state.doc, direction === 1 ? Math.max(from, to - 1) : from, direction);
      if (!target) return false;
      dispatch?.(selectRange(state, target));
      return true;
    }
    const newHead = sentenceHead(state, anchor, head, direction);
    if (newHead === undefined) return false;
    const tr = state.tr.setSelection(TextSelection.create(state.doc, anchor, newHead)).scrollIntoView();
    setSelectedAnnotation(tr, null);
    const selected = tr.doc.textBetween(tr.selection.from, tr.selection.to, '\n', '\n');
    dispatch?.(announce(tr, selected.trim() ? `Selected: ${excerpt(selected, 120)}` : 'Selection empty'));
    return true;
  };
}

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

/**
 * Undo and redo that say what they did, and refuse (with a message) outside
 * edit mode when the step would change the text. Without `dispatch` they
 * answer whether there is a step to take; with it, they always handle the
 * key (saying "Nothing to undo" is handling it).
 */
function historyCommand(base: Command, verb: 'Undo' | 'Redo'): Command {
  return (state, dispatch) => {
    let candidate: Transaction | undefined;
    if (!base(state, (tr) => (candidate = tr)) || !candidate) {
      // Saying so is handling the key: a command that dispatched returns true, or a chain goes on and the browser acts
      // too.
      if (!dispatch) return false;
      dispatch(announce(state.tr, `Nothing to ${verb.toLowerCase()}`));
      return true;
    }
    if (!textChangeAllowed(candidate, state)) {
      dispatch?.(announce(state.tr, `${verb} would change the text: switch to edit mode first.`));
      return true;
    }
    dispatch?.(announce(candidate, verb === 'Undo' ? 'Undone' : 'Redone'));
    return true;
  };
}

export const undoCommand = historyCommand(undo, 'Undo');
export const redoCommand = historyCommand(redo, 'Redo');
