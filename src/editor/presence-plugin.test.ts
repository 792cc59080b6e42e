import { expect } from '@open-wc/testing';
import { TextSelection, type EditorState, type Transaction } from 'prosemirror-state';
import { EditorView, type Decoration } from 'prosemirror-view';
import { DEFAULT_TAXONOMY } from '../model/taxonomy.js';
import { MAX_PEER_NAME_LENGTH } from '../model/peer-name.js';
import { parseArticleHTML } from './article.js';
import { applyWithCheckpoints } from './checkpoint.js';
import { createArticleState } from './create-state.js';
import { MAX_PEERS, PRESENCE_COLOURS, presenceColour } from './presence-peers.js';
import { getPresence, NO_PEERS, setPresence } from './presence-plugin.js';
import { TextIndex } from './text-index.js';

const ARTICLE =
  '<p>The ferry to Orsk ran late all week. Its owner blamed the fog.</p>' +
  '<p>Harbour staff said the radar was broken 🚢. Repairs start on Friday.</p>';

/** A decoration's inner description (attributes, spec), which `find` hands back around copies. */
const typeOf = (decoration: Decoration) => (decoration as unknown as { type: { attrs: Record<string, string> } }).type;

function setup(mode: 'annotate' | 'edit' = 'edit') {
  let state: EditorState = createArticleState({
    doc: parseArticleHTML(ARTICLE),
    settings: { mode, taxonomy: DEFAULT_TAXONOMY },
  });
  const h = {
    get state() {
      return state;
    },
    apply(build: (state: EditorState) => Transaction) {
      state = applyWithCheckpoints(state, build(state));
    },
    text: () => TextIndex.of(state.doc).text,
    /** Text offsets of `needle`, as a peer's awareness would send them. */
    offsets(needle: string) {
      const start = h.text().indexOf(needle);
      return { start, end: start + needle.length };
    },
    present(states: readonly unknown[]) {
      h.apply((s) => setPresence(s.tr, states));
    },
    /** What each drawn inline decoration covers, by peer name. */
    drawn() {
      return getPresence(state)
        .decorations.find()
        .filter((d: Decoration) => d.from < d.to)
        .map((d) => ({
          peer: typeOf(d).attrs['data-peer'],
          text: state.doc.textBetween(d.from, d.to, '\n'),
        }));
    },
    widgets: () =>
      getPresence(state)
        .decorations.find()
        .filter((d: Decoration) => d.from === d.to).length,
  };
  return h;
}

const SENTENCE = 'Its owner blamed the fog.';

