import { keymap } from 'prosemirror-keymap';
import { Plugin, type Command } from 'prosemirror-state';
import { getAnnotationState } from './annotation-plugin.js';
import {
  cycleAnnotation,
  deleteSelectedAnnotation,
  moveBySentence,
  redoCommand,
  undoCommand,
  type RecordClock,
} from './commands.js';
import { getSettings } from './settings-plugin.js';
import { acceptAndAdvance, tagKey } from './advance-commands.js';
import { advanceKeymap } from './advance-keymap.js';
import { clearSuggestions, rejectSuggestion, showSuggestionsTransaction } from './suggestion-commands.js';
import { suggestionAtSelection } from './suggestion-plugin.js';
import { TextIndex } from './text-index.js';

/** Runs `command` only where plain keys are free because the text cannot be typed into. */
function outsideEditMode(command: Command): Command {
  return (state, dispatch, view) => getSettings(state).mode !== 'edit' && command(state, dispatch, view);
}

/** Keys that would type, delete or split text are swallowed outside edit mode, so they never reach the browser. */
const swallowOutsideEdit: Command = (state) => getSettings(state).mode !== 'edit';

/**
 * The keyboard of the annotation editor:
 * - taxonomy keys (1, 2, 3…) tag the selection or the sentence at the caret and select the next untagged
 *   sentence; Shift+key tags and stays (annotate mode); Alt+key does the same in every mode;
 * - U / Shift+U, W / Shift+W, R: see advance-keymap.ts;
 * - Alt+↓/↑ (or J/K) select the next/previous sentence; Shift+Alt+↓/↑ (or Shift+J/K) extend by a sentence;
 * - ]/[ (or N/P) select the next/previous annotation, overlapping ones included;
 * - Delete/Backspace remove the selected annotation (annotate mode);
 * - S shows suggested tags, Shift+S clears them; on a suggested sentence Enter accepts (and moves on),
 *   X or Delete rejects, a taxonomy key accepts with that tag;
 * - Mod+Z, Shift+Mod+Z, Mod+Y undo and redo.
 */
export function annotationKeymap(clock?: RecordClock): Plugin[] {
  const byTaxonomyKey: Plugin = new Plugin({
    props: {
      handleKeyDown(view, event) {
        if (event.ctrlKey || event.metaKey) return false;
        const { mode, taxonomy } = getSettings(view.state);
        if (mode === 'readonly' || (mode === 'edit' && !event.altKey)) return false;
        const key =
          event.altKey || event.shiftKey
            ? event.code.replace(/^(Digit|Numpad|Key)/, '').toLowerCase()
            : event.key.toLowerCase();
        const tag = taxonomy.find((candidate) => candidate.key?.toLowerCase() === key);
        if (!tag) return false;
        // On a suggested sentence a tag key accepts the suggestion with that tag; Shift stays, no Shift moves on.
        tagKey(tag.id, !event.shiftKey, clock)(view.state, view.dispatch);
        return true;
      },
    },
  });
  const suggest: Command = (state, dispatch) => {
    const { suggest: suggester } = getSettings(state);
    if (!suggester) return false;
    dispatch?.(showSuggestionsTransaction(state, suggester(TextIndex.of(state.doc).text), clock));
    return true;
  };
  const onSuggestion =
    (command: Command): Command =>
    (state, dispatch, view) =>
      getSettings(state).mode === 'annotate' && !!suggestionAtSelection(state) && command(state, dispatch, view);
  const nextSentence = moveBySentence(1);
  const previousSentence = moveBySentence(-1);
  const extendDown = moveBySentence(1, true);
  const extendUp = moveBySentence(-1, true);
  const removeSelected: Command = (state, dispatch) =>
    getAnnotationState(state).selectedId !== null && getSettings(state).mode === 'annotate'
      ? deleteSelectedAnnotation(state, dispatch)
      : swallowOutsideEdit(state);
  return [
    byTaxonomyKey,
    advanceKeymap(clock),
    keymap({
      Enter: onSuggestion(acceptAndAdvance(clock)),
      x: onSuggestion(rejectSuggestion),
      Delete: onSuggestion(rejectSuggestion),
      s: outsideEditMode(suggest),
      'Shift-S': outsideEditMode(clearSuggestions),
    }),
    keymap({
      'Alt-ArrowDown': nextSentence,
      'Alt-ArrowUp': previousSentence,
      'Shift-Alt-ArrowDown': extendDown,
      'Shift-Alt-ArrowUp': extendUp,
      j: outsideEditMode(nextSentence),
      k: outsideEditMode(previousSentence),
      'Shift-J': outsideEditMode(extendDown),
      'Shift-K': outsideEditMode(extendUp),
      ']': outsideEditMode(cycleAnnotation(1)),
      '[': outsideEditMode(cycleAnnotation(-1)),
      n: outsideEditMode(cycleAnnotation(1)),
      p: outsideEditMode(cycleAnnotation(-1)),
      Delete: removeSelected,
      Backspace: removeSelected,
      Enter: swallowOutsideEdit,
      'Mod-z': undoCommand,
      'Shift-Mod-z': redoCommand,
      'Mod-y': redoCommand,
    }),
  ];
}
