import { Schema, type DOMOutputSpec, type Mark, type Node as PMNode } from 'prosemirror-model';

/** Link targets that may survive parsing; everything else (javascript:, data:, vbscript:…) is dropped. */
const SAFE_URL = /^(https?:|mailto:)/i;

/** Returns the URL if it is absolute http(s) or mailto, else null. */
export function safeHref(value: string | null | undefined): string | null {
  if (!value) return null;
  // Browsers ignore control characters and surrounding spaces in URLs, so must we.
  const cleaned = value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  return SAFE_URL.test(cleaned) ? cleaned : null;
}

const HEADING_LEVELS = [1, 2, 3, 4, 5, 6];

/**
 * The article schema: what a news article is made of, and nothing else.
 * Parsing any HTML through it (light DOM, paste, loadArticle) keeps text,
 * structure, emphasis and safe links, and drops scripts, styles, event
 * handlers, images and unknown elements.
 */
export const articleSchema = new Schema({
  nodes: {
    doc: { content: 'block+' },
    paragraph: {
      group: 'block',
      content: 'inline*',
      parseDOM: [{ tag: 'p' }, { tag: 'div', priority: 1 }, { tag: 'figcaption' }, { tag: 'address' }],
      toDOM: (): DOMOutputSpec => ['p', 0],
    },
    heading: {
      group: 'block',
      content: 'inline*',
      attrs: { level: { default: 2 } },
      defining: true,
      parseDOM: HEADING_LEVELS.map((level) => ({ tag: `h${level}`, attrs: { level: Math.min(level, 6) } })),
      toDOM: (node): DOMOutputSpec => [`h${node.attrs.level as number}`, 0],
    },
    blockquote: {
      group: 'block',
      content: 'block+',
      defining: true,
      parseDOM: [{ tag: 'blockquote' }],
      toDOM: (): DOMOutputSpec => ['blockquote', 0],
    },
    bullet_list: {
      group: 'block',
      content: 'list_item+',
      parseDOM: [{ tag: 'ul' }],
      toDOM: (): DOMOutputSpec => ['ul', 0],
    },
    ordered_list: {
      group: 'block',
      content: 'list_item+',
      attrs: { start: { default: 1 } },
      parseDOM: [
        {
          tag: 'ol',
          getAttrs: (dom: HTMLElement) => {
            const start = Number.parseInt(dom.getAttribute('start') ?? '1', 10);
            return { start: Number.isFinite(start) ? start : 1 };
          },
        },
      ],
      toDOM: (node): DOMOutputSpec =>
        node.attrs.start === 1 ? ['ol', 0] : ['ol', { start: String(node.attrs.start) }, 0],
    },
    list_item: {
      content: 'paragraph block*',
      defining: true,
      parseDOM: [{ tag: 'li' }],
      toDOM: (): DOMOutputSpec => ['li', 0],
    },
    text: { group: 'inline' },
    hard_break: {
      group: 'inline',
      inline: true,
      selectable: false,
      leafText: () => '\n',
      parseDOM: [{ tag: 'br' }],
      toDOM: (): DOMOutputSpec => ['br'],
    },
  },
  marks: {
    link: {
      attrs: { href: {} },
      inclusive: false,
      parseDOM: [
        {
          tag: 'a[href]',
          getAttrs: (dom: HTMLElement) => {
            const href = safeHref(dom.getAttribute('href'));
            return href ? { href } : false;
          },
        },
      ],
      toDOM: (mark: Mark): DOMOutputSpec => [
        'a',
        { href: safeHref(mark.attrs.href as string) ?? '#', rel: 'noopener noreferrer nofollow' },
        0,
      ],
    },
    em: {
      parseDOM: [{ tag: 'i' }, { tag: 'em' }, { style: 'font-style=italic' }],
      toDOM: (): DOMOutputSpec => ['em', 0],
    },
    strong: {
      parseDOM: [
        { tag: 'strong' },
        { tag: 'b', getAttrs: (dom: HTMLElement) => dom.style.fontWeight !== 'normal' && null },
      ],
      toDOM: (): DOMOutputSpec => ['strong', 0],
    },
  },
});

/** The text of one textblock with every inline leaf (a line break) as one character. */
export function blockText(block: PMNode): string {
  return block.textBetween(0, block.content.size, undefined, leafText);
}

export function leafText(leaf: PMNode): string {
  return leaf.type.spec.leafText?.(leaf) ?? '\ufffc';
}
