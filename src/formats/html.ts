import { DOMSerializer, type Node as PMNode } from 'prosemirror-model';
import type { Annotation } from '../model/annotation.js';
import { findTag, isSafeColor, type Taxonomy } from '../model/taxonomy.js';
import { articleFromJSON, parseArticleDOM } from '../editor/article.js';
import { articleSchema } from '../editor/schema.js';
import { TextIndex } from '../editor/text-index.js';
import { isHttpUrl } from '../model/article-meta.js';
import {
  failed,
  MAX_IMPORT_BYTES,
  ok,
  type ExportOptions,
  type ExportSource,
  type Format,
  type ImportedAnnotation,
} from './format.js';

const PATTERNS = ['solid', 'dashed', 'dotted', 'double', 'wavy'];
const FALLBACK = '#5e5c64';

/** The export's stylesheet: per-tag colour and pattern, labels that print, no script anywhere. */
function stylesheet(taxonomy: Taxonomy, scope: string): string {
  const tags = taxonomy
    .map((tag, i) => {
      const color = tag.color && isSafeColor(tag.color) ? tag.color : FALLBACK;
      return `${scope} [data-tag="${tag.id}"] { --tag: ${color}; --pattern: ${PATTERNS[i % PATTERNS.length]}; }`;
    })
    .join('\n');
  return `${scope} { font-family: Georgia, 'Times New Roman', serif; color: #1b1b1f; line-height: 1.6; max-width: 46rem; margin: 0 auto; padding: 1rem; }
${scope} h1, ${scope} h2, ${scope} .legend, ${scope} .annotations, ${scope} .claim-label { font-family: system-ui, sans-serif; }
${scope} mark { color: inherit; background: color-mix(in srgb, var(--tag, ${FALLBACK}) 14%, transparent); text-decoration: underline var(--pattern, solid) var(--tag, ${FALLBACK}); text-decoration-thickness: 2px; text-underline-offset: 0.25em; }
${scope} .claim-label { font-size: 0.7em; font-weight: 600; color: #fff; background: var(--tag, ${FALLBACK}); border-radius: 3px; padding: 0 0.35em; margin-right: 0.25em; }
${scope} .claim-label a { color: inherit; text-decoration: none; }
${scope} .claim-verdict { font-weight: 700; margin-left: 0.3em; padding-left: 0.3em; border-left: 1px solid currentColor; }
${scope} .byline, ${scope} .generated { font-family: system-ui, sans-serif; color: #45454d; }
${scope} .swatch { display: inline-block; width: 1.6em; height: 0.9em; vertical-align: middle; background: color-mix(in srgb, var(--tag) 14%, transparent); border-bottom: 2px var(--pattern) var(--tag); }
${scope} .legend ul, ${scope} .annotations ol { padding-left: 1.4rem; }
${scope} .annotations li { margin-bottom: 0.6rem; }
${scope} .status { color: #7a3d00; font-weight: 600; }
${scope} blockquote { border-left: 3px solid #c5c5cf; margin-left: 0; padding-left: 1rem; }
@media print { ${scope} mark { background: none; } ${scope} .claim-label { color: #000; background: none; border: 1px solid #000; } ${scope} a { color: inherit; } }
${tags}`;
}

