import { DOMParser as PMDOMParser, type Node as PMNode } from 'prosemirror-model';
import { articleSchema } from './schema.js';
import { TextIndex } from './text-index.js';

const parser = PMDOMParser.fromSchema(articleSchema);

/** An article given to `loadArticle()`. */
export interface ArticleInput {
  /** Article HTML; sanitised through the article schema. */
  html?: string;
  /** Plain text; each non-blank line becomes a paragraph. */
  text?: string;
  title?: string;
}

/**
 * Parses article HTML through the schema. The HTML is read in an inert
 * document (no scripts run, nothing loads); only what the schema knows
 * survives, so scripts, styles, handlers and unsafe links are gone.
 */
export function parseArticleHTML(html: string): PMNode {
  const inert = new DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  return parseArticleDOM(inert.body);
}

/** Parses the children of a live element (the light-DOM article a CMS rendered) through the schema. */
export function parseArticleDOM(container: Node): PMNode {
  return ensureBlock(parser.parse(container, { preserveWhitespace: false }));
}

/** Plain text to paragraphs: each non-blank line becomes one paragraph. */
export function articleFromText(text: string): PMNode {
  const lines = text.split(/\r\n?|\n/).filter((line) => line.trim() !== '');
  if (lines.length === 0) return emptyArticle();
  return articleSchema.node(
    'doc',
    null,
    lines.map((line) => articleSchema.node('paragraph', null, [articleSchema.text(line)])),
  );
}

export function emptyArticle(): PMNode {
  return articleSchema.node('doc', null, [articleSchema.node('paragraph')]);
}

function ensureBlock(doc: PMNode): PMNode {
  return doc.childCount > 0 ? doc : emptyArticle();
}

/** A title for an article given none: its first heading, else the start of its first line of text. */
export function deriveTitle(doc: PMNode): string {
  let heading: string | undefined;
  let firstText: string | undefined;
  doc.descendants((node) => {
    if (heading !== undefined) return false;
    if (node.isTextblock) {
      const text = node.textContent.trim();
      if (node.type.name === 'heading' && text) heading = text;
      else if (text) firstText ??= text;
      return false;
    }
    return true;
  });
  const title = heading ?? firstText ?? '';
  return title.length > 80 ? `${title.slice(0, 79)}…` : title;
}

/** An article read from data, or why it could not be. */
export type ArticleRead = { ok: true; doc: PMNode } | { ok: false; error: string };

/**
 * Reads an article saved, exported or sent as ProseMirror JSON. Every node,
 * mark and attribute is checked against the schema before it is used (a
 * heading level becomes a tag name, an href a link), and its text must be
 * `text`, which annotation offsets point into. Without `content`, the plain
 * text is the article.
 */
export function readArticleJSON(content: unknown, text: string): ArticleRead {
  if (content === undefined || content === null) return { ok: true, doc: articleFromText(text) };
  let doc: PMNode;
  try {
    doc = articleSchema.nodeFromJSON(content);
    doc.check();
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  if (doc.type !== articleSchema.topNodeType)
    return { ok: false, error: `the article must be a "doc" node, not "${doc.type.name}"` };
  if (TextIndex.of(doc).text !== text) return { ok: false, error: 'its text differs from the saved plain text' };
  return { ok: true, doc };
}

/** For exports: the article from its JSON, or from its plain text when the JSON cannot be read. */
export function articleFromJSON(content: unknown, text: string): PMNode {
  const read = readArticleJSON(content, text);
  return read.ok ? read.doc : articleFromText(text);
}
