import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Keeps the toolbar sticky only while it covers at most a sixth of the
 * viewport: on a phone, a toolbar that wrapped to several rows scrolls away
 * with the page instead of hiding the sentence being tagged. Sets
 * `data-unstuck` on the toolbar when it is too tall.
 */
export class ToolbarStickController implements ReactiveController {
  private readonly observer = new ResizeObserver(() => this.check());
  private toolbar?: HTMLElement;

  constructor(
    host: ReactiveControllerHost,
    private readonly find: () => HTMLElement | null | undefined,
  ) {
    host.addController(this);
  }

  hostUpdated() {
    const toolbar = this.find() ?? undefined;
    if (toolbar === this.toolbar) return;
    this.observer.disconnect();
    this.toolbar = toolbar;
    if (!toolbar) return;
    this.observer.observe(toolbar);
    window.addEventListener('resize', this.check);
  }

  hostDisconnected() {
    this.observer.disconnect();
    window.removeEventListener('resize', this.check);
    this.toolbar = undefined;
  }

  private check = () => {
    const toolbar = this.toolbar;
    if (!toolbar) return;
    toolbar.toggleAttribute('data-unstuck', toolbar.offsetHeight > window.innerHeight / 6);
  };
}
