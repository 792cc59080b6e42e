import type { Command } from 'prosemirror-state';
import { moveToUnsourced, moveToUntagged, reusePreviousSource } from './advance-commands.js';
import type { RecordClock } from './record-factory.js';
import { getSettings } from './settings-and-text-lock.js';

function outsideEditMode(command: Command): Command {
  return (state, dispatch, view) => getSettings(state).mode !== 'edit' && command(state, dispatch, view);
}

/**
 * The fact-checker's pass (annotate mode): U / Shift+U select the next /
 * previous untagged sentence, W / Shift+W the next / previous annotation
 * without a source ("who said it"), R gives the selected annotation the
 * source of the annotation before it.
 */
export function advanceBindings(clock?: RecordClock): Record<string, Command> {
  return {
    u: outsideEditMode(moveToUntagged(1)),
    'Shift-U': outsideEditMode(moveToUntagged(-1)),
    w: outsideEditMode(moveToUnsourced(1)),
    'Shift-W': outsideEditMode(moveToUnsourced(-1)),
    r: outsideEditMode(reusePreviousSource(clock)),
  };
}
