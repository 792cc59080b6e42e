import { html } from 'lit';
import type { Annotation, AnnotationPatch } from '../../model/annotation.js';
import type { Taxonomy } from '../../model/taxonomy.js';
import type { VerdictScale } from '../../model/verdict-scale.js';
import { removeAnnotationTransaction, updateAnnotationTransaction } from '../../editor/annotation-commands.js';
import '../claim-details/claim-details.js';
import type { EditorStateController } from './editor-state-controller.js';
import type { SourceOptionsController } from './source-options-controller.js';

/**
 * The selected annotation's `<claim-details>`, whose edits become
 * transactions; deleting or pressing Escape gives the keyboard back to the text.
 * Used in the sidebar and in the details popover.
 */
export function renderDetailsForm(
  editor: EditorStateController,
  taxonomy: Taxonomy,
  readonly: boolean,
  selected: Annotation | null,
  { verdictScale }: { verdictScale: VerdictScale },
  sources: SourceOptionsController,
) {
  return html`<claim-details
    ?hidden=${!selected}
    .annotation=${selected}
    .taxonomy=${taxonomy}
    .verdictScale=${verdictScale}
    ?readonly=${readonly}
    .sources=${selected ? sources.sources(editor.state) : []}
    .resolveSource=${sources.resolve}
    @focusin=${() => sources.loadAliases()}
    @claim-details-change=${(event: CustomEvent<{ id: string; patch: AnnotationPatch }>) =>
      editor.dispatch(updateAnnotationTransaction(editor.state, event.detail.id, event.detail.patch))}
    @claim-details-delete=${(event: CustomEvent<{ id: string }>) => {
      editor.dispatch(removeAnnotationTransaction(editor.state, event.detail.id));
      editor.view?.focus();
    }}
    @claim-details-done=${() => editor.view?.focus()}
  ></claim-details>`;
}
