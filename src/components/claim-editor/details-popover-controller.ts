import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { ClaimDetails } from '../claim-details/claim-details.component.js';

/** Under this container width the details are a bottom sheet, not a popover (44rem at the default 16px font). */
const NARROW_REM = 44;
/** The gap between the annotation and the popover, in px. */
const GAP = 8;

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The selected annotation's details beside its text: `open()` (Enter on an
 * annotation) shows them in a popover anchored below the annotation's marks,
 * or above when there is no room below, never over them; on an element
 * narrower than 44rem they are a bottom sheet, and the page scrolls so the
 * annotation stays above it. Focus moves into the source field on opening;
 * `close()` (Escape) hides it and gives the keyboard back to the text.
 */
export class DetailsPopoverController implements ReactiveController {
  /** True while the details are shown. */
  isOpen = false;
  /** True when the host is narrower than 44rem: a bottom sheet. */
  narrow = false;
  private readonly observer = new ResizeObserver(() => this.measure());

  constructor(
    private readonly host: Host,
    private readonly focusText: () => void,
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.observer.observe(this.host);
    window.addEventListener('scroll', this.place, { capture: true, passive: true });
    window.addEventListener('resize', this.place);
  }

  hostDisconnected() {
    this.observer.disconnect();
    window.removeEventListener('scroll', this.place, { capture: true });
    window.removeEventListener('resize', this.place);
  }

  hostUpdated() {
    this.host.toggleAttribute('data-details-open', this.isOpen);
    if (this.isOpen) this.place();
  }

  /** Opens the details of the selected annotation and focuses its source field (text selected). */
  async open() {
    this.isOpen = true;
    this.host.requestUpdate();
    await this.host.updateComplete;
    const details = this.details();
    if (!details) return;
    await details.updateComplete;
    this.place();
    this.revealAboveSheet();
    details.focusSource();
  }

  /** Closes the details and returns the keyboard to the text at the annotation. */
  close() {
    if (!this.isOpen) return;
    this.isOpen = false;
    this.host.requestUpdate();
    this.focusText();
  }

  private details() {
    return this.host.shadowRoot?.querySelector<ClaimDetails>('.details-popover claim-details') ?? null;
  }

  private popover() {
    return this.host.shadowRoot?.querySelector<HTMLElement>('.details-popover') ?? null;
  }

  /** The rectangle around the selected annotation's marks, in viewport coordinates. */
  anchorRect(): DOMRect | null {
    const marks = [...(this.host.shadowRoot?.querySelectorAll<HTMLElement>('mark.claim-selected') ?? [])];
    if (marks.length === 0) return null;
    const rects = marks.flatMap((mark) => [...mark.getClientRects()]);
    if (rects.length === 0) return null;
    const left = Math.min(...rects.map((r) => r.left));
    const top = Math.min(...rects.map((r) => r.top));
    const right = Math.max(...rects.map((r) => r.right));
    const bottom = Math.max(...rects.map((r) => r.bottom));
    return new DOMRect(left, top, right - left, bottom - top);
  }

  private measure() {
    const rem = parseFloat(getComputedStyle(this.host).fontSize) || 16;
    const narrow = this.host.clientWidth < NARROW_REM * rem;
    if (narrow !== this.narrow) {
      this.narrow = narrow;
      this.host.requestUpdate();
    } else this.place();
  }

  /** Puts the popover below the annotation, or above it when it does not fit below (the side with more room). */
  private place = () => {
    const popover = this.popover();
    if (!this.isOpen || !popover || this.narrow) return;
    const anchor = this.anchorRect();
    if (!anchor) return;
    const width = popover.offsetWidth;
    const below = window.innerHeight - anchor.bottom - 2 * GAP;
    const above = anchor.top - 2 * GAP;
    popover.style.maxHeight = '';
    const natural = popover.offsetHeight;
    const onBelow = below >= natural || below >= above;
    // Where neither side holds it whole, it takes the larger side and scrolls inside, still off the text.
    const height = Math.min(natural, Math.max(onBelow ? below : above, 0));
    popover.style.maxHeight = `${Math.floor(height)}px`;
    const top = onBelow ? anchor.bottom + GAP : anchor.top - GAP - height;
    const left = Math.max(GAP, Math.min(anchor.left, window.innerWidth - width - GAP));
    popover.style.top = `${Math.round(top)}px`;
    popover.style.left = `${Math.round(left)}px`;
    popover.dataset.side = top > anchor.top ? 'below' : 'above';
  };

  /** On a bottom sheet, scrolls the page so the annotation sits above the sheet. */
  private revealAboveSheet() {
    const sheet = this.popover();
    const anchor = this.anchorRect();
    if (!this.narrow || !sheet || !anchor) return;
    const sheetTop = window.innerHeight - sheet.offsetHeight;
    if (anchor.bottom + GAP > sheetTop || anchor.top < 0) window.scrollBy(0, anchor.bottom + GAP - sheetTop);
  }

  /** The popover (or sheet) around `details`, or nothing while closed. */
  render(details: TemplateResult, hasSelection: boolean) {
    // Deleting the annotation or leaving it closes the details; the next Enter opens them again.
    if (!hasSelection) this.isOpen = false;
    if (!this.isOpen) return nothing;
    return html`<div
      class="details-popover ${this.narrow ? 'sheet' : 'popover'}"
      role="dialog"
      aria-label="Annotation details"
      @claim-details-done=${(event: Event) => {
        event.stopPropagation();
        this.close();
      }}
    >
      ${details}
    </div>`;
  }
}
