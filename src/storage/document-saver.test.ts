import { expect } from '@open-wc/testing';
import { annotationOf } from '../test-support/formats-helpers.js';
import { deleteDatabase, freshDbName, until } from '../test-support/storage-helpers.js';
import { ClaimStore, DocumentGoneError, StorageError, type ChangeSet } from './claim-store.js';
import type { StoredAnnotation, StoredDocument } from './db-schema.js';
import { DocumentSaver, type SaveSource, type SaverCallbacks } from './document-saver.js';

/** Invented wire copy; nothing here is real reporting. */
const TEXT = [
  'Grain barges left the river port of Ostra at dawn, the shipping board said.',
  'A logistics professor in Tallinn said the convoy was smaller than announced.',
  'Insurance rates for the route rose by a third last month.',
].join('\n');

const DOC_ID = 'barge-report';

function quoteAnnotation(quote: string, tag: string): StoredAnnotation {
  const at = '2024-05-01T08:00:00.000Z';
  return { ...annotationOf(TEXT, quote, { tag, created: at, modified: at }), documentId: DOC_ID };
}

/** A fake editor: the saver reads whatever it holds at the moment it writes. */
class FakeSource implements SaveSource {
  readonly annotations = new Map<string, StoredAnnotation>();
  revision = 0;
  title = 'Barges leave Ostra';

  add(annotation: StoredAnnotation): StoredAnnotation {
    this.annotations.set(annotation.id, annotation);
    return annotation;
  }

  document(): StoredDocument {
    this.revision += 1;
    return {
      id: DOC_ID,
      title: this.title,
      content: { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: TEXT }] }] },
      text: TEXT,
      revision: this.revision,
      created: '2024-05-01T08:00:00.000Z',
      modified: '2024-05-01T08:00:00.000Z',
    };
  }

  annotation(id: string): StoredAnnotation | undefined {
    return this.annotations.get(id);
  }

  annotationIds(): string[] {
    return [...this.annotations.keys()];
  }
}

interface Recorded {
  saved: Parameters<SaverCallbacks['saved']>[0][];
  failed: { error: StorageError; retryInMs: number }[];
  adopted: StoredAnnotation[][];
  gone: DocumentGoneError[];
}

