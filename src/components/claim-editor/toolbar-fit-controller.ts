import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * How compact the toolbar is drawn: 0 every label, 1 tag buttons as swatch
 * and key, 2 also short words as icons, 3 (narrow elements) no keys on the
 * buttons, tighter padding and the storage alert down to its first words.
 */
const LEVELS = ['0', '1', '2', '3'] as const;

/**
 * Last resorts, tried in turn where not even level 3 fits two rows (a phone,
 * with an alert, a sync status and a suggestion at the selection): 4 tighter
 * buttons, 5 also the sync status as an icon, 6 also the storage alert as a
 * warning sign beside its retry. Never chosen to save a row that words could
 * still fill: two rows with the statuses' words beat one row of icons.
 */
const NARROW_LEVELS = ['4', '5', '6'] as const;

/**
 * Keeps the toolbar to one row where it can, two where it cannot: when its
 * content or the element's width changes, it draws the toolbar as fully as
 * still fits one row (`data-fit` 0 to 3, see toolbar.styles.ts), else as fully
 * as fits two, else at the first narrow level (4 to 6) that fits two, else at
 * the narrowest. Labels it hides stay the buttons' names and tooltips.
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

  /** Measures now (synchronously): the fullest level that fits one row, else two (narrow levels last). */
  fit() {
    const toolbar = this.toolbar;
    if (!toolbar?.isConnected) return;
    this.width = this.host.clientWidth;
    let twoRows: string | undefined;
    for (const level of LEVELS) {
      drawAt(toolbar, level);
      const rows = toolbarRows(toolbar);
      if (rows === 1) return;
      if (rows === 2) twoRows ??= level;
    }
    if (twoRows) {
      drawAt(toolbar, twoRows);
      return;
    }
    for (const level of NARROW_LEVELS) {
      drawAt(toolbar, level);
      if (toolbarRows(toolbar) <= 2) return;
    }
  }
}

/**
 * Sets `data-fit` to `level` and `data-fit-steps` to every level from 1 up to
 * it, so a style for "this level and the more compact ones" is one
 * `[data-fit-steps~='N']` selector.
 */
function drawAt(toolbar: HTMLElement, level: string) {
  toolbar.dataset.fit = level;
  toolbar.dataset.fitSteps = [...LEVELS, ...NARROW_LEVELS].filter((step) => step !== '0' && step <= level).join(' ');
}

/** How many rows the laid-out children of `toolbar` take (a child that starts below the row so far opens one). */
export function toolbarRows(toolbar: HTMLElement): number {
  let rows = 0;
  let rowEnd = -Infinity;
  for (const child of toolbar.children) {
    if (!(child instanceof HTMLElement) || child.offsetHeight === 0) continue;
    if (getComputedStyle(child).position === 'absolute') continue;
    const end = child.offsetTop + child.offsetHeight;
    if (child.offsetTop >= rowEnd - 2) {
      rows += 1;
      rowEnd = end;
    } else {
      rowEnd = Math.max(rowEnd, end);
    }
  }
  return rows;
}
