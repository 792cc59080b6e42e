import { expect } from '@open-wc/testing';
import {
  allRecords,
  createVersion5Database,
  databaseVersion,
  deleteDatabase,
  freshDbName,
  putRaw,
  storeNames,
} from '../test-support/storage-helpers.js';
import { ClaimStore } from './claim-store.js';
import {
  DB_VERSION,
  type SetAsideRecord,
  type StoredAnnotation,
  type StoredDocument,
  type SyncUpdateRecord,
} from './db-schema.js';

/** Invented text; nothing here is real reporting. */
const TEXT = 'The harbour board approved a second crane on Tuesday. Dock workers said the vote was close.';
const QUOTE = 'The harbour board approved a second crane on Tuesday.';

function documentRecord(id: string): StoredDocument {
  return {
    id,
    title: `Harbour ${id}`,
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: TEXT }] }] },
    text: TEXT,
    revision: 1,
    created: '2025-06-01T09:00:00.000Z',
    modified: '2025-06-01T10:00:00.000Z',
    meta: { title: `Harbour ${id}` },
  };
}

function annotationRecord(documentId: string, id: string): StoredAnnotation {
  return {
    documentId,
    id,
    tag: 'reported-fact',
    start: 0,
    end: QUOTE.length,
    quote: QUOTE,
    prefix: '',
    suffix: ' Dock workers',
    note: 'Board minutes, page 2.',
    created: '2025-06-01T10:00:00.000Z',
    modified: '2025-06-01T10:00:00.000Z',
    status: 'anchored',
  } as StoredAnnotation;
}

const bytes = (...values: number[]) => new Uint8Array(values);

