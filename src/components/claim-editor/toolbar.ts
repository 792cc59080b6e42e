import { html, nothing, type TemplateResult } from 'lit';
import { redoDepth, undoDepth } from 'prosemirror-history';
import type { Taxonomy } from '../../model/taxonomy.js';
import { deleteSelectedAnnotation, tagSelection } from '../../editor/annotation-commands.js';
import { redoCommand, undoCommand } from '../../editor/history-commands.js';
import { acceptSuggestion } from '../../editor/suggestion-commands.js';
import type { SuggestionTagMap } from '../../editor/suggestion-tag-map.js';
import type { ExportFormat } from '../../formats/registry.js';
import type { TransferImportDetail } from '../claim-transfer/claim-transfer.component.js';
import '../claim-transfer/claim-transfer.js';
import type { EditorStateController } from './editor-state-controller.js';
import type { ImportExportController } from './import-export-controller.js';
import { renderKeysHelp } from './keys-help.js';
import type { SuggestionToolbar } from './suggestion-toolbar.js';

export interface ToolbarInput {
  editor: EditorStateController;
  transfer: ImportExportController;
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
 * The editor's toolbar (`part="toolbar"`): a button per tag, delete, undo and
 * redo, import and export, the suggestion controls, the mode switch, the
 * keyboard help and the storage status. Buttons give the keyboard back to the
 * text; a press on the toolbar does not take the text's selection.
 */
export function renderToolbar(input: ToolbarInput) {
  const { editor, transfer, taxonomy, readonly } = input;
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
          <span class="swatch" data-tag=${tag.id}></span>${tag.label}${tag.key ? html` <kbd>${tag.key}</kbd>` : nothing}
        </button>`,
    )}
    <button type="button" ?disabled=${readonly || !input.selected} @click=${() => editor.run(deleteSelectedAnnotation)}>
      Delete tag
    </button>
    <button
      type="button"
      ?disabled=${undoDepth(state) === 0}
      aria-keyshortcuts="Control+Z"
      @click=${() => editor.run(undoCommand)}
    >
      Undo
    </button>
    <button
      type="button"
      ?disabled=${redoDepth(state) === 0}
      aria-keyshortcuts="Control+Y"
      @click=${() => editor.run(redoCommand)}
    >
      Redo
    </button>
    <claim-transfer
      .taxonomy=${taxonomy}
      .report=${transfer.report}
      .file=${transfer.file}
      .reviewGaps=${transfer.reviewGaps}
      ?readonly=${readonly}
      @claim-transfer-export=${(e: CustomEvent<{ format: ExportFormat }>) => transfer.download(e.detail.format)}
      @claim-transfer-import=${(e: CustomEvent<TransferImportDetail>) => void transfer.importFile(e.detail)}
    ></claim-transfer>
    ${readonly ? nothing : input.suggestions.render(taxonomy, input.suggestionTagMap)}
    <span class="spacer"></span>
    ${
      readonly
        ? nothing
        : html`<button
            type="button"
            class="mode"
            aria-pressed=${input.editMode ? 'true' : 'false'}
            @click=${() => {
              input.toggleMode();
              editor.view?.focus();
            }}
          >
            Edit text
          </button>`
    }
    ${renderKeysHelp(taxonomy)} ${input.storage} ${input.sync ?? nothing}
  </div>`;
}
