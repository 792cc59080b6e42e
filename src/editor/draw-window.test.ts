import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { undo } from 'prosemirror-history';
import { TextSelection, type EditorState } from 'prosemirror-state';
import type { DecorationSet } from 'prosemirror-view';
import { DEFAULT_TAXONOMY } from '../model/taxonomy.js';
import { annotationKey, annotationsAt, getAnnotationState, recordsTouching } from './annotation-plugin.js';
import { compareReadingOrder } from './reading-order.js';
import { mapRecord } from './annotation-record.js';
import { parseArticleHTML } from './article.js';
import {
  addAnnotationTransaction,
  removeAnnotationTransaction,
  selectAnnotationTransaction,
} from './annotation-commands.js';
import { newRecord, type RecordClock } from './record-factory.js';
import { applyWithCheckpoints } from './checkpoint.js';
import { createArticleState } from './create-state.js';
import { getDrawWindow, LONG_BLOCK, MARGIN_CHARACTERS, setDrawWindow, WHOLE_ARTICLE_BLOCKS } from './draw-window.js';
import { TextIndex } from './text-index.js';

function testClock(): RecordClock {
  let n = 0;
  return { newId: () => `a${++n}`, now: () => new Date(Date.UTC(2026, 0, 1, 0, 0, n)).toISOString() };
}

/** A long article: `blocks` paragraphs of one sentence each. */
function longArticle(blocks: number): string {
  return Array.from({ length: blocks }, (_, i) => `<p>Paragraph ${i} says the port reopened.</p>`).join('');
}

/** Every paragraph tagged whole; returns the state and the ids in paragraph order. */
function taggedState(blocks: number): { state: EditorState; ids: string[]; clock: RecordClock } {
  const clock = testClock();
  let state = createArticleState({
    doc: parseArticleHTML(longArticle(blocks)),
    settings: { mode: 'edit', taxonomy: DEFAULT_TAXONOMY },
    clock,
  });
  const ids: string[] = [];
  for (const block of TextIndex.of(state.doc).blocks) {
    const record = newRecord(
      state,
      { from: block.pos, to: block.pos + block.text.length },
      { tag: 'reported-fact' },
      clock,
    );
    const tr = addAnnotationTransaction(state, record, { select: false });
    state = state.apply(tr);
    ids.push(record.id);
  }
  return { state, ids, clock };
}

function annotationPluginOf(state: EditorState) {
  return state.plugins.find((plugin) => plugin.spec.key === annotationKey)!;
}

/** Ids of the annotations the view is given to draw. */
function drawnIds(state: EditorState): Set<string> {
  const set = annotationPluginOf(state).props.decorations!.call(annotationPluginOf(state), state) as DecorationSet;
  return new Set(set.find().map((deco) => (deco.spec as { annotationId: string }).annotationId));
}

/** What the draw window's view dispatches once the view is scrolled to show these blocks. */
function scrolledTo(state: EditorState, firstBlock: number, lastBlock: number): EditorState {
  let from = 0;
  for (let i = 0; i < firstBlock; i++) from += state.doc.child(i).nodeSize;
  let to = from;
  for (let i = firstBlock; i <= lastBlock; i++) to += state.doc.child(i).nodeSize;
  return state.apply(setDrawWindow(state.tr, { from, to }));
}

