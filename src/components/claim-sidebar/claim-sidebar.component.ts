import { html, LitElement, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { Annotation } from '../../model/annotation.js';
import { DEFAULT_TAXONOMY, findTag, type Taxonomy } from '../../model/taxonomy.js';
import { AdoptedSheetsController } from '../shared/adopted-sheets-controller.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { taxonomySheet } from '../shared/taxonomy-styles.js';
import { sidebarStyles } from './claim-sidebar.styles.js';

export interface SidebarSelectDetail {
  id: string;
}

/** Share of `length` characters covered by the union of the ranges. */
function coveredLength(annotations: readonly Annotation[]): number {
  const ranges = annotations.filter((a) => a.end > a.start).sort((a, b) => a.start - b.start);
  let covered = 0;
  let reach = -1;
  for (const { start, end } of ranges) {
    if (end <= reach) continue;
    covered += end - Math.max(start, reach);
    reach = end;
  }
  return covered;
}

function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/**
 * The list of annotations in reading order, a summary per tag (count and
 * share of the article's characters) and a filter by tag.
 *
 * @event claim-sidebar-select - The user chose an annotation; detail `{id}`.
 */
export class ClaimSidebar extends LitElement {
  static override styles = [sharedStyles, sidebarStyles];

  constructor() {
    super();
    new AdoptedSheetsController(this, () => [taxonomySheet(this.taxonomy)]);
  }

  @property({ attribute: false }) annotations: readonly Annotation[] = [];
  @property({ attribute: false }) taxonomy: Taxonomy = DEFAULT_TAXONOMY;
  @property({ attribute: false }) selectedId: string | null = null;
  /** Characters in the article, for the share of each tag. */
  @property({ type: Number, attribute: 'text-length' }) textLength = 0;

  /** The tag whose annotations are listed; null lists all. */
  @state() private filter: string | null = null;

  private select(id: string) {
    this.dispatchEvent(new CustomEvent<SidebarSelectDetail>('claim-sidebar-select', { detail: { id }, bubbles: true }));
  }

  private renderSummary() {
    const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });
    return html`<dl class="summary" aria-label="Summary by tag">
      ${this.taxonomy.map((tag) => {
        const tagged = this.annotations.filter((a) => a.tag === tag.id);
        const share = this.textLength ? coveredLength(tagged) / this.textLength : 0;
        return html`<dt><span class="swatch" data-tag=${tag.id}></span> ${tag.label}</dt>
          <dd>${tagged.length}</dd>
          <dd>${percent.format(share)}<span class="visually-hidden"> of the text</span></dd>`;
      })}
    </dl>`;
  }

  private renderFilters() {
    const option = (id: string | null, label: string, count: number) =>
      html`<button
        type="button"
        aria-pressed=${this.filter === id ? 'true' : 'false'}
        data-filter=${id ?? 'all'}
        @click=${() => (this.filter = id)}
      >
        ${label} (${count})
      </button>`;
    return html`<div class="filters" role="group" aria-label="Show annotations">
      ${option(null, 'All', this.annotations.length)}
      ${this.taxonomy.map((tag) => option(tag.id, tag.label, this.annotations.filter((a) => a.tag === tag.id).length))}
    </div>`;
  }

  override render() {
    const shown = this.filter ? this.annotations.filter((a) => a.tag === this.filter) : this.annotations;
    return html`
      <h2 id="heading">Annotations</h2>
      ${this.renderSummary()} ${this.renderFilters()}
      ${shown.length === 0
        ? html`<p class="empty">${this.annotations.length === 0 ? 'Nothing tagged yet. Click a sentence, then press a tag key.' : 'No annotations with this tag.'}</p>`
        : html`<ol aria-labelledby="heading">
            ${repeat(
              shown,
              (a) => a.id,
              (a) => html`<li>
                <button
                  type="button"
                  class="entry"
                  data-tag=${a.tag}
                  data-annotation-id=${a.id}
                  aria-current=${a.id === this.selectedId ? 'true' : 'false'}
                  @click=${() => this.select(a.id)}
                >
                  <span><span class="tag-chip" data-tag=${a.tag}>${findTag(this.taxonomy, a.tag)?.label ?? a.tag}</span>
                  ${a.status === 'anchored' ? nothing : html`<span class="status">${a.status === 'orphaned' ? 'Text gone' : 'Needs review'}</span>`}</span>
                  <span class="quote">“${excerpt(a.quote)}”</span>
                  ${a.source || a.note ? html`<span class="meta">${a.source ? `Source: ${a.source}` : ''}${a.source && a.note ? ' · ' : ''}${a.note ? excerpt(a.note, 80) : ''}</span>` : nothing}
                </button>
              </li>`,
            )}
          </ol>`}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'claim-sidebar': ClaimSidebar;
  }
  interface HTMLElementEventMap {
    'claim-sidebar-select': CustomEvent<SidebarSelectDetail>;
  }
}
