/**
 * What storage can do to a fact-checker's work behind the editor's back:
 * records that cannot be read, and a database or document deleted while the
 * article is open. Nothing readable is lost, and "saved" is said only of
 * what is stored.
 */
import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import '../../define.js';
import { readArticleJSON } from '../../editor/article.js';
import { ClaimStore, deleteDocument, type ChangeSet } from '../../storage/claim-store.js';
import { safetyCopyKeys } from '../../storage/safety-copy.js';
import type { SetAsideRecord, StoredAnnotation, StoredDocument } from '../../storage/db-schema.js';
import { shadowOf } from '../../test-support/editor-helpers.js';
import {
  allRecords,
  countRecords,
  deleteDatabase,
  freshDbName,
  nextEvent,
  Patches,
  putRaw,
  storedAnnotations,
  storedDocument,
  until,
} from '../../test-support/storage-helpers.js';
import type { ClaimEditor, ClaimErrorDetail } from './claim-editor.component.js';

declare global {
  interface Window {
    /** Set by a stored article's script, if it ever runs. */
    __claimStoredScript?: number;
  }
}

/** Invented wire copy; nothing here is real reporting. */
const HEADLINE = 'Salt flats lithium plan draws questions';
const PLAN = 'The national mining agency said the Orvat salt flats would yield ten thousand tonnes of lithium a year.';
const DOUBT = 'A geologist at Tessin University said the brine was too dilute for that figure.';
const PERMITS = 'Three drilling permits were issued in April.';
const WATER = 'Farmers near the flats have complained about falling water tables.';
const ARTICLE_HTML = `<h2>${HEADLINE}</h2><p>${PLAN} ${DOUBT}</p><p>${PERMITS} ${WATER}</p>`;
const ARTICLE_TEXT = `${HEADLINE}\n${PLAN} ${DOUBT}\n${PERMITS} ${WATER}`;

type ErrorEvent = CustomEvent<ClaimErrorDetail>;

