import { Plugin, PluginKey, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { annotationsAt, getAnnotationState } from './annotation-plugin.js';
import { setSelectedAnnotation } from './annotation-selection.js';
import { selectAnnotationTransaction } from './annotation-commands.js';
import { selectSentence } from './sentence-navigation.js';
import { expandToSentences } from './sentence-ranges.js';
import { getSettings } from './settings-and-text-lock.js';

const pointerKey = new PluginKey('claim-pointer');

/** How far the mouse may move between press and release and still be a click (as ProseMirror counts it). */
const CLICK_DISTANCE = 4;

/**
 * Click on a tagged sentence: its innermost annotation; click again: the
 * next annotation over that point, then the bare sentence, then around again,
 * so every one of overlapping annotations is reachable by click.
 * `selectedId` is the annotation selected when the mouse went down.
 */
function clickAt(view: EditorView, pos: number, selectedId: string | null): boolean {
  const { state } = view;
  const here = annotationsAt(state, pos);
  const current = here.findIndex((record) => record.id === selectedId);
  const next = here[current + 1];
  if (next) view.dispatch(selectAnnotationTransaction(state, next.id));
  else {
    view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos)));
    selectSentence(view.state, view.dispatch);
  }
  return true;
}

/** Widens a finished drag to whole sentences. */
function snapDrag(view: EditorView) {
  const { state } = view;
  const { from, to, anchor, head } = state.selection;
  if (from === to) return;
  const range = expandToSentences(state.doc, from, to);
  if (range.from === from && range.to === to) return;
  const [newAnchor, newHead] = anchor <= head ? [range.from, range.to] : [range.to, range.from];
  const tr = state.tr.setSelection(TextSelection.create(state.doc, newAnchor, newHead));
  view.dispatch(setSelectedAnnotation(tr, null));
}

/** Whether pointer gestures get annotate-mode treatment (not while editing text, not with other buttons). */
function annotating(view: EditorView, event: MouseEvent): boolean {
  return event.button === 0 && getSettings(view.state).mode !== 'edit';
}

/**
 * Mouse behaviour outside edit mode: a click selects a sentence or cycles
 * through the annotations under it; a drag is widened to whole sentences
 * unless Alt is held, when it stays exactly as dragged.
 */
export function pointerPlugin() {
  let pressedSelectedId: string | null = null;
  return new Plugin({
    key: pointerKey,
    props: {
      handleClick(view, pos, event) {
        if (event.altKey || event.shiftKey || !annotating(view, event)) return false;
        return clickAt(view, pos, pressedSelectedId);
      },
      handleDOMEvents: {
        mousedown(view, event) {
          if (!annotating(view, event) || event.shiftKey) return false;
          pressedSelectedId = getAnnotationState(view.state).selectedId;
          // Pressing inside the selection would start dragging the selected text
          // away instead of a new selection: the text is not movable here.
          const { from, to } = view.state.selection;
          const hit = view.posAtCoords({ left: event.clientX, top: event.clientY });
          if (hit && from < to && hit.pos >= from && hit.pos <= to) {
            view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, hit.pos)));
          }
          const start = { x: event.clientX, y: event.clientY };
          view.dom.ownerDocument.defaultView?.addEventListener(
            'mouseup',
            (up) => {
              const dragged = Math.hypot(up.clientX - start.x, up.clientY - start.y) > CLICK_DISTANCE;
              // Let ProseMirror read the browser's selection first.
              if (dragged && !up.altKey && !event.altKey) setTimeout(() => !view.isDestroyed && snapDrag(view), 0);
            },
            { once: true },
          );
          return false;
        },
        dragstart(view, event) {
          if (getSettings(view.state).mode === 'edit') return false;
          event.preventDefault();
          return true;
        },
      },
    },
  });
}
