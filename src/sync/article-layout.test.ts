import { expect } from '@open-wc/testing';
import * as Y from 'yjs';
import { articleFromText } from '../editor/article.js';
import { TextIndex } from '../editor/text-index.js';
import {
  articleHash,
  articleMap,
  isNewer,
  newVersion,
  readSharedArticle,
  readVersion,
  writeArticle,
  type ArticleContent,
} from './article-layout.js';

function contentOf(text: string, title = 'Ferry timetable'): ArticleContent {
  const doc = articleFromText(text);
  return {
    title,
    meta: { title, url: 'https://news.example/ferry', language: 'en' },
    content: doc.toJSON(),
    text: TextIndex.of(doc).text,
  };
}

function written(text = 'The ferry leaves at nine.\nIt returns at six.') {
  const doc = new Y.Doc();
  const article = contentOf(text);
  const version = newVersion(doc, article, 'ana', 1_700_000_000_000);
  doc.transact(() => writeArticle(doc, article, version));
  return { doc, article, version };
}

/** A copy of `doc` as another editor would receive it. */
function received(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('sync: the shared article layout', () => {
  it('round-trips a version through Yjs: the same text, title, metadata and hash', () => {
    const { doc, version } = written();
    const errors: string[] = [];
    const read = readSharedArticle(received(doc), errors);
    expect(errors).to.deep.equal([]);
    expect(read?.version).to.deep.equal(version);
    expect(TextIndex.of(read!.doc).text).to.equal('The ferry leaves at nine.\nIt returns at six.');
    expect(read?.title).to.equal('Ferry timetable');
    expect(read?.meta).to.deep.equal({ title: 'Ferry timetable', url: 'https://news.example/ferry', language: 'en' });
  });

  it('gives a changed article a new hash, and an unchanged one the same', () => {
    const one = contentOf('The ferry leaves at nine.');
    expect(articleHash(one)).to.equal(articleHash(contentOf('The ferry leaves at nine.')));
    expect(articleHash(one)).not.to.equal(articleHash(contentOf('The ferry leaves at ten.')));
    expect(articleHash(one)).not.to.equal(articleHash({ ...one, title: 'Another title' }));
    expect(articleHash(one)).not.to.equal(articleHash({ ...one, meta: undefined }));
  });

  it('orders versions by time, then by id, the same way from either side', () => {
    const early = { id: 'b', time: 10 };
    const late = { id: 'a', time: 11 };
    expect(isNewer(late, early)).to.equal(true);
    expect(isNewer(early, late)).to.equal(false);
    expect(isNewer({ id: 'b', time: 10 }, { id: 'a', time: 10 })).to.equal(true);
    expect(isNewer({ id: 'a', time: 10 }, { id: 'b', time: 10 })).to.equal(false);
  });

  it('has no version before anything is written', () => {
    const errors: string[] = [];
    expect(readVersion(new Y.Doc(), errors)).to.equal(undefined);
    expect(readSharedArticle(new Y.Doc(), errors)).to.equal(undefined);
    expect(errors).to.deep.equal([]);
  });

  it('reports a malformed version record', () => {
    const doc = new Y.Doc();
    articleMap(doc).set('version', { id: 7, hash: 'x' });
    const errors: string[] = [];
    expect(readVersion(doc, errors)).to.equal(undefined);
    expect(errors.join(' ')).to.contain('article version');
  });

  it('refuses content the editor schema does not allow, as an import would', () => {
    const { doc, version } = written();
    const content = { type: 'doc', content: [{ type: 'heading', attrs: { level: 9 }, content: [] }] };
    // A peer that writes a hash matching its bad content: the schema check still refuses it.
    const article = { title: 'Ferry timetable', content, text: '' };
    doc.transact(() => writeArticle(doc, article, { ...version, hash: articleHash(article) }));
    const errors: string[] = [];
    expect(readSharedArticle(doc, errors)).to.equal(undefined);
    expect(errors.join(' ')).to.contain('not a valid article');
  });

  it('refuses a script element smuggled into the content', () => {
    const { doc, version } = written();
    const content = { type: 'doc', content: [{ type: 'script', content: [{ type: 'text', text: 'alert(1)' }] }] };
    const article = { title: 'Ferry timetable', content, text: 'alert(1)' };
    doc.transact(() => writeArticle(doc, article, { ...version, hash: articleHash(article) }));
    const errors: string[] = [];
    expect(readSharedArticle(doc, errors)).to.equal(undefined);
    expect(errors.join(' ')).to.contain('not a valid article');
  });

  it('refuses content whose plain text differs from the shared text', () => {
    const { doc, article, version } = written();
    doc.transact(() => writeArticle(doc, { ...article, text: 'Something else.' }, version));
    const errors: string[] = [];
    expect(readSharedArticle(doc, errors)).to.equal(undefined);
    expect(errors.join(' ')).to.contain('differs');
  });

  it('refuses a title or metadata changed without a new hash (keys of different versions mixed)', () => {
    const { doc } = written();
    articleMap(doc).set('title', 'Changed behind the version');
    const errors: string[] = [];
    expect(readSharedArticle(doc, errors)).to.equal(undefined);
    expect(errors.join(' ')).to.contain('hash');
  });

  it('refuses metadata that articleMeta validation refuses', () => {
    const { doc, article, version } = written();
    const meta = { url: 'javascript:alert(1)' };
    const bad = { ...article, meta };
    doc.transact(() => writeArticle(doc, bad, { ...version, hash: articleHash(bad) }));
    const errors: string[] = [];
    expect(readSharedArticle(doc, errors)).to.equal(undefined);
    expect(errors.join(' ')).to.contain('articleMeta.url');
  });
});