describe('<claim-editor> storage faults', () => {
  let dbName: string;
  let errors: ClaimErrorDetail[];
  const patches = new Patches();
  const onError = (event: Event) => errors.push((event as ErrorEvent).detail);

  async function mount(documentId: string, article = ''): Promise<ClaimEditor> {
    const editor = await fixture<ClaimEditor>(
      `<claim-editor document-id="${documentId}" db-name="${dbName}">${article}</claim-editor>`,
    );
    await editor.updateComplete;
    return editor;
  }

  async function mountLoaded(documentId: string, article = ''): Promise<ClaimEditor> {
    const editor = await mount(documentId, article);
    await editor.flush();
    return editor;
  }

  /** A saved article with three annotations; the editor that saved it is gone. */
  async function savedArticle(documentId: string): Promise<StoredAnnotation[]> {
    const editor = await mountLoaded(documentId, ARTICLE_HTML);
    editor.addAnnotation({ tag: 'state-media-claim', quote: PLAN, source: 'National mining agency' });
    editor.addAnnotation({ tag: 'analyst-opinion', quote: DOUBT });
    editor.addAnnotation({ tag: 'reported-fact', quote: PERMITS });
    await editor.flush();
    editor.remove();
    return storedAnnotations(dbName, documentId);
  }

  function notice(editor: ClaimEditor): string {
    return shadowOf(editor).querySelector('.storage-notice')?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
  }

  beforeEach(() => {
    dbName = freshDbName();
    errors = [];
    document.addEventListener('claim-error', onError);
  });

  afterEach(async () => {
    patches.restore();
    document.removeEventListener('claim-error', onError);
    fixtureCleanup();
    delete window.__claimStoredScript;
    await deleteDatabase(dbName);
  });

  describe('records that cannot be read', () => {
    it('loads every good annotation, sets the bad ones aside and says which and why', async () => {
      const [plan, doubt, permits] = (await savedArticle('flats')).sort((a, b) => a.start - b.start);
      await putRaw(dbName, 'annotations', [
        { ...doubt, quote: 42 },
        { ...permits, id: 'weird-status', status: 'weird' },
        { ...permits, id: 'object-note', note: { text: 'not text' } },
        { ...permits, id: 7 },
      ]);

      const editor = await mountLoaded('flats');
      await editor.updateComplete;

      expect(editor.annotations.map((a) => a.id).sort()).to.deep.equal([plan.id, permits.id].sort());
      expect(editor.text).to.equal(ARTICLE_TEXT);
      const corrupt = errors.filter((e) => e.kind === 'storage-corrupt');
      expect(corrupt).to.have.length(1);
      expect(corrupt[0].message)
        .to.include('4 saved records')
        .and.include(`annotation "${doubt.id}"`)
        .and.include('quote: expected text');
      expect(notice(editor)).to.include('kept aside');

      const setAside = await allRecords<SetAsideRecord>(dbName, 'setAside');
      expect(setAside.map((r) => (r.record as { id: unknown }).id).sort()).to.deep.equal(
        [7, doubt.id, 'object-note', 'weird-status'].sort(),
      );
      expect(setAside.every((r) => r.documentId === 'flats' && r.problems.length > 0)).to.equal(true);
      expect((await storedAnnotations(dbName, 'flats')).map((a) => a.id).sort(), 'the good records stay').to.deep.equal(
        [plan.id, permits.id].sort(),
      );
      expect(editor.exportAs('json')).to.not.include('weird');

      editor.remove();
      errors = [];
      const again = await mountLoaded('flats');
      expect(again.annotations.map((a) => a.id).sort(), 'the next load is clean').to.deep.equal(
        [plan.id, permits.id].sort(),
      );
      expect(errors).to.deep.equal([]);
    });

    it('a malformed pack does not hide a single record: the records are read instead', async () => {
      const sentences = Array.from({ length: 70 }, (_, i) => `Well ${i + 1} was capped in May.`);
      const editor = await mountLoaded('packed', `<p>${sentences.join(' ')}</p>`);
      for (const sentence of sentences) editor.addAnnotation({ tag: 'reported-fact', quote: sentence });
      await editor.flush();
      await until(async () => (await countRecords(dbName, 'annotationPacks')) === 1, 'the document to be packed');
      editor.remove();
      await putRaw(dbName, 'annotationPacks', [{ documentId: 'packed', seq: 'late', annotations: 'all of them' }]);

      const reopened = await mountLoaded('packed');
      expect(reopened.annotations).to.have.length(70);
      expect(errors.map((e) => e.kind)).to.deep.equal(['storage-corrupt']);
      expect(errors[0].message).to.include('the annotation pack');
    });

    it('an article whose stored formatting is hostile: nothing runs, the article comes back from its text, annotations intact', async () => {
      const saved = await savedArticle('hostile');
      const record = (await storedDocument(dbName, 'hostile'))!;
      const hostile: StoredDocument = {
        ...record,
        content: {
          type: 'doc',
          content: [
            {
              type: 'heading',
              attrs: { level: 'ttp://www.w3.org/1999/xhtml script' },
              content: [{ type: 'text', text: HEADLINE }],
            },
            { type: 'paragraph', content: [{ type: 'text', text: `${PLAN} ${DOUBT}` }] },
            { type: 'paragraph', content: [{ type: 'text', text: `${PERMITS} ${WATER}` }] },
          ],
        },
      };
      await putRaw(dbName, 'documents', [hostile]);

      const editor = await mountLoaded('hostile');
      await editor.updateComplete;
      expect(window.__claimStoredScript).to.equal(undefined);
      expect(shadowOf(editor).querySelector('script')).to.equal(null);
      expect(editor.text).to.equal(ARTICLE_TEXT);
      expect(editor.annotations.map((a) => [a.id, a.status]).sort()).to.deep.equal(
        saved.map((a) => [a.id, 'anchored']).sort(),
      );
      expect(errors.map((e) => e.kind)).to.deep.equal(['storage-corrupt']);
      expect(errors[0].message).to.include('the article').and.include('restored from its saved text');

      const rewritten = (await storedDocument(dbName, 'hostile'))!;
      expect(readArticleJSON(rewritten.content, rewritten.text).ok, 'the stored article is readable again').to.equal(
        true,
      );
      const setAside = await allRecords<SetAsideRecord>(dbName, 'setAside');
      expect(setAside.map((r) => r.store)).to.deep.equal(['documents']);
      expect(setAside[0].record).to.deep.equal(hostile);
    });
  });

  describe('a document record without its text', () => {
    it('is reported as corrupt, not as deleted, and the article and its annotations are stored again', async () => {
      const saved = await savedArticle('textless');
      const { text: _dropped, ...textless } = (await storedDocument(dbName, 'textless'))!;
      await putRaw(dbName, 'documents', [textless]);

      const editor = await mountLoaded('textless', ARTICLE_HTML);
      expect(errors.map((e) => e.kind)).to.deep.equal(['storage-corrupt']);
      expect(editor.annotations.map((a) => a.id).sort()).to.deep.equal(saved.map((a) => a.id).sort());
      expect((await storedDocument(dbName, 'textless'))?.text).to.equal(ARTICLE_TEXT);
      expect((await storedAnnotations(dbName, 'textless')).map((a) => a.id).sort()).to.deep.equal(
        saved.map((a) => a.id).sort(),
      );
    });
  });

  describe('the page closing while a write is under way', () => {
    it('keeps what the unfinished write carries in the safety copy and writes it again in the closing transaction', async () => {
      const editor = await mountLoaded('closing', ARTICLE_HTML);
      const write = ClaimStore.prototype.write;
      const writes: { changes: ChangeSet; unloading: boolean }[] = [];
      patches.replace(
        ClaimStore.prototype,
        'write',
        function (this: ClaimStore, changes: ChangeSet, options: { unloading?: boolean } = {}) {
          writes.push({ changes, unloading: !!options.unloading });
          // The first write never finishes, as one cut off by a closing page would not.
          return writes.length === 1 ? new Promise(() => {}) : write.call(this, changes, options);
        },
      );
      const tagged = editor.addAnnotation({ tag: 'state-media-claim', quote: PLAN });
      await until(() => writes.length === 1, 'the debounced write to start');

      window.dispatchEvent(new PageTransitionEvent('pagehide'));

      const keys = safetyCopyKeys(dbName, 'closing');
      expect(keys, 'one safety copy').to.have.length(1);
      const copy = JSON.parse(localStorage.getItem(keys[0]) ?? 'null') as {
        annotations: { id: string }[];
      } | null;
      expect(
        copy?.annotations.map((a) => a.id),
        'the safety copy',
      ).to.deep.equal([tagged.id]);
      await until(() => writes.length === 2, 'the closing transaction to start');
      expect(
        writes.map((w) => [w.unloading, w.changes.put.map((a) => a.id)]),
        'the closing transaction',
      ).to.deep.equal([
        [false, [tagged.id]],
        [true, [tagged.id]],
      ]);
      await until(async () => (await storedAnnotations(dbName, 'closing')).length === 1, 'the closing write to land');
      localStorage.removeItem(keys[0]);
    });

    it('another tab saving the same document keeps the copy a closing tab left; the next load takes it', async () => {
      const closing = await mountLoaded('left', ARTICLE_HTML);
      const staying = await mountLoaded('left');
      // The closing tab's writes are cut off with it (each tab has its own store): only its safety copy holds the tag.
      const write = ClaimStore.prototype.write;
      const cutOff = new Set<ClaimStore>();
      let closed = false;
      patches.replace(
        ClaimStore.prototype,
        'write',
        function (this: ClaimStore, changes: ChangeSet, options: { unloading?: boolean } = {}) {
          if (!closed) cutOff.add(this);
          return cutOff.has(this) ? new Promise(() => {}) : write.call(this, changes, options);
        },
      );
      const lastTag = closing.addAnnotation({ tag: 'state-media-claim', quote: PLAN });
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      closing.remove();
      await until(() => cutOff.size === 1, 'the closing transaction to start');
      closed = true;
      expect(safetyCopyKeys(dbName, 'left'), 'the closing tab’s copy').to.have.length(1);

      const other = staying.addAnnotation({ tag: 'reported-fact', quote: WATER });
      await staying.flush();
      expect(safetyCopyKeys(dbName, 'left'), 'the copy after the other tab saved').to.have.length(1);

      const reopened = await mountLoaded('left');
      expect(reopened.annotations.map((a) => a.id).sort()).to.deep.equal([lastTag.id, other.id].sort());
      expect((await storedAnnotations(dbName, 'left')).map((a) => a.id).sort()).to.deep.equal(
        [lastTag.id, other.id].sort(),
      );
      expect(safetyCopyKeys(dbName, 'left'), 'copies once taken').to.deep.equal([]);
    });
  });

  describe('two tabs changing one annotation at once', () => {
    it('keeps the note from one and the tag from the other, and both tabs agree (five times over)', async () => {
      const a = await mountLoaded('race', ARTICLE_HTML);
      const b = await mountLoaded('race');
      for (let round = 0; round < 5; round++) {
        const target = a.addAnnotation({ tag: 'reported-fact', quote: round % 2 ? DOUBT : PLAN });
        await a.flush();
        await until(() => b.annotations.some((x) => x.id === target.id), 'the other tab to see the new annotation');

        const note = `Checked against the ministry bulletin, round ${round}.`;
        a.updateAnnotation(target.id, { note });
        b.updateAnnotation(target.id, { tag: 'state-media-claim', source: 'National mining agency' });
        await Promise.all([a.flush(), b.flush()]);

        const both = (editor: ClaimEditor) => {
          const found = editor.annotations.find((x) => x.id === target.id);
          return found?.note === note && found.tag === 'state-media-claim' && found.source === 'National mining agency';
        };
        await until(() => both(a) && both(b), `both changes in both tabs (round ${round})`);
        const stored = (await storedAnnotations(dbName, 'race')).find((x) => x.id === target.id);
        expect(stored).to.include({ note, tag: 'state-media-claim', source: 'National mining agency' });
        expect(a.annotations.find((x) => x.id === target.id)).to.deep.equal(
          b.annotations.find((x) => x.id === target.id),
        );
      }
    });
  });

  describe('deleted while open', () => {
    it('the whole database deleted by another tab: told, and everything this tab holds is written back', async () => {
      const editor = await mountLoaded('wiped', ARTICLE_HTML);
      const first = editor.addAnnotation({ tag: 'state-media-claim', quote: PLAN });
      await editor.flush();

      const told = nextEvent<ErrorEvent>(document, 'claim-error', (e) => e.detail.kind === 'storage-deleted');
      await deleteDatabase(dbName);
      await told;
      const second = editor.addAnnotation({ tag: 'reported-fact', quote: WATER });
      await editor.flush();
      await editor.updateComplete;
      expect(notice(editor)).to.include('saved again');

      expect((await storedDocument(dbName, 'wiped'))?.text).to.equal(ARTICLE_TEXT);
      expect((await storedAnnotations(dbName, 'wiped')).map((a) => a.id).sort()).to.deep.equal(
        [first.id, second.id].sort(),
      );
    });

    it('an editor already taken off the page writes nothing back when its page deletes the database', async () => {
      const editor = await mountLoaded('removed', ARTICLE_HTML);
      editor.addAnnotation({ tag: 'state-media-claim', quote: PLAN });
      await editor.flush();
      editor.remove();
      await deleteDatabase(dbName);
      // Whatever it still meant to write has been tried (and refused) once this settles.
      await editor.flush().catch(() => {});
      const names = (await indexedDB.databases()).map((database) => database.name);
      expect(names).to.not.include(dbName);
    });

    it('a tab that missed the deletion’s message does not bring the document back', async () => {
      const editor = await mountLoaded('missed', ARTICLE_HTML);
      editor.addAnnotation({ tag: 'state-media-claim', quote: PLAN });
      await editor.flush();

      // Deleted through the store directly: no message reaches this tab.
      const elsewhere = await ClaimStore.open(dbName);
      await elsewhere.delete('missed');
      elsewhere.close();
      editor.addAnnotation({ tag: 'reported-fact', quote: WATER });

      const failure = await editor.flush().then(
        () => null,
        (error: unknown) => error,
      );
      expect((failure as { kind?: string } | null)?.kind).to.equal('storage-deleted');
      expect(await storedDocument(dbName, 'missed')).to.equal(undefined);
      expect(await storedAnnotations(dbName, 'missed')).to.deep.equal([]);
      await editor.updateComplete;
      expect(shadowOf(editor).querySelector('.storage-error')?.textContent).to.include('deleted');
    });

    it('closing the page after a deliberate deletion keeps no safety copy of the deleted document', async () => {
      const editor = await mountLoaded('closed-after', ARTICLE_HTML);
      editor.addAnnotation({ tag: 'state-media-claim', quote: PLAN });
      await editor.flush();
      const told = nextEvent<ErrorEvent>(document, 'claim-error', (e) => e.detail.kind === 'storage-deleted');
      await deleteDocument('closed-after', dbName);
      await told;
      editor.addAnnotation({ tag: 'reported-fact', quote: WATER });

      window.dispatchEvent(new PageTransitionEvent('pagehide'));

      expect(safetyCopyKeys(dbName, 'closed-after')).to.deep.equal([]);
      await editor.flush().catch(() => {});
      expect(await storedDocument(dbName, 'closed-after')).to.equal(undefined);
      expect(await storedAnnotations(dbName, 'closed-after')).to.deep.equal([]);
    });

    it('the document deleted on purpose: nothing is written or called saved until the user saves it again', async () => {
      const editor = await mountLoaded('deleted', ARTICLE_HTML);
      const first = editor.addAnnotation({ tag: 'state-media-claim', quote: PLAN });
      await editor.flush();

      const told = nextEvent<ErrorEvent>(document, 'claim-error', (e) => e.detail.kind === 'storage-deleted');
      await deleteDocument('deleted', dbName);
      await told;
      const saves: unknown[] = [];
      editor.addEventListener('claim-save', (event) => saves.push(event));
      const second = editor.addAnnotation({ tag: 'reported-fact', quote: WATER });

      let failure: unknown;
      await editor.flush().catch((error: unknown) => (failure = error));
      expect((failure as { kind?: string } | undefined)?.kind).to.equal('storage-deleted');
      expect(saves).to.deep.equal([]);
      expect(await storedDocument(dbName, 'deleted')).to.equal(undefined);
      expect(await storedAnnotations(dbName, 'deleted')).to.deep.equal([]);
      await editor.updateComplete;
      const alert = shadowOf(editor).querySelector('.storage-error');
      expect(alert?.textContent).to.include('deleted');
      const saveAgain = [...(alert?.querySelectorAll('button') ?? [])].find(
        (b) => b.textContent?.trim() === 'Save it again',
      );
      expect(saveAgain, 'a way to keep the article').to.not.equal(undefined);

      saveAgain!.click();
      await editor.flush();
      expect(saves.length).to.be.greaterThan(0);
      expect((await storedDocument(dbName, 'deleted'))?.text).to.equal(ARTICLE_TEXT);
      expect((await storedAnnotations(dbName, 'deleted')).map((a) => a.id).sort()).to.deep.equal(
        [first.id, second.id].sort(),
      );
    });
  });
});
