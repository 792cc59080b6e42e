import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { AdoptedSheetsController } from '../shared/adopted-sheets-controller.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { markStyles } from '../shared/mark.styles.js';
import { taxonomySheet } from '../shared/taxonomy-styles.js';
import { copyArticle, safeUrl } from './article-copy.js';
import { claimArticleStyles } from './claim-article.styles.js';
import { drawArticle, tagOf, type DrawnArticle } from './drawn-article.js';
import { placeExactly } from './place-annotations.js';
import { readReaderData, type ReaderAnnotation, type ReaderData } from './reader-data.js';
import { renderDetails, renderLegend, renderOrphans, renderPrintNotes } from './reader-sections.js';

/** What a `claim-article-load` event tells: how many annotations were drawn, which were not, and why not. */
export interface ClaimArticleLoadDetail {
  drawn: number;
  /** Ids of annotations whose text is not in this article: listed below it, not drawn. */
  orphaned: string[];
  /** Why no highlights are shown, when none are (the file was refused or could not be fetched). */
  errors: string[];
}

const DATA_SCRIPT = ':scope > script[type="application/json"]';

/**
 * `<claim-article>`: an article with its fact-check annotations, for
 * readers. The article is the element's light-DOM HTML, so it reads without
 * JavaScript; the annotations come from a native `json` export, given as the
 * `annotations` property, a `src` URL, or a child
 * `<script type="application/json">` (first match wins). Each annotation is
 * drawn as `<mark data-tag data-annotation-id>` with a visible label; marks
 * take focus in reading order and open a popover with the tag, source, note,
 * verdict and a link to the published fact-check on click or Enter. A file
 * that cannot be read leaves the article as it is, with a note saying why.
 *
 * @event claim-article-load - The annotations were drawn, or refused; detail `{drawn, orphaned, errors}`.
 * @csspart legend - The list of tags above the article.
 * @csspart article - The article with its highlights.
 * @csspart orphans - Annotations whose text is not in this article.
 * @csspart popover - An annotation's details.
 * @csspart notice - Why no highlights are shown.
 * @cssprop --claim-tag-<id>-color - The colour of a tag's highlights and labels.
 */
export class ClaimArticle extends LitElement {
  static override styles = [sharedStyles, markStyles, claimArticleStyles];

  // Declared without decorators: the module is split (see scripts/build.mjs), and decorators' helper would become a
  // chunk of its own that every page loads.
  static override properties = {
    annotations: { attribute: false },
    src: {},
    reviewUrl: { attribute: 'review-url' },
    data: { state: true },
    errors: { state: true },
    openId: { state: true },
    articleVersion: { state: true },
  };

  /** A native `json` export (its text or the parsed object), or a list of annotations; wins over `src`. */
  annotations?: unknown;
  /** URL of a native `json` export to fetch. */
  src?: string;
  /** The page where the fact-check is published; overrides the file's. Links go to `#claim-<id>` on it. */
  reviewUrl?: string;

  private data?: ReaderData;
  private errors: string[] = [];
  private openId?: string;
  /** Bumped when the light-DOM article changes, to draw it again. */
  private articleVersion = 0;

  private get detailsPopover(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.popover');
  }

  private drawnArticle?: DrawnArticle;
  private fetching?: AbortController;
  private readonly observer = new MutationObserver(() => this.articleVersion++);

  constructor() {
    super();
    new AdoptedSheetsController(this, () => (this.data ? [taxonomySheet(this.data.taxonomy)] : []));
  }

  override connectedCallback() {
    super.connectedCallback();
    this.observer.observe(this, { childList: true, subtree: true, characterData: true });
    document.addEventListener('pointerdown', this.onDocumentPointerdown);
    window.addEventListener('resize', this.onResize);
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.observer.disconnect();
    this.fetching?.abort();
    document.removeEventListener('pointerdown', this.onDocumentPointerdown);
    window.removeEventListener('resize', this.onResize);
  }

  /** A press anywhere else on the page closes the popover. */
  private readonly onDocumentPointerdown = (event: PointerEvent) => {
    if (this.openId !== undefined && !event.composedPath().includes(this)) this.close(false);
  };

  private readonly onResize = () => this.positionPopover();

