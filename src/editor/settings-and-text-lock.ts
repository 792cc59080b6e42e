import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { DEFAULT_TAXONOMY, type Taxonomy } from '../model/taxonomy.js';
import type { Suggestion } from '../text/suggest/roles.js';
import type { SuggestionTagMap } from './suggestion-tag-map.js';
import { AnnotationStep } from './annotation-step.js';

/**
 * `annotate`: text fixed, selection and tagging work. `edit`: text editable,
 * annotations follow it. `readonly`: nothing changes through the UI.
 */
export type EditorMode = 'annotate' | 'edit' | 'readonly';

/**
 * Proposes a provenance role for sentences of a text (offsets into it); see
 * `suggestProvenance`. A Promise when the suggester is still loading.
 */
export type Suggester = (text: string) => Suggestion[] | Promise<Suggestion[]>;

export interface EditorSettings {
  mode: EditorMode;
  taxonomy: Taxonomy;
  /** Recorded as the creator of each new annotation. */
  annotator?: string;
  /** What the Suggest action (key S) runs; none: no suggestions. */
  suggest?: Suggester;
  /** The tag each suggested role becomes; absent: the three built-in tags. */
  suggestionTagMap?: SuggestionTagMap;
  /** What Enter on the selected annotation does outside edit mode (the element: focus its details); none: nothing. */
  openDetails?: () => void;
}

export const settingsKey = new PluginKey<EditorSettings>('claim-settings');

export function getSettings(state: EditorState): EditorSettings {
  const settings = settingsKey.getState(state);
  if (!settings) throw new Error('The settings plugin is not installed in this editor state.');
  return settings;
}

export function updateSettings(tr: Transaction, patch: Partial<EditorSettings>): Transaction {
  return tr.setMeta(settingsKey, patch);
}

function changesText(tr: Transaction): boolean {
  return tr.steps.some((step) => !(step instanceof AnnotationStep));
}

/** Whether `tr` may be applied: it leaves the text alone, or the editor is in edit mode. */
export function textChangeAllowed(tr: Transaction, state: EditorState): boolean {
  return getSettings(state).mode === 'edit' || !changesText(tr);
}

/**
 * Holds the mode, taxonomy and annotator, and keeps the text fixed outside
 * edit mode: any transaction that would change it is refused, including
 * typing, paste, drop and undoing an earlier text edit.
 */
export function settingsPlugin(initial: EditorSettings = { mode: 'annotate', taxonomy: DEFAULT_TAXONOMY }) {
  return new Plugin<EditorSettings>({
    key: settingsKey,
    state: {
      init: () => initial,
      apply: (tr, value) => {
        const patch = tr.getMeta(settingsKey) as Partial<EditorSettings> | undefined;
        return patch ? { ...value, ...patch } : value;
      },
    },
    filterTransaction: textChangeAllowed,
    props: {
      editable: (state) => getSettings(state).mode !== 'readonly',
      attributes: (state) => {
        const { mode } = getSettings(state);
        return {
          'aria-readonly': mode === 'edit' ? 'false' : 'true',
          'data-mode': mode,
          // Keeps a phone's keyboard closed while the text cannot be typed into.
          ...(mode === 'edit' ? {} : { inputmode: 'none' }),
        };
      },
    },
  });
}
