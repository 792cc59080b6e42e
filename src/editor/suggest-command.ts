import type { Command } from 'prosemirror-state';
import type { RecordClock } from './record-factory.js';
import { getSettings } from './settings-and-text-lock.js';
import { showSuggestionsTransaction } from './suggestion-commands.js';
import { TextIndex } from './text-index.js';

/**
 * Shows suggested tags for the untagged sentences (key S, the Suggest
 * button). A suggester that answers with a Promise (one still loading) shows
 * its suggestions when it answers, through the view, unless the text changed
 * meanwhile; without a view there is nothing to show them in.
 */
export function showSuggestions(clock?: RecordClock): Command {
  return (state, dispatch, view) => {
    const { suggest } = getSettings(state);
    if (!suggest) return false;
    if (!dispatch) return true;
    const found = suggest(TextIndex.of(state.doc).text);
    if (!(found instanceof Promise)) {
      dispatch(showSuggestionsTransaction(state, found, clock));
      return true;
    }
    void found.then((suggestions) => {
      if (view && !view.isDestroyed && view.state.doc === state.doc)
        view.dispatch(showSuggestionsTransaction(view.state, suggestions, clock));
    });
    return true;
  };
}
