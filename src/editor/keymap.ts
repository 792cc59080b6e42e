import { baseKeymap, chainCommands } from 'prosemirror-commands';
import { keydownHandler } from 'prosemirror-keymap';
import { Plugin, type Command } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type { Taxonomy } from '../model/taxonomy.js';
import { cycleAnnotation, deleteSelectedAnnotation } from './annotation-commands.js';
import { getAnnotationState } from './annotation-plugin.js';
import { redoCommand, undoCommand } from './history-commands.js';
import type { RecordClock } from './record-factory.js';
import { extendBySentence, moveBySentence } from './sentence-navigation.js';
import { getSettings, type EditorMode } from './settings-and-text-lock.js';
import { showSuggestions } from './suggest-command.js';
import { clearSuggestions, rejectSuggestion } from './suggestion-commands.js';
import { acceptAndAdvance, tagAndAdvance, tagAndStay } from './advance-commands.js';
import { advanceBindings } from './advance-keymap.js';
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
 * The taxonomy's keys, in either case: alone in annotate mode, with Alt in
 * annotate and edit mode. A tag key tags (or accepts the suggestion with that
 * tag) and selects the next untagged sentence; with Shift it tags and stays.
 * With Alt the key's unshifted name counts (`keydownHandler` falls back to it
 * where Alt makes another character, as on a Mac). A key two tags share tags
 * with the first.
 */
function taxonomyBindings(taxonomy: Taxonomy, clock?: RecordClock): Bindings {
  const bindings: Bindings = {};
  const bind = (name: string, command: Command) => (bindings[name] ??= command);
  for (const tag of taxonomy) {
    if (tag.key === undefined) continue;
    const key = tag.key.toLowerCase();
    const upper = key.toUpperCase();
    const annotate = (command: Command) => inModes(['annotate'], always(command));
    const anyMode = (command: Command) => inModes(['annotate', 'edit'], always(command));
    for (const name of new Set([key, upper])) bind(name, annotate(tagAndAdvance(tag.id, clock)));
    for (const name of new Set([`Shift-${key}`, `Shift-${upper}`])) bind(name, annotate(tagAndStay(tag.id, clock)));
    bind(`Alt-${key}`, anyMode(tagAndAdvance(tag.id, clock)));
    for (const name of new Set([`Shift-Alt-${key}`, `Shift-Alt-${upper}`]))
      bind(name, anyMode(tagAndStay(tag.id, clock)));
  }
  return bindings;
}

/** A tag key is handled whatever the command did (a selection with nothing to tag): it never types. */
function always(command: Command): Command {
  return (state, dispatch, view) => {
    command(state, dispatch, view);
    return true;
  };
}

/**
 * The event as the physical key would name it without Shift (Shift+1 types
 * "!" on one layout and "+" on another, but it is still the key of tag 1), or
 * undefined when Shift is not held or the key has no such name.
 */
function unshifted(event: KeyboardEvent): KeyboardEvent | undefined {
  const key = /^(?:Digit|Numpad|Key)(.)$/.exec(event.code)?.[1].toLowerCase();
  if (!event.shiftKey || key === undefined || key === event.key.toLowerCase()) return undefined;
  return new KeyboardEvent('keydown', { key, code: event.code, shiftKey: true, altKey: event.altKey });
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
    Enter: onSuggestion(acceptAndAdvance(clock)),
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
  return [suggestions, advanceBindings(clock), navigation, baseKeymap];
}

/**
 * The keyboard of the annotation editor, every key bound to a command in one
 * keymap (rebuilt when the taxonomy changes):
 * - taxonomy keys (1, 2, 3…) tag the selection or the sentence at the caret and select the next untagged
 *   sentence; Shift+key tags and stays (annotate mode); Alt+key does the same in every mode;
 * - U / Shift+U, W / Shift+W, R: see advance-keymap.ts;
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
    props: {
      handleKeyDown(view, event) {
        const handle = handlerFor(getSettings(view.state).taxonomy);
        if (handle(view, event)) return true;
        const byPhysicalKey = unshifted(event);
        return byPhysicalKey !== undefined && handle(view, byPhysicalKey);
      },
    },
  });
}
