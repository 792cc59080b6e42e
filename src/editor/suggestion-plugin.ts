import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';

/** A proposed tag for one sentence, in document positions. Never saved; accepting it makes an annotation. */
export interface SuggestionRecord {
  id: string;
  from: number;
  to: number;
  tag: string;
  confidence: number;
  cue: string;
  source?: string;
}

export interface SuggestionState {
  readonly suggestions: readonly SuggestionRecord[];
  readonly decorations: DecorationSet;
  /** Sentences (by their text) the user rejected a suggestion for: never suggested again in this document. */
  readonly rejected: ReadonlySet<string>;
}

export const suggestionKey = new PluginKey<SuggestionState>('claim-suggestions');

type SuggestionMeta =
  | { set: SuggestionRecord[] }
  | { remove: string[] }
  | { reject: { ids: string[]; keys: string[] } }
  | { rejected: string[] };

export function getSuggestionState(state: EditorState): SuggestionState {
  return suggestionKey.getState(state) ?? { suggestions: [], decorations: DecorationSet.empty, rejected: new Set() };
}

export function setSuggestions(tr: Transaction, suggestions: SuggestionRecord[]): Transaction {
  return tr.setMeta(suggestionKey, { set: suggestions } satisfies SuggestionMeta);
}

export function removeSuggestions(tr: Transaction, ids: string[]): Transaction {
  return tr.setMeta(suggestionKey, { remove: ids } satisfies SuggestionMeta);
}

/** Removes suggestions and remembers their sentences (`keys`) as rejected. */
export function rejectSuggestions(tr: Transaction, ids: string[], keys: string[]): Transaction {
  return tr.setMeta(suggestionKey, { reject: { ids, keys } } satisfies SuggestionMeta);
}

/** The rejections saved with a document, put back when it is opened. */
export function restoreRejected(tr: Transaction, keys: string[]): Transaction {
  return tr.setMeta(suggestionKey, { rejected: keys } satisfies SuggestionMeta);
}

function decorationsFor(suggestion: SuggestionRecord): Decoration[] {
  const spec = { suggestionId: suggestion.id };
  const label = () => {
    const element = document.createElement('span');
    element.className = 'claim-suggestion-label';
    element.dataset.tag = suggestion.tag;
    element.dataset.suggestionId = suggestion.id;
    element.dataset.confidence = `${Math.round(suggestion.confidence * 100)}%`;
    // Why it is suggested, on screen as well as announced.
    element.dataset.cue = suggestion.cue.length > 32 ? `${suggestion.cue.slice(0, 31)}…` : suggestion.cue;
    element.contentEditable = 'false';
    return element;
  };
  return [
    Decoration.widget(suggestion.from, label, {
      ...spec,
      side: -1,
      key: `s:${suggestion.id}:${suggestion.tag}`,
      ignoreSelection: true,
    }),
    Decoration.inline(
      suggestion.from,
      suggestion.to,
      { class: 'claim-suggestion', 'data-tag': suggestion.tag, 'data-suggestion-id': suggestion.id },
      spec,
    ),
  ];
}

function build(
  state: { doc: EditorState['doc'] },
  suggestions: readonly SuggestionRecord[],
  rejected: ReadonlySet<string>,
): SuggestionState {
  return { suggestions, decorations: DecorationSet.create(state.doc, suggestions.flatMap(decorationsFor)), rejected };
}

function without(value: SuggestionState, ids: readonly string[]): SuggestionState {
  const gone = new Set(ids);
  const removed = value.decorations.find(undefined, undefined, (spec: { suggestionId?: string }) =>
    gone.has(spec.suggestionId ?? ''),
  );
  return {
    ...value,
    suggestions: value.suggestions.filter((s) => !gone.has(s.id)),
    decorations: value.decorations.remove(removed),
  };
}

/**
 * Proposed tags, kept apart from annotations: drawn as dashed, labelled
 * outlines, mapped through edits (a suggestion whose sentence is edited
 * away is dropped), and changed only by meta on transactions.
 */
export function suggestionPlugin(): Plugin<SuggestionState> {
  return new Plugin<SuggestionState>({
    key: suggestionKey,
    state: {
      init: () => ({ suggestions: [], decorations: DecorationSet.empty, rejected: new Set<string>() }),
      apply(tr, value, _old, newState) {
        let next = value;
        if (tr.doc !== tr.before && value.suggestions.length > 0) {
          const mapped = value.suggestions
            .map((s) => ({ ...s, from: tr.mapping.map(s.from, 1), to: tr.mapping.map(s.to, -1) }))
            .filter((s) => s.from < s.to && !tr.mapping.mapResult(s.from, 1).deleted);
          next = { ...value, suggestions: mapped, decorations: value.decorations.map(tr.mapping, tr.doc) };
          // A suggestion whose sentence was cut keeps no outline behind.
          const kept = new Set(mapped.map((s) => s.id));
          const dropped = value.suggestions.filter((s) => !kept.has(s.id)).map((s) => s.id);
          if (dropped.length > 0) next = without(next, dropped);
        }
        const meta = tr.getMeta(suggestionKey) as SuggestionMeta | undefined;
        if (!meta) return next;
        if ('set' in meta) return build(newState, meta.set, next.rejected);
        if ('remove' in meta) return without(next, meta.remove);
        if ('reject' in meta)
          return { ...without(next, meta.reject.ids), rejected: new Set([...next.rejected, ...meta.reject.keys]) };
        if ('rejected' in meta) return { ...next, rejected: new Set(meta.rejected) };
        return next;
      },
    },
    props: {
      decorations: (state) => getSuggestionState(state).decorations,
    },
  });
}

/** The suggestion over the selection (the one whose sentence it is in), if any. */
export function suggestionAtSelection(state: EditorState): SuggestionRecord | undefined {
  const { from, to } = state.selection;
  return getSuggestionState(state).suggestions.find(
    (s) => s.from <= from && to <= s.to && (from < to ? true : from < s.to),
  );
}
