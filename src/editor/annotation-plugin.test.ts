import { expect } from '@open-wc/testing';
import { redo, undo } from 'prosemirror-history';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { canJoin, canSplit } from 'prosemirror-transform';
import { DEFAULT_TAXONOMY } from '../model/taxonomy.js';
import type { Annotation } from '../model/annotation.js';
import { annotationsOf, resolveInput } from './annotation-offsets.js';
import { getAnnotationState, recordsInOrder } from './annotation-plugin.js';
import { compareReadingOrder } from './reading-order.js';
import { mapRecord } from './annotation-record.js';
import { parseArticleHTML } from './article.js';
import { applyWithCheckpoints } from './checkpoint.js';
import {
  addAnnotationTransaction,
  removeAnnotationTransaction,
  updateAnnotationTransaction,
} from './annotation-commands.js';
import { newRecord, type RecordClock } from './record-factory.js';
import { createArticleState } from './create-state.js';
import { articleSchema } from './schema.js';
import { TextIndex } from './text-index.js';

function testClock(): RecordClock {
  let n = 0;
  return { newId: () => `a${++n}`, now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString() };
}

const ARTICLE =
  '<p>The ministry said exports rose. Officials declined to comment.</p>' +
  '<p>An analyst called the figures optimistic. Prices fell 3.5 percent.</p>' +
  '<p>The agency repeated the claim on Monday.</p>';

interface Harness {
  state: EditorState;
  apply(build: (state: EditorState) => Transaction): void;
  tag(quote: string, tag?: string): string;
  byId(id: string): Annotation;
  text(): string;
  pos(offset: number): number;
  undo(): void;
  redo(): void;
}

function harness(html = ARTICLE, mode: 'edit' | 'annotate' = 'edit'): Harness {
  const clock = testClock();
  const h: Harness = {
    state: createArticleState({ doc: parseArticleHTML(html), settings: { mode, taxonomy: DEFAULT_TAXONOMY }, clock }),
    apply(build) {
      h.state = applyWithCheckpoints(h.state, build(h.state));
    },
    tag(quote, tag = 'reported-fact') {
      const range = resolveInput(h.state, { tag, quote });
      const record = newRecord(h.state, range, { tag }, clock);
      const tr = addAnnotationTransaction(h.state, record);
      h.state = applyWithCheckpoints(h.state, tr);
      return record.id;
    },
    byId(id) {
      const found = annotationsOf(h.state).find((a) => a.id === id);
      if (!found) throw new Error(`annotation ${id} is gone`);
      return found;
    },
    text: () => TextIndex.of(h.state.doc).text,
    pos: (offset) => TextIndex.of(h.state.doc).offsetToPos(offset),
    undo() {
      expect(undo(h.state, (tr) => (h.state = applyWithCheckpoints(h.state, tr)))).to.equal(true);
    },
    redo() {
      expect(redo(h.state, (tr) => (h.state = applyWithCheckpoints(h.state, tr)))).to.equal(true);
    },
  };
  return h;
}

function insertAt(h: Harness, offset: number, text: string) {
  h.apply((state) => state.tr.insertText(text, h.pos(offset)));
}

function deleteRange(h: Harness, start: number, end: number) {
  h.apply((state) => state.tr.delete(h.pos(start), TextIndex.of(state.doc).offsetToPos(end, 'end')));
}

/** Every annotation's quote must be exactly the text at its offsets. */
function expectConsistent(h: Harness) {
  for (const a of annotationsOf(h.state)) {
    if (a.status !== 'orphaned') expect(h.text().slice(a.start, a.end), a.id).to.equal(a.quote);
  }
}

