import { html, nothing, type ReactiveControllerHost } from 'lit';
import { findTag, type Taxonomy } from '../../model/taxonomy.js';
import {
  acceptSuggestion,
  acceptSuggestionsAbove,
  clearSuggestions,
  rejectSuggestion,
} from '../../editor/suggestion-commands.js';
import { getSuggestionState, suggestionAtSelection } from '../../editor/suggestion-plugin.js';
import { resolveSuggestionTags, unmappedRolesMessage, type SuggestionTagMap } from '../../editor/suggestion-tag-map.js';
import { showSuggestions } from '../../editor/suggest-command.js';
import type { EditorStateController } from './editor-state-controller.js';

/**
 * The toolbar's suggestion controls, in the place of *Suggest tags* while
 * there are none: accept or reject the one at the selection, and behind
 * "N suggested" (a disclosure, so the toolbar keeps its row) accept every one
 * at or above a confidence threshold (kept here, 80 by default), or clear them.
 */
export class SuggestionToolbar {
  /** The confidence (0–100) at or above which "Accept suggestions" takes them all. */
  private acceptThreshold = 80;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly editor: EditorStateController,
  ) {}

  render(taxonomy: Taxonomy, tagMap: SuggestionTagMap) {
    const editor = this.editor;
    const { suggestions } = getSuggestionState(editor.state);
    const suggest = () => editor.run(showSuggestions());
    const unmapped = unmappedRolesMessage(resolveSuggestionTags(tagMap, taxonomy));
    const note = unmapped
      ? html`<span class="suggest-note" id="suggest-note" title=${unmapped}>${unmapped}</span>`
      : nothing;
    if (suggestions.length === 0) {
      return html`<button
          type="button"
          class="suggest"
          aria-keyshortcuts="S"
          aria-describedby=${unmapped ? 'suggest-note' : nothing}
          @click=${suggest}
        >
          Suggest<span class="fit-word"> tags</span> <kbd>S</kbd></button
        >${note}`;
    }
    const count = suggestions.length;
    const above = suggestions.filter((s) => s.confidence * 100 >= this.acceptThreshold).length;
    const here = suggestionAtSelection(editor.state);
    const hereLabel = here ? (findTag(taxonomy, here.tag)?.label ?? here.tag) : '';
    return html`<span class="suggestions" role="group" aria-label="Suggestions">
      ${
        here
          ? html`<button
                type="button"
                class="accept-suggestion"
                aria-keyshortcuts="Enter"
                title=${`Accept “${hereLabel}” (Enter)`}
                data-fit-icon="✓"
                @click=${() => editor.run(acceptSuggestion())}
              >
                <span class="fit-word">Accept</span><span class="suggested-tag"> “${hereLabel}”</span></button
              ><button
                type="button"
                class="reject-suggestion"
                aria-keyshortcuts="X"
                title="Reject (X)"
                data-fit-icon="✕"
                @click=${() => editor.run(rejectSuggestion)}
              >
                <span class="fit-word">Reject</span>
              </button>`
          : nothing
      }
      <details class="suggest-more">
        <summary title=${`${count} suggested`}>${count}<span class="fit-word"> suggested</span></summary>
        <div class="dropdown">
          <label
            >Accept those at least
            <input
              type="number"
              min="0"
              max="100"
              step="5"
              .value=${String(this.acceptThreshold)}
              @input=${this.onThresholdInput}
            />% sure</label
          >
          <button
            type="button"
            class="accept-suggestions"
            ?disabled=${above === 0}
            @click=${() => editor.run(acceptSuggestionsAbove(this.acceptThreshold / 100))}
          >
            Accept ${above}
          </button>
          <button type="button" aria-keyshortcuts="Shift+S" @click=${() => editor.run(clearSuggestions)}>Clear</button>
          ${note}
        </div>
      </details>
    </span>`;
  }

  private readonly onThresholdInput = (event: Event) => {
    const value = Math.min(100, Math.max(0, Number((event.target as HTMLInputElement).value) || 0));
    if (value === this.acceptThreshold) return;
    this.acceptThreshold = value;
    this.host.requestUpdate();
  };
}