describe('draw window', () => {
  it('draws a short article whole', () => {
    const { state, ids } = taggedState(WHOLE_ARTICLE_BLOCKS);
    expect(getDrawWindow(state)).to.equal(null);
    expect(drawnIds(state).size).to.equal(ids.length);
  });

  it('draws a long article only around the window, and every annotation is still in the plugin state', () => {
    const { state, ids } = taggedState(600);
    expect(getAnnotationState(state).records.size).to.equal(600);
    const drawn = drawnIds(state);
    expect(drawn.has(ids[0]), 'the top is drawn').to.equal(true);
    expect(drawn.has(ids[599]), 'the end is not').to.equal(false);
    expect(drawn.size).to.be.lessThan(150);

    const atEnd = scrolledTo(state, 560, 599);
    const drawnAtEnd = drawnIds(atEnd);
    expect(drawnAtEnd.has(ids[599]), 'after scrolling, the end is drawn').to.equal(true);
    expect(drawnAtEnd.has(ids[10]), 'and the top no longer (but for the blocks around the caret)').to.equal(false);
  });

  it('draws the selected annotation at once, wherever it is', () => {
    const { state, ids } = taggedState(600);
    const record = getAnnotationState(state).records.get(ids[450])!;
    const selected = state.apply(state.tr.setSelection(TextSelection.create(state.doc, record.from, record.to)));
    expect(drawnIds(selected).has(ids[450])).to.equal(true);
  });

  it('keeps the drawn part in step with edits, tags and removals inside and outside the window', () => {
    const { state: start, ids, clock } = taggedState(600);
    let state = start;
    // Typing at the top maps the drawn marks with the text.
    state = state.apply(state.tr.insertText('Breaking: ', 1));
    const first = getAnnotationState(state).records.get(ids[0])!;
    const drawnFirst = getAnnotationState(state)
      .drawn.find()
      .find((deco) => (deco.spec as { annotationId: string }).annotationId === ids[0] && deco.from < deco.to)!;
    expect([drawnFirst.from, drawnFirst.to]).to.deep.equal([first.from, first.to]);

    // A removal inside the window disappears from the drawing; one outside changes nothing drawn.
    state = state.apply(removeAnnotationTransaction(state, ids[1]));
    state = state.apply(removeAnnotationTransaction(state, ids[500]));
    expect(drawnIds(state).has(ids[1])).to.equal(false);

    // A tag added far away is drawn once the window gets there.
    const far = getAnnotationState(state).records.get(ids[550])!;
    const record = newRecord(state, { from: far.from, to: far.from + 9 }, { tag: 'state-media-claim' }, clock);
    const tr = addAnnotationTransaction(state, record, { select: false });
    state = state.apply(tr);
    expect(getAnnotationState(state).records.size, 'added, not replacing one').to.equal(599);
    expect(drawnIds(state).has(record.id)).to.equal(false);
    state = scrolledTo(state, 530, 570);
    expect(drawnIds(state).has(record.id)).to.equal(true);
    expect(drawnIds(state).has(ids[500])).to.equal(false);
  });
});

