import { html, nothing, type TemplateResult } from 'lit';
import { redoDepth, undoDepth } from 'prosemirror-history';
import type { Taxonomy } from '../../model/taxonomy.js';
import { deleteSelectedAnnotation, tagSelection } from '../../editor/annotation-commands.js';
import { redoCommand, undoCommand } from '../../editor/history-commands.js';
import { acceptSuggestion } from '../../editor/suggestion-commands.js';
import type { SuggestionTagMap } from '../../editor/suggestion-tag-map.js';
import type { EditorStateController } from './editor-state-controller.js';
import { renderKeysHelp } from './keys-help.js';
import type { SuggestionToolbar } from './suggestion-toolbar.js';

export interface ToolbarInput {
  editor: EditorStateController;
  suggestions: SuggestionToolbar;
  taxonomy: Taxonomy;
  suggestionTagMap: SuggestionTagMap;
  /** Read-only or disabled: nothing that changes the annotations is offered. */
  readonly: boolean;
  /** An annotation is selected (it can be deleted). */
  selected: boolean;
  editMode: boolean;
  toggleMode(): void;
  /** The storage status and notice, shown last. */
  storage: TemplateResult;
  /** The team sync status (nothing without `sync-url`). */
  sync?: TemplateResult | typeof nothing;
}

/**
 * The editor's toolbar (`part="toolbar"`), one row on elements 900 px wide and
 * wider: a button per tag (only its swatch and key under 75rem, the label kept
 * as its name and tooltip), delete, undo and redo as icons, the suggestion
 * controls in place of *Suggest tags*, the mode switch, the keyboard help
 * behind a *Keys* button and the short storage and sync statuses. Buttons give
 * the keyboard back to the text; a press on the toolbar does not take the
 * text's selection.
 */
export function renderToolbar(input: ToolbarInput) {
  const { editor, taxonomy, readonly } = input;
  const state = editor.state;
  return html`<div
    part="toolbar"
    class="toolbar"
    role="toolbar"
    aria-label="Tagging tools"
    @mousedown=${(e: Event) => e.preventDefault()}
  >
    ${taxonomy.map(
      (tag) =>
        html`<button
          type="button"
          class="tag-button"
          data-tag=${tag.id}
          title=${tag.description ?? tag.label}
          aria-keyshortcuts=${tag.key ?? nothing}
          ?disabled=${readonly}
          @click=${() => editor.run((s, d) => acceptSuggestion(tag.id)(s, d) || tagSelection(tag.id)(s, d))}
        >
          <span class="swatch" data-tag=${tag.id}></span><span class="tag-text">${tag.label}</span>${
            tag.key ? html` <kbd>${tag.key}</kbd>` : nothing
          }
        </button>`,
    )}
    ${iconButton('Delete tag', '⌫', 'Delete', readonly || !input.selected, () => editor.run(deleteSelectedAnnotation))}
    ${iconButton('Undo', '↶', 'Control+Z', undoDepth(state) === 0, () => editor.run(undoCommand))}
    ${iconButton('Redo', '↷', 'Control+Y', redoDepth(state) === 0, () => editor.run(redoCommand))}
    ${readonly ? nothing : input.suggestions.render(taxonomy, input.suggestionTagMap)}
    <span class="spacer"></span>
    ${
      readonly
        ? nothing
        : html`<button
            type="button"
            class="mode"
            title="Edit text"
            data-fit-icon="✎"
            aria-pressed=${input.editMode ? 'true' : 'false'}
            @click=${() => {
              input.toggleMode();
              editor.view?.focus();
            }}
          >
            <span class="fit-word">Edit text</span>
          </button>`
    }
    ${renderKeysHelp(taxonomy)} ${input.storage} ${input.sync ?? nothing}
  </div>`;
}

/** A button drawn as an icon: its label stays its text (and tooltip), spoken and found by name. */
function iconButton(label: string, icon: string, keys: string, disabled: boolean, run: () => void) {
  return html`<button
    type="button"
    class="icon-button"
    data-icon=${icon}
    title=${label}
    aria-keyshortcuts=${keys}
    ?disabled=${disabled}
    @click=${run}
  >
    <span class="visually-hidden">${label}</span>
  </button>`;
}