/** Splits the text nodes of rendered blocks at annotation boundaries and wraps each piece in its marks. */
function markUp(
  container: HTMLElement,
  doc: PMNode,
  annotations: readonly Annotation[],
  taxonomy: Taxonomy,
  numbers: Map<string, number>,
) {
  const owner = container.ownerDocument;
  const index = TextIndex.of(doc);
  const blocks = container.querySelectorAll<HTMLElement>('p, h1, h2, h3, h4, h5, h6');
  const anchored = annotations.filter((a) => a.status !== 'orphaned' && a.end > a.start);
  blocks.forEach((element, blockIndex) => {
    const block = index.blocks[blockIndex];
    if (!block) return;
    const blockEnd = block.start + block.text.length;
    const here = anchored.filter((a) => a.start < blockEnd && a.end > block.start);
    if (here.length === 0) return;
    const walker = owner.createTreeWalker(element, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
    const pieces: { node: Text; start: number }[] = [];
    let offset = block.start;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node instanceof Text) {
        pieces.push({ node, start: offset });
        offset += node.data.length;
      } else if ((node as Element).localName === 'br') offset += 1;
    }
    for (const { node, start } of pieces) {
      const end = start + node.data.length;
      const cuts = new Set<number>([start, end]);
      for (const a of here) {
        if (a.start > start && a.start < end) cuts.add(a.start);
        if (a.end > start && a.end < end) cuts.add(a.end);
      }
      const points = [...cuts].sort((x, y) => x - y);
      const fragment = owner.createDocumentFragment();
      for (let i = 0; i + 1 < points.length; i++) {
        const [from, to] = [points[i], points[i + 1]];
        let content: Node = owner.createTextNode(node.data.slice(from - start, to - start));
        const covering = here
          .filter((a) => a.start <= from && a.end >= to)
          .sort((x, y) => x.end - x.start - (y.end - y.start));
        for (const a of covering) {
          const mark = owner.createElement('mark');
          mark.dataset.tag = a.tag;
          mark.dataset.annotationId = a.id;
          mark.append(content);
          content = mark;
        }
        for (const a of here.filter((x) => x.start === from).reverse()) {
          const label = owner.createElement('span');
          label.className = 'claim-label';
          label.dataset.tag = a.tag;
          const link = owner.createElement('a');
          link.href = `#annotation-${numbers.get(a.id)}`;
          link.textContent = `${findTag(taxonomy, a.tag)?.label ?? a.tag} ${numbers.get(a.id)}`;
          label.append(link);
          // The verdict stands beside its highlight, not only in the list at the end.
          const verdict = a.verdict?.trim();
          if (verdict) {
            const beside = owner.createElement('span');
            beside.className = 'claim-verdict';
            beside.textContent = verdict;
            label.append(beside);
          }
          fragment.append(label);
        }
        fragment.append(content);
      }
      node.replaceWith(fragment);
    }
  });
}

function element<K extends keyof HTMLElementTagNameMap>(owner: Document, name: K, text?: string, className?: string) {
  const result = owner.createElement(name);
  if (text !== undefined) result.textContent = text;
  if (className) result.className = className;
  return result;
}

/** A `<time>` showing `iso` as a date in the locale of whoever exports (the reader of the page, usually). */
function timeElement(owner: Document, iso: string): HTMLElement | string {
  const time = new Date(iso);
  if (Number.isNaN(time.getTime())) return iso;
  const result = element(owner, 'time', new Intl.DateTimeFormat(undefined, { dateStyle: 'long' }).format(time));
  result.setAttribute('datetime', iso);
  return result;
}

function linkTo(owner: Document, href: string, text: string): HTMLAnchorElement {
  const anchor = element(owner, 'a', text);
  anchor.href = href;
  return anchor;
}

/**
 * The header: title; byline with author, publisher (linked to the article's
 * site) and date; a link to the original article; who annotated and when.
 * Only http(s) URLs become links.
 */