describe('DocumentSaver', () => {
  let name: string;
  let store: ClaimStore;
  let failWith: unknown;
  let writes: ChangeSet[];
  let source: FakeSource;
  let recorded: Recorded;
  const savers: DocumentSaver[] = [];
  const stores: ClaimStore[] = [];

  /**
   * A saver of a document not stored yet (its first write creates it), unless `creating: false` makes it one whose
   * record vanished.
   */
  function makeSaver(delayMs = 30, { creating = true } = {}): DocumentSaver {
    const saver = new DocumentSaver(
      DOC_ID,
      () => (failWith !== undefined ? Promise.reject(failWith) : Promise.resolve(store)),
      source,
      {
        saved: (written) => recorded.saved.push(written),
        failed: (error, retryInMs) => recorded.failed.push({ error, retryInMs }),
        adopt: (newer) => recorded.adopted.push(newer),
        gone: (error) => recorded.gone.push(error),
      },
      delayMs,
    );
    if (creating) saver.create();
    savers.push(saver);
    return saver;
  }

  /** A connection of its own, as another tab or a reload would have. */
  async function freshStore(): Promise<ClaimStore> {
    const other = await ClaimStore.open(name);
    stores.push(other);
    return other;
  }

  beforeEach(async () => {
    name = freshDbName();
    store = await ClaimStore.open(name);
    stores.push(store);
    const write = store.write.bind(store);
    writes = [];
    store.write = (changes: ChangeSet, options) => {
      writes.push(changes);
      return write(changes, options);
    };
    failWith = undefined;
    source = new FakeSource();
    recorded = { saved: [], failed: [], adopted: [], gone: [] };
  });

  afterEach(async () => {
    for (const saver of savers.splice(0)) saver.stop();
    for (const each of stores.splice(0)) each.close();
    await deleteDatabase(name);
  });

  it('debounces a burst of marks into one write holding all of them', async () => {
    const saver = makeSaver();
    const a = source.add(
      quoteAnnotation(
        'Grain barges left the river port of Ostra at dawn, the shipping board said.',
        'state-media-claim',
      ),
    );
    const b = source.add(
      quoteAnnotation(
        'A logistics professor in Tallinn said the convoy was smaller than announced.',
        'analyst-opinion',
      ),
    );
    const c = source.add(quoteAnnotation('Insurance rates for the route rose by a third last month.', 'reported-fact'));
    saver.markDocument();
    saver.markAnnotations([a.id]);
    saver.markAnnotations([b.id, a.id]);
    saver.markAnnotations([c.id]);

    await until(() => recorded.saved.length > 0, 'the debounced write');
    await saver.flush();

    expect(writes, 'one transaction for the burst').to.have.length(1);
    expect(writes[0].put.map((x) => x.id).sort()).to.deep.equal([a.id, b.id, c.id].sort());
    expect(writes[0].document?.id).to.equal(DOC_ID);
    expect(recorded.saved).to.have.length(1);
    expect(recorded.saved[0].annotationIds.sort()).to.deep.equal([a.id, b.id, c.id].sort());
    expect(recorded.failed).to.deep.equal([]);
  });

  it('writes the values current at write time, not those at mark time', async () => {
    await (await freshStore()).write({ documentId: DOC_ID, document: source.document(), put: [], remove: [] });
    const saver = makeSaver();
    const a = source.add(quoteAnnotation('Insurance rates for the route rose by a third last month.', 'reported-fact'));
    saver.markAnnotations([a.id]);
    source.add({ ...a, note: 'Broker figures, not official.', modified: '2024-05-01T08:05:00.000Z' });
    await saver.flush();
    expect(writes).to.have.length(1);
    const [read] = await (await freshStore()).getAnnotations(DOC_ID, [a.id]);
    expect(read.note).to.equal('Broker figures, not official.');
  });

  it('flush() resolves once the records can be read through another connection', async () => {
    const saver = makeSaver(10_000);
    const a = source.add(
      quoteAnnotation(
        'Grain barges left the river port of Ostra at dawn, the shipping board said.',
        'state-media-claim',
      ),
    );
    const b = source.add(quoteAnnotation('Insurance rates for the route rose by a third last month.', 'reported-fact'));
    saver.markDocument();
    saver.markAnnotations([a.id, b.id]);
    expect(saver.pending).to.equal(true);

    await saver.flush();

    expect(saver.pending).to.equal(false);
    const loaded = await (await freshStore()).load(DOC_ID);
    expect(loaded?.document?.text).to.equal(TEXT);
    expect(loaded?.annotations.map((x) => x.id).sort()).to.deep.equal([a.id, b.id].sort());
    expect(recorded.saved).to.have.length(1);
  });

  it('writes a removal: an id marked whose annotation is gone is deleted', async () => {
    const saver = makeSaver();
    const a = source.add(quoteAnnotation('Insurance rates for the route rose by a third last month.', 'reported-fact'));
    saver.markDocument();
    saver.markAnnotations([a.id]);
    await saver.flush();
    source.annotations.delete(a.id);
    saver.markAnnotations([a.id]);
    await saver.flush();
    expect((await (await freshStore()).load(DOC_ID))?.annotations).to.deep.equal([]);
    expect(recorded.saved[1].removedIds).to.deep.equal([a.id]);
  });

  it('isPending is true from mark until the write is durable, per annotation', async () => {
    const saver = makeSaver(10_000);
    const a = source.add(
      quoteAnnotation(
        'Grain barges left the river port of Ostra at dawn, the shipping board said.',
        'state-media-claim',
      ),
    );
    const b = source.add(quoteAnnotation('Insurance rates for the route rose by a third last month.', 'reported-fact'));
    expect(saver.isPending(a.id)).to.equal(false);
    saver.markAnnotations([a.id]);
    expect(saver.isPending(a.id)).to.equal(true);
    expect(saver.isPending(b.id)).to.equal(false);
    await saver.flush();
    expect(saver.isPending(a.id)).to.equal(false);
    expect(saver.pending).to.equal(false);
  });

  it('keeps a change made while a write is in flight pending and writes it next', async () => {
    const saver = makeSaver();
    const a = source.add(
      quoteAnnotation(
        'Grain barges left the river port of Ostra at dawn, the shipping board said.',
        'state-media-claim',
      ),
    );
    saver.markAnnotations([a.id]);
    const first = saver.flush();
    await Promise.resolve();
    const b = source.add(
      quoteAnnotation(
        'A logistics professor in Tallinn said the convoy was smaller than announced.',
        'analyst-opinion',
      ),
    );
    saver.markAnnotations([b.id]);
    await first;
    await saver.flush();
    const loaded = await (await freshStore()).getAnnotations(DOC_ID, [a.id, b.id]);
    expect(loaded.map((x) => x.id).sort()).to.deep.equal([a.id, b.id].sort());
    expect(saver.pending).to.equal(false);
  });

  it('hands a newer stored annotation to adopt() instead of overwriting it', async () => {
    const saver = makeSaver();
    const a = source.add(quoteAnnotation('Insurance rates for the route rose by a third last month.', 'reported-fact'));
    const theirs = { ...a, note: 'Changed in another tab.', modified: '2024-05-02T09:00:00.000Z' };
    await (await freshStore()).write({ documentId: DOC_ID, document: source.document(), put: [theirs], remove: [] });
    saver.markAnnotations([a.id]);
    await saver.flush();
    expect(recorded.adopted).to.deep.equal([[theirs]]);
    expect((await store.getAnnotations(DOC_ID, [a.id]))[0].note).to.equal('Changed in another tab.');
  });

  describe('when the document’s record is gone', () => {
    it('wiped with the database: says so, keeps the change, and writes everything back when told to', async () => {
      const saver = makeSaver(30, { creating: false });
      const a = source.add(
        quoteAnnotation(
          'Grain barges left the river port of Ostra at dawn, the shipping board said.',
          'state-media-claim',
        ),
      );
      const b = source.add(
        quoteAnnotation('Insurance rates for the route rose by a third last month.', 'reported-fact'),
      );
      saver.markAnnotations([b.id]);
      let failure: unknown;
      await saver.flush().catch((error: unknown) => (failure = error));

      expect(failure, 'flush() does not say saved').to.be.instanceOf(DocumentGoneError);
      expect(recorded.gone.map((error) => error.deliberate)).to.deep.equal([false]);
      expect(recorded.gone[0].kind).to.equal('storage-deleted');
      // Whether to write back is the editor's call (one taken off the page does not).
      expect(saver.pendingChanges(), 'only the change itself is kept').to.deep.equal({
        annotationIds: [b.id],
        document: false,
      });
      saver.markAll();
      await saver.flush();
      const loaded = await (await freshStore()).load(DOC_ID);
      expect(loaded?.document?.text, 'the article written back').to.equal(TEXT);
      expect(loaded?.annotations.map((x) => x.id).sort()).to.deep.equal([a.id, b.id].sort());
      expect(recorded.saved, 'saved is said only of the write that stored it').to.have.length(1);
    });

    it('deleted on purpose: writes nothing, holds the change, and flush() rejects', async () => {
      const other = await freshStore();
      await other.write({ documentId: DOC_ID, document: source.document(), put: [], remove: [] });
      await other.delete(DOC_ID);
      const saver = makeSaver(30, { creating: false });
      const a = source.add(
        quoteAnnotation('Insurance rates for the route rose by a third last month.', 'reported-fact'),
      );
      saver.markAnnotations([a.id]);

      let failure: unknown;
      await saver.flush().catch((error: unknown) => (failure = error));
      expect(failure).to.be.instanceOf(DocumentGoneError);
      expect((failure as DocumentGoneError).kind).to.equal('storage-deleted');
      expect(recorded.gone.map((error) => error.deliberate)).to.deep.equal([true]);
      expect(recorded.saved).to.deep.equal([]);
      expect(saver.pending, 'the change is kept').to.equal(true);
      expect(await (await freshStore()).load(DOC_ID)).to.equal(undefined);
      expect(await (await freshStore()).getAnnotations(DOC_ID, [a.id])).to.deep.equal([]);

      saver.markAll();
      saver.release();
      await saver.flush().catch((error: unknown) => (failure = error));
      expect((failure as DocumentGoneError).deliberate, 'not written again without being asked to').to.equal(true);

      saver.create();
      saver.release();
      await saver.flush();
      expect((await (await freshStore()).load(DOC_ID))?.annotations.map((x) => x.id)).to.deep.equal([a.id]);
    });
  });

  describe('while storage fails', () => {
    it('keeps everything pending, reports a retry delay, and a later success writes it all', async () => {
      const saver = makeSaver();
      failWith = new DOMException('full', 'QuotaExceededError');
      const a = source.add(
        quoteAnnotation(
          'Grain barges left the river port of Ostra at dawn, the shipping board said.',
          'state-media-claim',
        ),
      );
      const b = source.add(
        quoteAnnotation(
          'A logistics professor in Tallinn said the convoy was smaller than announced.',
          'analyst-opinion',
        ),
      );
      saver.markDocument();
      saver.markAnnotations([a.id, b.id]);

      await until(() => recorded.failed.length > 0, 'the failed write to be reported');

      const [{ error, retryInMs }] = recorded.failed;
      expect(error).to.be.instanceOf(StorageError);
      expect(error.kind).to.equal('storage-full');
      expect(retryInMs).to.be.a('number').and.to.be.greaterThan(0);
      expect(saver.pending).to.equal(true);
      expect(saver.isPending(a.id)).to.equal(true);
      expect(saver.isPending(b.id)).to.equal(true);
      expect(recorded.saved).to.deep.equal([]);

      // A change made while failing joins the pending set.
      const c = source.add(
        quoteAnnotation('Insurance rates for the route rose by a third last month.', 'reported-fact'),
      );
      saver.markAnnotations([c.id]);
      expect(saver.isPending(c.id)).to.equal(true);

      failWith = undefined;
      saver.retryNow();
      await until(() => recorded.saved.length > 0, 'the write after storage came back');
      await saver.flush();

      const loaded = await (await freshStore()).load(DOC_ID);
      expect(loaded?.document?.id, 'the document was kept pending too').to.equal(DOC_ID);
      expect(loaded?.annotations.map((x) => x.id).sort()).to.deep.equal([a.id, b.id, c.id].sort());
      expect(saver.pending).to.equal(false);
    });

    it('retries on its own after the reported delay', async () => {
      const saver = makeSaver();
      failWith = new DOMException('disk error', 'UnknownError');
      const a = source.add(
        quoteAnnotation('Insurance rates for the route rose by a third last month.', 'reported-fact'),
      );
      saver.markAnnotations([a.id]);
      await until(() => recorded.failed.length > 0, 'the failure');
      expect(recorded.failed[0].error.kind).to.equal('storage-failed');
      failWith = undefined;
      await until(() => recorded.saved.length > 0, 'the scheduled retry', 8000);
      expect((await (await freshStore()).getAnnotations(DOC_ID, [a.id])).map((x) => x.id)).to.deep.equal([a.id]);
    });

    it('flush() rejects with the StorageError while storage fails and keeps the changes', async () => {
      const saver = makeSaver();
      failWith = new DOMException('full', 'QuotaExceededError');
      const a = source.add(
        quoteAnnotation('Insurance rates for the route rose by a third last month.', 'reported-fact'),
      );
      saver.markAnnotations([a.id]);

      let caught: unknown;
      try {
        await saver.flush();
      } catch (error) {
        caught = error;
      }
      expect(caught, 'flush rejected').to.be.instanceOf(StorageError);
      expect((caught as StorageError).kind).to.equal('storage-full');
      expect(saver.isPending(a.id)).to.equal(true);

      failWith = undefined;
      await saver.flush();
      expect(saver.isPending(a.id)).to.equal(false);
      expect((await (await freshStore()).getAnnotations(DOC_ID, [a.id])).map((x) => x.id)).to.deep.equal([a.id]);
    });

    it('keeps changes pending when the write itself fails inside IndexedDB', async () => {
      const saver = makeSaver();
      const write = store.write.bind(store);
      let failing = true;
      store.write = (changes: ChangeSet) =>
        failing ? Promise.reject(new DOMException('full', 'QuotaExceededError')) : write(changes);
      const a = source.add(
        quoteAnnotation('Insurance rates for the route rose by a third last month.', 'reported-fact'),
      );
      saver.markAnnotations([a.id]);
      await until(() => recorded.failed.length > 0, 'the failed write');
      expect(recorded.failed[0].error.kind).to.equal('storage-full');
      expect(saver.isPending(a.id)).to.equal(true);
      failing = false;
      await saver.flush();
      expect((await (await freshStore()).getAnnotations(DOC_ID, [a.id])).map((x) => x.id)).to.deep.equal([a.id]);
    });
  });
});
