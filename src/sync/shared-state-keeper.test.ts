import { expect } from '@open-wc/testing';
import * as Y from 'yjs';
import type { Annotation } from '../model/annotation.js';
import { ClaimStore } from '../storage/claim-store.js';
import type { SetAsideRecord } from '../storage/db-schema.js';
import type { SyncUpdateStore } from '../storage/sync-update-store.js';
import { allRecords, deleteDatabase, freshDbName, putRaw, until } from '../test-support/storage-helpers.js';
import { AnnotationBinding } from './annotation-binding.js';
import { annotationsMap, readSharedAnnotations } from './doc-layout.js';
import { SharedStateKeeper, checkUpdates } from './shared-state-keeper.js';

const DOCUMENT = 'quarry-report';

/** Invented annotations of an invented article. */
function annotation(id: string, quote: string, fields: Partial<Annotation> = {}): Annotation {
  return {
    id,
    tag: 'reported-fact',
    start: 0,
    end: quote.length,
    quote,
    prefix: '',
    suffix: '',
    created: '2026-02-01T08:00:00.000Z',
    modified: '2026-02-01T08:00:00.000Z',
    status: 'anchored',
    ...fields,
  };
}

const QUARRY = annotation('q1', 'The quarry closed in March', { note: 'Council minutes.' });
const WORKERS = annotation('q2', 'Forty workers were moved to the depot', { note: 'Union figure.' });
const WORKERS_EDITED = {
  ...WORKERS,
  note: 'Union figure, confirmed by the depot.',
  modified: '2026-02-02T08:00:00.000Z',
};