describe('SyncUpdateStore', () => {
  let name: string;
  const opened: ClaimStore[] = [];

  async function open(): Promise<ClaimStore> {
    const store = await ClaimStore.open(name);
    opened.push(store);
    return store;
  }

  beforeEach(() => {
    name = freshDbName();
  });

  afterEach(async () => {
    for (const store of opened.splice(0)) store.close();
    await deleteDatabase(name);
  });

  describe('migration from version 5', () => {
    it('adds the syncUpdates store and keeps every record of version 5', async () => {
      const annotation = annotationRecord('harbour', 'a-1');
      const setAside: SetAsideRecord = {
        documentId: 'harbour',
        store: 'annotations',
        key: ['harbour', 'broken'],
        record: { id: 'broken' },
        problems: ['annotation broken: expected a tag.'],
        found: '2025-06-02T00:00:00.000Z',
      };
      await createVersion5Database(name, {
        documents: [documentRecord('harbour')],
        annotations: [annotation],
        annotationSequences: [{ documentId: 'harbour', seq: 1 }],
        setAside: [setAside],
        deletions: [{ documentId: 'gone', deleted: '2025-05-01T00:00:00.000Z' }],
      });

      const store = await open();

      expect(await databaseVersion(name)).to.equal(DB_VERSION);
      expect(DB_VERSION).to.equal(6);
      expect(await storeNames(name)).to.include('syncUpdates');
      const loaded = await store.load('harbour');
      expect(loaded?.document).to.deep.equal(documentRecord('harbour'));
      expect(loaded?.annotations).to.deep.equal([annotation]);
      expect(await allRecords(name, 'setAside')).to.deep.equal([setAside]);
      expect(await allRecords(name, 'deletions')).to.deep.equal([
        { documentId: 'gone', deleted: '2025-05-01T00:00:00.000Z' },
      ]);
      expect(await store.syncUpdates().read('harbour')).to.deep.equal({ updates: [], unreadable: [] });
      const key = await store.syncUpdates().append('harbour', bytes(1, 2, 3));
      expect((await store.syncUpdates().read('harbour')).updates).to.deep.equal([{ key, update: bytes(1, 2, 3) }]);
    });
  });

  it('reads a document’s updates in the order written, and only that document’s', async () => {
    const updates = (await open()).syncUpdates();
    const first = await updates.append('doc-a', bytes(1));
    await updates.append('doc-b', bytes(9));
    const second = await updates.append('doc-a', bytes(2, 2));

    const reopened = (await open()).syncUpdates();
    expect(await reopened.read('doc-a')).to.deep.equal({
      updates: [
        { key: first, update: bytes(1) },
        { key: second, update: bytes(2, 2) },
      ],
      unreadable: [],
    });
    expect((await reopened.read('doc-b')).updates.map((u) => u.update)).to.deep.equal([bytes(9)]);
  });

  it('compacts: an append replacing records deletes them in the same write, and no other document’s', async () => {
    const updates = (await open()).syncUpdates();
    const old = [await updates.append('doc-a', bytes(1)), await updates.append('doc-a', bytes(2))];
    await updates.append('doc-b', bytes(9));
    const later = await updates.append('doc-a', bytes(3));

    const compacted = await updates.append('doc-a', bytes(1, 2), { replacing: old });

    expect(await updates.read('doc-a')).to.deep.equal({
      updates: [
        { key: later, update: bytes(3) },
        { key: compacted, update: bytes(1, 2) },
      ],
      unreadable: [],
    });
    expect((await updates.read('doc-b')).updates).to.have.length(1);
  });

  it('appends while the page is closing (a transaction that also takes the annotations store)', async () => {
    const updates = (await open()).syncUpdates();
    const key = await updates.append('doc-a', bytes(7), { unloading: true });
    expect((await updates.read('doc-a')).updates).to.deep.equal([{ key, update: bytes(7) }]);
  });

  it('lists records of the wrong shape as unreadable, and sets them aside when asked', async () => {
    const store = await open();
    const updates = store.syncUpdates();
    const good = await updates.append('doc-a', bytes(5));
    await putRaw(name, 'syncUpdates', [
      { documentId: 'doc-a', update: 'not bytes' },
      { documentId: 'doc-a', update: new Uint8Array(0) },
      { documentId: 'doc-a' },
    ]);

    const read = await updates.read('doc-a');
    expect(read.updates).to.deep.equal([{ key: good, update: bytes(5) }]);
    expect(read.unreadable).to.have.length(3);
    expect(read.unreadable.map((record) => record.record)).to.deep.equal([
      { documentId: 'doc-a', update: 'not bytes' },
      { documentId: 'doc-a', update: new Uint8Array(0) },
      { documentId: 'doc-a' },
    ]);

    await updates.setAside('doc-a', read.unreadable);

    expect(await updates.read('doc-a')).to.deep.equal({ updates: [{ key: good, update: bytes(5) }], unreadable: [] });
    const kept = await allRecords<SetAsideRecord>(name, 'setAside');
    expect(kept.map(({ documentId, store: from, key, record }) => ({ documentId, from, key, record }))).to.deep.equal(
      read.unreadable.map(({ key, record }) => ({ documentId: 'doc-a', from: 'syncUpdates', key, record })),
    );
    for (const record of kept) expect(record.problems).to.have.length.greaterThan(0);
  });

  it('deleting a document removes its updates and keeps another document’s', async () => {
    const store = await open();
    await store.write({ documentId: 'doc-a', document: documentRecord('doc-a'), put: [], remove: [] });
    await store.write({ documentId: 'doc-b', document: documentRecord('doc-b'), put: [], remove: [] });
    const updates = store.syncUpdates();
    await updates.append('doc-a', bytes(1));
    await updates.append('doc-a', bytes(2));
    await updates.append('doc-b', bytes(3));

    await store.delete('doc-a');

    expect((await updates.read('doc-a')).updates).to.deep.equal([]);
    expect((await allRecords<SyncUpdateRecord>(name, 'syncUpdates')).map((r) => r.documentId)).to.deep.equal(['doc-b']);
  });
});
