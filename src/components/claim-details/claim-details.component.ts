import { html, LitElement, nothing } from 'lit';
import { property, query } from 'lit/decorators.js';
import type { Annotation, AnnotationPatch } from '../../model/annotation.js';
import { DEFAULT_TAXONOMY, type Taxonomy } from '../../model/taxonomy.js';
import { DEFAULT_VERDICT_SCALE, type VerdictScale } from '../../model/verdict-scale.js';
import { AdoptedSheetsController } from '../shared/adopted-sheets-controller.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { taxonomySheet } from '../shared/taxonomy-styles.js';
import { detailsStyles } from './claim-details.styles.js';
import type { ClaimSourceCombobox } from '../claim-source-combobox/claim-source-combobox.component.js';
import '../claim-source-combobox/claim-source-combobox.js';

export interface DetailsChangeDetail {
  id: string;
  patch: AnnotationPatch;
}

export interface DetailsDeleteDetail {
  id: string;
}

/**
 * The selected annotation's tag, source, note and verdict, all editable.
 * A field is saved when it changes (on Enter or leaving it); Escape returns
 * to the article.
 *
 * @event claim-details-change - A field changed; detail `{id, patch}`.
 * @event claim-details-delete - The user asked to delete the annotation; detail `{id}`.
 * @event claim-details-done - The user pressed Escape: go back to the text.
 */
export class ClaimDetails extends LitElement {
  static override styles = [sharedStyles, detailsStyles];

  constructor() {
    super();
    new AdoptedSheetsController(this, () => [taxonomySheet(this.taxonomy)]);
  }

  @property({ attribute: false }) annotation: Annotation | null = null;
  @property({ attribute: false }) taxonomy: Taxonomy = DEFAULT_TAXONOMY;
  /** The verdicts offered for ClaimReview, with their numbers; any other text is accepted too. */
  @property({ attribute: false }) verdictScale: VerdictScale = DEFAULT_VERDICT_SCALE;
  @property({ type: Boolean }) readonly = false;
  /** Sources used before, most used first, offered in the source field. */
  @property({ attribute: false }) sources: readonly string[] = [];
  /** Gives an outlet's one name for any of its spellings ("the KCNA" → "KCNA"), or undefined. */
  @property({ attribute: false }) resolveSource: (text: string) => string | undefined = () => undefined;

  @query('claim-source-combobox') private sourceField?: ClaimSourceCombobox;

  /** Focuses the source field with its text selected (typing replaces it): where a fact-checker goes after tagging. */
  focusSource() {
    this.sourceField?.focus();
  }

  private emitChange(patch: AnnotationPatch) {
    if (!this.annotation) return;
    this.dispatchEvent(
      new CustomEvent<DetailsChangeDetail>('claim-details-change', {
        detail: { id: this.annotation.id, patch },
        bubbles: true,
      }),
    );
  }

  private onField(event: Event) {
    const field = event.target as HTMLInputElement | HTMLTextAreaElement | ClaimSourceCombobox;
    const key = field.dataset.field as 'source' | 'note' | 'verdict';
    if ((this.annotation?.[key] ?? '') !== field.value.trim()) this.emitChange({ [key]: field.value });
  }

  private onKeydown(event: KeyboardEvent) {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.dispatchEvent(new CustomEvent('claim-details-done', { bubbles: true }));
    } else if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'text') {
      event.preventDefault();
      this.onField(event);
      this.dispatchEvent(new CustomEvent('claim-details-done', { bubbles: true }));
    } else if (event.key === 'Enter' && event.target === this.sourceField) {
      // The source field has already committed its value.
      event.preventDefault();
      this.dispatchEvent(new CustomEvent('claim-details-done', { bubbles: true }));
    }
  }

  override render() {
    const a = this.annotation;
    if (!a) return nothing;
    const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
    return html`<form
      aria-labelledby="details-heading"
      @submit=${(e: Event) => e.preventDefault()}
      @keydown=${this.onKeydown}
    >
      <h2 id="details-heading">Selected annotation</h2>
      <blockquote class="quote">${a.quote}</blockquote>
      ${
        a.status === 'anchored'
          ? nothing
          : html`<p class="status">
              ${a.status === 'orphaned' ? 'Its text is no longer in the article.' : 'Moved or matched approximately: please check.'}
            </p>`
      }
      <fieldset ?disabled=${this.readonly}>
        <legend>Tag</legend>
        ${this.taxonomy.map(
          (tag) =>
            html`<label>
              <input
                type="radio"
                name="tag"
                .value=${tag.id}
                .checked=${a.tag === tag.id}
                @change=${() => this.emitChange({ tag: tag.id })}
              />
              <span class="swatch" data-tag=${tag.id}></span
              >${tag.label}${tag.key ? html` <kbd>${tag.key}</kbd>` : nothing}
            </label>`,
        )}
      </fieldset>
      <claim-source-combobox
        data-field="source"
        .value=${a.source ?? ''}
        .options=${this.sources}
        .resolve=${this.resolveSource}
        ?readonly=${this.readonly}
        placeholder="e.g. state news agency, an analyst at…"
        @change=${this.onField}
      ></claim-source-combobox>
      <label
        >Note
        <textarea
          data-field="note"
          .value=${a.note ?? ''}
          ?readonly=${this.readonly}
          @change=${this.onField}
        ></textarea>
      </label>
      <label
        >Verdict (optional)
        <input
          type="text"
          name="verdict"
          data-field="verdict"
          list="verdicts"
          .value=${a.verdict ?? ''}
          ?readonly=${this.readonly}
          autocomplete="off"
          @change=${this.onField}
        />
      </label>
      <datalist id="verdicts">
        ${this.verdictScale.map((v) => html`<option value=${v.label} label=${`${v.label} (${v.value})`}></option>`)}
      </datalist>
      <p class="meta">
        ${a.creator ? `By ${a.creator}, ` : ''}${dateFormat.format(new Date(a.created))}${a.modified !== a.created ? ` · edited ${dateFormat.format(new Date(a.modified))}` : ''}
      </p>
      <div class="actions">
        <button
          type="button"
          ?disabled=${this.readonly}
          @click=${() => this.dispatchEvent(new CustomEvent<DetailsDeleteDetail>('claim-details-delete', { detail: { id: a.id }, bubbles: true }))}
        >
          Delete annotation <kbd>Del</kbd>
        </button>
        <button
          type="button"
          @click=${() => this.dispatchEvent(new CustomEvent('claim-details-done', { bubbles: true }))}
        >
          Back to text <kbd>Esc</kbd>
        </button>
      </div>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'claim-details': ClaimDetails;
  }
  interface HTMLElementEventMap {
    'claim-details-change': CustomEvent<DetailsChangeDetail>;
    'claim-details-delete': CustomEvent<DetailsDeleteDetail>;
    'claim-details-done': CustomEvent<void>;
  }
}
