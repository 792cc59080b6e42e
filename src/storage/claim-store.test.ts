import { expect } from '@open-wc/testing';
import {
  Patches,
  allRecords,
  countRecords,
  createVersion1Database,
  databaseVersion,
  deleteDatabase,
  freshDbName,
  storeNames,
  until,
  type DocumentV1,
} from '../test-support/storage-helpers.js';
import type { Annotation } from '../model/annotation.js';
import { annotationOf as annotationOfText } from '../test-support/formats-helpers.js';
import { ClaimStore, DocumentGoneError, StorageError, classifyStorageError } from './claim-store.js';
import { DB_VERSION, type StoredAnnotation, type StoredDocument } from './db-schema.js';

/** Invented wire copy; nothing here is real reporting. */
const ARTICLE = [
  'Ferry services to Lunholm island resumed on Monday, the coastguard said.',
  'A spokesman for the island council called the delay regrettable.',
  'Fuel prices on the island have doubled since the storm, traders said.',
].join('\n');

function documentRecord(id: string, modified = '2024-03-01T10:00:00.000Z', text = ARTICLE): StoredDocument {
  return {
    id,
    title: `Ferry report ${id}`,
    content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] },
    text,
    revision: 1,
    created: '2024-03-01T09:00:00.000Z',
    modified,
  };
}

/** An annotation of `quote` in the sample article, saved at a fixed time. */
function annotationOf(quote: string, overrides: Partial<Annotation> = {}): Annotation {
  return annotationOfText(ARTICLE, quote, {
    created: '2024-03-01T10:00:00.000Z',
    modified: '2024-03-01T10:00:00.000Z',
    ...overrides,
  });
}

function stored(documentId: string, annotation: Annotation): StoredAnnotation {
  return { ...annotation, documentId };
}

const FERRY = 'Ferry services to Lunholm island resumed on Monday, the coastguard said.';
const SPOKESMAN = 'A spokesman for the island council called the delay regrettable.';
const FUEL = 'Fuel prices on the island have doubled since the storm, traders said.';

function byId<T extends { id: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => a.id.localeCompare(b.id));
}

