import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { keydownHandler } from 'prosemirror-keymap';
import { Plugin, type Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Taxonomy } from '../model/taxonomy.js';
import { cycleAnnotation, deleteSelectedAnnotation, tagSelection } from './annotation-commands.js';
import { getAnnotationState } from './annotation-plugin.js';
import { redoCommand, undoCommand } from './history-commands.js';
import type { RecordClock } from './record-factory.js';
import { extendBySentence, moveBySentence } from './sentence-navigation.js';
import { getSettings, type EditorMode } from './settings-and-text-lock.js';
import { showSuggestions } from './suggest-command.js';
import { acceptSuggestion, clearSuggestions, rejectSuggestion } from './suggestion-commands.js';
import { suggestionAtSelection } from './suggestion-plugin.js';

type Bindings = Record<string, Command>;

/** Runs `command` only in the given modes. */
function inModes(modes: readonly EditorMode[], command: Command): Command {
  return (state, dispatch, view) => modes.includes(getSettings(state).mode) && command(state, dispatch, view);
}

/** Runs `command` only where plain keys are free because the text cannot be typed into. */
function outsideEditMode(command: Command): Command {
  return (state, dispatch, view) => getSettings(state).mode !== 'edit' && command(state, dispatch, view);
}

/** Keys that would type, delete or split text are swallowed outside edit mode, so they never reach the browser. */
const swallowOutsideEdit: Command = (state) => getSettings(state).mode !== 'edit';

/** Runs a suggestion command in annotate mode on a suggested sentence. */
function onSuggestion(command: Command): Command {
  return (state, dispatch, view) =>
    getSettings(state).mode === 'annotate' && !!suggestionAtSelection(state) && command(state, dispatch, view);
}

/** Opens the selected annotation's details (settings' `openDetails`) outside edit mode. */
const openSelectedDetails: Command = (state, dispatch) => {
  const { mode, openDetails } = getSettings(state);
  if (mode === 'edit' || !openDetails || getAnnotationState(state).selectedId === null) return false;
  if (dispatch) openDetails();
  return true;
};

const removeSelected: Command = (state, dispatch) =>
  getAnnotationState(state).selectedId !== null && getSettings(state).mode === 'annotate'
    ? deleteSelectedAnnotation(state, dispatch)
    : swallowOutsideEdit(state);

/**
 * A taxonomy key: on a suggested sentence it accepts the suggestion with its
 * tag, elsewhere it tags the selection. It handles the key either way.
 */
function tagByKey(tagId: string, clock?: RecordClock): Command {
  return (state, dispatch, view) => {
    if (!acceptSuggestion(tagId, clock)(state, dispatch, view)) tagSelection(tagId, clock)(state, dispatch, view);
    return true;
  };
}

/**
 * The taxonomy's keys, in either case: alone in annotate mode, with Alt (and
 * Shift) in annotate and edit mode. With Alt the key's unshifted name counts
 * (`keydownHandler` falls back to it where Alt makes another character, as
 * on a Mac). A key two tags share tags with the first.
 */
function taxonomyBindings(taxonomy: Taxonomy, clock?: RecordClock): Bindings {
  const bindings: Bindings = {};
  const bind = (name: string, command: Command) => (bindings[name] ??= command);
  for (const tag of taxonomy) {
    if (tag.key === undefined) continue;
    const key = tag.key.toLowerCase();
    const upper = key.toUpperCase();
    const plain = inModes(['annotate'], tagByKey(tag.id, clock));
    const withAlt = inModes(['annotate', 'edit'], tagByKey(tag.id, clock));
    for (const name of new Set([key, upper, `Shift-${upper}`])) bind(name, plain);
    for (const name of new Set([`Alt-${key}`, `Shift-Alt-${key}`, `Shift-Alt-${upper}`])) bind(name, withAlt);
  }
  return bindings;
}

/** Binding lists in order of precedence, made one: where a key is bound more than once, the first that handles it. */
function merge(...lists: Bindings[]): Bindings {
  const chains = new Map<string, Command[]>();
  for (const list of lists)
    for (const [name, command] of Object.entries(list)) chains.set(name, [...(chains.get(name) ?? []), command]);
  return Object.fromEntries([...chains].map(([name, commands]) => [name, chainCommands(...commands)]));
}

/** The keys that do not depend on the taxonomy, in order of precedence. */
function fixedBindings(clock?: RecordClock): Bindings[] {
  const nextSentence = moveBySentence(1);
  const previousSentence = moveBySentence(-1);
  const extendDown = extendBySentence(1);
  const extendUp = extendBySentence(-1);
  const suggestions: Bindings = {
    Enter: onSuggestion(acceptSuggestion(undefined, clock)),
    x: onSuggestion(rejectSuggestion),
    Delete: onSuggestion(rejectSuggestion),
    s: outsideEditMode(showSuggestions(clock)),
    'Shift-S': outsideEditMode(clearSuggestions),
  };
  const navigation: Bindings = {
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
    Enter: chainCommands(openSelectedDetails, swallowOutsideEdit),
    'Mod-z': undoCommand,
    'Shift-Mod-z': redoCommand,
    'Mod-y': redoCommand,
  };
  return [suggestions, navigation, baseKeymap];
}

/**
 * The keyboard of the annotation editor, every key bound to a command in one
 * keymap (rebuilt when the taxonomy changes):
 * - taxonomy keys (1, 2, 3…) tag the selection or the sentence at the caret (annotate mode);
 *   Alt+key does the same in every mode;
 * - Alt+↓/↑ (or J/K) select the next/previous sentence; Shift+Alt+↓/↑ (or Shift+J/K) extend by a sentence;
 * - ]/[ (or N/P) select the next/previous annotation, overlapping ones included;
 * - Enter opens the selected annotation's details (outside edit mode);
 * - Delete/Backspace remove the selected annotation (annotate mode);
 * - S shows suggested tags, Shift+S clears them; on a suggested sentence Enter accepts,
 *   X or Delete rejects, a taxonomy key accepts with that tag;
 * - Mod+Z, Shift+Mod+Z, Mod+Y undo and redo;
 * - ProseMirror's base keys edit the text (edit mode).
 */
export function annotationKeymap(clock?: RecordClock): Plugin {
  const fixed = fixedBindings(clock);
  const handlers = new WeakMap<Taxonomy, (view: EditorView, event: KeyboardEvent) => boolean>();
  const handlerFor = (taxonomy: Taxonomy) => {
    let handler = handlers.get(taxonomy);
    if (!handler)
      handlers.set(taxonomy, (handler = keydownHandler(merge(taxonomyBindings(taxonomy, clock), ...fixed))));
    return handler;
  };
  return new Plugin({
    props: { handleKeyDown: (view, event) => handlerFor(getSettings(view.state).taxonomy)(view, event) },
  });
}
