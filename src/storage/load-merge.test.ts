import { expect } from '@open-wc/testing';
import type { Annotation } from '../model/annotation.js';
import type { StoredAnnotation, StoredDocument } from './db-schema.js';
import { mergeLoad, type LocalWork } from './load-merge.js';

const TEXT = 'The harbour reopened on Monday. Officials said the water was safe.';

function annotation(id: string, start = 0, end = 31): Annotation {
  return {
    id,
    tag: 'reported-fact',
    start,
    end,
    quote: TEXT.slice(start, end),
    status: 'anchored',
    created: '2026-01-01T00:00:00.000Z',
    modified: '2026-01-01T00:00:00.000Z',
  } as Annotation;
}

function stored(id: string): StoredAnnotation {
  return { ...annotation(id), documentId: 'doc' };
}

const document = {
  id: 'doc',
  title: 'Harbour',
  text: TEXT,
  content: {},
  revision: 3,
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  rejectedSuggestions: ['s1'],
} as unknown as StoredDocument;

function local(overrides: Partial<LocalWork> & { held?: Annotation[] } = {}): LocalWork {
  const held = overrides.held ?? [];
  return {
    lightDom: false,
    localArticle: false,
    changedIds: new Set(),
    text: '',
    annotations: (only) => held.filter((a) => !only || only.has(a.id)),
    ...overrides,
  };
}

describe('mergeLoad', () => {
  it('shows the saved article and its annotations, without storage fields, and writes nothing', () => {
    const merge = mergeLoad({ document, annotations: [stored('a')] }, local(), false);
    expect(merge.restore).to.deep.equal({ document, annotations: [annotation('a')], rejected: ['s1'] });
    expect(merge).to.include({ create: false, writeAll: false, writeDocument: false });
    expect(merge.writeIds).to.deep.equal([]);
    expect(merge.fromStorage.map((a) => a.id)).to.deep.equal(['a']);
  });

  it('keeps only what was changed here while loading, which wins over its saved version', () => {
    const mine = { ...annotation('a'), note: 'mine' };
    const other = annotation('from-previous-document');
    const merge = mergeLoad(
      { document, annotations: [stored('a'), stored('b')] },
      local({ held: [mine, other], changedIds: new Set(['a']) }),
      false,
    );
    expect(merge.restore?.annotations.map((a) => a.id)).to.deep.equal(['b', 'a']);
    expect(merge.restore?.annotations[1]).to.equal(mine);
    expect(merge.writeIds).to.deep.equal(['a']);
    expect(merge.fromStorage.map((a) => a.id)).to.deep.equal(['b']);
  });

  it('keeps a light-DOM article: the same text writes only what changed, another text writes all', () => {
    const held = [annotation('x')];
    const same = mergeLoad({ document, annotations: [stored('a')] }, local({ lightDom: true, held, text: TEXT }), true);
    expect(same.restore).to.deep.equal({ annotations: [annotation('a'), held[0]], rejected: ['s1'], empty: false });
    expect(same).to.include({ writeAll: false, writeDocument: true });
    expect(same.writeIds).to.deep.equal(['x']);
    const other = mergeLoad({ document, annotations: [] }, local({ lightDom: true, held, text: 'Other text.' }), false);
    expect(other).to.include({ writeAll: true, writeDocument: false, create: false });
    expect(other.writeIds).to.deep.equal([]);
  });

  it('writes all of an article loaded here meanwhile, even with the same text', () => {
    const merge = mergeLoad({ document, annotations: [] }, local({ localArticle: true, text: TEXT }), false);
    expect(merge.writeAll).to.equal(true);
  });

  it('with nothing saved: an empty article, created on the first write; a kept article stays and is written', () => {
    const empty = mergeLoad(undefined, local(), false);
    expect(empty.restore).to.deep.equal({ annotations: [], empty: true });
    expect(empty).to.include({ create: true, writeAll: false });
    const kept = mergeLoad(undefined, local({ lightDom: true, text: TEXT }), false);
    expect(kept.restore).to.equal(undefined);
    expect(kept).to.include({ create: true, writeAll: true });
  });

  it('puts annotations whose article could not be read at all onto an empty article', () => {
    const merge = mergeLoad({ annotations: [stored('a')] }, local(), false);
    expect(merge.restore).to.deep.equal({ annotations: [annotation('a')], rejected: [], empty: true });
    expect(merge.create).to.equal(true);
  });
});
