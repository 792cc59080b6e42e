import { expect, fixture, fixtureCleanup } from '@open-wc/testing';
import '../../define.js';
import type { ArticleMeta } from '../../model/article-meta.js';
import { deleteDatabase, freshDbName, nextEvent, storedDocument } from '../../test-support/storage-helpers.js';
import type { ClaimEditor } from './claim-editor.component.js';

/** Invented wire copy; nothing here is real reporting. */
const ARTICLE = [
  'The river ferry at Oskel resumed service on Friday, the harbour office said.',
  'A transport analyst at Lenmark College said the timetable was too thin.',
].join('\n');

const META: ArticleMeta = {
  title: 'Oskel ferry returns',
  url: 'https://news.example/2026/oskel-ferry',
  publisher: 'Oskel Courier',
  author: 'T. Marrow',
  datePublished: '2026-04-10',
  language: 'en',
};

type ErrorEvent = CustomEvent<{ kind: string; message: string }>;

describe('<claim-editor> article metadata', () => {
  let dbName: string;

  beforeEach(() => {
    dbName = freshDbName();
  });

  afterEach(async () => {
    fixtureCleanup();
    await deleteDatabase(dbName);
  });

  async function editorFor(documentId: string): Promise<ClaimEditor> {
    const editor = await fixture<ClaimEditor>(
      `<claim-editor db-name="${dbName}" document-id="${documentId}"></claim-editor>`,
    );
    await editor.updateComplete;
    return editor;
  }

  it('survives save and reload, and titles the document with articleMeta.title', async () => {
    const editor = await editorFor('ferry');
    await editor.loadArticle({ text: ARTICLE });
    editor.articleMeta = META;
    expect(editor.documentTitle).to.equal(META.title);
    expect(editor.articleUrl).to.equal(META.url);
    await editor.flush();
    const saved = await storedDocument(dbName, 'ferry');
    expect(saved?.title).to.equal(META.title);
    expect(saved?.meta).to.deep.equal(META);
    fixtureCleanup();

    const reloaded = await editorFor('ferry');
    await reloaded.flush();
    expect(reloaded.text).to.equal(ARTICLE);
    expect(reloaded.articleMeta).to.deep.equal(META);
    expect(reloaded.documentTitle).to.equal(META.title);
  });

  it('survives json export and import into an empty editor', async () => {
    const editor = await fixture<ClaimEditor>('<claim-editor></claim-editor>');
    await editor.loadArticle({ text: ARTICLE });
    editor.articleMeta = META;
    const file = JSON.parse(editor.exportAs('json')) as { document: { meta: ArticleMeta; title: string } };
    expect(file.document.meta).to.deep.equal(META);
    expect(file.document.title).to.equal(META.title);

    const restored = await fixture<ClaimEditor>('<claim-editor></claim-editor>');
    const report = await restored.importAnnotations(editor.exportAs('json'));
    expect(report.errors).to.deep.equal([]);
    expect(restored.articleMeta).to.deep.equal(META);
  });

  it('refuses an import whose metadata is bad, and changes nothing', async () => {
    const editor = await fixture<ClaimEditor>('<claim-editor></claim-editor>');
    await editor.loadArticle({ text: ARTICLE });
    editor.articleMeta = META;
    const file = JSON.parse(editor.exportAs('json')) as { document: { meta: Record<string, unknown> } };
    file.document.meta.url = 'javascript:alert(1)';
    const restored = await fixture<ClaimEditor>('<claim-editor></claim-editor>');
    const report = await restored.importAnnotations(file);
    expect(report.errors.join(' ')).to.match(/document\.meta: articleMeta\.url/);
    expect(restored.text).to.equal('');
    expect(restored.articleMeta).to.deep.equal({});
  });

  it('takes article-url and review-url as attributes, and refuses one that is not http(s) with a claim-error', async () => {
    const editor = await fixture<ClaimEditor>(
      `<claim-editor article-url="https://news.example/a" review-url="https://check.example/r"></claim-editor>`,
    );
    expect(editor.articleUrl).to.equal('https://news.example/a');
    expect(editor.articleMeta.url).to.equal('https://news.example/a');
    expect(editor.reviewUrl).to.equal('https://check.example/r');
    for (const name of ['article-url', 'review-url']) {
      const refused = nextEvent<ErrorEvent>(editor, 'claim-error');
      editor.setAttribute(name, 'javascript:alert(1)');
      const event = await refused;
      expect(event.detail.kind).to.equal('metadata-rejected');
      expect(event.detail.message).to.include(name).and.include('http');
    }
    expect(editor.articleUrl, 'the previous value stays').to.equal('https://news.example/a');
    expect(editor.reviewUrl).to.equal('https://check.example/r');
  });

  it('throws on bad articleMeta or reviewer, and keeps the previous values and the saved copy', async () => {
    const editor = await editorFor('refused');
    await editor.loadArticle({ text: ARTICLE });
    editor.articleMeta = META;
    await editor.flush();
    expect(() => (editor.articleMeta = { ...META, datePublished: '10 April 2026' })).to.throw(/ISO 8601/);
    expect(() => (editor.articleMeta = { ...META, url: 'ftp://news.example/a' })).to.throw(/http/);
    expect(() => (editor.reviewer = { name: 'Desk', url: 'javascript:alert(1)' })).to.throw(/reviewer\.url/);
    expect(editor.articleMeta).to.deep.equal(META);
    expect(editor.reviewer).to.equal(undefined);
    await editor.flush();
    expect((await storedDocument(dbName, 'refused'))?.meta).to.deep.equal(META);
  });
});
