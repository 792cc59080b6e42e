import { html } from 'lit';
import type { Taxonomy } from '../../model/taxonomy.js';
import type { ExportFormat } from '../../formats/registry.js';
import type { TransferImportDetail } from '../claim-transfer/claim-transfer.component.js';
import '../claim-transfer/claim-transfer.js';
import type { ImportExportController } from './import-export-controller.js';

/**
 * Export and import (`<claim-transfer>`), at the top of the sidebar: used
 * now and then, so they leave the toolbar's one row to the tagging tools.
 */
export function renderTransfer(transfer: ImportExportController, taxonomy: Taxonomy, readonly: boolean) {
  return html`<claim-transfer
    .taxonomy=${taxonomy}
    .report=${transfer.report}
    .file=${transfer.file}
    .reviewGaps=${transfer.reviewGaps}
    ?readonly=${readonly}
    @claim-transfer-export=${(e: CustomEvent<{ format: ExportFormat }>) => transfer.download(e.detail.format)}
    @claim-transfer-import=${(e: CustomEvent<TransferImportDetail>) => void transfer.importFile(e.detail)}
  ></claim-transfer>`;
}
