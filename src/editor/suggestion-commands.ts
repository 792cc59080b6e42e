import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { announce, tagLabel } from './announce.js';
import { getAnnotationState } from './annotation-plugin.js';
import { AnnotationStep } from './annotation-step.js';
import { newRecord, systemClock, type RecordClock } from './record-factory.js';
import { getSettings } from './settings-and-text-lock.js';
import type { ProvenanceRole, Suggestion } from '../text/suggest/roles.js';
import {
  getSuggestionState,
  rejectSuggestions,
  removeSuggestions,
  setSuggestions,
  suggestionAtSelection,
  type SuggestionRecord,
} from './suggestion-plugin.js';
import { DEFAULT_SUGGESTION_TAG_MAP, resolveSuggestionTags, unmappedRolesMessage } from './suggestion-tag-map.js';
import { TextIndex } from './text-index.js';

/** The key a rejection is remembered by: the sentence's text, spaces folded. */
export function rejectionKey(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Shows suggestions for the sentences that have none of their text tagged
 * yet and were not rejected before, each with the tag its role maps to
 * (`suggestionTagMap`); roles without a tag of the taxonomy are not shown,
 * and the announcement says why.
 */
export function showSuggestionsTransaction(
  state: EditorState,
  found: readonly Suggestion[],
  clock: RecordClock = systemClock,
): Transaction {
  const index = TextIndex.of(state.doc);
  const { records } = getAnnotationState(state);
  const { rejected } = getSuggestionState(state);
  const { taxonomy, suggestionTagMap } = getSettings(state);
  const mapping = resolveSuggestionTags(suggestionTagMap ?? DEFAULT_SUGGESTION_TAG_MAP, taxonomy);
  const tagged = [...records.values()].filter((r) => r.from < r.to).sort((a, b) => a.from - b.from);
  const overlapsTagged = (from: number, to: number) => tagged.some((r) => r.from < to && from < r.to);
  const suggestions: SuggestionRecord[] = [];
  const withheld = new Set<ProvenanceRole>();
  for (const s of found) {
    if (rejected.has(rejectionKey(index.text.slice(s.start, s.end)))) continue;
    const from = index.offsetToPos(s.start, 'start');
    const to = index.offsetToPos(s.end, 'end');
    if (from >= to || overlapsTagged(from, to)) continue;
    const tag = mapping.tags.get(s.role);
    if (tag === undefined) {
      withheld.add(s.role);
      continue;
    }
    suggestions.push({
      id: clock.newId(),
      from,
      to,
      tag,
      confidence: s.confidence,
      cue: s.cue,
      ...(s.source ? { source: s.source } : {}),
    });
  }
  const tr = setSuggestions(state.tr, suggestions);
  const byTag = new Map<string, number>();
  for (const s of suggestions) byTag.set(s.tag, (byTag.get(s.tag) ?? 0) + 1);
  const summary = [...byTag].map(([tag, n]) => `${n} ${tagLabel(state, tag)}`).join(', ');
  const why =
    withheld.size > 0
      ? unmappedRolesMessage({ ...mapping, unmapped: mapping.unmapped.filter((u) => withheld.has(u.role)) })
      : undefined;
  const shown = suggestions.length
    ? `${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'}: ${summary}. Move to a sentence; Enter accepts, X rejects, a tag key accepts with that tag.`
    : why
      ? ''
      : 'No suggestions: every sentence is tagged, rejected or without a cue.';
  return announce(tr, [shown, why].filter(Boolean).join(' '));
}

function acceptInto(
  tr: Transaction,
  state: EditorState,
  suggestion: SuggestionRecord,
  tag: string,
  clock: RecordClock,
) {
  const record = newRecord(
    state,
    suggestion,
    { tag, ...(suggestion.source ? { source: suggestion.source } : {}) },
    clock,
  );
  tr.step(new AnnotationStep(record.id, null, record));
}

/** Accepts the suggestion over the selection (with `tag`, retagged first): it becomes an annotation with its source. */
export function acceptSuggestion(tag?: string, clock: RecordClock = systemClock): Command {
  return (state, dispatch) => {
    const suggestion = suggestionAtSelection(state);
    if (!suggestion || getSettings(state).mode === 'readonly') return false;
    if (dispatch) {
      const tr = state.tr;
      const chosen = tag ?? suggestion.tag;
      acceptInto(tr, state, suggestion, chosen, clock);
      removeSuggestions(tr, [suggestion.id]);
      dispatch(
        announce(
          tr,
          `Accepted as ${tagLabel(state, chosen)}${suggestion.source ? `, source ${suggestion.source}` : ''}`,
        ),
      );
    }
    return true;
  };
}

/** Rejects the suggestion over the selection; that sentence is not suggested again in this document. */
export const rejectSuggestion: Command = (state, dispatch) => {
  const suggestion = suggestionAtSelection(state);
  if (!suggestion) return false;
  if (dispatch) {
    const key = rejectionKey(state.doc.textBetween(suggestion.from, suggestion.to, '\n', '\n'));
    dispatch(
      announce(
        rejectSuggestions(state.tr, [suggestion.id], [key]),
        `Rejected the ${tagLabel(state, suggestion.tag)} suggestion`,
      ),
    );
  }
  return true;
};

/** Accepts, in one undoable step, every suggestion whose confidence is at least `threshold` (0–1). */
export function acceptSuggestionsAbove(threshold: number, clock: RecordClock = systemClock): Command {
  return (state, dispatch) => {
    const chosen = getSuggestionState(state).suggestions.filter((s) => s.confidence >= threshold);
    if (chosen.length === 0 || getSettings(state).mode === 'readonly') return false;
    if (dispatch) {
      const tr = state.tr;
      for (const suggestion of chosen) acceptInto(tr, state, suggestion, suggestion.tag, clock);
      removeSuggestions(
        tr,
        chosen.map((s) => s.id),
      );
      dispatch(
        announce(
          tr,
          `Accepted ${chosen.length} suggestion${chosen.length === 1 ? '' : 's'} at ${Math.round(threshold * 100)}% confidence or more`,
        ),
      );
    }
    return true;
  };
}

export const clearSuggestions: Command = (state, dispatch) => {
  if (getSuggestionState(state).suggestions.length === 0) return false;
  dispatch?.(announce(setSuggestions(state.tr, []), 'Suggestions cleared'));
  return true;
};
