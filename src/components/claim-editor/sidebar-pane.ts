import { html } from 'lit';
import type { Annotation, AnnotationPatch } from '../../model/annotation.js';
import type { Taxonomy } from '../../model/taxonomy.js';
import {
  removeAnnotationTransaction,
  selectAnnotationTransaction,
  updateAnnotationTransaction,
} from '../../editor/commands.js';
import { getAnnotationState } from '../../editor/annotation-plugin.js';
import { annotationList } from '../../editor/state-annotation-list.js';
import '../claim-details/claim-details.js';
import '../claim-sidebar/claim-sidebar.js';
import type { EditorStateController } from './editor-state-controller.js';

/**
 * The editor's sidebar (`part="sidebar"`): the selected annotation's details,
 * whose edits become transactions, and the list of annotations, where
 * choosing one selects its text and gives the keyboard back to it.
 */
export function renderSidebarPane(
  editor: EditorStateController,
  taxonomy: Taxonomy,
  readonly: boolean,
  selected: Annotation | null,
) {
  const state = editor.state;
  return html`<div part="sidebar" class="sidebar">
    <claim-details
      ?hidden=${!selected}
      .annotation=${selected}
      .taxonomy=${taxonomy}
      ?readonly=${readonly}
      @claim-details-change=${(event: CustomEvent<{ id: string; patch: AnnotationPatch }>) =>
        editor.dispatch(updateAnnotationTransaction(editor.state, event.detail.id, event.detail.patch).tr)}
      @claim-details-delete=${(event: CustomEvent<{ id: string }>) => {
        editor.dispatch(removeAnnotationTransaction(editor.state, event.detail.id));
        editor.view?.focus();
      }}
      @claim-details-done=${() => editor.view?.focus()}
    ></claim-details>
    <claim-sidebar
      .list=${annotationList(state)}
      .taxonomy=${taxonomy}
      .selectedId=${getAnnotationState(state).selectedId}
      @claim-sidebar-select=${(event: CustomEvent<{ id: string }>) => {
        editor.dispatch(selectAnnotationTransaction(editor.state, event.detail.id));
        editor.view?.focus();
      }}
    ></claim-sidebar>
  </div>`;
}
