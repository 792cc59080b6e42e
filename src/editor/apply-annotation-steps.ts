import type { Transaction } from 'prosemirror-state';
import { inWindow } from './annotation-decorations.js';
import { mapRecord, orphan, type AnnotationRecord } from './annotation-record.js';
import { AnnotationStep } from './annotation-step.js';
import type { DrawWindow } from './draw-window.js';
import { orderIndex, removeFromOrder, sortedIds, spanOf, type ReadingIndex } from './reading-order.js';

/** More annotation changes than this in one transaction re-sort the reading order instead of splicing it. */
const BULK_CHANGES = 16;

/** The annotation layer after the annotation steps of a transaction. */
export interface StepsApplied {
  index: ReadingIndex;
  /** Records whose decorations this transaction takes away. */
  removed: AnnotationRecord[];
  /** Records to draw (anew), by id. */
  added: Map<string, AnnotationRecord>;
  /** A record as long as the longest changed or went: the longest is found again, once, at the end. */
  longestShrank: boolean;
}

/**
 * Applies the {@link AnnotationStep}s of `tr` to the index (already mapped
 * through its text edit). A record a step adds is mapped through the steps
 * after it, and orphaned if they collapse it.
 */
export function applyAnnotationSteps(tr: Transaction, index: ReadingIndex, window: DrawWindow): StepsApplied {
  const removed: AnnotationRecord[] = [];
  const added = new Map<string, AnnotationRecord>();
  const annotationSteps = tr.steps.filter((step) => step instanceof AnnotationStep).length;
  if (annotationSteps === 0) return { index, removed, added, longestShrank: false };
  const { records, maxSpan } = index;
  const textChanged = tr.doc !== tr.before;
  let longestShrank = false;
  // This transaction's changes (null: removed), read through before the records they change.
  const changes = new Map<string, AnnotationRecord | null>();
  const changed = { get: (id: string) => (changes.has(id) ? (changes.get(id) ?? undefined) : records.get(id)) };
  // Many changes at once (an import, say) sort the order once rather than splicing it per change.
  const bulk = annotationSteps > BULK_CHANGES;
  const reordered = bulk ? [] : index.order.slice();
  tr.steps.forEach((step, stepIndex) => {
    if (!(step instanceof AnnotationStep)) return;
    const current = changed.get(step.id);
    if (current) {
      if (current.to - current.from >= maxSpan) longestShrank = true;
      if (!added.delete(step.id) && current.from < current.to && inWindow(window, current)) removed.push(current);
      if (!bulk) removeFromOrder(reordered, changed, current);
    }
    if (!step.after) {
      changes.set(step.id, null);
      return;
    }
    const after = textChanged
      ? orphan(mapRecord(step.after, tr.mapping.slice(stepIndex + 1)), step.after, tr.docs[stepIndex])
      : step.after;
    changes.set(step.id, after);
    if (!bulk) reordered.splice(orderIndex(reordered, changed, after), 0, step.id);
    added.set(step.id, after);
  });
  const next = records.with(changes);
  return {
    index: { records: next, order: bulk ? sortedIds(next) : reordered, maxSpan: spanOf(added.values(), maxSpan) },
    removed,
    added,
    longestShrank,
  };
}
