import { expect } from '@open-wc/testing';
import { chainCommands } from 'prosemirror-commands';
import { TextSelection, type Command, type EditorState } from 'prosemirror-state';
import { DEFAULT_TAXONOMY } from '../model/taxonomy.js';
import { annotationsOf } from './annotation-offsets.js';
import { getAnnotationState } from './annotation-plugin.js';
import { parseArticleHTML } from './article.js';
import { applyWithCheckpoints } from './checkpoint.js';
import { cycleAnnotation, tagSelection, deleteSelectedAnnotation } from './annotation-commands.js';
import { redoCommand, undoCommand } from './history-commands.js';
import { extendBySentence, moveBySentence } from './sentence-navigation.js';
import { createArticleState } from './create-state.js';
import { announcementOf } from './announce.js';
import { TextIndex } from './text-index.js';
import { updateSettings } from './settings-and-text-lock.js';

const ARTICLE =
  '<p>SEOUL, May 2 — The agency said the U.S. envoy left. Gen. Park denied it.</p>' +
  '<p>Analysts doubt the claim. Prices rose 2.5 percent in Jan. 5 trading.</p>';

function setup(mode: 'annotate' | 'edit' = 'annotate') {
  let state: EditorState = createArticleState({
    doc: parseArticleHTML(ARTICLE),
    settings: { mode, taxonomy: DEFAULT_TAXONOMY, annotator: 'Tester' },
  });
  let lastMessage: string | undefined;
  const run = (command: Command) =>
    command(state, (tr) => {
      lastMessage = announcementOf(tr) ?? lastMessage;
      state = applyWithCheckpoints(state, tr);
    });
  const text = () => TextIndex.of(state.doc).text;
  const caretAt = (needle: string) => {
    const pos = TextIndex.of(state.doc).offsetToPos(text().indexOf(needle));
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
  };
  const selected = () => state.doc.textBetween(state.selection.from, state.selection.to, '\n', '\n');
  return {
    run,
    text,
    caretAt,
    selected,
    get state() {
      return state;
    },
    set state(s) {
      state = s;
    },
    message: () => lastMessage,
  };
}

