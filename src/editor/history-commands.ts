import { redo, undo } from 'prosemirror-history';
import type { Command, Transaction } from 'prosemirror-state';
import { announce } from './announce.js';
import { textChangeAllowed } from './settings-and-text-lock.js';

/**
 * Undo and redo that say what they did, and refuse (with a message) outside
 * edit mode when the step would change the text. Without `dispatch` they
 * answer whether there is a step to take; with it, they always handle the
 * key (saying "Nothing to undo" is handling it).
 */
function historyCommand(base: Command, verb: 'Undo' | 'Redo'): Command {
  return (state, dispatch) => {
    let candidate: Transaction | undefined;
    if (!base(state, (tr) => (candidate = tr)) || !candidate) {
      // Saying so is handling the key: a command that dispatched returns true, or a chain goes on and the browser acts
      // too.
      if (!dispatch) return false;
      dispatch(announce(state.tr, `Nothing to ${verb.toLowerCase()}`));
      return true;
    }
    if (!textChangeAllowed(candidate, state)) {
      dispatch?.(announce(state.tr, `${verb} would change the text: switch to edit mode first.`));
      return true;
    }
    dispatch?.(announce(candidate, verb === 'Undo' ? 'Undone' : 'Redone'));
    return true;
  };
}

export const undoCommand = historyCommand(undo, 'Undo');
export const redoCommand = historyCommand(redo, 'Redo');
