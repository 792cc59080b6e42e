import { html, type ReactiveControllerHost } from 'lit';

/** The editor's `aria-live` region: every action is spoken through it. */
export class Announcer {
  private message = '';

  constructor(private readonly host: ReactiveControllerHost) {}

  announce(message: string) {
    // A repeated message is changed invisibly so screen readers speak it again.
    this.message = message === this.message ? `${message}\u00a0` : message;
    this.host.requestUpdate();
  }

  render() {
    // Set as text, so the markup's line breaks never become part of what is spoken.
    return html`<div
      class="announcer visually-hidden"
      role="status"
      aria-live="polite"
      aria-atomic="true"
      .textContent=${this.message}
    ></div>`;
  }
}
