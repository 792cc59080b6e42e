import { DOMParser as PMDOMParser, type Node as PMNode } from 'prosemirror-model';
import { articleSchema } from './schema.js';
import { TextIndex } from './text-index.js';

const parser = PMDOMParser.fromSchema(articleSchema);

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

/**
 * An article saved or exported as ProseMirror JSON. Content that does not fit
 * the schema, or whose text is not `text`, is not trusted: the plain text
 * still restores the article.
 */
export function articleFromJSON(content: unknown, text: string): PMNode {
  try {
    const doc = articleSchema.nodeFromJSON(content);
    doc.check();
    if (TextIndex.of(doc).text === text) return doc;
  } catch {
    // Falls through to the plain text.
  }
  return articleFromText(text);
}
