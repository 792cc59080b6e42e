import { expect } from '@open-wc/testing';
import type { ClaimEditor } from '../components/claim-editor/claim-editor.component.js';

/** The editor's shadow root; fails the test if it has none. */
export function shadowOf(element: Element): ShadowRoot {
  const root = element.shadowRoot;
  if (!root) throw new Error(`<${element.localName}> has no open shadow root.`);
  return root;
}

/** The ProseMirror editing surface inside the editor's shadow root. */
export function proseMirror(editor: ClaimEditor): HTMLElement {
  const dom = shadowOf(editor).querySelector<HTMLElement>('.ProseMirror');
  if (!dom) throw new Error('No .ProseMirror element in the shadow root.');
  return dom;
}

/** The selection as seen from inside the editor's shadow root (Chromium has ShadowRoot#getSelection). */
export function shadowSelection(editor: ClaimEditor): Selection {
  const root = shadowOf(editor) as ShadowRoot & { getSelection?: () => Selection | null };
  const selection = root.getSelection?.() ?? document.getSelection();
  if (!selection) throw new Error('No selection object.');
  return selection;
}

export function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Resolves after the next `selectionchange` (or a short fallback if none comes), then one more task. */
export async function selectionSettled(): Promise<void> {
  await new Promise<void>((resolve) => {
    const done = () => {
      document.removeEventListener('selectionchange', done);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(done, 200);
    document.addEventListener('selectionchange', done);
  });
  await wait(0);
}

interface DomPoint {
  node: Text;
  offset: number;
}

/** Text nodes of the article, without the (text-less) tag labels. */
function articleTextNodes(editor: ClaimEditor): Text[] {
  const root = proseMirror(editor);
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
    acceptNode: (node) =>
      node.parentElement?.closest('.claim-label') ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  const nodes: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) nodes.push(node as Text);
  return nodes;
}

/**
 * The DOM point `offset` characters into the only occurrence of `needle` in
 * the rendered article. `preferEnd` picks the end of the earlier text node
 * when the point falls on a boundary between two nodes.
 */
export function domPoint(editor: ClaimEditor, needle: string, offset: number, preferEnd = false): DomPoint {
  const nodes = articleTextNodes(editor);
  const all = nodes.map((node) => node.data).join('');
  const at = all.indexOf(needle);
  expect(at, `"${needle}" is rendered in the editor`).to.be.at.least(0);
  expect(all.indexOf(needle, at + 1), `"${needle}" occurs once in the editor`).to.equal(-1);
  let target = at + offset;
  for (let i = 0; i < nodes.length; i++) {
    const length = nodes[i].data.length;
    if (target < length || (target === length && (preferEnd || i === nodes.length - 1))) {
      return { node: nodes[i], offset: target };
    }
    target -= length;
  }
  throw new Error(`Offset ${offset} is outside "${needle}".`);
}

/** Focuses the article and lets ProseMirror's own focus handling finish. */
export async function focusEditor(editor: ClaimEditor): Promise<void> {
  proseMirror(editor).focus();
  // prosemirror-view re-syncs the DOM selection 20 ms after focus; let that pass first.
  await wait(40);
}

/** Focuses the article and puts the caret `offset` characters into `needle`. */
export async function placeCaret(editor: ClaimEditor, needle: string, offset: number): Promise<void> {
  await focusEditor(editor);
  const point = domPoint(editor, needle, offset);
  shadowSelection(editor).collapse(point.node, point.offset);
  await selectionSettled();
}

/** Focuses the article and selects exactly the text `needle`. */
export async function selectText(editor: ClaimEditor, needle: string): Promise<void> {
  await focusEditor(editor);
  const start = domPoint(editor, needle, 0);
  const end = domPoint(editor, needle, needle.length, true);
  shadowSelection(editor).setBaseAndExtent(start.node, start.offset, end.node, end.offset);
  await selectionSettled();
}

/** The centre of `offset` characters into `needle`, in viewport coordinates, for sendMouse. */
export function pointInText(editor: ClaimEditor, needle: string, offset: number): [number, number] {
  const point = domPoint(editor, needle, offset);
  const range = document.createRange();
  range.setStart(point.node, point.offset);
  range.setEnd(point.node, Math.min(point.offset + 1, point.node.data.length));
  const rect = range.getBoundingClientRect();
  return [Math.round(rect.left + rect.width / 2), Math.round(rect.top + rect.height / 2)];
}

/** Marks of one annotation, in document order. */
export function marksOf(editor: ClaimEditor, id: string): HTMLElement[] {
  return [...shadowOf(editor).querySelectorAll<HTMLElement>(`mark[data-annotation-id="${CSS.escape(id)}"]`)];
}

/** The text an annotation's marks show, with nested marks counted once. */
export function markedText(editor: ClaimEditor, id: string): string {
  return marksOf(editor, id)
    .filter((mark) => !mark.parentElement?.closest(`mark[data-annotation-id="${CSS.escape(id)}"]`))
    .map((mark) => mark.textContent ?? '')
    .join('');
}
