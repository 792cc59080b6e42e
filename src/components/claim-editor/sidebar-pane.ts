import { html, type TemplateResult } from 'lit';
import type { Taxonomy } from '../../model/taxonomy.js';
import { moveToUnsourced, moveToUntagged } from '../../editor/advance-commands.js';
import type { SentenceProgress } from '../../editor/sentence-progress.js';
import { selectAnnotationTransaction } from '../../editor/annotation-commands.js';
import { getAnnotationState } from '../../editor/annotation-plugin.js';
import { annotationList } from '../../editor/state-annotation-list.js';
import { presenceEntries } from '../../editor/presence-list.js';
import '../claim-sidebar/claim-sidebar.js';
import type { SidebarJumpDetail } from '../claim-sidebar/claim-sidebar.component.js';
import type { EditorStateController } from './editor-state-controller.js';
import type { ImportExportController } from './import-export-controller.js';
import { renderTransfer } from './transfer-controls.js';

/**
 * The editor's sidebar (`part="sidebar"`): export and import, the selected
 * annotation's `details` (see details-form.ts), and the list of annotations,
 * where choosing one selects its text and gives the keyboard back to it; the
 * list shows the tagging progress and jumps to what is left to do, and who
 * else has the document open (team sync).
 */
export function renderSidebarPane(
  editor: EditorStateController,
  taxonomy: Taxonomy,
  details: TemplateResult,
  transfer: ImportExportController,
  readonly: boolean,
  progress: SentenceProgress | null,
) {
  const state = editor.state;
  return html`<div part="sidebar" class="sidebar">
    ${renderTransfer(transfer, taxonomy, readonly)} ${details}
    <claim-sidebar
      .list=${annotationList(state)}
      .taxonomy=${taxonomy}
      .selectedId=${getAnnotationState(state).selectedId}
      @claim-sidebar-select=${(event: CustomEvent<{ id: string }>) => {
        editor.dispatch(selectAnnotationTransaction(editor.state, event.detail.id));
        editor.view?.focus();
      }}
      .progress=${progress}
      .presence=${presenceEntries(state)}
      @claim-sidebar-jump=${(e: CustomEvent<SidebarJumpDetail>) =>
        editor.run(e.detail.to === 'untagged' ? moveToUntagged(1) : moveToUnsourced(1))}
    ></claim-sidebar>
  </div>`;
}
