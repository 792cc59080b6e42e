import type { Node as PMNode } from 'prosemirror-model';
import * as Y from 'yjs';
import { validateArticleMeta, type ArticleMeta } from '../model/article-meta.js';
import { readArticleJSON } from '../editor/article.js';
import { ARTICLE } from './doc-layout.js';

/**
 * One version of the shared article, as `doc.getMap('article')` holds it:
 * `title` (string), `meta` (articleMeta, absent when none), `content` (the
 * editor's document as JSON, as stored in IndexedDB), `text` (its plain
 * text) and `version` (`{id, hash, author, time}`). A version is always
 * written whole, every key in one transaction, so concurrent versions
 * resolve to the same writer on every key.
 */
export interface ArticleVersion {
  /** Unique per write: the hash, the time and the writer's Yjs client id. */
  id: string;
  /** Of title, meta and content (see {@link articleHash}): a changed article has a new one. */
  hash: string;
  /** The `annotator` name of whoever wrote it ('' when unnamed). */
  author: string;
  /** When its text was last changed, in milliseconds since 1970 (the writer's clock). */
  time: number;
}

/** The article a version is written from. */
export interface ArticleContent {
  title: string;
  meta?: ArticleMeta;
  content: unknown;
  text: string;
}

/** A shared version read back and validated like an import: `doc` is built through the editor's schema. */
export interface SharedArticle {
  version: ArticleVersion;
  doc: PMNode;
  title: string;
  meta?: ArticleMeta;
}

const MAX_TITLE = 2048;

/**
 * The largest article version shared, as its JSON in UTF-8 bytes (see
 * {@link articleBytes}). A version travels as one message, with up to 250
 * annotations (about 100 KB): 1.5 MB keeps that under the sync server's
 * default message limit of 2 MB (`DEFAULT_MAX_MESSAGE_BYTES`), which would
 * otherwise close the connection, again on every reconnect.
 */
export const MAX_ARTICLE_BYTES = 1.5 * 1024 * 1024;

/** About the size of a version in a sync message: its title, metadata, content and text as JSON, in UTF-8 bytes. */
export function articleBytes({ title, meta, content, text }: ArticleContent): number {
  return new TextEncoder().encode(JSON.stringify([title, meta ?? null, content ?? null, text])).length;
}

export function articleMap(doc: Y.Doc): Y.Map<unknown> {
  return doc.getMap<unknown>(ARTICLE);
}

/** A 53-bit hash (cyrb53) of the article's title, metadata and content JSON, base 36: detects change, not tampering. */
export function articleHash({ title, meta, content }: Pick<ArticleContent, 'title' | 'meta' | 'content'>): string {
  const input = JSON.stringify([title, meta ?? null, content ?? null]);
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** A new version of `article`; write it with {@link writeArticle}. */
export function newVersion(doc: Y.Doc, article: ArticleContent, author: string, time: number): ArticleVersion {
  const hash = articleHash(article);
  return { id: `${hash}.${time.toString(36)}.${doc.clientID.toString(36)}`, hash, author, time };
}

/** Writes every key of a version (call inside the transaction that also writes the annotations it moved). */
export function writeArticle(doc: Y.Doc, article: ArticleContent, version: ArticleVersion) {
  const map = articleMap(doc);
  map.set('title', article.title);
  if (article.meta) map.set('meta', article.meta);
  else map.delete('meta');
  map.set('content', article.content);
  map.set('text', article.text);
  map.set('version', version);
}

/** Which comes later: by time, then by id (so every editor orders any two versions alike). */
export function isNewer(a: Pick<ArticleVersion, 'id' | 'time'>, b: Pick<ArticleVersion, 'id' | 'time'>): boolean {
  return a.time !== b.time ? a.time > b.time : a.id > b.id;
}

/**
 * The shared version's id and time, checked (cheap: the content is not
 * read); undefined when there is none, or when it is malformed (then
 * described in `errors`).
 */
export function readVersion(doc: Y.Doc, errors: string[]): ArticleVersion | undefined {
  const value = articleMap(doc).get('version');
  if (value === undefined) return undefined;
  const fields = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const { id, hash, author, time } = fields;
  if (
    typeof id !== 'string' ||
    typeof hash !== 'string' ||
    typeof author !== 'string' ||
    typeof time !== 'number' ||
    !Number.isFinite(time)
  ) {
    errors.push('article version: expected {id, hash, author, time}.');
    return undefined;
  }
  return { id, hash, author, time };
}

/**
 * The shared article, validated like an import: the content is built
 * through the editor's schema and must give the shared plain text, the
 * metadata must pass `validateArticleMeta`, and title, metadata and content
 * must have the version's hash (keys from different versions never mix
 * unnoticed). Undefined when there is none or it is malformed (then
 * described in `errors`).
 */
export function readSharedArticle(doc: Y.Doc, errors: string[]): SharedArticle | undefined {
  const version = readVersion(doc, errors);
  if (!version) return undefined;
  const map = articleMap(doc);
  const title = map.get('title');
  const meta = map.get('meta');
  const content = map.get('content');
  const text = map.get('text');
  const problem = (message: string) => {
    errors.push(`article version ${version.id}: ${message}`);
    return undefined;
  };
  if (typeof title !== 'string' || title.length > MAX_TITLE) return problem('the title must be text.');
  if (typeof text !== 'string') return problem('the plain text is missing.');
  if (content === undefined || content === null) return problem('the content is missing.');
  let checkedMeta: ArticleMeta | undefined;
  try {
    checkedMeta = meta === undefined ? undefined : validateArticleMeta(meta);
  } catch (error) {
    return problem(error instanceof Error ? error.message : String(error));
  }
  if (articleHash({ title, meta: meta as ArticleMeta | undefined, content }) !== version.hash)
    return problem('its title, metadata and content do not match its hash.');
  const article = readArticleJSON(content, text);
  if (!article.ok) return problem(`the content is not a valid article (${article.error}).`);
  return { version, doc: article.doc, title, meta: checkedMeta };
}
