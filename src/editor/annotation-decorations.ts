import type { Node as PMNode } from 'prosemirror-model';
import { Decoration, DecorationSet } from 'prosemirror-view';
import type { AnnotationRecord } from './annotation-record.js';
import type { DrawWindow } from './draw-window.js';
import { overlapping, type ReadingIndex } from './reading-order.js';

interface DecorationSpec {
  annotationId: string;
}

/** The mark and label of a record; the selected annotation's carry `claim-selected`, for its outline. */
export function decorationsFor(record: AnnotationRecord, selectedId: string | null): Decoration[] {
  if (record.from >= record.to) return [];
  const spec: DecorationSpec = { annotationId: record.id };
  const className = record.id === selectedId ? ' claim-selected' : '';
  // The visible label, so tags are never told apart by colour alone; its text comes from the taxonomy's stylesheet.
  const label = () => {
    const element = document.createElement('span');
    element.className = `claim-label${className}`;
    element.dataset.tag = record.tag;
    element.dataset.annotationId = record.id;
    element.contentEditable = 'false';
    return element;
  };
  return [
    Decoration.widget(record.from, label, {
      ...spec,
      side: -1,
      key: `${record.id}:${record.tag}${className}`,
      ignoreSelection: true,
    }),
    Decoration.inline(
      record.from,
      record.to,
      { nodeName: 'mark', class: `claim-mark${className}`, 'data-tag': record.tag, 'data-annotation-id': record.id },
      { ...spec, inclusiveStart: false, inclusiveEnd: false },
    ),
  ];
}

/**
 * The mark and label of an annotation. The label sits just before the mark
 * and can be left behind by text typed at its start, so the search starts at
 * the start of the mark's block, and only in the rare case that the label has
 * left the block does it go over the whole set.
 */
export function findDecorations(set: DecorationSet, record: AnnotationRecord, doc: PMNode): Decoration[] {
  const ofRecord = (spec: DecorationSpec) => spec.annotationId === record.id;
  const blockStart = doc.resolve(Math.min(record.from, doc.content.size)).start();
  const near = set.find(blockStart, record.to, ofRecord);
  return near.length >= 2 ? near : set.find(undefined, undefined, ofRecord);
}

/** Whether `record` falls in the draw window (or there is none), so its decorations belong in the drawn part. */
export function inWindow(window: DrawWindow, record: AnnotationRecord): boolean {
  return !window || (record.from <= window.to && record.to >= window.from);
}

/** The decorations of every record in the draw window (all of them without one), drawn afresh. */
export function drawnFor(
  doc: PMNode,
  index: ReadingIndex,
  window: DrawWindow,
  selectedId: string | null,
): DecorationSet {
  const shown = window ? overlapping(index, window.from, window.to) : [...index.records.values()];
  return DecorationSet.create(
    doc,
    shown.flatMap((record) => decorationsFor(record, selectedId)),
  );
}
