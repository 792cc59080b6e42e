import type { ReactiveController, ReactiveControllerHost } from 'lit';

type Host = ReactiveControllerHost & HTMLElement & { renderRoot: HTMLElement | DocumentFragment };

/**
 * Adds stylesheets that depend on the host's state (the taxonomy's colours
 * and labels, the selected annotation) after the component's static styles,
 * swapping them whenever `sheets()` returns different ones.
 */
export class AdoptedSheetsController implements ReactiveController {
  private staticSheets?: CSSStyleSheet[];
  private current: readonly CSSStyleSheet[] = [];

  constructor(
    private readonly host: Host,
    private readonly sheets: () => readonly CSSStyleSheet[],
  ) {
    host.addController(this);
  }

  hostUpdated() {
    const root = this.host.renderRoot;
    if (!(root instanceof ShadowRoot)) return;
    const next = this.sheets();
    if (next.length === this.current.length && next.every((s, i) => s === this.current[i])) return;
    this.staticSheets ??= [...root.adoptedStyleSheets];
    root.adoptedStyleSheets = [...this.staticSheets, ...next];
    this.current = next;
  }
}