describe('annotation layer: mapping through edits', () => {
  it('shifts an annotation when text is inserted before it, in the same block', () => {
    const h = harness();
    const id = h.tag('Officials declined to comment.');
    const before = h.byId(id);
    insertAt(h, 0, 'Update: ');
    const after = h.byId(id);
    expect(after.start).to.equal(before.start + 8);
    expect(after.quote).to.equal('Officials declined to comment.');
    expect(after.status).to.equal('anchored');
  });

  it('shifts an annotation when a whole paragraph is inserted before it', () => {
    const h = harness();
    const id = h.tag('Prices fell 3.5 percent.');
    const before = h.byId(id);
    h.apply((state) => state.tr.insert(0, articleSchema.node('paragraph', null, [articleSchema.text('New lead.')])));
    expect(h.byId(id).start).to.equal(before.start + 'New lead.\n'.length);
    expect(h.byId(id).quote).to.equal('Prices fell 3.5 percent.');
  });

  it('does not move when text is inserted after it', () => {
    const h = harness();
    const id = h.tag('The ministry said exports rose.');
    insertAt(h, h.text().length, ' More.');
    expect(h.byId(id)).to.include({ start: 0, quote: 'The ministry said exports rose.' });
  });

  it('does not grow when text is typed right at either edge', () => {
    const h = harness();
    const id = h.tag('exports rose');
    const { start, end } = h.byId(id);
    insertAt(h, end, 'X');
    insertAt(h, start, 'Y');
    expect(h.byId(id).quote).to.equal('exports rose');
  });

  it('grows when text is inserted inside it', () => {
    const h = harness();
    const id = h.tag('The ministry said exports rose.');
    insertAt(h, 'The ministry'.length, ' of trade');
    expect(h.byId(id).quote).to.equal('The ministry of trade said exports rose.');
  });

  it('shrinks when part of it is deleted, and undo restores the whole span', () => {
    const h = harness();
    const id = h.tag('The ministry said exports rose.');
    deleteRange(h, 0, 'The ministry '.length);
    expect(h.byId(id).quote).to.equal('said exports rose.');
    h.undo();
    expect(h.byId(id)).to.include({ quote: 'The ministry said exports rose.', start: 0, status: 'anchored' });
  });

  it('becomes orphaned, not lost, when all its text is deleted; undo re-anchors it exactly', () => {
    const h = harness();
    const id = h.tag('Officials declined to comment.');
    const { start, end } = h.byId(id);
    deleteRange(h, start - 1, end);
    const orphan = h.byId(id);
    expect(orphan.status).to.equal('orphaned');
    expect(orphan.quote).to.equal('Officials declined to comment.');
    expect(getAnnotationState(h.state).drawn.find().length).to.equal(0);
    h.undo();
    expect(h.byId(id)).to.include({ status: 'anchored', start, end, quote: 'Officials declined to comment.' });
    h.redo();
    expect(h.byId(id).status).to.equal('orphaned');
    h.undo();
    expect(h.byId(id).status).to.equal('anchored');
    expectConsistent(h);
  });

  it('follows a deletion of the text in front of it that spans blocks', () => {
    const h = harness();
    const id = h.tag('The agency repeated the claim on Monday.');
    deleteRange(h, 'The ministry said exports rose.'.length, h.text().indexOf('The agency'));
    expect(h.byId(id).quote).to.equal('The agency repeated the claim on Monday.');
    expectConsistent(h);
  });

  it('stays on its text when its paragraph is split before it, and when the split is joined again', () => {
    const h = harness();
    const id = h.tag('Officials declined to comment.');
    const splitAt = h.pos('The ministry said exports rose.'.length);
    h.apply((state) => {
      expect(canSplit(state.doc, splitAt)).to.equal(true);
      return state.tr.split(splitAt);
    });
    expect(h.state.doc.childCount).to.equal(4);
    expect(h.byId(id).quote).to.equal('Officials declined to comment.');
    const joinAt = h.state.doc.child(0).nodeSize;
    h.apply((state) => {
      expect(canJoin(state.doc, joinAt)).to.equal(true);
      return state.tr.join(joinAt);
    });
    expect(h.state.doc.childCount).to.equal(3);
    expect(h.byId(id).quote).to.equal('Officials declined to comment.');
    expectConsistent(h);
  });

  it('spans two blocks when its paragraph is split inside it, and is whole again after the join', () => {
    const h = harness();
    const id = h.tag('The ministry said exports rose. Officials declined to comment.');
    const splitAt = h.pos('The ministry said exports rose. '.length);
    h.apply((state) => state.tr.split(splitAt));
    expect(h.byId(id).quote).to.equal('The ministry said exports rose. \nOfficials declined to comment.');
    const { drawn: decorations } = getAnnotationState(h.state);
    const inFirst = h.pos('The ministry'.length);
    const inSecond = h.pos(h.text().indexOf('declined'));
    expect(decorations.find(inFirst, inFirst).length, 'drawn in the first block').to.be.greaterThan(0);
    expect(decorations.find(inSecond, inSecond).length, 'drawn in the second block').to.be.greaterThan(0);
    h.undo();
    expect(h.byId(id).quote).to.equal('The ministry said exports rose. Officials declined to comment.');
  });

  it('keeps an annotation across two paragraphs on its text when the paragraphs are joined and split again', () => {
    const h = harness();
    const id = h.tag('Officials declined to comment.\nAn analyst called the figures optimistic.');
    const joinAt = h.state.doc.child(0).nodeSize;
    h.apply((state) => state.tr.join(joinAt));
    expect(h.byId(id).quote).to.equal('Officials declined to comment.An analyst called the figures optimistic.');
    h.undo();
    expect(h.byId(id).quote).to.equal('Officials declined to comment.\nAn analyst called the figures optimistic.');
    expectConsistent(h);
  });

  it('keeps overlapping annotations independent through edits', () => {
    const h = harness();
    const sentence = h.tag('An analyst called the figures optimistic.', 'analyst-opinion');
    const quote = h.tag('called the figures optimistic', 'state-media-claim');
    insertAt(h, h.text().indexOf('called'), 'openly ');
    expect(h.byId(sentence).quote).to.equal('An analyst openly called the figures optimistic.');
    expect(h.byId(quote).quote).to.equal('called the figures optimistic');
    deleteRange(h, h.text().indexOf('called'), h.text().indexOf('optimistic') + 'optimistic'.length);
    expect(h.byId(quote).status).to.equal('orphaned');
    expect(h.byId(sentence).status).to.equal('anchored');
    h.undo();
    expect(h.byId(quote)).to.include({ status: 'anchored', quote: 'called the figures optimistic' });
    expectConsistent(h);
  });

  it('keeps every annotation consistent through a sequence of random edits and their undo', () => {
    const h = harness();
    const ids = [
      h.tag('The ministry said exports rose.'),
      h.tag('declined to comment', 'analyst-opinion'),
      h.tag('Prices fell 3.5 percent.', 'state-media-claim'),
      h.tag('The agency repeated the claim on Monday.'),
    ];
    const original = ids.map((id) => h.byId(id));
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    for (let i = 0; i < 40; i++) {
      const length = h.text().length;
      const at = random(length);
      if (random(2) === 0) insertAt(h, at, 'xy');
      else deleteRange(h, at, Math.min(length, at + 1 + random(6)));
      expectConsistent(h);
    }
    // Undo the edits (however the history grouped them), but not the tagging before them.
    const originalText = TextIndex.of(parseArticleHTML(ARTICLE)).text;
    while (h.text() !== originalText) h.undo();
    for (const [i, id] of ids.entries()) {
      expect(h.byId(id)).to.include({ start: original[i].start, end: original[i].end, status: 'anchored' });
    }
  });
  it('leaves its records as they were when text is typed after every annotation', () => {
    const h = harness();
    h.tag('The ministry said exports rose.');
    const before = getAnnotationState(h.state).records;
    insertAt(h, h.text().length, ' More.');
    expect(getAnnotationState(h.state).records, 'nothing moved, so no change to report').to.equal(before);
  });

  it('puts every annotation where mapping it through each edit would, across many edits in a long article', () => {
    const paragraphs = Array.from(
      { length: 40 },
      (_, i) => `<p>Paragraph ${i} opens here. Number ${i} has a second sentence. And a third, ${i}.</p>`,
    );
    const h = harness(paragraphs.join(''));
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) {
      ids.push(h.tag(`Paragraph ${i} opens here.`));
      ids.push(
        h.tag(
          `Number ${i} has a second sentence.${i % 2 ? ` And a third, ${i}.` : ''}`,
          i % 3 ? 'analyst-opinion' : 'reported-fact',
        ),
      );
    }
    let seed = 3;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    // More single edits than the records keep pending, typed, deleted and split at random places.
    for (let i = 0; i < 120; i++) {
      const before = getAnnotationState(h.state).records;
      const size = h.state.doc.content.size;
      const at = 1 + random(size - 2);
      const choice = random(4);
      const tr =
        choice === 0
          ? h.state.tr.delete(at, Math.min(size - 1, at + 1 + random(3)))
          : choice === 1 && canSplit(h.state.doc, at)
            ? h.state.tr.split(at)
            : h.state.tr.insertText('xy'.slice(0, 1 + random(2)), at);
      h.apply(() => tr);
      const after = getAnnotationState(h.state).records;
      for (const id of ids) {
        const expected = mapRecord(before.get(id)!, tr.mapping);
        expect(after.get(id), `${id} after edit ${i}`).to.include({ from: expected.from, to: expected.to });
      }
    }
    const ordered = recordsInOrder(h.state);
    expect(
      ordered.map((r) => r.id),
      'reading order',
    ).to.deep.equal([...ordered].sort(compareReadingOrder).map((r) => r.id));
    expectConsistent(h);
  });
});