function buildHeader(owner: Document, source: ExportSource, count: number): HTMLElement {
  const meta = source.document.meta ?? {};
  const url = meta.url && isHttpUrl(meta.url) ? meta.url : undefined;
  const header = element(owner, 'header');
  header.append(element(owner, 'h1', source.document.title || 'Annotated article'));
  const byline: (Node | string)[] = [];
  if (meta.author) byline.push(`By ${meta.author}`);
  if (meta.publisher) {
    byline.push(url ? linkTo(owner, new URL(url).origin + '/', meta.publisher) : meta.publisher);
  }
  if (meta.datePublished) byline.push(timeElement(owner, meta.datePublished));
  if (byline.length > 0) {
    const line = element(owner, 'p', undefined, 'byline');
    byline.forEach((part, i) => line.append(...(i > 0 ? [' · ', part] : [part])));
    header.append(line);
  }
  if (url) {
    const original = element(owner, 'p', undefined, 'original');
    original.append(linkTo(owner, url, 'Read the original article'));
    header.append(original);
  }
  const generated = element(
    owner,
    'p',
    `Annotated for provenance · ${count} annotation${count === 1 ? '' : 's'} · `,
    'generated',
  );
  generated.append(timeElement(owner, source.generated));
  const reviewer = source.reviewer;
  if (reviewer) {
    generated.append(' · Fact-check by ');
    generated.append(isHttpUrl(reviewer.url) ? linkTo(owner, reviewer.url, reviewer.name) : reviewer.name);
  }
  header.append(generated);
  return header;
}

/** The export as a detached element tree: header, legend, marked-up article, numbered annotation list. */
function buildExport(owner: Document, source: ExportSource): HTMLElement {
  const { taxonomy, annotations } = source;
  const numbers = new Map(annotations.map((a, i) => [a.id, i + 1]));
  const root = element(owner, 'div', undefined, 'claim-export');
  root.append(buildHeader(owner, source, annotations.length));

  const legend = element(owner, 'section', undefined, 'legend');
  legend.setAttribute('aria-label', 'Legend');
  legend.append(element(owner, 'h2', 'Legend'));
  const legendList = element(owner, 'ul');
  for (const tag of taxonomy) {
    const item = element(owner, 'li');
    item.dataset.tag = tag.id;
    const swatch = element(owner, 'span', undefined, 'swatch');
    swatch.setAttribute('aria-hidden', 'true');
    item.append(swatch, ` ${tag.label}${tag.description ? ` — ${tag.description}` : ''}`);
    legendList.append(item);
  }
  legend.append(legendList);
  root.append(legend);

  const doc = articleFromJSON(source.document.content, source.document.text);
  const article = element(owner, 'article', undefined, 'claim-article');
  if (source.document.meta?.language) article.lang = source.document.meta.language;
  article.append(DOMSerializer.fromSchema(articleSchema).serializeFragment(doc.content, { document: owner }));
  markUp(article, doc, annotations, taxonomy, numbers);
  root.append(article);

  const list = element(owner, 'section', undefined, 'annotations');
  list.append(element(owner, 'h2', 'Annotations'));
  const ol = element(owner, 'ol');
  for (const a of annotations) {
    const item = element(owner, 'li');
    item.id = `annotation-${numbers.get(a.id)}`;
    Object.assign(item.dataset, { annotationId: a.id, tag: a.tag, start: String(a.start), end: String(a.end) });
    const label = element(owner, 'span', findTag(taxonomy, a.tag)?.label ?? a.tag, 'claim-label');
    label.dataset.tag = a.tag;
    item.append(label, ' ', element(owner, 'q', a.quote, 'quote'));
    for (const [field, caption] of [
      ['source', 'Source'],
      ['note', 'Note'],
      ['verdict', 'Verdict'],
    ] as const) {
      const value = a[field];
      if (!value) continue;
      const line = element(owner, 'p', `${caption}: `);
      line.append(element(owner, 'span', value, field));
      item.append(line);
    }
    if (a.status !== 'anchored')
      item.append(
        element(
          owner,
          'p',
          a.status === 'orphaned' ? 'Text no longer in the article' : 'Needs review (re-anchored)',
          'status',
        ),
      );
    ol.append(item);
  }
  list.append(ol);
  root.append(list);
  return root;
}

/** True for an annotation someone reviewed: it has a note or a verdict. */
function isReviewed(annotation: Annotation): boolean {
  return !!(annotation.note?.trim() || annotation.verdict?.trim());
}

