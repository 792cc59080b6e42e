/** One text node of the copy and the offset of its first character in the article's plain text. */
export interface TextPiece {
  node: Text;
  start: number;
}

/** The reader's copy of an article: safe elements only, and its plain text as the editor counts it. */
export interface ArticleCopy {
  fragment: DocumentFragment;
  /** Textblocks joined by "\n", a line break one character: the text annotation offsets point into. */
  text: string;
  pieces: TextPiece[];
}

/** Blocks whose inline content is one line of the text (the editor's paragraph and heading). */
const TEXTBLOCKS: Readonly<Record<string, string>> = {
  p: 'p',
  div: 'p',
  figcaption: 'p',
  address: 'p',
  h1: 'h1',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h5',
  h6: 'h6',
};
/** Blocks that hold other blocks and are kept. */
const CONTAINERS = new Set(['blockquote', 'ul', 'ol', 'li']);
/** Other block-level elements: they end a line but are not kept (ProseMirror's list of block tags). */
const BLOCKS = new Set([
  'article',
  'aside',
  'body',
  'canvas',
  'dd',
  'dl',
  'fieldset',
  'figure',
  'footer',
  'form',
  'header',
  'hgroup',
  'hr',
  'output',
  'pre',
  'section',
  'table',
  'tfoot',
]);
/** Never read: code, styles, embedded things and the annotations' own `<script type="application/json">`. */
const SKIPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'object',
  'embed',
  'iframe',
  'head',
  'title',
  'svg',
  'math',
  'canvas',
  'video',
  'audio',
  'select',
  'textarea',
  'button',
]);
/** Inline elements kept as they are (i and b become em and strong). */
const INLINE: Readonly<Record<string, string>> = { em: 'em', i: 'em', strong: 'strong', b: 'strong' };

const SPACES = /[ \t\r\n\f]+/g;
const SAFE_URL = /^(https?:|mailto:)/i;

/** An absolute http(s) or mailto URL, else undefined (javascript:, data: and relative links are dropped). */
export function safeUrl(value: string | null | undefined, allowMailto = true): string | undefined {
  if (!value) return undefined;
  // Browsers ignore control characters and surrounding spaces in URLs, so must we.
  const cleaned = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (!SAFE_URL.test(cleaned) || (!allowMailto && /^mailto:/i.test(cleaned))) return undefined;
  return cleaned;
}

/**
 * Copies an article (a CMS's light-DOM HTML) the way the editor's schema
 * reads it: paragraphs, headings, block quotes, lists, emphasis, line breaks
 * and http(s) links survive; scripts, styles, handlers, images and unknown
 * elements do not. White space collapses as in ProseMirror's parser, so the
 * plain text is the one the editor's annotation offsets point into; where an
 * unusual structure makes it differ, annotations are re-found by their quote.
 */
export function copyArticle(source: Node, owner: Document): ArticleCopy {
  const fragment = owner.createDocumentFragment();
  const pieces: TextPiece[] = [];
  let text = '';
  let lines = 0;
  /** The textblock being filled, and where its inline content goes now. */
  let block: { element: HTMLElement; inline: Node; last?: Text; endsWithBreak: boolean } | undefined;

  const openBlock = (parent: Node, name: string) => {
    if (lines++ > 0) text += '\n';
    const element = owner.createElement(name);
    parent.appendChild(element);
    block = { element, inline: element, endsWithBreak: false };
    return block;
  };
  const closeBlock = () => {
    // ProseMirror strips the white space a block's last text ends with.
    if (block?.last && text.endsWith(' ')) {
      const last = block.last;
      last.data = last.data.slice(0, -1);
      text = text.slice(0, -1);
      if (last.data === '') {
        pieces.pop();
        last.remove();
      }
    }
    block = undefined;
  };

  const addText = (parent: Node, data: string) => {
    let value = data.replace(SPACES, ' ');
    if (!block) {
      if (value.trim() === '') return;
      openBlock(parent, 'p');
    }
    const current = block!;
    if (value.startsWith(' ') && (text.endsWith(' ') || current.endsWithBreak || current.element.textContent === ''))
      value = value.slice(1);
    if (!value) return;
    const node = owner.createTextNode(value);
    current.inline.appendChild(node);
    pieces.push({ node, start: text.length });
    text += value;
    current.last = node;
    current.endsWithBreak = false;
  };

  /** Walks `node`'s children; block content goes into `parent`. */
  const walk = (node: Node, parent: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) addText(parent, (child as Text).data);
      else if (child.nodeType === Node.ELEMENT_NODE) element(child as Element, parent);
    }
  };

  const element = (source: Element, parent: Node) => {
    const name = source.localName;
    if (SKIPPED.has(name) || source.hasAttribute('hidden')) return;
    const textblock = TEXTBLOCKS[name];
    if (textblock && !(name === 'div' && hasBlockChild(source))) {
      closeBlock();
      openBlock(parent, textblock);
      walk(source, parent);
      closeBlock();
    } else if (CONTAINERS.has(name)) {
      closeBlock();
      const copy = owner.createElement(name);
      const start = name === 'ol' ? Number.parseInt(source.getAttribute('start') ?? '', 10) : NaN;
      if (Number.isSafeInteger(start) && start !== 1) copy.setAttribute('start', String(start));
      parent.appendChild(copy);
      walk(source, copy);
      closeBlock();
    } else if (textblock || BLOCKS.has(name)) {
      closeBlock();
      walk(source, parent);
      closeBlock();
    } else if (name === 'br') {
      const current = block ?? openBlock(parent, 'p');
      current.inline.appendChild(owner.createElement('br'));
      text += '\n';
      current.last = undefined;
      current.endsWithBreak = true;
    } else inline(source, parent);
  };

  /** An inline element: kept when it is emphasis or a safe link, else only its content. */
  const inline = (source: Element, parent: Node) => {
    const name = source.localName;
    const href = name === 'a' ? safeUrl(source.getAttribute('href')) : undefined;
    const kept = INLINE[name] ?? (href ? 'a' : undefined);
    if (!kept) return walk(source, parent);
    if (!block) {
      if ((source.textContent ?? '').trim() === '') return;
      openBlock(parent, 'p');
    }
    const current = block!;
    const copy = owner.createElement(kept);
    if (href) {
      copy.setAttribute('href', href);
      copy.setAttribute('rel', 'noopener noreferrer nofollow');
    }
    const outer = current.inline;
    outer.appendChild(copy);
    current.inline = copy;
    walk(source, parent);
    // A block inside the inline element (invalid, but parsed HTML allows it) may have closed this one.
    if (block === current) current.inline = outer;
  };

  walk(source, fragment);
  closeBlock();
  return { fragment, text, pieces };
}

function hasBlockChild(element: Element): boolean {
  for (const child of element.children) {
    const name = child.localName;
    if (name in TEXTBLOCKS || CONTAINERS.has(name) || BLOCKS.has(name)) return true;
  }
  return false;
}
