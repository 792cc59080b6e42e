import { Plugin, PluginKey, TextSelection } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import { annotationsAt, getAnnotationState, setSelectedAnnotation } from './annotation-plugin.js';
import { selectAnnotationTransaction, selectSentence } from './commands.js';
import { expandToSentences } from './sentence-ranges.js';
import { getSettings } from './settings-plugin.js';

const pointerKey = new PluginKey('claim-pointer');

/**
 * Click on a tagged sentence: its innermost annotation; click again: the
 * next annotation over that point, then the bare sentence, then around again,
 * so every one of overlapping annotations is reachable by click.
 */
function clickAt(view: EditorView, pos: number): boolean {
  const { state } = view;
  const here = annotationsAt(state, pos);
  const { selectedId } = getAnnotationState(state);
  const current = here.findIndex((record) => record.id === selectedId);
  const next = here[current + 1];
  if (next) view.dispatch(selectAnnotationTransaction(state, next.id));
  else {
    view.dispatch(state.tr.setSelection(TextSelection.create(state.doc, pos)));
    selectSentence(view.state, view.dispatch);
  }
  return true;
}

/** Widens a finished drag to whole sentences, unless Alt was held: then it stays exactly as dragged. */
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

/** Mouse behaviour of annotate mode: clicks select sentences and annotations, drags snap to sentences. */
export function pointerPlugin() {
  return new Plugin({
    key: pointerKey,
    props: {
      handleClick(view, pos, event) {
        if (event.altKey || event.button !== 0 || event.shiftKey || getSettings(view.state).mode === 'edit') return false;
        return clickAt(view, pos);
      },
      handleDOMEvents: {
        mousedown(view, event) {
          if (event.button !== 0 || event.altKey || getSettings(view.state).mode === 'edit') return false;
          const window = view.dom.ownerDocument.defaultView;
          window?.addEventListener(
            'mouseup',
            (up) => {
              // Let ProseMirror read the browser's selection first.
              if (!up.altKey) setTimeout(() => !view.isDestroyed && snapDrag(view), 0);
            },
            { once: true },
          );
          return false;
        },
      },
    },
  });
}
