import { html, nothing, type ReactiveControllerHost } from 'lit';
import type { StorageStatus } from './persistence-bridge.js';

/**
 * The toolbar's word on storage: "Saving…" / "Saved" (spoken and as tooltip:
 * "All changes saved in this browser"), or, while storage fails, an alert with
 * a retry (or save-again) button; and a notice about the saved copy (records
 * set aside, the copy written back) until it is dismissed. The alert and the
 * notice take the room left in the toolbar's row: their text is cut short on
 * screen (whole in the tooltip) and spoken whole; where the toolbar is
 * compact the alert shows only "Not saved" and its button, at its narrowest a
 * warning sign and the button.
 */
export class StorageStatusView {
  private status: StorageStatus = { state: 'idle' };
  private notice?: string;

  constructor(
    private readonly host: ReactiveControllerHost,
    /** Retries now (or saves a document deleted elsewhere again). */
    private readonly retry: () => void,
  ) {}

  show(status: StorageStatus) {
    this.status = status;
    this.host.requestUpdate();
  }

  /** Something about the saved copy the user should know (undefined: nothing, or no more). */
  showNotice(message: string | undefined) {
    if (message === this.notice) return;
    this.notice = message;
    this.host.requestUpdate();
  }

  /** Nothing while the editor has no `document-id`, but a notice. */
  render(saving: boolean) {
    return html`${saving ? this.renderStatus() : nothing} ${this.renderNotice()}`;
  }

  private renderStatus() {
    const status = this.status;
    if (status.state !== 'error') {
      const [short, full] = {
        idle: ['', ''],
        saving: ['Saving…', 'Saving…'],
        saved: ['Saved', 'All changes saved in this browser'],
      }[status.state];
      return html`<p class="save-status" data-state=${status.state} title=${full || nothing}>
        <span aria-hidden="true">${short}</span><span class="visually-hidden">${full}</span>
      </p>`;
    }
    const retry = status.retryInMs ? ` Retrying in ${Math.round(status.retryInMs / 1000) || 1} s.` : '';
    const label = status.kind === 'storage-deleted' ? 'Save it again' : 'Retry now';
    const message = `${status.message} Your work stays in this tab.${retry}`;
    return html`<div class="storage-error" role="alert" data-kind=${status.kind} title=${`Not saved: ${message}`}>
      <p><strong>Not saved</strong><span class="message">: ${message}</span></p>
      <button type="button" title=${label} data-fit-icon="↻" @click=${this.onRetry}>
        <span class="fit-word">${label}</span>
      </button>
    </div>`;
  }

  private renderNotice() {
    if (!this.notice) return nothing;
    return html`<div class="storage-notice" role="alert">
      <p title=${this.notice}>${this.notice}</p>
      <button type="button" title="Dismiss" data-fit-icon="✕" @click=${() => this.showNotice(undefined)}>
        <span class="fit-word">Dismiss</span>
      </button>
    </div>`;
  }

  private readonly onRetry = () => {
    this.retry();
    this.show({ state: 'saving' });
  };
}
