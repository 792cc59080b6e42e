import type { Transaction } from 'prosemirror-state';
import type { RecordMap } from './record-map.js';

/** Meta that selects an annotation (or clears the selection with null) in the same transaction. */
const selectMeta = 'claim-select-annotation';

export function setSelectedAnnotation(tr: Transaction, id: string | null): Transaction {
  return tr.setMeta(selectMeta, id);
}

/**
 * The selected annotation after `tr`: the one it asks for, else the one
 * before unless it went or the text selection no longer covers exactly it.
 */
export function nextSelectedId(tr: Transaction, selectedId: string | null, records: RecordMap): string | null {
  const requested = tr.getMeta(selectMeta) as string | null | undefined;
  if (requested !== undefined) return requested;
  if (selectedId && !records.has(selectedId)) return null;
  if (selectedId && tr.selectionSet) {
    const selected = records.get(selectedId);
    const { from, to } = tr.selection;
    if (!selected || selected.from !== from || selected.to !== to) return null;
  }
  return selectedId;
}