  protected override willUpdate(changed: PropertyValues) {
    if (!this.hasUpdated || changed.has('annotations') || changed.has('src') || changed.has('articleVersion'))
      this.loadData(changed);
    if (changed.has('data') || changed.has('articleVersion') || changed.has('reviewUrl') || !this.hasUpdated)
      this.draw();
  }

  /** Takes the annotations from the first source there is. */
  private loadData(changed: PropertyValues) {
    if (this.annotations !== undefined) {
      this.fetching?.abort();
      this.accept(readReaderData(this.annotations));
    } else if (this.src) {
      if (changed.has('src') || !this.hasUpdated || !this.data) void this.fetchData(this.src);
    } else {
      const script = this.querySelector(DATA_SCRIPT);
      if (script) this.accept(readReaderData(script.textContent ?? ''));
      else this.accept(undefined);
    }
  }

  private async fetchData(src: string) {
    this.fetching?.abort();
    const controller = new AbortController();
    this.fetching = controller;
    let result: ReturnType<typeof readReaderData>;
    try {
      const response = await fetch(new URL(src, document.baseURI), {
        credentials: 'same-origin',
        headers: { Accept: 'application/json' },
        signal: controller.signal,
      });
      result = response.ok
        ? readReaderData(await response.text())
        : { ok: false, errors: [`${src} could not be loaded (HTTP ${response.status}).`] };
    } catch (error) {
      if (controller.signal.aborted) return;
      result = { ok: false, errors: [`${src} could not be loaded: ${(error as Error).message}`] };
    }
    if (controller.signal.aborted) return;
    this.accept(result);
  }

  private accept(result: ReturnType<typeof readReaderData> | undefined) {
    this.openId = undefined;
    if (!result) {
      this.data = undefined;
      this.errors = [];
    } else if (result.ok) {
      this.data = result.value;
      this.errors = [];
      for (const warning of result.value.warnings) console.warn(`claim-article: ${warning}`);
    } else {
      this.data = undefined;
      this.errors = result.errors;
      console.warn(`claim-article: the annotations were refused, so none are shown.\n${result.errors.join('\n')}`);
    }
    if (result) this.drawPending = true;
  }

  /** Set when new data arrived: a `claim-article-load` event follows the next drawing. */
  private drawPending = false;
  /** Counts drawings, so a re-anchoring that finishes after a newer drawing began is dropped. */
  private drawing = 0;
  /** Whether the drawing waits for the anchoring code. */
  private reanchoring = false;

  /**
   * Draws the light-DOM article again, with the annotations' marks: at once
   * when they are all where their offsets say, else once the anchoring code
   * has loaded and re-found them.
   */
  private draw() {
    const data = this.data;
    const drawing = ++this.drawing;
    this.reanchoring = false;
    if (!data) {
      this.drawnArticle = undefined;
      return;
    }
    const copy = copyArticle(this, document);
    const exact = placeExactly(copy.text, data.annotations);
    if (exact) {
      this.drawnArticle = drawArticle(copy, exact, data);
      return;
    }
    this.reanchoring = true;
    void import('./reanchor.js').then(({ reanchorAnnotations }) => {
      if (drawing !== this.drawing) return;
      this.drawnArticle = drawArticle(copy, reanchorAnnotations(copy.text, data.annotations), data);
      this.reanchoring = false;
      this.requestUpdate();
    });
  }

  protected override updated() {
    if (this.drawPending && !this.reanchoring) {
      this.drawPending = false;
      this.dispatchEvent(
        new CustomEvent<ClaimArticleLoadDetail>('claim-article-load', {
          detail: {
            drawn: this.drawnArticle?.drawn.size ?? 0,
            orphaned: this.drawnArticle?.orphaned.map((a) => a.id) ?? [],
            errors: this.errors,
          },
          bubbles: true,
          composed: true,
        }),
      );
    }
    this.positionPopover();
  }

  private readonly linkOf = (annotation: ReaderAnnotation) => this.reviewLink(annotation);

  /** The link to this annotation's ClaimReview: the review page with `#claim-<id>`. */
  private reviewLink(annotation: ReaderAnnotation): string | undefined {
    const page = safeUrl(this.reviewUrl, false) ?? this.data?.reviewUrl;
    if (!page) return undefined;
    return `${page.replace(/#.*$/, '')}#claim-${encodeURIComponent(annotation.id)}`;
  }