describe('presence plugin', () => {
  it('draws a peer’s selected sentence with their name and a stable colour', () => {
    const h = setup();
    h.present([{ clientId: 7, user: { name: 'Ben' }, selection: h.offsets(SENTENCE) }]);
    const [ben] = getPresence(h.state).peers;
    expect(ben.name).to.equal('Ben');
    expect(ben.colour).to.equal(presenceColour('Ben'));
    expect(h.state.doc.textBetween(ben.range!.from, ben.range!.to)).to.equal(SENTENCE);
    expect(h.drawn()).to.deep.equal([{ peer: 'Ben', text: SENTENCE }]);
    expect(h.widgets()).to.equal(1);
  });

  it('gives each name one colour of the palette, the same every time', () => {
    for (const name of ['Ana', 'Ben', 'Cleo', 'Anonymous', '安娜', '🙂']) {
      const colour = presenceColour(name);
      expect(colour).to.be.within(1, PRESENCE_COLOURS);
      expect(presenceColour(name)).to.equal(colour);
    }
  });

  it('counts offsets in UTF-16 code units, past an emoji', () => {
    const h = setup();
    h.present([{ clientId: 1, user: { name: 'Ana' }, selection: h.offsets('Repairs start on Friday.') }]);
    expect(h.drawn()).to.deep.equal([{ peer: 'Ana', text: 'Repairs start on Friday.' }]);
  });

  it('validates what peers send: names made safe, selections outside the text or not integers not drawn', () => {
    const h = setup();
    const length = h.text().length;
    const ok = h.offsets(SENTENCE);
    h.present([
      { clientId: 1, user: { name: 'Ana' }, selection: { start: -1, end: 4 } },
      { clientId: 2, user: { name: 'Ben' }, selection: { start: 3, end: length + 1 } },
      { clientId: 3, user: { name: 'Cleo' }, selection: { start: 1.5, end: 4 } },
      { clientId: 4, user: { name: 'Dan' }, selection: { start: '3', end: '9' } },
      { clientId: 5, user: { name: 'Eve' }, selection: { start: 9, end: 3 } },
      { clientId: 6, user: { name: 'Fay' }, selection: [3, 9] },
      { clientId: 8, user: { name: 42 }, selection: ok },
      { clientId: 9, user: { name: `  Gil\u0000\n${'o'.repeat(500)}` } },
      { user: { name: 'No client id' }, selection: ok },
      { clientId: '10', user: { name: 'Text client id' } },
      { clientId: 1, user: { name: 'Ana again' }, selection: ok },
      null,
      'Ben',
      [1, 2],
    ]);
    const peers = getPresence(h.state).peers;
    expect(peers.map((p) => p.clientId)).to.deep.equal([1, 8, 2, 3, 4, 5, 6, 9]);
    expect(peers.filter((p) => p.range).map((p) => p.name)).to.deep.equal(['Anonymous']);
    expect(h.drawn()).to.deep.equal([{ peer: 'Anonymous', text: SENTENCE }]);
    const long = peers.find((p) => p.clientId === 9)!;
    expect(long.name.startsWith('Gil o')).to.equal(true);
    expect([...long.name]).to.have.length(MAX_PEER_NAME_LENGTH);
    expect(long.name.endsWith('…')).to.equal(true);
  });

  it('keeps at most MAX_PEERS others', () => {
    const h = setup();
    h.present(Array.from({ length: MAX_PEERS + 10 }, (_, i) => ({ clientId: i, user: { name: `P${i}` } })));
    expect(getPresence(h.state).peers).to.have.length(MAX_PEERS);
  });

  it('maps a selection through edits before it, and drops it when its text is deleted', () => {
    const h = setup('edit');
    h.present([{ clientId: 7, user: { name: 'Ben' }, selection: h.offsets(SENTENCE) }]);
    h.apply((s) => s.tr.insertText('Late news: ', 1));
    expect(h.drawn()).to.deep.equal([{ peer: 'Ben', text: SENTENCE }]);
    expect(h.widgets()).to.equal(1);

    const { from, to } = getPresence(h.state).peers[0].range!;
    h.apply((s) => s.tr.delete(from - 1, to));
    expect(getPresence(h.state).peers.map((p) => [p.name, p.range])).to.deep.equal([['Ben', undefined]]);
    expect(h.drawn()).to.deep.equal([]);
    expect(h.widgets()).to.equal(0);
  });

  it('clears a peer who deselects or leaves, and redraws only the peers who changed', () => {
    const h = setup();
    const ana = { clientId: 1, user: { name: 'Ana' }, selection: h.offsets('The ferry to Orsk ran late all week.') };
    const ben = { clientId: 2, user: { name: 'Ben' }, selection: h.offsets(SENTENCE) };
    h.present([ana, ben]);
    const anaDecorations = () =>
      getPresence(h.state).decorations.find(undefined, undefined, (spec) => spec.presenceClient === 1);
    const before = anaDecorations();

    h.present([ana, { ...ben, selection: h.offsets('Repairs start on Friday.') }]);
    expect(anaDecorations()).to.deep.equal(before);
    // The same decorations, not redrawn ones (find copies each, around the same type).
    expect(anaDecorations().map(typeOf)).to.deep.equal(before.map(typeOf));
    expect(typeOf(anaDecorations()[1])).to.equal(typeOf(before[1]));
    expect(h.drawn().map((d) => d.text)).to.have.members([
      'The ferry to Orsk ran late all week.',
      'Repairs start on Friday.',
    ]);

    h.present([ana, { ...ben, selection: null }]);
    expect(h.drawn()).to.deep.equal([{ peer: 'Ana', text: 'The ferry to Orsk ran late all week.' }]);
    expect(getPresence(h.state).peers.map((p) => p.name)).to.deep.equal(['Ana', 'Ben']);

    h.present([]);
    expect(getPresence(h.state).peers).to.deep.equal([]);
    expect(getPresence(h.state).decorations.find()).to.deep.equal([]);
  });

  it('is set in annotate mode too (the text lock lets it through), stays as the local selection moves', () => {
    const h = setup('annotate');
    expect(getPresence(h.state).source).to.equal(NO_PEERS);
    const states = [{ clientId: 2, user: { name: 'Ben' }, selection: h.offsets(SENTENCE) }];
    h.present(states);
    expect(getPresence(h.state).source).to.equal(states);
    expect(h.drawn()).to.have.length(1);
    const selection = h.state.selection;
    h.apply((s) => s.tr.setSelection(TextSelection.create(s.doc, 3)));
    expect(h.drawn()).to.have.length(1);
    expect(h.state.selection.eq(selection)).to.equal(false);
  });

  it('draws a flag (not part of the text) and a quiet span with the name', () => {
    const h = setup();
    h.present([{ clientId: 2, user: { name: 'Ben' }, selection: h.offsets(SENTENCE) }]);
    const host = document.createElement('div');
    document.body.append(host);
    const view = new EditorView(host, { state: h.state });
    try {
      const span = host.querySelector<HTMLElement>('span.claim-presence[data-peer="Ben"]')!;
      expect(span.textContent).to.equal(SENTENCE);
      expect(span.dataset.presence).to.equal(String(presenceColour('Ben')));
      expect(span.title).to.equal('Ben has this selected');
      const flag = host.querySelector<HTMLElement>('.claim-presence-flag')!;
      expect(flag.getAttribute('aria-hidden')).to.equal('true');
      expect(flag.textContent).to.equal('');
      view.updateState(h.state.apply(setPresence(h.state.tr, [])));
      expect(host.querySelector('.claim-presence, .claim-presence-flag')).to.equal(null);
    } finally {
      view.destroy();
      host.remove();
    }
  });
});
