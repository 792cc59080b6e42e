import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** How compact the toolbar is drawn: 0 every label, 1 tag buttons as swatch and key, 2 also short words as icons. */
const LEVELS = ['0', '1', '2'] as const;

/**
 * Keeps the toolbar to one row where it can: when its content or the
 * element's width changes, it draws the toolbar as fully as still fits one
 * row (`data-fit` 0, 1 or 2, see toolbar.styles.ts), the most compact when
 * nothing does (a narrow element, where it wraps). Labels it hides stay the
 * buttons' names and tooltips.
 */
export class ToolbarFitController implements ReactiveController {
  // Only a new width matters: the element grows taller with the text at every keystroke in edit mode.
  private readonly resize = new ResizeObserver(() => {
    if (this.host.clientWidth !== this.width) this.schedule();
  });
  private readonly mutations = new MutationObserver(() => this.schedule());
  private toolbar?: HTMLElement;
  private width = -1;
  private frame = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly find: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostConnected() {
    this.resize.observe(this.host);
  }

  hostUpdated() {
    const toolbar = this.find() ?? undefined;
    if (toolbar === this.toolbar) return;
    this.mutations.disconnect();
    this.toolbar = toolbar;
    if (!toolbar) return;
    this.mutations.observe(toolbar, {
      childList: true,
      subtree: true,
      characterData: true,
      attributeFilter: ['aria-pressed'],
    });
    this.fit();
  }

  hostDisconnected() {
    this.resize.disconnect();
    this.mutations.disconnect();
    cancelAnimationFrame(this.frame);
    this.toolbar = undefined;
    this.width = -1;
  }

  /** Once per frame, whatever changed in it. */
  private schedule() {
    cancelAnimationFrame(this.frame);
    this.frame = requestAnimationFrame(() => this.fit());
  }

  /** Measures now (synchronously): the fullest level that fits one row. */
  fit() {
    const toolbar = this.toolbar;
    if (!toolbar?.isConnected) return;
    this.width = this.host.clientWidth;
    const fits = LEVELS.find((level) => {
      toolbar.dataset.fit = level;
      return oneRow(toolbar);
    });
    toolbar.dataset.fit = fits ?? LEVELS[LEVELS.length - 1];
  }
}

/** True when every laid-out child of `toolbar` starts on its first row. */
function oneRow(toolbar: HTMLElement): boolean {
  const items = [...toolbar.children].filter(
    (child): child is HTMLElement => child instanceof HTMLElement && getComputedStyle(child).position !== 'absolute',
  );
  const first = items.find((item) => item.offsetHeight > 0);
  if (!first) return true;
  const rowEnd = first.offsetTop + first.offsetHeight;
  return items.every((item) => item.offsetHeight === 0 || item.offsetTop < rowEnd - 2);
}