/** The source with only the annotations `options` asks the page to show. */
function shown(source: ExportSource, options: ExportOptions | undefined): ExportSource {
  return options?.annotations !== 'reviewed'
    ? source
    : { ...source, annotations: source.annotations.filter(isReviewed) };
}

/** An inert document to build the export in: nothing in it loads or runs. */
function exportDocument(): Document {
  return document.implementation.createHTMLDocument('');
}

/**
 * The `<style>` element, written as text: creating one as DOM would count as
 * applying an inline style under a strict Content-Security-Policy. Its rules
 * hold only validated tag ids and colours, never user text.
 */
function styleElement(taxonomy: Taxonomy): string {
  return `<style>${stylesheet(taxonomy, '.claim-export').replace(/<\//g, '<\\/')}</style>`;
}

/** A parsed HTML export: the article's text and the annotations listed in it. */
export interface ParsedHtmlExport {
  text: string;
  annotations: ImportedAnnotation[];
}

function parseExport(input: string) {
  if (input.length > MAX_IMPORT_BYTES) return failed<ParsedHtmlExport>('The file is too large to import.');
  const page = new DOMParser().parseFromString(input, 'text/html');
  const article = page.querySelector('article.claim-article');
  if (!article) return failed<ParsedHtmlExport>('Not an annotated-article export (no article.claim-article).');
  article.querySelectorAll('.claim-label').forEach((label) => label.remove());
  const text = TextIndex.of(parseArticleDOM(article)).text;
  const annotations: ImportedAnnotation[] = [];
  const errors: string[] = [];
  page.querySelectorAll<HTMLElement>('section.annotations li[data-annotation-id]').forEach((item, i) => {
    const start = Number(item.dataset.start);
    const end = Number(item.dataset.end);
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end < start) {
      errors.push(`annotation ${i + 1}: bad offsets.`);
      return;
    }
    const field = (name: string) => item.querySelector(`.${name}`)?.textContent ?? undefined;
    annotations.push({
      id: item.dataset.annotationId,
      tag: item.dataset.tag ?? '',
      start,
      end,
      quote: field('quote'),
      source: field('source'),
      note: field('note'),
      verdict: field('verdict'),
    });
  });
  return errors.length > 0 ? { ok: false as const, errors } : ok<ParsedHtmlExport>({ text, annotations });
}

/**
 * A standalone annotated article: `<mark data-tag>` highlights with a visible,
 * printed label (and the verdict, when there is one) linking to a numbered
 * list of annotations (source, note, verdict), a legend, inline CSS and no
 * script. The header shows the title, the article's author, publisher and
 * date, a link to the original and who fact-checked it; dates are written in
 * the exporting browser's locale. With `{annotations: 'reviewed'}` only the
 * annotations with a note or a verdict are highlighted and listed (the list
 * is then no second copy of the article). Built as DOM and serialised, so
 * every piece of text and every attribute is escaped.
 */
export const htmlFormat: Format<ParsedHtmlExport> = {
  label: 'Annotated article (HTML page)',
  fileName: 'annotated.html',
  mediaType: 'text/html;charset=utf-8',
  serialize(source, options) {
    const owner = exportDocument();
    const title = owner.createElement('title');
    title.textContent = source.document.title || 'Annotated article';
    const body = buildExport(owner, shown(source, options)).outerHTML;
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">${title.outerHTML}
${styleElement(source.taxonomy)}</head><body>${body}</body></html>`;
  },
  parse: parseExport,
};

/** The same annotated article without `<html>`, `<head>` or `<body>`, for pasting into a CMS; its styles are scoped. */
export const htmlFragmentFormat: Format<ParsedHtmlExport> = {
  label: 'Annotated article for a CMS (HTML fragment)',
  fileName: 'annotated-fragment.html',
  mediaType: 'text/html;charset=utf-8',
  serialize(source, options) {
    const root = buildExport(exportDocument(), shown(source, options)).outerHTML;
    return root.replace('>', `>${styleElement(source.taxonomy)}`);
  },
  parse: parseExport,
};