const byId = (list: readonly Annotation[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

describe('SharedStateKeeper', () => {
  let name: string;
  let store: ClaimStore;
  let updates: SyncUpdateStore;
  const keepers: { keeper: SharedStateKeeper; released: Promise<void> }[] = [];
  const docs: Y.Doc[] = [];

  /** A Y.Doc, its binding and a keeper over the real store; `local` is the editor's annotations. */
  function session(local: () => Annotation[]) {
    const doc = new Y.Doc();
    docs.push(doc);
    const applied: { annotations: Annotation[]; removed: string[] }[] = [];
    const binding = new AnnotationBinding(doc, {
      apply: (annotations, removed) => applied.push({ annotations, removed }),
      report: () => undefined,
    });
    const problems: { kind: string; message: string }[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const keeper = new SharedStateKeeper(doc, binding, {
      documentId: DOCUMENT,
      store: () => Promise.resolve(updates),
      recordsSaved: () => Promise.resolve(),
      localAnnotations: local,
      problem: (kind, message) => problems.push({ kind, message }),
      released: release,
    });
    keepers.push({ keeper, released });
    return { doc, keeper, problems, applied };
  }

  /** Every stored update of the document, applied to a fresh doc. */
  async function storedState(): Promise<Y.Doc> {
    const doc = new Y.Doc();
    docs.push(doc);
    for (const { update } of (await updates.read(DOCUMENT)).updates) Y.applyUpdate(doc, update);
    return doc;
  }

  beforeEach(async () => {
    name = freshDbName();
    store = await ClaimStore.open(name);
    updates = store.syncUpdates();
  });

  afterEach(async () => {
    for (const { keeper, released } of keepers.splice(0)) {
      keeper.destroy();
      await released;
    }
    for (const doc of docs.splice(0)) doc.destroy();
    store.close();
    await deleteDatabase(name);
  });

  /** A first session that synced QUARRY and WORKERS and stored them; returns the server's copy of that state. */
  async function syncedBefore(): Promise<Y.Doc> {
    const first = session(() => []);
    await first.keeper.restored;
    first.keeper.local([QUARRY, WORKERS], []);
    first.keeper.synced();
    await until(async () => readSharedAnnotations(await storedState(), []).length === 2, 'the first state stored');
    const server = new Y.Doc();
    docs.push(server);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(first.doc));
    return server;
  }

  it('restores the stored doc, and the offline deletion and edit become Y ops that win on the server', async () => {
    const server = await syncedBefore();

    // Reopened offline: the editor's records lack QUARRY (deleted) and hold WORKERS with a new note.
    const reopened = session(() => [WORKERS_EDITED]);
    await reopened.keeper.restored;

    expect(readSharedAnnotations(reopened.doc, [])).to.deep.equal([WORKERS_EDITED]);
    expect(reopened.problems).to.deep.equal([]);
    expect(reopened.applied, 'nothing of its own is applied back to the editor').to.deep.equal([]);
    const ops = Y.encodeStateAsUpdate(reopened.doc, Y.encodeStateVector(server));
    Y.applyUpdate(server, ops);
    expect(readSharedAnnotations(server, []), 'the server after the reconnect').to.deep.equal([WORKERS_EDITED]);
  });

  it('without a stored doc, restores nothing: the editor’s changes made meanwhile are written after', async () => {
    const first = session(() => [QUARRY]);
    first.keeper.local([QUARRY], []);
    expect(annotationsMap(first.doc).size, 'kept back while restoring').to.equal(0);
    await first.keeper.restored;
    expect(byId(readSharedAnnotations(first.doc, []))).to.deep.equal([QUARRY]);
    expect((await updates.read(DOCUMENT)).updates, 'nothing stored before the first sync').to.deep.equal([]);
  });

  it('stores later changes, so the next restore holds them (the stored records compacted into one)', async () => {
    await syncedBefore();
    const second = session(() => [QUARRY, WORKERS]);
    await second.keeper.restored;
    second.keeper.local([WORKERS_EDITED], []);
    await until(
      async () =>
        (await updates.read(DOCUMENT)).updates.length === 1 &&
        annotationsOf(await storedState()).q2?.note === WORKERS_EDITED.note,
      'the edit stored and the records compacted',
    );
  });

  it('sets an unreadable stored update aside and reports it, and applies none of the stored state', async () => {
    await syncedBefore();
    await putRaw(name, 'syncUpdates', [{ documentId: DOCUMENT, update: new Uint8Array([0, 7, 255, 255, 255, 255]) }]);

    const reopened = session(() => [WORKERS]);
    await reopened.keeper.restored;

    expect(annotationsMap(reopened.doc).size, 'nothing stored was applied').to.equal(0);
    expect(reopened.problems.map((problem) => problem.kind)).to.deep.equal(['storage-corrupt']);
    expect(reopened.problems[0].message).to.contain('set aside');
    expect((await updates.read(DOCUMENT)).updates).to.deep.equal([]);
    const setAside = await allRecords<SetAsideRecord>(name, 'setAside');
    expect(setAside.length).to.be.greaterThan(0);
    expect(setAside.every((record) => record.store === 'syncUpdates' && record.documentId === DOCUMENT)).to.equal(true);
  });

  it('sets aside stored updates that build on one that is missing', async () => {
    const source = new Y.Doc();
    docs.push(source);
    const written: Uint8Array[] = [];
    source.on('update', (update: Uint8Array) => written.push(update));
    annotationsMap(source).set('x', new Y.Map());
    annotationsMap(source).get('x')!.set('note', 'second');
    await updates.append(DOCUMENT, written[1]);

    expect(checkUpdates((await updates.read(DOCUMENT)).updates)).to.have.property('problems');
    const reopened = session(() => []);
    await reopened.keeper.restored;
    expect(annotationsMap(reopened.doc).size).to.equal(0);
    expect(reopened.problems.map((problem) => problem.kind)).to.deep.equal(['storage-corrupt']);
  });

  it('reports a store that cannot be read, and restores nothing', async () => {
    await syncedBefore();
    const doc = new Y.Doc();
    docs.push(doc);
    const problems: string[] = [];
    const binding = new AnnotationBinding(doc, { apply: () => undefined, report: () => undefined });
    const keeper = new SharedStateKeeper(doc, binding, {
      documentId: DOCUMENT,
      store: () => Promise.reject(new DOMException('The disk is gone.', 'UnknownError')),
      recordsSaved: () => Promise.resolve(),
      localAnnotations: () => [WORKERS],
      problem: (_kind, message) => problems.push(message),
    });
    keepers.push({ keeper, released: Promise.resolve() });
    await keeper.restored;
    expect(annotationsMap(doc).size).to.equal(0);
    expect(problems).to.have.length(1);
    expect(problems[0]).to.contain('could not be read');
  });
});

function annotationsOf(doc: Y.Doc): Record<string, Annotation | undefined> {
  return Object.fromEntries(readSharedAnnotations(doc, []).map((item) => [item.id, item]));
}
