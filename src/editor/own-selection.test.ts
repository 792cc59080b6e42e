import { expect } from '@open-wc/testing';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { DEFAULT_TAXONOMY } from '../model/taxonomy.js';
import { addAnnotationTransaction, selectAnnotationTransaction } from './annotation-commands.js';
import { parseArticleHTML } from './article.js';
import { applyWithCheckpoints } from './checkpoint.js';
import { createArticleState } from './create-state.js';
import { ownSelection, sameSelection } from './own-selection.js';
import { newRecord } from './record-factory.js';
import { TextIndex } from './text-index.js';

const ARTICLE =
  '<p>Lantern sellers 🏮 cheered the dry week.</p><p>The river market 市场 opens on Tuesday. Rain is due.</p>';

function setup() {
  let state: EditorState = createArticleState({
    doc: parseArticleHTML(ARTICLE),
    settings: { mode: 'annotate', taxonomy: DEFAULT_TAXONOMY },
  });
  const index = () => TextIndex.of(state.doc);
  return {
    get state() {
      return state;
    },
    apply(build: (state: EditorState) => Transaction) {
      state = applyWithCheckpoints(state, build(state));
    },
    offsets(needle: string) {
      const start = index().text.indexOf(needle);
      return { start, end: start + needle.length };
    },
    range(needle: string) {
      const { start, end } = this.offsets(needle);
      return { from: index().offsetToPos(start), to: index().offsetToPos(end, 'end') };
    },
  };
}

describe('ownSelection', () => {
  it('is null for a caret, so typing sends nothing', () => {
    const h = setup();
    expect(ownSelection(h.state)).to.equal(null);
    h.apply((s) => s.tr.setSelection(TextSelection.create(s.doc, h.range('river').from)));
    expect(ownSelection(h.state)).to.equal(null);
  });

  it('is a text selection as text offsets (UTF-16, across an emoji and CJK text)', () => {
    const h = setup();
    const { from, to } = h.range('The river market 市场 opens on Tuesday.');
    h.apply((s) => s.tr.setSelection(TextSelection.create(s.doc, from, to)));
    expect(ownSelection(h.state)).to.deep.equal(h.offsets('The river market 市场 opens on Tuesday.'));
    const across = h.range('dry week.\nThe river');
    h.apply((s) => s.tr.setSelection(TextSelection.create(s.doc, across.from, across.to)));
    expect(ownSelection(h.state)).to.deep.equal(h.offsets('dry week.\nThe river'));
  });

  it('is the selected annotation, and null again once nothing is selected', () => {
    const h = setup();
    const record = newRecord(h.state, h.range('Lantern sellers 🏮 cheered the dry week.'), {
      tag: DEFAULT_TAXONOMY[0].id,
    });
    h.apply((s) => addAnnotationTransaction(s, record, { select: false }));
    h.apply((s) => selectAnnotationTransaction(s, record.id));
    expect(ownSelection(h.state)).to.deep.equal(h.offsets('Lantern sellers 🏮 cheered the dry week.'));
    h.apply((s) => s.tr.setSelection(TextSelection.create(s.doc, 1)));
    expect(ownSelection(h.state)).to.equal(null);
  });
});

describe('sameSelection', () => {
  it('compares by offsets', () => {
    expect(sameSelection(null, null)).to.equal(true);
    expect(sameSelection({ start: 1, end: 4 }, { start: 1, end: 4 })).to.equal(true);
    expect(sameSelection({ start: 1, end: 4 }, { start: 1, end: 5 })).to.equal(false);
    expect(sameSelection(null, { start: 0, end: 1 })).to.equal(false);
  });
});
