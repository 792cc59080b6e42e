import { html, nothing } from 'lit';
import type { Taxonomy } from '../../model/taxonomy.js';

/**
 * The toolbar's keyboard help: a *Keys* button that opens to every key. The
 * one-line hint (which the article text is described by) is spoken in the
 * toolbar and shown first when the help is open. The tag keys come from the
 * taxonomy.
 */
export function renderKeysHelp(taxonomy: Taxonomy) {
  const keys = taxonomy
    .filter((tag) => tag.key)
    .map((tag) => tag.key)
    .join(' / ');
  const hint = `Keyboard: click a sentence or move with Alt+↓/↑, then press ${keys || 'a tag key'} to tag it`;
  return html`<span id="keys-help-summary" class="visually-hidden">${hint}</span>
    <details class="help">
      <summary title="Keyboard help" data-fit-icon="?"><span class="fit-word">Keys</span></summary>
      <div class="dropdown">
        <p aria-hidden="true">${hint}</p>
        <dl>
          ${
            keys
              ? html`<dt><kbd>${keys}</kbd></dt>
                  <dd>
                    Tag the selection, or the sentence at the caret, and go to the next untagged sentence (Alt+key in
                    edit mode); retag the selected annotation
                  </dd>
                  <dt><kbd>Shift</kbd>+<kbd>${keys}</kbd></dt>
                  <dd>Tag and stay</dd>`
              : nothing
          }
          <dt><kbd>U</kbd> / <kbd>Shift</kbd>+<kbd>U</kbd></dt>
          <dd>Next / previous untagged sentence</dd>
          <dt><kbd>W</kbd> / <kbd>Shift</kbd>+<kbd>W</kbd></dt>
          <dd>Next / previous annotation without a source</dd>
          <dt><kbd>R</kbd></dt>
          <dd>Same source as the annotation before</dd>
          <dt><kbd>Alt</kbd>+<kbd>↓</kbd> / <kbd>↑</kbd>, <kbd>J</kbd> / <kbd>K</kbd></dt>
          <dd>Next / previous sentence</dd>
          <dt><kbd>Shift</kbd>+<kbd>Alt</kbd>+<kbd>↓</kbd> / <kbd>↑</kbd></dt>
          <dd>Extend the selection by a sentence</dd>
          <dt><kbd>]</kbd> / <kbd>[</kbd>, <kbd>N</kbd> / <kbd>P</kbd></dt>
          <dd>Next / previous annotation, overlapping ones included</dd>
          <dt><kbd>Enter</kbd></dt>
          <dd>Edit the selected annotation's source, note and verdict</dd>
          <dt><kbd>Del</kbd></dt>
          <dd>Delete the selected annotation</dd>
          <dt><kbd>S</kbd> / <kbd>Shift</kbd>+<kbd>S</kbd></dt>
          <dd>Suggest tags for untagged sentences / clear the suggestions</dd>
          <dt><kbd>Enter</kbd>, <kbd>X</kbd> (on a suggestion)</dt>
          <dd>Accept / reject it; a tag key accepts it with that tag</dd>
          <dt><kbd>Ctrl</kbd>+<kbd>Z</kbd> / <kbd>Ctrl</kbd>+<kbd>Y</kbd></dt>
          <dd>Undo / redo</dd>
          <dt>Alt+drag</dt>
          <dd>Select exactly, not whole sentences</dd>
        </dl>
      </div>
    </details>`;
}