describe('reading order', () => {
  it('stays sorted through tags, removals and edits that make two starts meet', () => {
    const clock = testClock();
    let state = createArticleState({
      doc: parseArticleHTML('<p>One two three four five six seven eight nine ten.</p>'),
      settings: { mode: 'edit', taxonomy: DEFAULT_TAXONOMY },
      clock,
    });
    const add = (from: number, to: number) => {
      const record = newRecord(state, { from, to }, { tag: 'reported-fact' }, clock);
      const tr = addAnnotationTransaction(state, record, { select: false });
      state = state.apply(tr);
      return record.id;
    };
    const late = add(20, 30);
    const early = add(1, 8);
    const inner = add(5, 12);
    const wide = add(5, 25);
    const sorted = () =>
      [...getAnnotationState(state).records.values()]
        .sort(
          (a, b) => a.from - b.from || b.to - a.to || a.created.localeCompare(b.created) || a.id.localeCompare(b.id),
        )
        .map((r) => r.id);
    expect(getAnnotationState(state).order).to.deep.equal([early, wide, inner, late]);
    state = state.apply(removeAnnotationTransaction(state, wide));
    expect(getAnnotationState(state).order).to.deep.equal(sorted());
    // Deleting the text between two starts makes them tie; the longer one comes first.
    state = state.apply(state.tr.delete(1, 5));
    expect(getAnnotationState(state).order).to.deep.equal(sorted());
    expect(getAnnotationState(state).order.indexOf(inner)).to.be.lessThan(
      getAnnotationState(state).order.indexOf(early),
    );
  });

  it('finds the records at a range by binary search, long ones that start far before it included', () => {
    const { state: start, ids, clock } = taggedState(300);
    const first = getAnnotationState(start).records.get(ids[0])!;
    const end = getAnnotationState(start).records.get(ids[250])!;
    const long = newRecord(start, { from: first.from, to: end.to }, { tag: 'state-media-claim' }, clock);
    const tr = addAnnotationTransaction(start, long, { select: false });
    const state = start.apply(tr);
    expect(getAnnotationState(state).records.size).to.equal(301);
    const middle = getAnnotationState(state).records.get(ids[200])!;
    const touching = recordsTouching(state, middle.from + 2, middle.from + 3).map((record) => record.id);
    expect(touching).to.deep.equal([long.id, ids[200]]);
    expect(annotationsAt(state, middle.from + 2).map((record) => record.id)).to.deep.equal([ids[200], long.id]);
    expect(recordsTouching(state, end.to + 20, end.to + 21).map((record) => record.id)).to.deep.equal([ids[251]]);
  });

  for (const [name, edit] of [
    [
      'a deletion, then undo',
      (h: OrderHarness) => {
        h.delete('One is first. ');
        h.undo();
      },
    ],
    [
      'a deletion, then typing where the orphan sits, then a removal',
      (h: OrderHarness) => {
        h.delete('One is first. ');
        h.type('New text. ');
        h.remove(2);
      },
    ],
  ] as const) {
    it(`stays whole and sorted after ${name}`, () => {
      const h = orderHarness();
      edit(h);
      const { records, order } = getAnnotationState(h.state);
      expect([...order].sort(), 'every record once').to.deep.equal([...records.keys()].sort());
      expect(order).to.deep.equal(
        [...records.values()]
          .sort(
            (a, b) => a.from - b.from || b.to - a.to || a.created.localeCompare(b.created) || a.id.localeCompare(b.id),
          )
          .map((r) => r.id),
      );
    });
  }
});