describe('ClaimStore', () => {
  let name: string;
  const opened: ClaimStore[] = [];
  const patches = new Patches();

  async function open(): Promise<ClaimStore> {
    const store = await ClaimStore.open(name);
    opened.push(store);
    return store;
  }

  beforeEach(() => {
    name = freshDbName();
  });

  afterEach(async () => {
    patches.restore();
    for (const store of opened.splice(0)) store.close();
    await deleteDatabase(name);
  });

  it('round-trips a document and its annotations through a fresh connection', async () => {
    const store = await open();
    const document = documentRecord('doc-ferry');
    const annotations = [
      stored(
        'doc-ferry',
        annotationOf(FERRY, { tag: 'state-media-claim', source: 'Coastguard bulletin', note: 'Check the date.' }),
      ),
      stored(
        'doc-ferry',
        annotationOf(SPOKESMAN, { tag: 'analyst-opinion', creator: 'Night desk', verdict: 'Unproven' }),
      ),
    ];
    const result = await store.write({ documentId: 'doc-ferry', document, put: annotations, remove: [] });
    expect(result.newer).to.deep.equal([]);
    store.close();

    const again = await open();
    const loaded = await again.load('doc-ferry');
    expect(loaded, 'the document was saved').to.not.equal(undefined);
    expect(loaded!.document).to.deep.equal(document);
    expect(byId(loaded!.annotations)).to.deep.equal(byId(annotations));
    expect(await again.load('no-such-document')).to.equal(undefined);
  });

  it('writes exactly one annotation record when one annotation is written', async () => {
    const store = await open();
    const first = stored('doc-one', annotationOf(FERRY));
    const second = stored('doc-one', annotationOf(SPOKESMAN));
    await store.write({ documentId: 'doc-one', document: documentRecord('doc-one'), put: [first, second], remove: [] });
    expect(await countRecords(name, 'annotations')).to.equal(2);
    const documentsBefore = await allRecords<StoredDocument>(name, 'documents');

    const third = stored('doc-one', annotationOf(FUEL));
    await store.write({ documentId: 'doc-one', put: [third], remove: [] });
    expect(await countRecords(name, 'annotations'), 'one record added').to.equal(3);
    expect(await allRecords<StoredDocument>(name, 'documents'), 'the document is not rewritten').to.deep.equal(
      documentsBefore,
    );

    const changed = { ...first, note: 'Coastguard confirmed by phone.', modified: '2024-03-01T11:00:00.000Z' };
    await store.write({ documentId: 'doc-one', put: [changed], remove: [] });
    const records = await allRecords<StoredAnnotation>(name, 'annotations');
    expect(records, 'an update replaces the record in place').to.have.length(3);
    expect(records.find((r) => r.id === first.id)?.note).to.equal('Coastguard confirmed by phone.');
    expect(records.find((r) => r.id === second.id)).to.deep.include(second);
  });

  it('counts put calls: one annotation write is one put on the annotations store, one on its write count, and none on documents', async () => {
    const store = await open();
    await store.write({
      documentId: 'doc-puts',
      document: documentRecord('doc-puts'),
      put: [stored('doc-puts', annotationOf(FERRY))],
      remove: [],
    });
    const calls: string[] = [];
    const original = IDBObjectStore.prototype.put;
    patches.replace(
      IDBObjectStore.prototype,
      'put',
      function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
        calls.push(this.name);
        return original.apply(this, args);
      },
    );
    await store.write({ documentId: 'doc-puts', put: [stored('doc-puts', annotationOf(FUEL))], remove: [] });
    expect(calls).to.deep.equal(['annotationSequences', 'annotations']);
  });

  it('removes an annotation and only that one', async () => {
    const store = await open();
    const keep = stored('doc-rm', annotationOf(FERRY));
    const drop = stored('doc-rm', annotationOf(FUEL));
    await store.write({ documentId: 'doc-rm', document: documentRecord('doc-rm'), put: [keep, drop], remove: [] });
    await store.write({ documentId: 'doc-rm', put: [], remove: [drop.id] });
    const loaded = await store.load('doc-rm');
    expect(loaded?.annotations).to.deep.equal([keep]);
    expect(await countRecords(name, 'annotations')).to.equal(1);
  });

  it('lists documents most recently modified first, without their content', async () => {
    const store = await open();
    await store.write({
      documentId: 'older',
      document: documentRecord('older', '2024-01-05T08:00:00.000Z'),
      put: [],
      remove: [],
    });
    await store.write({
      documentId: 'newest',
      document: documentRecord('newest', '2024-06-30T08:00:00.000Z'),
      put: [],
      remove: [],
    });
    await store.write({
      documentId: 'middle',
      document: documentRecord('middle', '2024-03-15T08:00:00.000Z'),
      put: [],
      remove: [],
    });
    const list = await store.list();
    expect(list.map((d) => d.id)).to.deep.equal(['newest', 'middle', 'older']);
    expect(list[0]).to.deep.equal({
      id: 'newest',
      title: 'Ferry report newest',
      created: '2024-03-01T09:00:00.000Z',
      modified: '2024-06-30T08:00:00.000Z',
    });
  });

  it('lists a document as modified when only its annotations changed since its text was saved', async () => {
    const store = await open();
    const text = '2024-01-05T08:00:00.000Z';
    await store.write({ documentId: 'tagged', document: documentRecord('tagged', text), put: [], remove: [] });
    await store.write({
      documentId: 'later',
      document: documentRecord('later', '2024-02-01T08:00:00.000Z'),
      put: [],
      remove: [],
    });
    const annotation = stored('tagged', annotationOf(FERRY));
    await store.write({ documentId: 'tagged', put: [annotation], remove: [] });
    const [first] = await store.list();
    expect(first.id, 'the document tagged last comes first').to.equal('tagged');
    expect(first.modified > text, 'its annotation change is its last change').to.equal(true);
    const tagged = first.modified;
    await store.write({ documentId: 'tagged', put: [], remove: [annotation.id] });
    expect((await store.list())[0].modified >= tagged, 'a removal is a change too').to.equal(true);
  });

  it('delete removes the document and its annotations, and nothing of another document', async () => {
    const store = await open();
    const mine = [stored('doc-a', annotationOf(FERRY)), stored('doc-a', annotationOf(FUEL))];
    const theirs = [stored('doc-b', annotationOf(SPOKESMAN))];
    await store.write({ documentId: 'doc-a', document: documentRecord('doc-a'), put: mine, remove: [] });
    await store.write({ documentId: 'doc-b', document: documentRecord('doc-b'), put: theirs, remove: [] });

    await store.delete('doc-a');

    expect(await store.load('doc-a')).to.equal(undefined);
    expect((await allRecords<StoredAnnotation>(name, 'annotations')).map((a) => a.documentId)).to.deep.equal(['doc-b']);
    const other = await store.load('doc-b');
    expect(other?.document).to.deep.equal(documentRecord('doc-b'));
    expect(other?.annotations).to.deep.equal(theirs);
  });

  describe('after a deliberate deletion', () => {
    async function deletedDocument(): Promise<ClaimStore> {
      const store = await open();
      await store.write({
        documentId: 'doc-d',
        document: documentRecord('doc-d'),
        put: [stored('doc-d', annotationOf(FERRY))],
        remove: [],
      });
      await store.delete('doc-d');
      return store;
    }

    it('refuses a document write that does not ask to recreate it, and stores nothing of it', async () => {
      const store = await deletedDocument();
      const caught = await store
        .write({
          documentId: 'doc-d',
          document: documentRecord('doc-d'),
          put: [stored('doc-d', annotationOf(FUEL))],
          remove: [],
        })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(caught).to.be.instanceOf(DocumentGoneError);
      expect(caught).to.include({ kind: 'storage-deleted', deliberate: true });
      expect(await store.load('doc-d')).to.equal(undefined);
      expect(await countRecords(name, 'annotations')).to.equal(0);
    });

    it('refuses annotations written without their document, as deliberate', async () => {
      const store = await deletedDocument();
      const caught = await store
        .write({ documentId: 'doc-d', put: [stored('doc-d', annotationOf(FUEL))], remove: [] })
        .then(
          () => null,
          (error: unknown) => error,
        );
      expect(caught).to.include({ kind: 'storage-deleted', deliberate: true });
      expect(await countRecords(name, 'annotations')).to.equal(0);
    });

    it('recreates on request, removing the annotations a closing tab left after the deletion', async () => {
      const store = await deletedDocument();
      // A closing page writes without reading first: its annotations land although the document is gone.
      const orphan = stored('doc-d', annotationOf(SPOKESMAN));
      await store.write({ documentId: 'doc-d', put: [orphan], remove: [] }, { unloading: true });
      expect(await store.load('doc-d'), 'annotations without their document do not make a document').to.equal(
        undefined,
      );

      const kept = stored('doc-d', annotationOf(FUEL));
      await store.write(
        { documentId: 'doc-d', document: documentRecord('doc-d'), put: [kept], remove: [] },
        { recreate: true },
      );
      const loaded = await store.load('doc-d');
      expect(loaded?.document).to.deep.equal(documentRecord('doc-d'));
      expect(loaded?.annotations).to.deep.equal([kept]);

      const later = stored('doc-d', annotationOf(FERRY));
      await store.write({ documentId: 'doc-d', document: documentRecord('doc-d'), put: [later], remove: [] });
      expect((await store.load('doc-d'))?.annotations, 'recreating lifted the deletion').to.have.length(2);
    });
  });

  it('keeps a stored annotation with a later `modified` and returns it in `newer`', async () => {
    const store = await open();
    const base = stored('doc-c', annotationOf(FERRY, { note: 'first draft' }));
    const newerElsewhere = { ...base, note: 'edited in another tab', modified: '2024-03-02T12:00:00.000Z' };
    await store.write({ documentId: 'doc-c', document: documentRecord('doc-c'), put: [newerElsewhere], remove: [] });

    const staleWrite = { ...base, note: 'stale edit', modified: '2024-03-02T11:59:59.999Z' };
    const other = stored('doc-c', annotationOf(FUEL));
    const result = await store.write({ documentId: 'doc-c', put: [staleWrite, other], remove: [] });

    expect(result.newer).to.deep.equal([newerElsewhere]);
    const loaded = await store.load('doc-c');
    expect(loaded?.annotations.find((a) => a.id === base.id)).to.deep.equal(newerElsewhere);
    expect(
      loaded?.annotations.find((a) => a.id === other.id),
      'the rest of the write still happened',
    ).to.deep.equal(other);

    const laterWrite = { ...base, note: 'even later', modified: '2024-03-02T12:00:00.001Z' };
    expect((await store.write({ documentId: 'doc-c', put: [laterWrite], remove: [] })).newer).to.deep.equal([]);
    expect((await store.getAnnotations('doc-c', [base.id]))[0].note).to.equal('even later');
  });

  describe('packs', () => {
    /** More annotations than a document needs to be packed. */
    function many(documentId: string, count = 70): StoredAnnotation[] {
      return Array.from({ length: count }, (_, i) =>
        stored(documentId, annotationOf(FERRY, { id: `many-${String(i).padStart(3, '0')}`, note: `copy ${i}` })),
      );
    }

    /** The `getAll` calls made on each index while `action` runs, with how many records each returned. */
    async function recordsRead(action: () => Promise<unknown>): Promise<Record<string, number>> {
      const read: Record<string, number> = {};
      const original = IDBIndex.prototype.getAll;
      patches.replace(IDBIndex.prototype, 'getAll', function (this: IDBIndex, ...args: Parameters<IDBIndex['getAll']>) {
        const request = original.apply(this, args);
        request.addEventListener('success', () => (read[this.name] = (read[this.name] ?? 0) + request.result.length));
        return request;
      });
      await action();
      patches.restore();
      return read;
    }

    it('loads a packed document from its pack and only the records written since, without the removed ones', async () => {
      const store = await open();
      const annotations = many('doc-pack');
      await store.write({ documentId: 'doc-pack', document: documentRecord('doc-pack'), put: annotations, remove: [] });
      const [pack] = await allRecords<{ annotations: StoredAnnotation[] }>(name, 'annotationPacks');
      expect(pack.annotations, 'a large write packs the document').to.have.length(70);

      const changed = { ...annotations[3], note: 'checked again', modified: '2024-03-01T11:00:00.000Z' };
      const added = stored('doc-pack', annotationOf(FUEL, { id: 'late-addition' }));
      await store.write({ documentId: 'doc-pack', put: [changed], remove: [] });
      await store.write({ documentId: 'doc-pack', put: [added], remove: [annotations[5].id] });
      const [samePack] = await allRecords<{ annotations: StoredAnnotation[] }>(name, 'annotationPacks');
      expect(samePack, 'small writes leave the pack alone').to.deep.equal(pack);

      let loaded: Awaited<ReturnType<ClaimStore['load']>>;
      const read = await recordsRead(async () => (loaded = await store.load('doc-pack')));
      const expected = [
        ...annotations.filter((a) => a.id !== annotations[5].id && a.id !== changed.id),
        changed,
        added,
      ];
      expect(byId(loaded!.annotations)).to.deep.equal(byId(expected));
      expect(read, 'the records written since the pack, not every record').to.deep.equal({ 'by-sequence': 2 });
    });

    it('repacks once most annotations were written since the pack, and never loses a write meanwhile', async () => {
      const store = await open();
      const annotations = many('doc-repack');
      await store.write({
        documentId: 'doc-repack',
        document: documentRecord('doc-repack'),
        put: annotations,
        remove: [],
      });
      const moved = annotations.map((a) => ({ ...a, start: a.start + 1, end: a.end + 1 }));
      await store.write({ documentId: 'doc-repack', put: moved, remove: [] });
      const [pack] = await allRecords<{ annotations: StoredAnnotation[] }>(name, 'annotationPacks');
      expect(byId(pack.annotations), 'the pack holds the moved annotations').to.deep.equal(byId(moved));
      const read = await recordsRead(async () =>
        expect(byId((await store.load('doc-repack'))!.annotations)).to.deep.equal(byId(moved)),
      );
      expect(read).to.deep.equal({ 'by-sequence': 0 });
    });

    it('reads every record after a closing page wrote some (it drops the pack, which would hide them)', async () => {
      const store = await open();
      const annotations = many('doc-unload');
      await store.write({
        documentId: 'doc-unload',
        document: documentRecord('doc-unload'),
        put: annotations,
        remove: [],
      });
      const lastWord = { ...annotations[0], note: 'typed as the tab closed', modified: '2024-03-01T12:00:00.000Z' };
      await store.write({ documentId: 'doc-unload', put: [lastWord], remove: [] }, { unloading: true });
      expect(await countRecords(name, 'annotationPacks')).to.equal(0);
      const loaded = await store.load('doc-unload');
      expect(loaded!.annotations.find((a) => a.id === lastWord.id)).to.deep.equal(lastWord);
      expect(loaded!.annotations).to.have.length(70);
      await until(async () => (await countRecords(name, 'annotationPacks')) === 1, 'the load packs the document again');
    });

    it('delete removes a packed document’s pack and write count with its annotations', async () => {
      const store = await open();
      await store.write({
        documentId: 'doc-del',
        document: documentRecord('doc-del'),
        put: many('doc-del'),
        remove: [],
      });
      expect(await countRecords(name, 'annotationPacks')).to.equal(1);
      await store.delete('doc-del');
      expect(await countRecords(name, 'annotationPacks')).to.equal(0);
      expect(await countRecords(name, 'annotationSequences')).to.equal(0);
      expect(await countRecords(name, 'annotations')).to.equal(0);
    });

    it('packs nothing for a document another tab deleted between a load and the packing it started', async () => {
      const tab = await open();
      const other = await open();
      // Written by a closing page: no pack, so the next load packs the document afterwards.
      await tab.write(
        { documentId: 'doc-gone', document: documentRecord('doc-gone'), put: many('doc-gone'), remove: [] },
        { unloading: true },
      );
      const loading = tab.load('doc-gone');
      const deleting = other.delete('doc-gone');
      expect(await loading, 'loaded before the delete').to.not.equal(undefined);
      await deleting;
      // A later transaction of the loading tab runs after its packing.
      await tab.list();
      expect(await countRecords(name, 'annotationPacks')).to.equal(0);
      expect(await countRecords(name, 'annotationSequences')).to.equal(0);
    });
  });

  describe('article metadata', () => {
    const meta = {
      title: 'Ferry report meta',
      url: 'https://news.example/ferry',
      publisher: 'Island Post',
      author: 'R. Vale',
      datePublished: '2024-03-01',
      language: 'en',
    };

    it('round-trips with the document through a fresh connection', async () => {
      const store = await open();
      await store.write({ documentId: 'meta', document: { ...documentRecord('meta'), meta }, put: [], remove: [] });
      store.close();
      const again = await open();
      expect((await again.load('meta'))?.document?.meta).to.deep.equal(meta);
    });

    it('loads a document whose saved metadata no longer passes its checks, without that metadata', async () => {
      const store = await open();
      const bad = { ...documentRecord('bad'), meta: { ...meta, url: 'javascript:alert(1)' } };
      await store.write({ documentId: 'bad', document: bad, put: [], remove: [] });
      const loaded = await store.load('bad');
      expect(loaded?.document?.text).to.equal(ARTICLE);
      expect(loaded?.document).not.to.have.property('meta');
    });
  });

  describe('migration from version 1', () => {
    it('moves embedded annotations into their own store without losing anything', async () => {
      const a1 = annotationOf(FERRY, {
        tag: 'state-media-claim',
        source: 'Coastguard',
        note: 'From the radio bulletin.',
      });
      const a2 = annotationOf(FUEL, { tag: 'reported-fact', verdict: 'Accurate', creator: 'Weekend desk' });
      const b1 = annotationOf(SPOKESMAN, { tag: 'analyst-opinion', status: 'reanchored' });
      const withAnnotations: DocumentV1 = { ...documentRecord('legacy-a'), annotations: [a1, a2] };
      const other: DocumentV1 = { ...documentRecord('legacy-b', '2024-02-01T00:00:00.000Z'), annotations: [b1] };
      const bare: DocumentV1 = documentRecord('legacy-c', '2024-02-02T00:00:00.000Z');
      const v1 = await createVersion1Database(name, [withAnnotations, other, bare]);
      v1.close();

      const store = await open();

      expect(await databaseVersion(name)).to.equal(DB_VERSION);
      expect((await storeNames(name)).sort()).to.deep.equal([
        'annotationPacks',
        'annotationSequences',
        'annotations',
        'deletions',
        'documents',
        'setAside',
        'syncUpdates',
      ]);
      const documents = await allRecords<Record<string, unknown>>(name, 'documents');
      expect(documents).to.have.length(3);
      for (const document of documents)
        expect(document, `document ${String(document.id)}`).not.to.have.property('annotations');
      expect(await countRecords(name, 'annotations')).to.equal(3);

      const loadedA = await store.load('legacy-a');
      // Version 5: what the document knew of its article, its title, becomes its metadata.
      expect(loadedA?.document).to.deep.equal({
        ...documentRecord('legacy-a'),
        meta: { title: 'Ferry report legacy-a' },
      });
      expect(byId(loadedA!.annotations)).to.deep.equal(byId([stored('legacy-a', a1), stored('legacy-a', a2)]));
      const loadedB = await store.load('legacy-b');
      expect(loadedB?.annotations).to.deep.equal([stored('legacy-b', b1)]);
      expect((await store.load('legacy-c'))?.annotations).to.deep.equal([]);
      expect((await store.list()).map((d) => d.id)).to.deep.equal(['legacy-a', 'legacy-c', 'legacy-b']);
    });

    it('gives a titled document metadata holding its title, and an untitled one none', async () => {
      const untitled: DocumentV1 = { ...documentRecord('untitled'), title: '  ' };
      const v1 = await createVersion1Database(name, [documentRecord('titled'), untitled]);
      v1.close();
      const store = await open();
      expect((await store.load('titled'))?.document?.meta).to.deep.equal({ title: 'Ferry report titled' });
      expect((await store.load('untitled'))?.document).not.to.have.property('meta');
    });

    it('leaves a migrated database working for new writes', async () => {
      const a1 = annotationOf(FERRY);
      const v1 = await createVersion1Database(name, [{ ...documentRecord('legacy'), annotations: [a1] }]);
      v1.close();
      const store = await open();
      const added = stored('legacy', annotationOf(SPOKESMAN));
      await store.write({ documentId: 'legacy', put: [added], remove: [] });
      const loaded = await store.load('legacy');
      expect(byId(loaded!.annotations)).to.deep.equal(byId([stored('legacy', a1), added]));
    });
  });

  describe('errors', () => {
    /** The error `ClaimStore.open` rejects with; fails the test if it opens. */
    async function openFailure(dbName: string): Promise<StorageError> {
      const caught = await ClaimStore.open(dbName).then(
        (store) => {
          store.close();
          throw new Error('ClaimStore.open succeeded');
        },
        (error: unknown) => error,
      );
      expect(caught).to.be.instanceOf(StorageError);
      return caught as StorageError;
    }

    it('classifies QuotaExceededError as storage-full', () => {
      const error = classifyStorageError(new DOMException('x', 'QuotaExceededError'));
      expect(error).to.be.instanceOf(StorageError);
      expect(error.kind).to.equal('storage-full');
      expect(error.message).to.be.a('string').and.not.equal('');
    });

    it('classifies other failures as storage-failed and passes a StorageError through', () => {
      expect(classifyStorageError(new DOMException('disk gone', 'UnknownError')).kind).to.equal('storage-failed');
      const blocked = new StorageError('storage-blocked', 'blocked');
      expect(classifyStorageError(blocked)).to.equal(blocked);
    });

    it('reports storage-unavailable when indexedDB.open throws', async () => {
      patches.replace(IDBFactory.prototype, 'open', () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      });
      expect(await openFailure(name)).to.include({ kind: 'storage-unavailable' });
    });

    it('reports storage-unavailable when the open request fails', async () => {
      // A database at a higher version than the code knows cannot be opened.
      await new Promise<void>((resolve, reject) => {
        const request = indexedDB.open(name, 99);
        request.onsuccess = () => {
          request.result.close();
          resolve();
        };
        request.onerror = () => reject(request.error);
      });
      expect(await openFailure(name)).to.include({ kind: 'storage-unavailable' });
    });
  });
});
