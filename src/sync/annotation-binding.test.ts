import { expect } from '@open-wc/testing';
import * as Y from 'yjs';
import type { Annotation } from '../model/annotation.js';
import { ANNOTATIONS_PER_MESSAGE, AnnotationBinding } from './annotation-binding.js';
import { annotationsMap, readSharedAnnotations } from './doc-layout.js';

/** The sync server's default message limit (DEFAULT_MAX_MESSAGE_BYTES: browser tests import no server code). */
const DEFAULT_LIMIT = 2 * 1024 * 1024;

const sample: Annotation = {
  id: 'n1',
  tag: 'reported-fact',
  start: 0,
  end: 20,
  quote: 'The harbour reopened',
  prefix: '',
  suffix: ' on Tuesday.',
  source: 'the port office',
  created: '2026-01-01T00:00:00.000Z',
  modified: '2026-01-01T00:00:00.000Z',
  status: 'anchored',
};

/** Two Y.Docs wired to each other: every update of one is applied to the other. */
function wiredPair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  a.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'wire') Y.applyUpdate(b, update, 'wire');
  });
  b.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'wire') Y.applyUpdate(a, update, 'wire');
  });
  return { a, b };
}

function recorder() {
  const applied: { annotations: Annotation[]; removed: string[] }[] = [];
  const reports: string[][] = [];
  return {
    applied,
    reports,
    host: {
      apply: (annotations: Annotation[], removed: string[]) => applied.push({ annotations, removed }),
      report: (errors: string[]) => reports.push(errors),
    },
  };
}

describe('sync client: Y.Doc layout and binding', () => {
  it('round-trips an annotation through the layout', () => {
    const doc = new Y.Doc();
    new AnnotationBinding(doc, recorder().host).local([sample], []);
    const errors: string[] = [];
    expect(readSharedAnnotations(doc, errors)).to.deep.equal([sample]);
    expect(errors).to.deep.equal([]);
  });

  it('a tag in one doc reaches the other, and a removal too', () => {
    const { a, b } = wiredPair();
    const one = recorder();
    const two = recorder();
    const bindingA = new AnnotationBinding(a, one.host);
    new AnnotationBinding(b, two.host);
    bindingA.local([sample], []);
    expect(two.applied).to.deep.equal([{ annotations: [sample], removed: [] }]);
    expect(one.applied).to.deep.equal([]);
    bindingA.local([], ['n1']);
    expect(two.applied[1]).to.deep.equal({ annotations: [], removed: ['n1'] });
  });

  it('a note edit and a concurrent retag of one annotation both survive', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const bindingA = new AnnotationBinding(a, recorder().host);
    const bindingB = new AnnotationBinding(b, recorder().host);
    bindingA.local([sample], []);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    bindingA.local([{ ...sample, note: 'checked with the port' }], []);
    bindingB.local([{ ...sample, tag: 'analyst-opinion' }], []);
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    for (const doc of [a, b]) {
      const [merged] = readSharedAnnotations(doc, []);
      expect(merged.note).to.equal('checked with the port');
      expect(merged.tag).to.equal('analyst-opinion');
    }
  });

  it('drops and reports a malformed remote annotation', () => {
    const { a, b } = wiredPair();
    const two = recorder();
    new AnnotationBinding(b, two.host);
    const bad = new Y.Map<unknown>();
    a.transact(() => {
      annotationsMap(a).set('bad', bad);
      bad.set('tag', 'reported-fact');
      bad.set('start', 'not a number');
    });
    expect(two.applied).to.deep.equal([]);
    expect(two.reports.length).to.equal(1);
    expect(two.reports[0].join(' ')).to.contain('annotation bad');
  });

  it('seeds the shared state with local annotations it does not have, and applies the shared ones', () => {
    const doc = new Y.Doc();
    const other: Annotation = { ...sample, id: 'n2', tag: 'analyst-opinion' };
    new AnnotationBinding(doc, recorder().host).local([other], []);
    const host = recorder();
    const binding = new AnnotationBinding(doc, host.host);
    binding.seed([sample]);
    binding.pullAll();
    expect(
      readSharedAnnotations(doc, [])
        .map((a) => a.id)
        .sort(),
    ).to.deep.equal(['n1', 'n2']);
    expect(host.applied[0].annotations.map((a) => a.id).sort()).to.deep.equal(['n1', 'n2']);
  });

  it('sends thousands of annotations as several messages, each far under the server limit, and all arrive', () => {
    const { a, b } = wiredPair();
    const updates: number[] = [];
    a.on('update', (update: Uint8Array) => updates.push(update.byteLength));
    const many = Array.from({ length: 5000 }, (_, i) => ({
      ...sample,
      id: `m${i}`,
      note: `Checked against bulletin ${i}.`,
    }));
    const two = recorder();
    new AnnotationBinding(b, two.host);
    new AnnotationBinding(a, recorder().host).local(many, []);
    expect(updates.length).to.equal(5000 / ANNOTATIONS_PER_MESSAGE);
    expect(Math.max(...updates)).to.be.below(DEFAULT_LIMIT / 8);
    expect(readSharedAnnotations(b, []).length).to.equal(5000);
    expect(two.applied.flatMap((change) => change.annotations).length).to.equal(5000);
  });
});
