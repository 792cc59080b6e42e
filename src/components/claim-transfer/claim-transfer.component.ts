import { html, LitElement, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { ImportReport } from '../../editor/import-annotations.js';
import type { ClaimReviewGap } from '../../formats/claimreview.js';
import { exportFormats, importAccept, type ExportFormat } from '../../formats/registry.js';
import { DEFAULT_TAXONOMY, type Taxonomy } from '../../model/taxonomy.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { transferStyles } from './claim-transfer.styles.js';

export interface TransferExportDetail {
  format: ExportFormat;
}

export interface TransferImportDetail {
  file: File;
  /** Unknown tag → existing tag id. */
  tagMap?: Record<string, string>;
  /** Unknown tags to add to the taxonomy. */
  addTags?: string[];
}

/**
 * The export menu and the import button, with the report of the last import.
 * When an import names tags the taxonomy lacks, it asks, per tag, to map it
 * to an existing tag or add it, and imports again with those choices.
 * Before a ClaimReview download it lists the annotations with a verdict
 * that will be left out and what each lacks, and downloads only if asked to.
 *
 * @event claim-transfer-export - The user chose an export format; detail `{format}`.
 * @event claim-transfer-import - The user chose a file (again, with tag choices); detail `{file, tagMap?, addTags?}`.
 */
export class ClaimTransfer extends LitElement {
  static override styles = [sharedStyles, transferStyles];

  @property({ attribute: false }) taxonomy: Taxonomy = DEFAULT_TAXONOMY;
  @property({ type: Boolean }) readonly = false;
  /** The last import's report, shown until dismissed. */
  @property({ attribute: false }) report: ImportReport | null = null;
  /** The file the report is about, kept to import again with the user's tag choices. */
  @property({ attribute: false }) file: File | null = null;

  /** What the ClaimReview export would leave out (asked when that format is chosen). */
  @property({ attribute: false }) reviewGaps?: () => ClaimReviewGap[];

  @state() private menuOpen = false;
  /** The gaps shown before a ClaimReview download, until the user goes on or cancels. */
  @state() private shownGaps: ClaimReviewGap[] = [];
  @query('input[type="file"]') private picker!: HTMLInputElement;

  /** Opens the file picker, as the Import button does. */
  pickFile() {
    this.picker.click();
  }

  private exportAs(format: ExportFormat) {
    this.menuOpen = false;
    if (format === 'claimreview') {
      this.shownGaps = this.reviewGaps?.() ?? [];
      if (this.shownGaps.length > 0) return;
    }
    this.download(format);
  }

  private download(format: ExportFormat) {
    this.shownGaps = [];
    this.dispatchEvent(
      new CustomEvent<TransferExportDetail>('claim-transfer-export', { detail: { format }, bubbles: true }),
    );
  }

  private importFile(detail: TransferImportDetail) {
    this.dispatchEvent(new CustomEvent<TransferImportDetail>('claim-transfer-import', { detail, bubbles: true }));
  }

  private onPicked() {
    const file = this.picker.files?.[0];
    this.picker.value = '';
    if (file) this.importFile({ file });
  }

  private onResolveTags(event: SubmitEvent) {
    event.preventDefault();
    if (!this.file) return;
    const data = new FormData(event.target as HTMLFormElement);
    const tagMap: Record<string, string> = {};
    const addTags: string[] = [];
    for (const written of this.report?.unknownTags ?? []) {
      const choice = String(data.get(`tag:${written}`) ?? '');
      if (choice) tagMap[written] = choice;
      else addTags.push(written);
    }
    this.importFile({ file: this.file, tagMap, addTags });
  }

  private dismiss() {
    this.report = null;
    this.file = null;
  }

  private renderReport(report: ImportReport) {
    if (report.unknownTags?.length) {
      return html`<div class="report" role="alert">
        <p>
          The file uses tag${report.unknownTags.length === 1 ? '' : 's'} this editor does not have. Choose what each
          becomes:
        </p>
        <form @submit=${this.onResolveTags}>
          ${report.unknownTags.map(
            (written) =>
              html`<label
                >“${written}” becomes
                <select name=${`tag:${written}`}>
                  <option value="">a new tag “${written}”</option>
                  ${this.taxonomy.map((tag) => html`<option value=${tag.id}>${tag.label}</option>`)}
                </select></label
              >`,
          )}
          <div class="actions">
            <button type="submit">Import with these tags</button>
            <button type="button" @click=${this.dismiss}>Cancel import</button>
          </div>
        </form>
      </div>`;
    }
    const rejected = report.errors.length > 0;
    return html`<div class="report ${rejected ? 'rejected' : ''}" role=${rejected ? 'alert' : 'status'}>
      ${
        rejected
          ? html`<p><strong>Import rejected; nothing was changed.</strong></p>
              <ul>
                ${report.errors.slice(0, 8).map((error) => html`<li>${error}</li>`)}
                ${report.errors.length > 8 ? html`<li>…and ${report.errors.length - 8} more</li>` : nothing}
              </ul>`
          : html`<p>
              <strong>Imported:</strong> ${report.added} added, ${report.updated} updated, ${report.reanchored}
              re-anchored (check them), ${report.orphaned} orphaned (their text was not found), ${report.errors.length}
              errors.
            </p>`
      }
      <div class="actions"><button type="button" @click=${this.dismiss}>Dismiss</button></div>
    </div>`;
  }

  private renderGaps(gaps: ClaimReviewGap[]) {
    const shown = gaps.slice(0, 12);
    return html`<div class="report rejected gaps" role="alert">
      <p>
        <strong
          >${gaps.length} annotation${gaps.length === 1 ? '' : 's'} with a verdict will be left out of the ClaimReview
          export:</strong
        >
      </p>
      <ul>
        ${shown.map((gap) => html`<li data-annotation-id=${gap.annotationId}>${gap.message}</li>`)}
        ${gaps.length > shown.length ? html`<li>…and ${gaps.length - shown.length} more</li>` : nothing}
      </ul>
      <div class="actions">
        <button type="button" @click=${() => this.download('claimreview')}>Export the complete reviews only</button>
        <button type="button" @click=${() => (this.shownGaps = [])}>Cancel</button>
      </div>
    </div>`;
  }

  override render() {
    return html`
      <details
        class="menu"
        .open=${this.menuOpen}
        @toggle=${(e: Event) => (this.menuOpen = (e.target as HTMLDetailsElement).open)}
      >
        <summary>Export</summary>
        <ul aria-label="Export formats">
          ${(Object.keys(exportFormats) as ExportFormat[]).map(
            (format) =>
              html`<li>
                <button type="button" data-format=${format} @click=${() => this.exportAs(format)}>
                  ${exportFormats[format].label}
                </button>
              </li>`,
          )}
        </ul>
      </details>
      <button type="button" ?disabled=${this.readonly} @click=${this.pickFile}>Import…</button>
      <input type="file" accept=${importAccept} aria-label="Import annotations file" @change=${this.onPicked} />
      ${this.shownGaps.length > 0 ? this.renderGaps(this.shownGaps) : nothing}
      ${this.report ? this.renderReport(this.report) : nothing}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'claim-transfer': ClaimTransfer;
  }
  interface HTMLElementEventMap {
    'claim-transfer-export': CustomEvent<TransferExportDetail>;
    'claim-transfer-import': CustomEvent<TransferImportDetail>;
  }
}
