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
/** Articles with at most this many top-level blocks, none of them long, are drawn whole. */
export const WHOLE_ARTICLE_BLOCKS = 200;
/**
 * A top-level block longer than this (in positions) is drawn only in part:
 * ProseMirror redraws a block as a whole whenever one of its decorations
 * changes, so one paragraph of thousands of annotations would make every tag
 * and keystroke in it cost all of them.
 */
export const LONG_BLOCK = 5000;
/** How far beyond what is on screen a long block is drawn, in positions. */
export const MARGIN_CHARACTERS = 1500;

/** The drawn part of the document, in document positions; null draws it all. */
export type DrawWindow = { from: number; to: number } | null;

const drawWindowKey = new PluginKey<DrawWindow>('claim-draw-window');

/**
 * Where the window ends going from `pos` in `direction` (-1 back, 1 on):
 * after `blocks` whole blocks beyond the one at `pos`, or earlier, no further
 * than `characters` from `pos` into a long block.
 */
function edge(doc: PMNode, pos: number, direction: -1 | 1, blocks: number, characters: number): number {
  const count = doc.childCount;
  let index = Math.min(doc.resolve(pos).index(0), count - 1);
  let start = 0;
  for (let i = 0; i < index; i++) start += doc.child(i).nodeSize;
  const limit = pos + direction * characters;
  for (let n = 0; ; n++) {
    const size = doc.child(index).nodeSize;
    const end = start + size;
    if (size > LONG_BLOCK) {
      if (direction < 0 && limit > start) return Math.min(limit, end);
      if (direction > 0 && limit < end) return Math.max(limit, start);
    }
    if (n === blocks || index === (direction < 0 ? 0 : count - 1)) return direction < 0 ? start : end;
    index += direction;
    start = direction < 0 ? start - doc.child(index).nodeSize : end;
  }
}

/** The window around `from`–`to`: `blocks` blocks either side, no more than `characters` into a long block. */
function around(
  doc: PMNode,
  from: number,
  to: number,
  blocks: number,
  characters: number,
): { from: number; to: number } {
  return { from: edge(doc, from, -1, blocks, characters), to: edge(doc, to, 1, blocks, characters) };
}

function hasLongBlock(doc: PMNode): boolean {
  for (let i = 0; i < doc.childCount; i++) if (doc.child(i).nodeSize > LONG_BLOCK) return true;
  return false;
}

/** The top of a long article (or of a long block), before its view has been measured. */
function initialWindow(doc: PMNode): DrawWindow {
  if (doc.childCount <= WHOLE_ARTICLE_BLOCKS && !hasLongBlock(doc)) return null;
  return { from: 0, to: edge(doc, 0, 1, 2 * MARGIN_BLOCKS, 2 * MARGIN_CHARACTERS) };
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
    const slack = around(doc, visible.from, visible.to, MARGIN_BLOCKS / 4, MARGIN_CHARACTERS / 4);
    if (current.from <= slack.from && slack.to <= current.to) return;
    this.view.dispatch(
      setDrawWindow(state.tr, around(doc, visible.from, visible.to, MARGIN_BLOCKS, MARGIN_CHARACTERS)),
    );
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

/**
 * The top-level block holding the selection's head, so what the keyboard or
 * the sidebar selects is drawn at once; in a long block, only the part within
 * a quarter of the margin of the head.
 */
function headSpan(state: EditorState): { from: number; to: number } {
  const { $head } = state.selection;
  if ($head.depth === 0) return { from: $head.pos, to: $head.pos };
  const from = $head.before(1);
  const to = $head.after(1);
  if (to - from <= LONG_BLOCK) return { from, to };
  return {
    from: Math.max(from, $head.pos - MARGIN_CHARACTERS / 4),
    to: Math.min(to, $head.pos + MARGIN_CHARACTERS / 4),
  };
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