  /** The annotation a click or key on `event` is about: the innermost mark or label under it. */
  private annotationAt(event: Event): string | undefined {
    for (const target of event.composedPath()) {
      if (target === this.drawnArticle?.element) return undefined;
      if (target instanceof HTMLElement && target.dataset.annotationId !== undefined)
        return target.dataset.annotationId;
    }
    return undefined;
  }

  private open(id: string) {
    this.openId = id;
    void this.updateComplete.then(() => this.detailsPopover?.focus());
  }

  private close(returnFocus: boolean) {
    const id = this.openId;
    if (id === undefined) return;
    this.openId = undefined;
    if (returnFocus) this.drawnArticle?.drawn.get(id)?.mark.focus();
  }

  private onArticleClick(event: MouseEvent) {
    const id = this.annotationAt(event);
    if (id !== undefined) this.open(id);
    else this.close(false);
  }

  private onArticleKeydown(event: KeyboardEvent) {
    if (event.key === 'Escape' && this.openId !== undefined) {
      event.preventDefault();
      this.close(true);
      return;
    }
    if (event.key !== 'Enter' && event.key !== ' ') return;
    const target = event.target;
    if (!(target instanceof HTMLElement) || target.localName !== 'mark' || target.tabIndex !== 0) return;
    event.preventDefault();
    this.open(target.dataset.annotationId!);
  }

  private onPopoverKeydown(event: KeyboardEvent) {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.close(true);
  }

  private onPopoverFocusout(event: FocusEvent) {
    const next = event.relatedTarget;
    if (next instanceof Node && (this.detailsPopover?.contains(next) || next === this)) return;
    // Focus went back into the article or out of the element: the popover is done.
    if (next !== null) this.close(false);
  }

  /** Places the popover under the first mark of its annotation (CSSOM, which a strict CSP allows). */
  private positionPopover() {
    const popover = this.detailsPopover;
    const mark = this.openId !== undefined ? this.drawnArticle?.drawn.get(this.openId)?.mark : undefined;
    if (!popover || !mark) return;
    const host = this.getBoundingClientRect();
    const anchor = mark.getBoundingClientRect();
    const width = popover.offsetWidth;
    const left = Math.max(0, Math.min(anchor.left - host.left, host.width - width));
    popover.style.setProperty('top', `${anchor.bottom - host.top + 6}px`);
    popover.style.setProperty('left', `${left}px`);
  }

  private renderPopover(drawn: DrawnArticle) {
    const annotation = this.openId !== undefined ? drawn.byId.get(this.openId) : undefined;
    if (!annotation) return nothing;
    const tag = tagOf(this.data!.taxonomy, annotation);
    return html`<div
      class="popover"
      part="popover"
      role="dialog"
      aria-labelledby="popover-title"
      tabindex="-1"
      @keydown=${this.onPopoverKeydown}
      @focusout=${this.onPopoverFocusout}
    >
      <p class="popover-title" id="popover-title">
        <span class="tag-chip" data-tag=${tag.id}>${tag.label}</span>
      </p>
      ${annotation.quote ? html`<p class="quote">${annotation.quote}</p>` : nothing}
      ${renderDetails(annotation, this.reviewLink(annotation))}
      ${
        !annotation.source && !annotation.verdict && !annotation.note
          ? html`<p class="empty">No source, note or verdict recorded.</p>`
          : nothing
      }
      <button type="button" class="close" @click=${() => this.close(true)}>Close</button>
    </div>`;
  }

  override render() {
    const notice =
      this.errors.length > 0
        ? html`<p class="notice" part="notice" role="status">
            The fact-check highlights could not be shown: ${this.errors[0]}
            ${this.errors.length > 1 ? `(and ${this.errors.length - 1} more problems)` : ''}
          </p>`
        : nothing;
    const drawn = this.drawnArticle;
    if (!drawn) return html`${notice}<slot></slot>`;
    return html`
      ${notice}${renderLegend(drawn, this.data!.taxonomy)}
      <div class="article-frame" @click=${this.onArticleClick} @keydown=${this.onArticleKeydown}>${drawn.element}</div>
      ${renderOrphans(drawn.orphaned, this.data!.taxonomy, this.linkOf)}
      ${renderPrintNotes(drawn, this.data!.taxonomy, this.linkOf)} ${this.renderPopover(drawn)}
      <span id="claim-hint" hidden>Fact-check highlight. Press Enter for its details.</span>
    `;
  }
}
