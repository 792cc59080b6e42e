import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { findTag } from '../model/taxonomy.js';
import { announce, announcementOf } from './announce.js';
import { getAnnotationState, recordsInOrder } from './annotation-plugin.js';
import { selectAnnotationTransaction, tagSelection, updateAnnotationTransaction } from './annotation-commands.js';
import { setSelectedAnnotation } from './annotation-selection.js';
import { systemClock, type RecordClock } from './record-factory.js';
import { findUntagged, needsSource } from './sentence-progress.js';
import type { DocRange } from './sentence-ranges.js';
import { getSettings } from './settings-and-text-lock.js';
import { acceptSuggestion } from './suggestion-commands.js';
import { getSuggestionState } from './suggestion-plugin.js';

function excerpt(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** What a screen reader hears on arriving at an untagged sentence: its text, and the suggestion over it. */
function describeSentence(state: EditorState, range: DocRange): string {
  const text = excerpt(state.doc.textBetween(range.from, range.to, '\n', '\n'));
  const s = getSuggestionState(state).suggestions.find((x) => x.from === range.from && x.to === range.to);
  if (!s) return text;
  const label = findTag(getSettings(state).taxonomy, s.tag)?.label ?? s.tag;
  return `${text} (suggested: ${label}, because “${s.cue}”. Enter accepts, X rejects)`;
}

/** Selects `range` (not an annotation) on `tr`, scrolled into view. */
function selectSentenceOn(tr: Transaction, range: DocRange): Transaction {
  setSelectedAnnotation(tr.setSelection(TextSelection.create(tr.doc, range.from, range.to)), null);
  return tr.scrollIntoView();
}

/**
 * Runs `tag` (a command that tags the selection) and, when it tagged a
 * sentence rather than retagging the selected annotation, selects the next
 * untagged sentence in the same transaction and says which it is.
 */
function thenAdvance(tag: Command): Command {
  return (state, dispatch) => {
    const retag = getAnnotationState(state).selectedId !== null;
    let tr: Transaction | undefined;
    if (!tag(state, (t) => (tr = t))) return false;
    if (!dispatch || !tr) return true;
    if (retag) {
      dispatch(tr);
      return true;
    }
    const after = state.apply(tr);
    const next = findUntagged(after, Math.max(after.selection.to, state.selection.to), 1);
    const done = announcementOf(tr) ?? '';
    if (!next) {
      dispatch(announce(tr, `${done}. Every sentence is tagged.`));
      return true;
    }
    dispatch(announce(selectSentenceOn(tr, next), `${done}. Next untagged: ${describeSentence(after, next)}`));
    return true;
  };
}

/**
 * Shift+tag key: accepts the suggestion over the selection with `tagId`, or
 * tags the selection (retagging a selected annotation), and stays.
 */
export function tagAndStay(tagId: string, clock: RecordClock = systemClock): Command {
  return (state, dispatch) =>
    acceptSuggestion(tagId, clock)(state, dispatch) || tagSelection(tagId, clock)(state, dispatch);
}

/** A tag key: {@link tagAndStay}, then a sentence just tagged is followed by the next untagged one being selected. */
export function tagAndAdvance(tagId: string, clock: RecordClock = systemClock): Command {
  return thenAdvance(tagAndStay(tagId, clock));
}

/** Accepts the suggestion over the selection with its own tag and selects the next untagged sentence. */
export function acceptAndAdvance(clock: RecordClock = systemClock): Command {
  return thenAdvance(acceptSuggestion(undefined, clock));
}

/** Selects the next (1) or previous (-1) sentence no annotation covers, wrapping around the article. */
export function moveToUntagged(direction: 1 | -1): Command {
  return (state, dispatch) => {
    const { from, to } = state.selection;
    // From a bare caret the sentence starting there counts as next; from a selection, the one after it.
    const next = findUntagged(state, direction === 1 ? (from === to ? from : Math.max(from + 1, to)) : from, direction);
    if (!dispatch) return true;
    if (!next) {
      dispatch(announce(state.tr, 'Every sentence is tagged'));
      return true;
    }
    dispatch(announce(selectSentenceOn(state.tr, next), describeSentence(state, next)));
    return true;
  };
}

/** Selects the next (1) or previous (-1) annotation that needs a source and has none, wrapping around. */
export function moveToUnsourced(direction: 1 | -1): Command {
  return (state, dispatch) => {
    const candidates = recordsInOrder(state).filter(needsSource);
    if (!dispatch) return true;
    if (candidates.length === 0) {
      dispatch(announce(state.tr, 'Every annotation that needs a source has one'));
      return true;
    }
    const { selectedId } = getAnnotationState(state);
    const { from } = state.selection;
    const current = candidates.findIndex((r) => r.id === selectedId);
    let index: number;
    if (current >= 0) index = (current + direction + candidates.length) % candidates.length;
    else {
      index =
        direction === 1 ? candidates.findIndex((r) => r.from >= from) : candidates.findLastIndex((r) => r.from < from);
      if (index < 0) index = direction === 1 ? 0 : candidates.length - 1;
    }
    const tr = selectAnnotationTransaction(state, candidates[index].id);
    dispatch(announce(tr, `Needs a source: ${announcementOf(tr) ?? ''}`));
    return true;
  };
}

/**
 * Gives the selected annotation the source of the nearest annotation before
 * it (in reading order) that has one: the same outlet quoted again.
 */
export function reusePreviousSource(clock: RecordClock = systemClock): Command {
  return (state, dispatch) => {
    const { selectedId, records } = getAnnotationState(state);
    const selected = selectedId ? records.get(selectedId) : undefined;
    if (!selected || getSettings(state).mode === 'readonly') return false;
    const ordered = recordsInOrder(state);
    const previous = ordered
      .slice(
        0,
        ordered.findIndex((r) => r.id === selected.id),
      )
      .findLast((r) => r.source && r.from < r.to);
    if (!dispatch) return true;
    if (!previous?.source) {
      dispatch(announce(state.tr, 'No annotation before this one has a source'));
      return true;
    }
    const tr = updateAnnotationTransaction(state, selected.id, { source: previous.source }, clock);
    dispatch(announce(tr, `Source: ${previous.source}`));
    return true;
  };
}
