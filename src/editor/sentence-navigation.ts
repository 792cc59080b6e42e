import { TextSelection, type Command, type EditorState, type Transaction } from 'prosemirror-state';
import { announce, excerpt, tagLabel } from './announce.js';
import { annotationsAt } from './annotation-plugin.js';
import { setSelectedAnnotation } from './annotation-selection.js';
import { adjacentSentence, currentSentence, sentenceAtPos, type DocRange } from './sentence-ranges.js';
import { getSuggestionState } from './suggestion-plugin.js';

/** Selects a sentence and says it, with its tags or the suggestion on it. */
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

/** Selects the next (1) or previous (-1) sentence. */
export function moveBySentence(direction: 1 | -1): Command {
  return (state, dispatch) => {
    const { from, to } = state.selection;
    // A bare caret before a sentence (as on first focus) selects that sentence rather than skipping it.
    const ahead = from === to && direction === 1 ? sentenceAtPos(state.doc, from) : undefined;
    const target =
      ahead && ahead.from >= from
        ? ahead
        : adjacentSentence(state.doc, direction === 1 ? Math.max(from, to - 1) : from, direction);
    if (!target) return false;
    dispatch?.(selectRange(state, target));
    return true;
  };
}

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
 * Moves the selection's head to the next sentence end (1) or previous
 * sentence start (-1), so the selection grows or shrinks by whole sentences.
 */
export function extendBySentence(direction: 1 | -1): Command {
  return (state, dispatch) => {
    const { anchor, head } = state.selection;
    const newHead = sentenceHead(state, anchor, head, direction);
    if (newHead === undefined) return false;
    const tr = state.tr.setSelection(TextSelection.create(state.doc, anchor, newHead)).scrollIntoView();
    setSelectedAnnotation(tr, null);
    const selected = tr.doc.textBetween(tr.selection.from, tr.selection.to, '\n', '\n');
    dispatch?.(announce(tr, selected.trim() ? `Selected: ${excerpt(selected, 120)}` : 'Selection empty'));
    return true;
  };
}
