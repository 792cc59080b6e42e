import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import '../../define.js';
import type { Annotation } from '../../model/annotation.js';
import { placeCaret, shadowOf } from '../../test-support/editor-helpers.js';
import { pressKeys } from '../../test-support/keys.js';
import {
  Patches,
  allRecords,
  createVersion1Database,
  deleteDatabase,
  freshDbName,
  nextEvent,
  nextMillisecond,
  storedAnnotations,
  storedDocument,
  until,
} from '../../test-support/storage-helpers.js';
import type { ClaimChangeDetail, ClaimEditor } from './claim-editor.component.js';

/** Invented wire copy; nothing here is real reporting. */
const HEADLINE = 'Copper seizure at Brenna port';
const SEIZURE = 'Customs officers at Brenna seized forty tonnes of undeclared copper, the state broadcaster reported.';
const HAUL = 'The haul was the largest this year.';
const ECONOMIST = 'A trade economist at Kestrel University said the seizure would not slow exports.';
const INFLATED = 'She called the official figures inflated.';
const TRAFFIC = 'The port authority said container traffic rose sharply in May.';
const SHIFTS = 'Dock shifts were extended to nights.';
const ROUTE = 'Smugglers have used the northern route for a decade, officials said.';
const SUSPENDED = 'Two customs officials were suspended pending an inquiry.';

const ARTICLE_HTML = [
  `<h2>${HEADLINE}</h2>`,
  `<p>${SEIZURE} ${HAUL}</p>`,
  `<p>${ECONOMIST} ${INFLATED}</p>`,
  `<p>${TRAFFIC} ${SHIFTS}</p>`,
  `<p>${ROUTE}</p>`,
  `<p>${SUSPENDED}</p>`,
].join('');
const ARTICLE_TEXT = [
  HEADLINE,
  `${SEIZURE} ${HAUL}`,
  `${ECONOMIST} ${INFLATED}`,
  `${TRAFFIC} ${SHIFTS}`,
  ROUTE,
  SUSPENDED,
].join('\n');

const SECOND_ARTICLE = [
  'Rail freight through the Varn tunnel resumed after a three-week closure.',
  'Engineers said the new signalling system had passed every test.',
].join('\n');

type ChangeEvent = CustomEvent<ClaimChangeDetail>;
type ErrorEvent = CustomEvent<{ kind: string; message: string }>;
type SaveEvent = CustomEvent<{ documentId: string }>;

/** N paragraphs of two sentences each, every sentence unique. */
function longArticle(paragraphs: number): string {
  return Array.from(
    { length: paragraphs },
    (_, i) =>
      `<p>Bulletin ${i + 1}: the harbour board said berth ${i + 1} reopened after repairs. Inspectors signed off on crane ${i + 1} the same day.</p>`,
  ).join('');
}

function errorAlert(editor: ClaimEditor): HTMLElement | null {
  return shadowOf(editor).querySelector<HTMLElement>('[role=alert]');
}

/** Waits until the editor shows its storage alert. */
async function alertShown(editor: ClaimEditor): Promise<void> {
  await until(async () => {
    await editor.updateComplete;
    return errorAlert(editor) !== null;
  }, 'the storage alert');
}

/** Waits until a flush succeeds: storage is back and everything is saved. */
async function flushedOnceBack(editor: ClaimEditor): Promise<void> {
  await until(async () => {
    try {
      await editor.flush();
      return true;
    } catch {
      return false;
    }
  }, 'storage to come back');
}

function retryButton(editor: ClaimEditor): HTMLButtonElement {
  const button = [...(errorAlert(editor)?.querySelectorAll('button') ?? [])].find((b) =>
    /retry/i.test(b.textContent ?? ''),
  );
  if (!button) throw new Error('No "Retry now" button in the storage alert.');
  return button;
}

/** The sidebar's list entry for an annotation. */
async function sidebarEntry(editor: ClaimEditor, id: string): Promise<HTMLElement | null> {
  const sidebar = shadowOf(editor).querySelector('claim-sidebar') as
    (HTMLElement & { updateComplete: Promise<unknown> }) | null;
  if (!sidebar) throw new Error('No <claim-sidebar> in the editor.');
  await sidebar.updateComplete;
  return shadowOf(sidebar).querySelector<HTMLElement>(`.entry[data-annotation-id="${CSS.escape(id)}"]`);
}