describe('records under random edits', () => {
  it('move exactly as mapping every record would move them, and stay in reading order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ at: fc.nat(), length: fc.nat(14), text: fc.string({ maxLength: 5 }) }), { maxLength: 10 }),
        (edits) => {
          const h = orderHarness();
          let reference = new Map(
            [...getAnnotationState(h.state).records].map(([id, r]) => [id, { from: r.from, to: r.to }]),
          );
          for (const { at, length, text } of edits) {
            const end = h.state.doc.content.size - 1;
            const from = 1 + (at % end);
            const tr = h.state.tr.insertText(text, from, Math.min(end, from + length));
            h.state = h.state.apply(tr);
            reference = new Map(
              [...reference].map(([id, range]) => {
                const mapped = mapRecord({ ...getAnnotationState(h.state).records.get(id)!, ...range }, tr.mapping);
                return [id, { from: mapped.from, to: mapped.to }];
              }),
            );
            const { records, order } = getAnnotationState(h.state);
            for (const [id, range] of reference)
              expect({ from: records.get(id)!.from, to: records.get(id)!.to }, id).to.deep.equal(range);
            expect(order).to.deep.equal([...records.values()].sort(compareReadingOrder).map((r) => r.id));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('selection outside the draw window', () => {
  it("draws an annotation reaching from the selection's blocks into the window once, with one label", () => {
    const { state: start, ids, clock } = taggedState(600);
    const from = getAnnotationState(start).records.get(ids[99])!.from;
    const to = getAnnotationState(start).records.get(ids[101])!.to;
    const record = newRecord(start, { from, to }, { tag: 'state-media-claim' }, clock);
    const tr = addAnnotationTransaction(start, record, { select: false });
    let state = scrolledTo(start.apply(tr), 100, 150);
    state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, from + 2)));
    const set = annotationPluginOf(state).props.decorations!.call(annotationPluginOf(state), state) as DecorationSet;
    const ofRecord = set.find().filter((deco) => (deco.spec as { annotationId: string }).annotationId === record.id);
    expect(
      ofRecord.filter((deco) => deco.from === deco.to),
      'one label',
    ).to.have.length(1);
  });
});

describe('one long paragraph', () => {
  /** One paragraph of `sentences` sentences, each tagged whole; returns the state and the ids in reading order. */
  function longParagraph(sentences: number): { state: EditorState; ids: string[] } {
    const clock = testClock();
    const parts = Array.from({ length: sentences }, (_, i) => `Sentence ${i} says the port reopened.`);
    let state = createArticleState({
      doc: parseArticleHTML(`<p>${parts.join(' ')}</p>`),
      settings: { mode: 'edit', taxonomy: DEFAULT_TAXONOMY },
      clock,
    });
    const ids: string[] = [];
    let from = 1;
    const tr = state.tr;
    for (const part of parts) {
      const record = newRecord(state, { from, to: from + part.length }, { tag: 'reported-fact' }, clock);
      const one = addAnnotationTransaction(state, record, { select: false });
      one.steps.forEach((step) => tr.step(step));
      ids.push(record.id);
      from += part.length + 1;
    }
    state = state.apply(tr);
    return { state, ids };
  }

  it('draws only the part near the window, however many annotations the paragraph holds', () => {
    const { state, ids } = longParagraph(600);
    expect(state.doc.child(0).nodeSize).to.be.above(LONG_BLOCK);
    const window = getDrawWindow(state)!;
    expect(window, 'a long paragraph has a draw window').to.not.equal(null);
    expect(window.to - window.from).to.be.at.most(2 * MARGIN_CHARACTERS + 1);
    const drawn = drawnIds(state);
    expect(drawn.has(ids[0]), 'the top is drawn').to.equal(true);
    expect(drawn.has(ids[599]), 'the end is not').to.equal(false);
    expect(drawn.size).to.be.below(ids.length / 4);
  });

  it('draws an annotation selected far down the paragraph without drawing the rest of it', () => {
    const { state: start, ids } = longParagraph(600);
    const state = start.apply(selectAnnotationTransaction(start, ids[500]));
    const drawn = drawnIds(state);
    expect(drawn.has(ids[500]), 'the selected one').to.equal(true);
    expect(drawn.has(ids[300]), 'one far from both').to.equal(false);
    expect(drawn.size).to.be.below(ids.length / 4);
  });
});

interface OrderHarness {
  state: EditorState;
  delete(text: string): void;
  type(text: string): void;
  undo(): void;
  remove(index: number): void;
}

/** Four tagged sentences in edit mode, changed as the editor changes them (checkpoints, history). */
function orderHarness(): OrderHarness {
  const clock = testClock();
  const text = 'One is first. Two is second. Three is third. Four is fourth.';
  let state = createArticleState({
    doc: parseArticleHTML(`<p>${text}</p>`),
    settings: { mode: 'edit', taxonomy: DEFAULT_TAXONOMY },
    clock,
  });
  const ids: string[] = [];
  for (const sentence of ['One is first.', 'Two is second.', 'Three is third.', 'Four is fourth.']) {
    const start = 1 + text.indexOf(sentence);
    const record = newRecord(state, { from: start, to: start + sentence.length }, { tag: 'reported-fact' }, clock);
    const tr = addAnnotationTransaction(state, record, { select: false });
    state = state.apply(tr);
    ids.push(record.id);
  }
  const h: OrderHarness = {
    state,
    delete(part) {
      const start = 1 + text.indexOf(part);
      h.state = applyWithCheckpoints(h.state, h.state.tr.delete(start, start + part.length));
    },
    type(part) {
      h.state = applyWithCheckpoints(h.state, h.state.tr.insertText(part, 1));
    },
    undo() {
      undo(h.state, (tr) => (h.state = h.state.apply(tr)));
    },
    remove(index) {
      h.state = h.state.apply(removeAnnotationTransaction(h.state, ids[index]));
    },
  };
  return h;
}
