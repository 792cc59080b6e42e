import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { PresenceEntry } from '../../editor/presence-list.js';
import { EMPTY_ANNOTATION_LIST, type AnnotationList, type ListSummary } from '../../model/annotation-list.js';
import { DEFAULT_TAXONOMY, findTag, type Taxonomy } from '../../model/taxonomy.js';
import { AdoptedSheetsController } from '../shared/adopted-sheets-controller.js';
import { presenceStyles } from '../shared/presence.styles.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { taxonomySheet } from '../shared/taxonomy-styles.js';
import { sidebarStyles } from './claim-sidebar.styles.js';
import { presenceNews, renderPresence } from './presence-list.js';

export interface SidebarSelectDetail {
  id: string;
}

/** How far tagging has got: sentences in the article, sentences tagged, annotations still needing a source. */
export interface SidebarProgress {
  sentences: number;
  tagged: number;
  withoutSource: number;
}

export interface SidebarJumpDetail {
  /** `untagged`: the next sentence no annotation covers; `unsourced`: the next annotation without a source. */
  to: 'untagged' | 'unsourced';
}

function excerpt(text: string, max = 140): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const percent = new Intl.NumberFormat(undefined, { style: 'percent', maximumFractionDigits: 1 });

/** Rows drawn beyond each edge of the visible part of the list, so fast scrolling shows no gaps. */
const OVERSCAN_ROWS = 8;
/** How long the list must stay unchanged before the per-tag summary (a pass over every annotation) is recounted. */
const SUMMARY_DELAY_MS = 120;

/**
 * The list of annotations in reading order, a summary per tag (count and
 * share of the article's characters) and a filter by tag; above them, with
 * team sync, who else has the document open ("Also here: Ana (on ‘…’), Ben"),
 * their coming and going announced politely.
 *
 * The list draws only the rows in view (all rows have one height), so it
 * stays quick with tens of thousands of annotations; ↑/↓, Home and End move
 * between entries.
 *
 * @event claim-sidebar-select - The user chose an annotation; detail `{id}`.
 * @event claim-sidebar-jump - The user asked for the next untagged sentence or annotation without a source; detail
 *   `{to}`.
 *
 * @cssproperty --claim-presence-1-color - Colour of one of the others on the document (also `-2-` … `-6-`).
 */
export class ClaimSidebar extends LitElement {
  static override styles = [sharedStyles, presenceStyles, sidebarStyles];

  constructor() {
    super();
    new AdoptedSheetsController(this, () => [taxonomySheet(this.taxonomy)]);
  }

  /** The annotations, in reading order. */
  @property({ attribute: false }) list: AnnotationList = EMPTY_ANNOTATION_LIST;
  @property({ attribute: false }) taxonomy: Taxonomy = DEFAULT_TAXONOMY;
  @property({ attribute: false }) selectedId: string | null = null;
  /** Shown above the summary as "14 of 19 sentences tagged · 6 without a source", each part a button; none: hidden. */
  @property({ attribute: false }) progress: SidebarProgress | null = null;
  /** Others with the document open (team sync), by name, with the first words of their selections. */
  @property({ attribute: false }) presence: readonly PresenceEntry[] = [];

  /** The tag whose annotations are listed; null lists all. */
  @state() private filter: string | null = null;
  @state() private summary: ListSummary | null = null;
  /** Who came or left, for the polite live region (not every selection move). */
  @state() private presenceMessage = '';
  @state() private listScrollTop = 0;
  @state() private viewportHeight = 0;
  /** Every row's height, measured from the first one drawn; 0 until then, when rows are laid out one after another. */
  @state() private rowHeight = 0;

  @query('.list') private scroller?: HTMLElement;

  private summaryTimer = 0;
  private scrollFrame = 0;
  private readonly resizeObserver = new ResizeObserver(() => this.measure());

  private get shown(): AnnotationList {
    return this.filter ? this.list.withTag(this.filter) : this.list;
  }