function byId(annotations: readonly Annotation[], id: string): Annotation {
  const found = annotations.find((a) => a.id === id);
  if (!found) throw new Error(`No annotation ${id} among ${annotations.length}.`);
  return found;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('Expected the promise to reject, but it resolved.');
}

describe('<claim-editor> persistence', () => {
  let dbName: string;
  const patches = new Patches();
  const rawConnections: IDBDatabase[] = [];

  /** An editor for `documentId` in this test's database; `article` is its light DOM (none: load what is saved). */
  async function mount(documentId: string, article = ''): Promise<ClaimEditor> {
    const editor = await fixture<ClaimEditor>(
      `<claim-editor document-id="${documentId}" db-name="${dbName}" annotator="Night desk">${article}</claim-editor>`,
    );
    await editor.updateComplete;
    return editor;
  }

  /** Mounts and waits until what is saved is loaded and the first save is done. */
  async function mountLoaded(documentId: string, article = ''): Promise<ClaimEditor> {
    const editor = await mount(documentId, article);
    await editor.flush();
    return editor;
  }

  beforeEach(() => {
    dbName = freshDbName();
  });

  afterEach(async () => {
    patches.restore();
    for (const connection of rawConnections.splice(0)) connection.close();
    fixtureCleanup();
    await deleteDatabase(dbName);
  });

  describe('save and restore', () => {
    it('switching document-id shows each document with its own annotations only', async () => {
      const editor = await mountLoaded('first-story', ARTICLE_HTML);
      const kept = editor.addAnnotation({ tag: 'state-media-claim', quote: SEIZURE });
      await editor.flush();
      editor.documentId = 'second-story';
      await editor.loadArticle({ text: 'Ferry services resumed on Friday. Crews had been on strike for a week.' });
      const other = editor.addAnnotation({ tag: 'reported-fact', quote: 'Ferry services resumed on Friday.' });
      await editor.flush();
      editor.documentId = 'first-story';
      await editor.flush();
      expect(
        editor.annotations.map((a) => a.id),
        "the first story, without the second one's tag",
      ).to.deep.equal([kept.id]);
      editor.documentId = 'second-story';
      await editor.flush();
      expect(
        editor.annotations.map((a) => a.id),
        "the second story, without the first one's tag",
      ).to.deep.equal([other.id]);
      expect(editor.text).to.contain('Ferry services resumed');
    });

    it('brings back the article and three annotations with source and note in a new element', async () => {
      const documentId = 'copper-seizure';
      const first = await mountLoaded(documentId, ARTICLE_HTML);
      const a = first.addAnnotation({ tag: 'state-media-claim', quote: SEIZURE });
      const b = first.addAnnotation({ tag: 'analyst-opinion', quote: ECONOMIST });
      await placeCaret(first, SUSPENDED, 6);
      await pressKeys('3');
      const c = first.annotations.find((x) => x.quote === SUSPENDED);
      expect(c, 'the keyboard tagged the sentence at the caret').to.not.equal(undefined);
      expect(c!.tag).to.equal('reported-fact');
      first.updateAnnotation(a.id, {
        source: 'State broadcaster evening bulletin',
        note: 'Tonnage not confirmed by customs.',
      });
      first.updateAnnotation(b.id, { source: 'Kestrel University trade desk', note: 'Spoke by phone.' });
      first.updateAnnotation(c!.id, { source: 'Customs press office', note: 'Names withheld.' });
      await first.flush();
      const before = first.annotations;
      expect(before).to.have.length(3);
      first.remove();

      const loaded = nextEvent<ChangeEvent>(
        document,
        'claim-change',
        (e) => e.detail.reason === 'load' && e.detail.annotations.length === 3,
      );
      const second = await mount(documentId);
      await loaded;
      await second.flush();

      expect(second.text).to.equal(ARTICLE_TEXT);
      expect(shadowOf(second).querySelector('.ProseMirror h2')?.textContent).to.equal(HEADLINE);
      expect(second.annotations).to.deep.equal(before);
      const restored = byId(second.annotations, a.id);
      expect([restored.source, restored.note]).to.deep.equal([
        'State broadcaster evening bulletin',
        'Tonnage not confirmed by customs.',
      ]);
      expect(byId(second.annotations, c!.id).note).to.equal('Names withheld.');
      expect(second.annotations.map((x) => x.status)).to.deep.equal(['anchored', 'anchored', 'anchored']);
      await second.updateComplete;
      expect(shadowOf(second).querySelectorAll(`mark[data-annotation-id="${a.id}"]`).length).to.be.greaterThan(0);
    });

    it('saves where typing moved the annotations after it, so a reload finds them exactly there', async () => {
      const documentId = 'typed-before';
      const first = await mountLoaded(documentId, ARTICLE_HTML);
      first.addAnnotation({ tag: 'state-media-claim', quote: SEIZURE });
      first.addAnnotation({ tag: 'reported-fact', quote: SUSPENDED });
      await first.flush();
      first.mode = 'edit';
      await first.updateComplete;
      await placeCaret(first, SEIZURE, 0);
      for (const word of ['Update: ', 'late ', 'on Friday, ']) document.execCommand('insertText', false, word);
      await first.flush();
      const moved = first.annotations;
      expect(moved.map((a) => first.text.slice(a.start, a.end))).to.deep.equal([SEIZURE, SUSPENDED]);
      first.remove();

      const loaded = nextEvent<ChangeEvent>(
        document,
        'claim-change',
        (e) => e.detail.reason === 'load' && e.detail.annotations.length === 2,
      );
      const second = await mount(documentId);
      await loaded;
      expect(second.annotations, 'same offsets, still anchored: not re-found').to.deep.equal(moved);
    });

    it('saves the offsets of annotations that edits moved and then put back at the same positions', async () => {
      const documentId = 'same-positions';
      const first = await mountLoaded(documentId, ARTICLE_HTML);
      first.addAnnotation({ tag: 'reported-fact', quote: SUSPENDED });
      await first.flush();
      first.mode = 'edit';
      await first.updateComplete;
      // A paragraph break adds two positions and one character; two deletions take two of each.
      await placeCaret(first, 'Dock shifts', 0);
      await pressKeys('Enter');
      await placeCaret(first, 'The haul', 0);
      await pressKeys('Backspace');
      await pressKeys('Backspace');
      await first.flush();
      const left = first.annotations;
      expect(first.text.slice(left[0].start, left[0].end)).to.equal(SUSPENDED);
      first.remove();

      const loaded = nextEvent<ChangeEvent>(document, 'claim-change', (e) => e.detail.reason === 'load');
      const again = await mount(documentId);
      await loaded;
      expect(again.annotations, 'where it was left, still anchored').to.deep.equal(left);
    });

    it('reopens a document of many annotations as it was left, through its pack and the changes after it', async () => {
      const documentId = 'packed';
      const first = await mountLoaded(documentId, longArticle(40));
      for (let n = 1; n <= 40; n++) {
        first.addAnnotation({
          tag: 'reported-fact',
          quote: `the harbour board said berth ${n} reopened after repairs.`,
        });
        first.addAnnotation({ tag: 'analyst-opinion', quote: `Inspectors signed off on crane ${n} the same day.` });
      }
      await first.flush();
      expect(await allRecords(dbName, 'annotationPacks'), 'eighty annotations saved at once are packed').to.have.length(
        1,
      );
      // After the pack: typing that moves every annotation after it, an edit, a removal and an addition.
      first.mode = 'edit';
      await first.updateComplete;
      await placeCaret(first, 'Bulletin 3:', 0);
      document.execCommand('insertText', false, 'Late update. ');
      await first.flush();
      const [, second, third] = first.annotations;
      first.updateAnnotation(second.id, { source: 'Harbour board' });
      first.removeAnnotation(third.id);
      first.mode = 'annotate';
      first.addAnnotation({ tag: 'state-media-claim', quote: 'Late update.' });
      await first.flush();
      const left = first.annotations;
      first.remove();

      const loaded = nextEvent<ChangeEvent>(document, 'claim-change', (e) => e.detail.reason === 'load');
      const again = await mount(documentId);
      await loaded;
      expect(again.annotations, 'every annotation where and as it was left').to.deep.equal(left);
      expect(
        again.annotations.every((a) => a.status === 'anchored'),
        'none had to be re-found',
      ).to.equal(true);
    });

    it('fires a bubbling, composed claim-save with {documentId} once a change is stored', async () => {
      const editor = await mountLoaded('save-event', ARTICLE_HTML);
      const saved = nextEvent<SaveEvent>(document, 'claim-save');
      const added = editor.addAnnotation({ tag: 'reported-fact', quote: HAUL });
      const event = await saved;
      expect(event.detail).to.deep.equal({ documentId: 'save-event' });
      expect(event.composed).to.equal(true);
      expect(event.target).to.equal(editor);
      const records = await storedAnnotations(dbName, 'save-event');
      expect(
        records.map((r) => r.id),
        'durable when claim-save fires',
      ).to.deep.equal([added.id]);
    });

    it('shows "saved" once a change is stored', async () => {
      const editor = await mountLoaded('status', ARTICLE_HTML);
      editor.addAnnotation({ tag: 'reported-fact', quote: HAUL });
      await editor.flush();
      await editor.updateComplete;
      expect(errorAlert(editor)).to.equal(null);
      expect(shadowOf(editor).querySelector('.save-status')?.textContent ?? '').to.match(/saved/i);
    });
  });

  describe('one annotation change writes one annotation record', () => {
    interface Writes {
      documents: number;
      annotations: number;
      deletes: number;
    }

    function spyOnWrites(): Writes {
      const writes: Writes = { documents: 0, annotations: 0, deletes: 0 };
      const put = IDBObjectStore.prototype.put;
      const remove = IDBObjectStore.prototype.delete;
      const name = dbName;
      patches.replace(
        IDBObjectStore.prototype,
        'put',
        function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['put']>) {
          if (this.transaction.db.name === name) {
            if (this.name === 'documents') writes.documents += 1;
            else if (this.name === 'annotations') writes.annotations += 1;
          }
          return put.apply(this, args);
        },
      );
      patches.replace(
        IDBObjectStore.prototype,
        'delete',
        function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['delete']>) {
          if (this.transaction.db.name === name) writes.deletes += 1;
          return remove.apply(this, args);
        },
      );
      return writes;
    }

    async function measure(paragraphs: number) {
      const documentId = `long-${paragraphs}`;
      const editor = await mountLoaded(documentId, longArticle(paragraphs));
      const tagged = [2, 5, 7].map((n) =>
        editor.addAnnotation({
          tag: 'reported-fact',
          quote: `the harbour board said berth ${n} reopened after repairs.`,
        }),
      );
      await editor.flush();
      expect(await storedAnnotations(dbName, documentId)).to.have.length(3);

      let writes = spyOnWrites();
      editor.updateAnnotation(tagged[1].id, { note: 'Repairs confirmed by the contractor.', source: 'Harbour board' });
      await editor.flush();
      const update = { ...writes };
      patches.restore();
      expect(await storedAnnotations(dbName, documentId), 'an update adds no record').to.have.length(3);
      expect((await storedAnnotations(dbName, documentId)).find((r) => r.id === tagged[1].id)?.note).to.equal(
        'Repairs confirmed by the contractor.',
      );

      writes = spyOnWrites();
      editor.addAnnotation({ tag: 'analyst-opinion', quote: 'Inspectors signed off on crane 9 the same day.' });
      await editor.flush();
      const add = { ...writes };
      patches.restore();
      expect(await storedAnnotations(dbName, documentId)).to.have.length(4);

      writes = spyOnWrites();
      editor.removeAnnotation(tagged[0].id);
      await editor.flush();
      const remove = { ...writes };
      patches.restore();
      expect(await storedAnnotations(dbName, documentId)).to.have.length(3);

      return { update, add, remove };
    }

    it('for a 10-paragraph article: one put per update or add, one delete per removal, no document write', async () => {
      const { update, add, remove } = await measure(10);
      expect(update).to.deep.equal({ documents: 0, annotations: 1, deletes: 0 });
      expect(add).to.deep.equal({ documents: 0, annotations: 1, deletes: 0 });
      expect(remove).to.deep.equal({ documents: 0, annotations: 0, deletes: 1 });
    });

    it('the same for a 200-paragraph article (constant in the article size)', async () => {
      const small = await measure(10);
      const large = await measure(200);
      expect(large).to.deep.equal(small);
      expect(large.update).to.deep.equal({ documents: 0, annotations: 1, deletes: 0 });
    });
  });

  describe('a light-DOM article that changed since the save', () => {
    it('re-anchors moved and reworded annotations, orphans the deleted one and drops nothing', async () => {
      const documentId = 'changed-article';
      const first = await mountLoaded(documentId, ARTICLE_HTML);
      const untouched = first.addAnnotation({ tag: 'state-media-claim', quote: SEIZURE });
      const moved = first.addAnnotation({ tag: 'analyst-opinion', quote: ECONOMIST });
      const reworded = first.addAnnotation({ tag: 'reported-fact', quote: TRAFFIC });
      const deleted = first.addAnnotation({
        tag: 'state-media-claim',
        quote: ROUTE,
        source: 'Customs spokesman',
        note: 'Decade claim unverified.',
      });
      await first.flush();
      first.remove();

      const rewordedSentence = TRAFFIC.replace('sharply', 'steeply');
      const changedHtml = [
        `<h2>${HEADLINE}</h2>`,
        `<p>${SEIZURE} ${HAUL}</p>`,
        `<p>${INFLATED}</p>`,
        `<p>${rewordedSentence} ${SHIFTS}</p>`,
        `<p>${SUSPENDED} ${ECONOMIST}</p>`,
      ].join('');
      const second = await mountLoaded(documentId, changedHtml);

      expect(second.text, 'the light-DOM article wins').to.equal(
        [HEADLINE, `${SEIZURE} ${HAUL}`, INFLATED, `${rewordedSentence} ${SHIFTS}`, `${SUSPENDED} ${ECONOMIST}`].join(
          '\n',
        ),
      );
      const annotations = second.annotations;
      expect(annotations, 'nothing dropped').to.have.length(4);
      const status = (id: string) => byId(annotations, id).status;
      expect(status(untouched.id), 'untouched').to.equal('anchored');
      expect(status(reworded.id), 'reworded slightly').to.equal('reanchored');
      expect(status(moved.id), 'moved to another paragraph').to.equal('reanchored');
      expect(status(deleted.id), 'deleted').to.equal('orphaned');

      const at = (id: string) => second.text.slice(byId(annotations, id).start, byId(annotations, id).end);
      expect(at(untouched.id)).to.equal(SEIZURE);
      expect(at(moved.id)).to.equal(ECONOMIST);
      expect(at(reworded.id)).to.equal(rewordedSentence);
      const orphan = byId(annotations, deleted.id);
      expect([orphan.quote, orphan.source, orphan.note]).to.deep.equal([
        ROUTE,
        'Customs spokesman',
        'Decade claim unverified.',
      ]);

      const entry = await sidebarEntry(second, deleted.id);
      expect(entry, 'the orphan is listed in the sidebar').to.not.equal(null);
      expect(entry!.textContent).to.include(ROUTE);

      await second.flush();
      const records = await storedAnnotations(dbName, documentId);
      expect(records.map((r) => [r.id, r.status]).sort()).to.deep.equal(
        [
          [untouched.id, 'anchored'],
          [moved.id, 'reanchored'],
          [reworded.id, 'reanchored'],
          [deleted.id, 'orphaned'],
        ].sort(),
      );
    });
  });

  describe('two editors on one document', () => {
    it('share tags, keep concurrent changes to different annotations, and let the later change to one annotation win', async () => {
      const documentId = 'shared-doc';
      const one = await mountLoaded(documentId, ARTICLE_HTML);
      const two = await mountLoaded(documentId);
      expect(two.text).to.equal(ARTICLE_TEXT);

      // A tag added in one appears in the other.
      const x = one.addAnnotation({ tag: 'state-media-claim', quote: SEIZURE, source: 'State broadcaster' });
      await until(() => two.annotations.some((a) => a.id === x.id), 'the tag to reach the second editor');
      expect(byId(two.annotations, x.id)).to.deep.equal(byId(one.annotations, x.id));
      const y = two.addAnnotation({ tag: 'analyst-opinion', quote: ECONOMIST });
      const z = one.addAnnotation({ tag: 'reported-fact', quote: SUSPENDED, source: 'Customs press office' });
      await until(
        () => one.annotations.some((a) => a.id === y.id) && two.annotations.some((a) => a.id === z.id),
        'both tags to reach the other editor',
      );

      // Concurrent changes to different annotations.
      one.updateAnnotation(x.id, { note: 'Tonnage from the bulletin.' });
      two.updateAnnotation(y.id, { source: 'Kestrel University' });
      await Promise.all([one.flush(), two.flush()]);
      await until(
        () =>
          byId(two.annotations, x.id).note === 'Tonnage from the bulletin.' &&
          byId(one.annotations, y.id).source === 'Kestrel University',
        'each editor to see the other one’s change',
      );

      // The same annotation changed in both: the later change wins.
      one.updateAnnotation(z.id, { note: 'Earlier note from the first editor.' });
      await nextMillisecond();
      two.updateAnnotation(z.id, { note: 'Later note from the second editor.' });
      await two.flush();
      await one.flush();
      await until(
        () => byId(one.annotations, z.id).note === 'Later note from the second editor.',
        'the first editor to adopt the later change',
      );

      one.remove();
      two.remove();
      const reloaded = await mountLoaded(documentId);
      const final = reloaded.annotations;
      expect(final.map((a) => a.id).sort()).to.deep.equal([x.id, y.id, z.id].sort());
      expect(byId(final, x.id)).to.include({ source: 'State broadcaster', note: 'Tonnage from the bulletin.' });
      expect(byId(final, y.id)).to.include({ source: 'Kestrel University', tag: 'analyst-opinion' });
      expect(byId(final, z.id)).to.include({
        source: 'Customs press office',
        note: 'Later note from the second editor.',
        tag: 'reported-fact',
      });
      expect(reloaded.text).to.equal(ARTICLE_TEXT);
    });

    it('a removal in one editor reaches the other and survives a reload', async () => {
      const documentId = 'shared-removal';
      const one = await mountLoaded(documentId, ARTICLE_HTML);
      const keep = one.addAnnotation({ tag: 'reported-fact', quote: HAUL });
      const drop = one.addAnnotation({ tag: 'analyst-opinion', quote: INFLATED });
      await one.flush();
      const two = await mountLoaded(documentId);
      expect(two.annotations.map((a) => a.id).sort()).to.deep.equal([keep.id, drop.id].sort());
      one.removeAnnotation(drop.id);
      await one.flush();
      await until(() => two.annotations.length === 1, 'the removal to reach the second editor');
      expect(two.annotations[0].id).to.equal(keep.id);
      await two.flush();
      expect((await storedAnnotations(dbName, documentId)).map((r) => r.id)).to.deep.equal([keep.id]);
    });
  });

  describe('storage faults (nothing lost once they clear)', () => {
    function failOpen() {
      patches.replace(IDBFactory.prototype, 'open', () => {
        throw new DOMException('The user denied permission to access the database.', 'SecurityError');
      });
    }

    it('failing open: tags in memory, reports storage-unavailable with an alert, and saves after "Retry now"', async () => {
      failOpen();
      const reported = nextEvent<ErrorEvent>(document, 'claim-error', (e) => e.detail.kind === 'storage-unavailable');
      const editor = await mount('open-fails', ARTICLE_HTML);
      const error = await reported;
      expect(error.detail.message).to.be.a('string').and.not.equal('');

      const added = editor.addAnnotation({ tag: 'state-media-claim', quote: SEIZURE, source: 'State broadcaster' });
      expect(editor.annotations.map((a) => a.id)).to.deep.equal([added.id]);
      await alertShown(editor);

      patches.restore();
      const saved = nextEvent<SaveEvent>(editor, 'claim-save');
      retryButton(editor).click();
      await saved;
      await editor.flush();

      expect((await storedDocument(dbName, 'open-fails'))?.text).to.equal(ARTICLE_TEXT);
      const records = await storedAnnotations(dbName, 'open-fails');
      expect(records.map((r) => [r.id, r.source])).to.deep.equal([[added.id, 'State broadcaster']]);
      await editor.updateComplete;
      expect(errorAlert(editor), 'the alert is gone once saved').to.equal(null);
    });

    it('failing open: the alert stays up after an in-memory change while storage is still out of reach', async () => {
      failOpen();
      const reported = nextEvent<ErrorEvent>(document, 'claim-error', (e) => e.detail.kind === 'storage-unavailable');
      const editor = await mount('open-fails-alert', ARTICLE_HTML);
      await reported;
      await editor.updateComplete;
      expect(errorAlert(editor), 'alert after the failed open').to.not.equal(null);

      editor.addAnnotation({ tag: 'reported-fact', quote: HAUL });
      await editor.updateComplete;
      expect(errorAlert(editor), 'alert still shown after tagging: nothing is being saved').to.not.equal(null);
    });

    it('failing open on a saved document: once storage is back, the saved article and annotations are kept', async () => {
      const documentId = 'saved-then-unavailable';
      const first = await mountLoaded(documentId, ARTICLE_HTML);
      const kept = first.addAnnotation({ tag: 'analyst-opinion', quote: ECONOMIST, note: 'Keep me.' });
      await first.flush();
      first.remove();

      failOpen();
      const reported = nextEvent<ErrorEvent>(document, 'claim-error', (e) => e.detail.kind === 'storage-unavailable');
      const second = await mount(documentId);
      await reported;
      patches.restore();
      await alertShown(second);
      retryButton(second).click();
      await flushedOnceBack(second);
      second.remove();

      const third = await mountLoaded(documentId);
      expect(third.text, 'the saved article survives').to.equal(ARTICLE_TEXT);
      expect(third.annotations.map((a) => [a.id, a.note])).to.deep.equal([[kept.id, 'Keep me.']]);
    });

    it('quota exceeded on put: reports storage-full, keeps working, and saves once space is back', async () => {
      const documentId = 'quota';
      const editor = await mountLoaded(documentId, ARTICLE_HTML);
      patches.replace(IDBObjectStore.prototype, 'put', () => {
        throw new DOMException('full', 'QuotaExceededError');
      });
      const reported = nextEvent<ErrorEvent>(editor, 'claim-error', (e) => e.detail.kind === 'storage-full');
      const added = editor.addAnnotation({ tag: 'reported-fact', quote: SUSPENDED, note: 'Two officials, not three.' });
      const error = await reported;
      expect(error.detail.message).to.be.a('string').and.not.equal('');
      expect(editor.annotations.map((a) => a.id)).to.deep.equal([added.id]);
      await alertShown(editor);
      expect(await storedAnnotations(dbName, documentId)).to.deep.equal([]);

      // A second change while storage is full is kept too.
      const second = editor.addAnnotation({ tag: 'analyst-opinion', quote: INFLATED });

      patches.restore();
      retryButton(editor).click();
      await flushedOnceBack(editor);

      const records = await storedAnnotations(dbName, documentId);
      expect(records.map((r) => r.id).sort()).to.deep.equal([added.id, second.id].sort());
      expect(records.find((r) => r.id === added.id)?.note).to.equal('Two officials, not three.');
    });

    it('flush() does not resolve as if saved while puts fail', async () => {
      const editor = await mountLoaded('quota-flush', ARTICLE_HTML);
      patches.replace(IDBObjectStore.prototype, 'put', () => {
        throw new DOMException('full', 'QuotaExceededError');
      });
      editor.addAnnotation({ tag: 'reported-fact', quote: HAUL });
      const failure = await rejection(editor.flush());
      expect(failure).to.be.instanceOf(Error);
    });

    it('blocked upgrade: reports storage-blocked, works in memory, and saves once the old connection closes', async () => {
      const documentId = 'blocked';
      const legacyAnnotation: Annotation = {
        id: 'legacy-1',
        tag: 'reported-fact',
        start: 0,
        end: SECOND_ARTICLE.indexOf('.') + 1,
        quote: SECOND_ARTICLE.slice(0, SECOND_ARTICLE.indexOf('.') + 1),
        prefix: '',
        suffix: SECOND_ARTICLE.slice(SECOND_ARTICLE.indexOf('.') + 1, SECOND_ARTICLE.indexOf('.') + 33),
        created: '2024-02-01T00:00:00.000Z',
        modified: '2024-02-01T00:00:00.000Z',
        status: 'anchored',
      };
      const old = await createVersion1Database(dbName, [
        {
          id: 'older-article',
          title: 'Varn tunnel',
          content: { type: 'doc', content: [] },
          text: SECOND_ARTICLE,
          revision: 3,
          created: '2024-02-01T00:00:00.000Z',
          modified: '2024-02-01T00:00:00.000Z',
          annotations: [legacyAnnotation],
        },
      ]);
      rawConnections.push(old);

      const reported = nextEvent<ErrorEvent>(document, 'claim-error', (e) => e.detail.kind === 'storage-blocked');
      const editor = await mount(documentId, ARTICLE_HTML);
      const error = await reported;
      expect(error.detail.message).to.be.a('string').and.not.equal('');

      const added = editor.addAnnotation({ tag: 'state-media-claim', quote: SEIZURE, source: 'State broadcaster' });
      expect(editor.annotations.map((a) => a.id)).to.deep.equal([added.id]);
      await alertShown(editor);

      old.close();
      await editor.flush();

      expect((await storedDocument(dbName, documentId))?.text).to.equal(ARTICLE_TEXT);
      expect((await storedAnnotations(dbName, documentId)).map((r) => [r.id, r.source])).to.deep.equal([
        [added.id, 'State broadcaster'],
      ]);
      // The older article in the version-1 database was migrated, not lost.
      const migrated = await storedAnnotations(dbName, 'older-article');
      expect(migrated.map((r) => r.id)).to.deep.equal(['legacy-1']);
      const documents = await allRecords<Record<string, unknown>>(dbName, 'documents');
      expect(documents.find((d) => d.id === 'older-article')).to.not.have.property('annotations');
    });
  });

  describe('changes made before the saved document is loaded', () => {
    it('keeps a tag added while a blocked upgrade delays the load, next to the saved (migrated) annotations', async () => {
      const documentId = 'blocked-same-document';
      const start = ARTICLE_TEXT.indexOf(ECONOMIST);
      const savedAnnotation: Annotation = {
        id: 'saved-before-upgrade',
        tag: 'analyst-opinion',
        start,
        end: start + ECONOMIST.length,
        quote: ECONOMIST,
        prefix: ARTICLE_TEXT.slice(start - 32, start),
        suffix: ARTICLE_TEXT.slice(start + ECONOMIST.length, start + ECONOMIST.length + 32),
        source: 'Kestrel University',
        created: '2024-02-01T00:00:00.000Z',
        modified: '2024-02-01T00:00:00.000Z',
        status: 'anchored',
      };
      const old = await createVersion1Database(dbName, [
        {
          id: documentId,
          title: '',
          content: { type: 'doc', content: [] },
          text: ARTICLE_TEXT,
          revision: 1,
          created: '2024-02-01T00:00:00.000Z',
          modified: '2024-02-01T00:00:00.000Z',
          annotations: [savedAnnotation],
        },
      ]);
      rawConnections.push(old);

      const reported = nextEvent<ErrorEvent>(document, 'claim-error', (e) => e.detail.kind === 'storage-blocked');
      const editor = await mount(documentId, ARTICLE_HTML);
      await reported;
      const added = editor.addAnnotation({ tag: 'state-media-claim', quote: SEIZURE });

      old.close();
      await editor.flush();

      expect(editor.annotations.map((a) => a.id).sort(), 'in the editor').to.deep.equal(
        [added.id, savedAnnotation.id].sort(),
      );
      expect((await storedAnnotations(dbName, documentId)).map((r) => r.id).sort(), 'in storage').to.deep.equal(
        [added.id, savedAnnotation.id].sort(),
      );
    });
  });

  describe('loadArticle under a document-id', () => {
    it('replaces the stored article and deletes the previous article’s annotations from storage', async () => {
      const documentId = 'replaced';
      const other = await mountLoaded('bystander', ARTICLE_HTML);
      const bystander = other.addAnnotation({ tag: 'reported-fact', quote: HAUL });
      await other.flush();

      const editor = await mountLoaded(documentId, ARTICLE_HTML);
      editor.addAnnotation({ tag: 'state-media-claim', quote: SEIZURE });
      editor.addAnnotation({ tag: 'analyst-opinion', quote: ECONOMIST });
      await editor.flush();
      expect(await storedAnnotations(dbName, documentId)).to.have.length(2);

      await editor.loadArticle({ text: SECOND_ARTICLE, title: 'Varn tunnel reopens' });
      await editor.flush();

      const document = await storedDocument(dbName, documentId);
      expect(document?.text).to.equal(SECOND_ARTICLE);
      expect(document?.title).to.equal('Varn tunnel reopens');
      expect(await storedAnnotations(dbName, documentId), 'the previous article’s annotations are gone').to.deep.equal(
        [],
      );
      expect(
        (await storedAnnotations(dbName, 'bystander')).map((r) => r.id),
        'another document is untouched',
      ).to.deep.equal([bystander.id]);

      const fresh = editor.addAnnotation({
        tag: 'reported-fact',
        quote: 'Engineers said the new signalling system had passed every test.',
      });
      await editor.flush();
      editor.remove();
      const reloaded = await mountLoaded(documentId);
      expect(reloaded.text).to.equal(SECOND_ARTICLE);
      expect(reloaded.documentTitle).to.equal('Varn tunnel reopens');
      expect(reloaded.annotations.map((a) => a.id)).to.deep.equal([fresh.id]);
    });
  });
});
