import { expect } from '@open-wc/testing';
import { TextSelection } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import { DEFAULT_TAXONOMY, type Taxonomy } from '../model/taxonomy.js';
import { annotationsOf } from './annotation-offsets.js';
import { getAnnotationState } from './annotation-plugin.js';
import { parseArticleHTML } from './article.js';
import { createArticleState } from './create-state.js';
import { updateSettings, type EditorMode } from './settings-and-text-lock.js';
import { TextIndex } from './text-index.js';

const ARTICLE = '<p>The harbour board said the pier reopens. Skippers doubt it.</p><p>Tides rose overnight.</p>';

/** A view on the sample article with the caret in its first sentence; `opened` counts calls of `openDetails`. */
function mount(mode: EditorMode, taxonomy: Taxonomy = DEFAULT_TAXONOMY) {
  const counts = { opened: 0 };
  const host = document.createElement('div');
  document.body.append(host);
  const state = createArticleState({
    doc: parseArticleHTML(ARTICLE),
    settings: { mode, taxonomy, openDetails: () => (counts.opened += 1) },
  });
  const view = new EditorView(host, { state });
  const index = TextIndex.of(state.doc);
  const pos = index.offsetToPos(index.text.indexOf('pier'));
  view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, pos)));
  const press = (key: string, init: KeyboardEventInit = {}) => {
    const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init });
    view.dom.dispatchEvent(event);
    return event.defaultPrevented;
  };
  after(() => {
    view.destroy();
    host.remove();
  });
  return { view, press, counts, tags: () => annotationsOf(view.state).map((a) => a.tag) };
}

describe('annotation keymap', () => {
  it('tags with a taxonomy key in annotate mode, and with Alt and the key in edit mode', () => {
    const annotate = mount('annotate');
    expect(annotate.press('1', { code: 'Digit1', keyCode: 49 })).to.equal(true);
    expect(annotate.tags()).to.deep.equal(['state-media-claim']);

    const edit = mount('edit');
    edit.press('1', { code: 'Digit1', keyCode: 49 });
    expect(edit.tags(), 'a plain key types in edit mode').to.deep.equal([]);
    expect(edit.press('1', { code: 'Digit1', keyCode: 49, altKey: true })).to.equal(true);
    expect(edit.tags()).to.deep.equal(['state-media-claim']);
  });

  it('ignores taxonomy keys in readonly mode and with Ctrl', () => {
    const readonly = mount('readonly');
    readonly.press('2', { code: 'Digit2', keyCode: 50 });
    readonly.press('2', { code: 'Digit2', keyCode: 50, altKey: true });
    expect(readonly.tags()).to.deep.equal([]);
    const annotate = mount('annotate');
    annotate.press('2', { code: 'Digit2', keyCode: 50, ctrlKey: true });
    expect(annotate.tags()).to.deep.equal([]);
  });

  it('binds a letter key in either case, and follows a new taxonomy', () => {
    const lettered: Taxonomy = DEFAULT_TAXONOMY.map((tag, i) => ({ ...tag, key: 'qwe'[i] }));
    const t = mount('annotate', lettered);
    t.press('W', { code: 'KeyW', keyCode: 87, shiftKey: true });
    expect(t.tags()).to.deep.equal(['analyst-opinion']);
    t.view.dispatch(updateSettings(t.view.state.tr, { taxonomy: DEFAULT_TAXONOMY }));
    t.press('3', { code: 'Digit3', keyCode: 51 });
    expect(t.tags(), 'the selected annotation is retagged by the new key').to.deep.equal(['reported-fact']);
  });

  it('opens the selected annotation’s details on Enter outside edit mode only', () => {
    const annotate = mount('annotate');
    expect(annotate.press('Enter'), 'Enter without a selected annotation is swallowed').to.equal(true);
    expect(annotate.counts.opened).to.equal(0);
    // Shift+1 tags and stays (1 alone would move on to the next untagged sentence).
    annotate.press('!', { code: 'Digit1', keyCode: 49, shiftKey: true });
    expect(getAnnotationState(annotate.view.state).selectedId).to.not.equal(null);
    expect(annotate.press('Enter')).to.equal(true);
    expect(annotate.counts.opened).to.equal(1);

    const edit = mount('edit');
    edit.press('1', { code: 'Digit1', keyCode: 49, altKey: true });
    edit.press('Enter');
    expect(edit.counts.opened).to.equal(0);
  });
});