describe('commands', () => {
  it('tags the whole sentence at the caret, with the dateline and abbreviations inside it', () => {
    const t = setup();
    t.caretAt('envoy');
    expect(t.run(tagSelection('state-media-claim'))).to.equal(true);
    const [a] = annotationsOf(t.state);
    expect(a.quote).to.equal('SEOUL, May 2 — The agency said the U.S. envoy left.');
    expect(a.creator).to.equal('Tester');
    expect(t.message()).to.contain('State-media claim');
  });

  it('retags the selected annotation instead of adding a second one', () => {
    const t = setup();
    t.caretAt('denied');
    t.run(tagSelection('state-media-claim'));
    t.run(tagSelection('analyst-opinion'));
    const list = annotationsOf(t.state);
    expect(list).to.have.length(1);
    expect(list[0].tag).to.equal('analyst-opinion');
  });

  it('does not duplicate a sentence already tagged with the same tag', () => {
    const t = setup();
    t.caretAt('denied');
    t.run(tagSelection('reported-fact'));
    t.caretAt('denied');
    t.run(tagSelection('reported-fact'));
    expect(annotationsOf(t.state)).to.have.length(1);
    expect(getAnnotationState(t.state).selectedId).to.equal(annotationsOf(t.state)[0].id);
  });

  it('moves sentence by sentence across blocks, and back', () => {
    const t = setup();
    t.caretAt('denied');
    t.run(moveBySentence(1));
    expect(t.selected()).to.equal('Analysts doubt the claim.');
    t.run(moveBySentence(1));
    expect(t.selected()).to.equal('Prices rose 2.5 percent in Jan. 5 trading.');
    expect(t.run(moveBySentence(1))).to.equal(false);
    t.run(moveBySentence(-1));
    t.run(moveBySentence(-1));
    expect(t.selected()).to.equal('Gen. Park denied it.');
  });

  it('selects the sentence in front of a bare caret instead of skipping it', () => {
    const t = setup();
    t.state = t.state.apply(t.state.tr.setSelection(TextSelection.atStart(t.state.doc)));
    t.run(moveBySentence(1));
    expect(t.selected()).to.equal('SEOUL, May 2 — The agency said the U.S. envoy left.');
  });

  it('extends and shrinks a selection by whole sentences', () => {
    const t = setup();
    t.caretAt('Analysts');
    t.run(moveBySentence(-1));
    t.run(moveBySentence(-1));
    expect(t.selected()).to.equal('SEOUL, May 2 — The agency said the U.S. envoy left.');
    t.run(extendBySentence(1));
    expect(t.selected()).to.equal('SEOUL, May 2 — The agency said the U.S. envoy left. Gen. Park denied it.');
    t.run(extendBySentence(1));
    t.run(extendBySentence(-1));
    expect(t.selected().trim()).to.equal('SEOUL, May 2 — The agency said the U.S. envoy left. Gen. Park denied it.');
    t.run(tagSelection('reported-fact'));
    expect(annotationsOf(t.state)[0].quote).to.equal(
      'SEOUL, May 2 — The agency said the U.S. envoy left. Gen. Park denied it.',
    );
  });

  it('cycles through every annotation, overlapping ones included', () => {
    const t = setup();
    t.caretAt('denied');
    t.run(tagSelection('reported-fact'));
    const pos = TextIndex.of(t.state.doc);
    const start = t.text().indexOf('Park denied');
    t.state = t.state.apply(
      t.state.tr.setSelection(TextSelection.create(t.state.doc, pos.offsetToPos(start), pos.offsetToPos(start + 11))),
    );
    t.run(tagSelection('analyst-opinion'));
    const ids = annotationsOf(t.state).map((a) => a.id);
    expect(ids).to.have.length(2);
    const seen = new Set<string>();
    for (let i = 0; i < 4; i++) {
      t.run(cycleAnnotation(1));
      seen.add(getAnnotationState(t.state).selectedId!);
    }
    expect([...seen].sort()).to.deep.equal([...ids].sort());
  });

  it('deletes the selected annotation; undo and redo take it back and forth', () => {
    const t = setup();
    t.caretAt('doubt');
    t.run(tagSelection('analyst-opinion'));
    t.run(deleteSelectedAnnotation);
    expect(annotationsOf(t.state)).to.have.length(0);
    t.run(undoCommand);
    expect(annotationsOf(t.state)).to.have.length(1);
    expect(t.message()).to.equal('Undone');
    t.run(redoCommand);
    expect(annotationsOf(t.state)).to.have.length(0);
  });

  it('says there is nothing to undo and handles the key, so a chain stops there; without dispatch it answers "no step"', () => {
    const t = setup();
    expect(undoCommand(t.state), 'can undo, asked without dispatch').to.equal(false);
    let later = false;
    const chained = chainCommands(undoCommand, () => (later = true));
    expect(t.run(chained), 'the chain reports the key handled').to.equal(true);
    expect(later, 'the next command in the chain does not run as well').to.equal(false);
    expect(t.message()).to.equal('Nothing to undo');
    expect(t.run(redoCommand)).to.equal(true);
    expect(t.message()).to.equal('Nothing to redo');
  });

  it('refuses to undo a text edit outside edit mode, and says why', () => {
    const t = setup('edit');
    t.state = t.state.apply(t.state.tr.insertText('Breaking: ', 1));
    t.state = t.state.apply(updateSettings(t.state.tr, { mode: 'annotate' }));
    t.run(undoCommand);
    expect(t.text().startsWith('Breaking: ')).to.equal(true);
    expect(t.message()).to.contain('switch to edit mode');
  });

  it('does nothing in readonly mode', () => {
    const t = setup();
    t.state = t.state.apply(updateSettings(t.state.tr, { mode: 'readonly' }));
    t.caretAt('denied');
    expect(t.run(tagSelection('reported-fact'))).to.equal(false);
    expect(annotationsOf(t.state)).to.have.length(0);
  });
});
