import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { foldSourceName } from '../../text/source-names.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { comboboxStyles } from './claim-source-combobox.styles.js';

/** At most this many offers are listed at once; typing narrows them. */
const MAX_OFFERS = 8;

/**
 * A text field for an annotation's source (who said it) that offers the
 * sources already used, most used first, as an ARIA 1.2 combobox: typing
 * filters the offers, ↓/↑ move through them (Alt+↓ opens the list), Enter
 * takes the highlighted one (or the typed text), Escape closes the list.
 * A typed outlet alias ("the KCNA") offers the outlet's one name ("KCNA")
 * first. Focusing it selects its text, so typing replaces it.
 *
 * @event change - The value was committed (Enter, or leaving a changed field); read `value`.
 */
export class ClaimSourceCombobox extends LitElement {
  static override styles = [sharedStyles, comboboxStyles];
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };

  /** The source as saved. */
  @property() value = '';
  /** Sources to offer, most used first. */
  @property({ attribute: false }) options: readonly string[] = [];
  /** Gives an outlet's one name for any of its spellings, or undefined. */
  @property({ attribute: false }) resolve: (text: string) => string | undefined = () => undefined;
  @property() label = 'Source (who said it)';
  @property() placeholder = '';
  @property({ type: Boolean }) readonly = false;

  @state() private typed: string | null = null;
  @state() private open = false;
  @state() private active = -1;

  @query('input') private input!: HTMLInputElement;

  override focus(options?: FocusOptions) {
    this.input.focus(options);
    this.input.select();
  }

  /** The offers for the text typed so far: an alias's outlet first, then used sources containing the text. */
  get offers(): string[] {
    const text = this.typed ?? '';
    const folded = foldSourceName(text);
    const resolved = text.trim() ? this.resolve(text) : undefined;
    const matching = this.options.filter((o) => !folded || foldSourceName(o).includes(folded));
    const list = resolved ? [resolved, ...matching.filter((o) => o !== resolved)] : matching;
    return list.slice(0, MAX_OFFERS);
  }

  private commit(value: string) {
    this.typed = null;
    this.open = false;
    this.active = -1;
    if (value.trim() === this.value.trim()) return;
    this.value = value;
    this.input.value = value;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private onInput() {
    this.typed = this.input.value;
    this.open = !this.readonly;
    this.active = -1;
  }

  private onKeydown(event: KeyboardEvent) {
    if (this.readonly) return;
    const offers = this.offers;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!this.open) {
        this.open = true;
        this.active = event.altKey || offers.length === 0 ? -1 : event.key === 'ArrowDown' ? 0 : offers.length - 1;
        return;
      }
      if (event.altKey) return;
      const step = event.key === 'ArrowDown' ? 1 : -1;
      this.active = offers.length === 0 ? -1 : (this.active + step + offers.length) % offers.length;
    } else if (event.key === 'Enter') {
      // Left to bubble: whoever holds the field goes back to the text.
      this.commit(this.open && this.active >= 0 ? offers[this.active] : this.input.value);
    } else if (event.key === 'Escape' && this.open && offers.length > 0) {
      event.preventDefault();
      event.stopPropagation();
      this.open = false;
      this.active = -1;
    }
  }

  private onBlur(event: FocusEvent) {
    if (this.renderRoot.contains(event.relatedTarget as Node | null)) return;
    this.open = false;
    if (this.typed !== null) this.commit(this.input.value);
  }

  override render() {
    const offers = this.open ? this.offers : [];
    const expanded = offers.length > 0;
    const activeId = expanded && this.active >= 0 ? `offer-${this.active}` : undefined;
    return html`<label for="input">${this.label}</label>
      <div class="field">
        <input
          id="input"
          type="text"
          role="combobox"
          aria-autocomplete="list"
          aria-expanded=${expanded ? 'true' : 'false'}
          aria-controls="offers"
          aria-activedescendant=${activeId ?? nothing}
          autocomplete="off"
          .value=${this.typed ?? this.value}
          placeholder=${this.placeholder || nothing}
          ?readonly=${this.readonly}
          @input=${this.onInput}
          @change=${() => this.commit(this.input.value)}
          @keydown=${this.onKeydown}
          @blur=${this.onBlur}
          @click=${() => (this.open = !this.readonly)}
        />
        <ul id="offers" role="listbox" aria-label="Sources used before" ?hidden=${!expanded}>
          ${offers.map(
            (offer, index) =>
              html`<li
                id="offer-${index}"
                role="option"
                aria-selected=${index === this.active ? 'true' : 'false'}
                @mousedown=${(e: Event) => e.preventDefault()}
                @click=${() => this.commit(offer)}
              >
                ${offer}
              </li>`,
          )}
        </ul>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'claim-source-combobox': ClaimSourceCombobox;
  }
}