describe('annotation layer: the longest span', () => {
  const span = (h: Harness, id: string) => h.byId(id).end - h.byId(id).start;

  it("is the longest record's, also after that record is removed, shrunk by an edit, or brought back by undo", () => {
    const h = harness();
    const long = h.tag('The ministry said exports rose. Officials declined to comment.');
    const short = h.tag('Prices fell 3.5 percent.');
    const middle = h.tag('An analyst called the figures optimistic.');
    expect(getAnnotationState(h.state).maxSpan).to.equal(span(h, long));

    h.apply((state) => removeAnnotationTransaction(state, long));
    expect(getAnnotationState(h.state).maxSpan, 'after the longest is removed').to.equal(span(h, middle));

    const { start } = h.byId(middle);
    deleteRange(h, start + 3, start + 30);
    expect(getAnnotationState(h.state).maxSpan, 'after the longest left is shrunk by a deletion').to.equal(
      span(h, short),
    );

    h.undo();
    h.undo();
    expect(getAnnotationState(h.state).maxSpan, 'after undo brings the longest back').to.equal(span(h, long));
  });
});

describe('annotation layer: changes as undoable steps', () => {
  it('undoes and redoes add, update and remove in order, interleaved with typing', () => {
    const h = harness();
    const id = h.tag('Officials declined to comment.');
    h.apply((state) => updateAnnotationTransaction(state, id, { source: 'the ministry' }));
    insertAt(h, 0, 'Hi ');
    h.apply((state) => removeAnnotationTransaction(state, id));
    expect(annotationsOf(h.state)).to.have.length(0);
    h.undo();
    expect(h.byId(id).source).to.equal('the ministry');
    h.undo();
    expect(h.text().startsWith('Hi ')).to.equal(false);
    h.undo();
    expect(h.byId(id).source).to.equal(undefined);
    h.undo();
    expect(annotationsOf(h.state)).to.have.length(0);
    h.redo();
    h.redo();
    expect(h.byId(id).source).to.equal('the ministry');
  });

  it('refuses text changes in annotate mode but accepts annotation steps', () => {
    const h = harness(ARTICLE, 'annotate');
    insertAt(h, 0, 'nope');
    expect(h.text().startsWith('nope')).to.equal(false);
    const id = h.tag('Prices fell 3.5 percent.');
    expect(h.byId(id).status).to.equal('anchored');
  });

  it('keeps its decoration set when nothing it draws changes, and redraws only the outline when the selection leaves an annotation', () => {
    const h = harness();
    const id = h.tag('The agency repeated the claim on Monday.');
    const selected = getAnnotationState(h.state).drawn;
    expect(
      selected.find().filter((deco) => (deco.spec as { annotationId: string }).annotationId === id),
    ).to.have.length(2);
    h.apply((state) => state.tr.setSelection(TextSelection.atEnd(state.doc)));
    const deselected = getAnnotationState(h.state).drawn;
    expect(deselected, 'the outline went with the selection').to.not.equal(selected);
    h.apply((state) => state.tr.setSelection(TextSelection.atStart(state.doc)));
    expect(getAnnotationState(h.state).drawn, 'a caret move draws nothing new').to.equal(deselected);
  });
});
