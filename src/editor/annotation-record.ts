import type { Mapping } from 'prosemirror-transform';
import type { Annotation } from '../model/annotation.js';

/**
 * An annotation as the editor holds it: document positions instead of text
 * offsets. `quote`, `prefix` and `suffix` are the last known text, kept so an
 * orphaned annotation still says what it was about.
 */
export interface AnnotationRecord extends Omit<Annotation, 'start' | 'end'> {
  from: number;
  to: number;
}

/**
 * Maps a record's range through document changes. The range does not grow
 * when text is typed at its edges; a collapsed range stays collapsed before
 * anything inserted at its position.
 */
export function mapRecord(record: AnnotationRecord, mapping: Mapping): AnnotationRecord {
  if (record.from === record.to) {
    const pos = mapping.map(record.from, -1);
    return pos === record.from ? record : { ...record, from: pos, to: pos };
  }
  const from = mapping.map(record.from, 1);
  const to = Math.max(from, mapping.map(record.to, -1));
  return from === record.from && to === record.to ? record : { ...record, from, to };
}