  override connectedCallback() {
    super.connectedCallback();
    // Back after a move: watch the list's size again and recount what a pending timer would have.
    if (this.hasUpdated) {
      this.resizeObserver.observe(this.scroller!);
      this.scheduleSummary(0);
    }
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.summaryTimer);
    cancelAnimationFrame(this.scrollFrame);
    this.scrollFrame = 0;
    this.resizeObserver.disconnect();
  }

  protected override firstUpdated() {
    // Its first notification measures the list.
    this.resizeObserver.observe(this.scroller!);
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('presence')) {
      const news = presenceNews(changed.get('presence') ?? [], this.presence);
      if (news) this.presenceMessage = news;
    }
    if (changed.has('list')) this.scheduleSummary(this.summary ? SUMMARY_DELAY_MS : 0);
    // A selection made before the rows were measured is scrolled to once they are.
    if ((changed.has('selectedId') || changed.has('rowHeight' as keyof ClaimSidebar)) && this.selectedId) {
      this.scrollToEntry(this.shown.indexOf(this.selectedId));
    }
  }

  protected override updated() {
    // Rows drawn for the first time are measured once this update is over: state set within it would update twice.
    if (!this.rowHeight) void this.updateComplete.then(() => this.measure());
  }

  private scheduleSummary(delayMs: number) {
    clearTimeout(this.summaryTimer);
    this.summaryTimer = window.setTimeout(() => (this.summary = this.list.summary()), delayMs);
  }

  private measure() {
    const scroller = this.scroller;
    if (!scroller) return;
    const row = scroller.querySelector('li');
    if (row) this.rowHeight = row.getBoundingClientRect().height;
    this.viewportHeight = scroller.clientHeight;
  }

  /**
   * Scrolls the list just enough to show entry `index`. Worked out from the
   * scroll position and height the list already knows: reading them from the
   * DOM (or setting scrollTop now) would lay out the whole page in the middle
   * of a change. The rows are drawn at once; the list is scrolled to them at
   * the next frame, before it is painted.
   */
  private scrollToEntry(index: number) {
    const rowHeight = this.rowHeight;
    if (index < 0 || !rowHeight) return;
    const top = index * rowHeight;
    const current = this.listScrollTop;
    const target =
      top < current
        ? top
        : top + rowHeight > current + this.viewportHeight
          ? top + rowHeight - this.viewportHeight
          : current;
    if (target === current) return;
    this.listScrollTop = target;
    cancelAnimationFrame(this.scrollFrame);
    this.scrollFrame = requestAnimationFrame(() => {
      this.scrollFrame = 0;
      if (this.scroller) this.scroller.scrollTop = target;
    });
  }

  /**
   * Follows the user's scrolling. While a scroll of ours is pending, a scroll
   * event reports an older position (WebKit delivers End's scroll after Home
   * moved on): taking it would draw the wrong rows and drop the focused one.
   */
  private onListScroll = (event: Event) => {
    if (this.scrollFrame) return;
    this.listScrollTop = (event.target as HTMLElement).scrollTop;
  };

  private select(id: string) {
    this.dispatchEvent(new CustomEvent<SidebarSelectDetail>('claim-sidebar-select', { detail: { id }, bubbles: true }));
  }

  private async focusEntry(index: number) {
    const shown = this.shown;
    if (shown.length === 0) return;
    index = Math.max(0, Math.min(shown.length - 1, index));
    this.scrollToEntry(index);
    await this.updateComplete;
    // The list scrolls to it at the next frame (see scrollToEntry).
    this.renderRoot
      .querySelector<HTMLElement>(`.entry[data-annotation-id="${CSS.escape(shown.at(index).id)}"]`)
      ?.focus({ preventScroll: true });
  }

  private onListKeydown(event: KeyboardEvent) {
    const id = (event.target as HTMLElement).closest<HTMLElement>('.entry')?.dataset.annotationId;
    if (!id) return;
    const index = this.shown.indexOf(id);
    const page = Math.max(1, Math.floor(this.viewportHeight / (this.rowHeight || 1)) - 1);
    const target = {
      ArrowDown: index + 1,
      ArrowUp: index - 1,
      PageDown: index + page,
      PageUp: index - page,
      Home: 0,
      End: this.shown.length - 1,
    }[event.key];
    if (target === undefined) return;
    event.preventDefault();
    void this.focusEntry(target);
  }

  private jump(to: SidebarJumpDetail['to']) {
    this.dispatchEvent(new CustomEvent<SidebarJumpDetail>('claim-sidebar-jump', { detail: { to }, bubbles: true }));
  }

  private renderProgress() {
    const p = this.progress;
    if (!p) return nothing;
    return html`<p class="progress">
      <button
        type="button"
        class="jump-untagged"
        aria-keyshortcuts="U"
        title="Select the next untagged sentence (U)"
        ?disabled=${p.tagged >= p.sentences}
        @click=${() => this.jump('untagged')}
      >
        ${p.tagged} of ${p.sentences} sentences tagged
      </button>
      <span aria-hidden="true">·</span>
      <button
        type="button"
        class="jump-unsourced"
        aria-keyshortcuts="W"
        title="Select the next annotation without a source (W)"
        ?disabled=${p.withoutSource === 0}
        @click=${() => this.jump('unsourced')}
      >
        ${p.withoutSource} without a source
      </button>
    </p>`;
  }

  private renderSummary() {
    const summary = this.summary;
    return html`<dl class="summary" aria-label="Summary by tag" aria-busy=${summary ? 'false' : 'true'}>
      ${this.taxonomy.map((tag) => {
        const counts = summary?.tags.get(tag.id) ?? { count: 0, covered: 0 };
        const share = summary?.textLength ? counts.covered / summary.textLength : 0;
        return html`<dt><span class="swatch" data-tag=${tag.id}></span> ${tag.label}</dt>
          <dd>${summary ? counts.count : '…'}</dd>
          <dd>${summary ? percent.format(share) : '…'}<span class="visually-hidden"> of the text</span></dd>`;
      })}
    </dl>`;
  }

  private renderFilters() {
    const option = (id: string | null, label: string, count: number | undefined) =>
      html`<button
        type="button"
        aria-pressed=${this.filter === id ? 'true' : 'false'}
        data-filter=${id ?? 'all'}
        @click=${() => {
          this.filter = id;
          if (this.scroller) this.scroller.scrollTop = this.listScrollTop = 0;
        }}
      >
        ${label}${count === undefined ? '' : ` (${count})`}
      </button>`;
    return html`<div class="filters" role="group" aria-label="Show annotations">
      ${option(null, 'All', this.list.length)}
      ${this.taxonomy.map((tag) => option(tag.id, tag.label, this.summary ? (this.summary.tags.get(tag.id)?.count ?? 0) : undefined))}
    </div>`;
  }

  private renderRows(shown: AnnotationList) {
    const rowHeight = this.rowHeight;
    // Before the first measurement, a screenful of rows; after it, the rows in view. Positions are set
    // as the `style` property (the CSS object model), which a strict style-src policy allows; a
    // `style` attribute it would refuse.
    const first = rowHeight ? Math.max(0, Math.floor(this.listScrollTop / rowHeight) - OVERSCAN_ROWS) : 0;
    const last = rowHeight
      ? Math.min(shown.length, Math.ceil((this.listScrollTop + this.viewportHeight) / rowHeight) + OVERSCAN_ROWS)
      : Math.min(shown.length, 30);
    const indices = Array.from({ length: Math.max(0, last - first) }, (_, i) => first + i);
    return html`<ol
      aria-labelledby="heading"
      .style=${rowHeight ? `height: ${rowHeight * shown.length}px` : ''}
      @keydown=${this.onListKeydown}
    >
      ${repeat(
        indices,
        (index) => shown.at(index).id,
        (index) => {
          const a = shown.at(index);
          return html`<li
            .style=${rowHeight ? `position: absolute; top: ${index * rowHeight}px` : ''}
            aria-setsize=${shown.length}
            aria-posinset=${index + 1}
          >
            <button
              type="button"
              class="entry"
              data-tag=${a.tag}
              data-annotation-id=${a.id}
              aria-current=${a.id === this.selectedId ? 'true' : 'false'}
              @click=${() => this.select(a.id)}
            >
              <span
                ><span class="tag-chip" data-tag=${a.tag}>${findTag(this.taxonomy, a.tag)?.label ?? a.tag}</span>
                ${a.status === 'anchored' ? nothing : html`<span class="status">${a.status === 'orphaned' ? 'Text gone' : 'Needs review'}</span>`}</span
              >
              <span class="quote">${excerpt(a.quote)}</span>
              ${a.source || a.note ? html`<span class="meta">${a.source ? `Source: ${a.source}` : ''}${a.source && a.note ? ' · ' : ''}${a.note ? excerpt(a.note, 80) : ''}</span>` : nothing}
            </button>
          </li>`;
        },
      )}
    </ol>`;
  }

  override render() {
    const shown = this.shown;
    return html`
      ${renderPresence(this.presence)}
      <div class="visually-hidden" role="status" aria-live="polite">${this.presenceMessage}</div>
      <h2 id="heading">Annotations</h2>
      ${this.renderProgress()} ${this.renderSummary()} ${this.renderFilters()}
      <div class="list" @scroll=${this.onListScroll}>
        ${
          shown.length === 0
            ? html`<p class="empty">
                ${this.list.length === 0 ? 'Nothing tagged yet. Click a sentence, then press a tag key.' : 'No annotations with this tag.'}
              </p>`
            : this.renderRows(shown)
        }
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'claim-sidebar': ClaimSidebar;
  }
  interface HTMLElementEventMap {
    'claim-sidebar-select': CustomEvent<SidebarSelectDetail>;
    'claim-sidebar-jump': CustomEvent<SidebarJumpDetail>;
  }
}
