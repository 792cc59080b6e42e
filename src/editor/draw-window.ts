import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { DecorationSet, type Decoration, type EditorView } from 'prosemirror-view';

/**
 * Long articles are drawn with their annotations only around what is on
 * screen: the blocks in view, this many blocks on either side, and the
 * block holding the selection. Drawing every one of thousands of marks
 * would make each keystroke re-check them all (ProseMirror compares the
 * decorations of every decorated block on each update).
 */
const MARGIN_BLOCKS = 40;
/** Articles with at most this many top-level blocks are drawn whole. */
export const WHOLE_ARTICLE_BLOCKS = 200;

/** The drawn part of the document, in document positions; null draws it all. */
export type DrawWindow = { from: number; to: number } | null;

const drawWindowKey = new PluginKey<DrawWindow>('claim-draw-window');

/** The positions from the start of block `first` to the end of block `last` (top-level indices, clamped). */
function blockSpan(doc: PMNode, first: number, last: number): { from: number; to: number } {
  const count = doc.childCount;
  first = Math.max(0, first);
  last = Math.min(count - 1, last);
  let from = 0;
  for (let i = 0; i < first; i++) from += doc.child(i).nodeSize;
  let to = from;
  for (let i = first; i <= last; i++) to += doc.child(i).nodeSize;
  return { from, to };
}

/** The top of a long article, before its view has been measured. */
function initialWindow(doc: PMNode): DrawWindow {
  return doc.childCount > WHOLE_ARTICLE_BLOCKS ? blockSpan(doc, 0, 2 * MARGIN_BLOCKS) : null;
}

/** Moves the draw window; not an undoable change. */
export function setDrawWindow(tr: Transaction, window: DrawWindow): Transaction {
  return tr.setMeta(drawWindowKey, window).setMeta('addToHistory', false);
}

export function getDrawWindow(state: EditorState): DrawWindow {
  return drawWindowKey.getState(state) ?? null;
}

/** The document positions on screen, or null when the editor is not in view. */
function visibleRange(view: EditorView): { from: number; to: number } | null {
  const rect = view.dom.getBoundingClientRect();
  const top = Math.max(rect.top, 0);
  const bottom = Math.min(rect.bottom, window.innerHeight);
  if (bottom <= top || rect.width === 0) return null;
  const left = rect.left + rect.width / 2;
  const from = view.posAtCoords({ left, top: top + 1 })?.pos;
  const to = view.posAtCoords({ left, top: bottom - 1 })?.pos;
  return from === undefined || to === undefined ? null : { from: Math.min(from, to), to: Math.max(from, to) };
}

/** Moves the window when what is on screen comes near its edge; measured at most once a frame. */
class DrawWindowView {
  private frame = 0;

  constructor(private readonly view: EditorView) {
    document.addEventListener('scroll', this.schedule, { capture: true, passive: true });
    window.addEventListener('resize', this.schedule, { passive: true });
    this.schedule();
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    document.removeEventListener('scroll', this.schedule, { capture: true });
    window.removeEventListener('resize', this.schedule);
  }

  private readonly schedule = () => {
    if (this.frame || !getDrawWindow(this.view.state)) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.measure();
    });
  };

  private measure() {
    const { state } = this.view;
    const current = getDrawWindow(state);
    if (!current || this.view.isDestroyed) return;
    const visible = visibleRange(this.view);
    if (!visible) return;
    const { doc } = state;
    const first = doc.resolve(visible.from).index(0);
    const last = doc.resolve(visible.to).index(0);
    const slack = blockSpan(doc, first - MARGIN_BLOCKS / 4, last + MARGIN_BLOCKS / 4);
    if (current.from <= slack.from && slack.to <= current.to) return;
    const next = blockSpan(doc, first - MARGIN_BLOCKS, last + MARGIN_BLOCKS);
    this.view.dispatch(setDrawWindow(state.tr, next));
  }
}

/**
 * Tracks which part of a long article is drawn: set from the view's scroll
 * position through transactions, mapped through edits in between.
 */
export function drawWindowPlugin(): Plugin<DrawWindow> {
  return new Plugin<DrawWindow>({
    key: drawWindowKey,
    state: {
      init: (_config, state) => initialWindow(state.doc),
      apply: (tr, value) => {
        const requested = tr.getMeta(drawWindowKey) as DrawWindow | undefined;
        if (requested !== undefined) return requested;
        if (!value || !tr.docChanged) return value;
        return { from: tr.mapping.map(value.from, -1), to: tr.mapping.map(value.to, 1) };
      },
    },
    view: (view) => new DrawWindowView(view),
    props: {
      // Lets the stylesheet skip laying out the off-screen blocks of a long article.
      attributes: (state): Record<string, string> => (getDrawWindow(state) ? { 'data-long-article': '' } : {}),
    },
  });
}

/** Whether `tr` moves the draw window (rather than mapping it through an edit). */
export function windowMoved(tr: Transaction): boolean {
  return tr.getMeta(drawWindowKey) !== undefined;
}

/** The top-level block holding the selection's head, so what the keyboard or the sidebar selects is drawn at once. */
function headSpan(state: EditorState): { from: number; to: number } {
  const { $head } = state.selection;
  return $head.depth > 0 ? { from: $head.before(1), to: $head.after(1) } : { from: $head.pos, to: $head.pos };
}

const withHead = new WeakMap<object, { headFrom: number; headTo: number; set: DecorationSet }>();

/**
 * What the view draws: the drawn part, plus, when the selection is outside
 * the draw window (just selected from the sidebar, say), the decorations of
 * its block that are not drawn yet (`decorationsOutside`: those of the
 * annotations touching `from`–`to` but not the window), until the window
 * catches up with the scroll. `version` changes whenever the annotations or
 * `drawn` do; the result is kept until then.
 */
export function withSelectionBlocks(
  state: EditorState,
  drawn: DecorationSet,
  version: object,
  decorationsOutside: (from: number, to: number, window: { from: number; to: number }) => Decoration[],
): DecorationSet {
  const window = getDrawWindow(state);
  if (!window) return drawn;
  const head = headSpan(state);
  if (head.from >= window.from && head.to <= window.to) return drawn;
  const cached = withHead.get(version);
  if (cached?.headFrom === head.from && cached.headTo === head.to) return cached.set;
  const set = drawn.add(state.doc, decorationsOutside(head.from, head.to, window));
  withHead.set(version, { headFrom: head.from, headTo: head.to, set });
  return set;
}
