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
 * Attribute checks ProseMirror runs whenever a node or mark is built from
 * data (`nodeFromJSON`, `create`, `check`): stored, imported, restored or
 * synced documents. A value that would become markup (a tag name, an URL)
 * must be exactly what parsing HTML could have produced.
 */
function validateHeadingLevel(value: unknown): void {
  if (!HEADING_LEVELS.includes(value as number)) {
    throw new RangeError(`heading level must be a whole number from 1 to 6, not ${describeValue(value)}`);
  }
}

/** Ordered lists may start anywhere HTML allows, within what a list could plausibly number. */
const MAX_LIST_START = 1_000_000_000;

function validateListStart(value: unknown): void {
  if (!Number.isSafeInteger(value) || Math.abs(value as number) > MAX_LIST_START) {
    throw new RangeError(`ordered list start must be a whole number, not ${describeValue(value)}`);
  }
}

function validateHref(value: unknown): void {
  if (typeof value !== 'string' || safeHref(value) !== value) {
    throw new RangeError(`link href must be an http(s) or mailto URL, not ${describeValue(value)}`);
  }
}

function describeValue(value: unknown): string {
  const text = typeof value === 'string' ? JSON.stringify(value.slice(0, 60)) : String(JSON.stringify(value) ?? value);
  return `${typeof value} ${text}`;
}

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
      attrs: { level: { default: 2, validate: validateHeadingLevel } },
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
      attrs: { start: { default: 1, validate: validateListStart } },
      parseDOM: [
        {
          tag: 'ol',
          getAttrs: (dom: HTMLElement) => {
            const start = Number.parseInt(dom.getAttribute('start') ?? '1', 10);
            return { start: Number.isSafeInteger(start) && Math.abs(start) <= MAX_LIST_START ? start : 1 };
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
      attrs: { href: { validate: validateHref } },
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
        { href: mark.attrs.href as string, rel: 'noopener noreferrer nofollow' },
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
