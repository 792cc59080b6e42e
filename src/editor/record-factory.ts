import type { EditorState } from 'prosemirror-state';
import { withCurrentText, type AnnotationRecord } from './annotation-record.js';
import type { DocRange } from './sentence-ranges.js';
import { getSettings } from './settings-and-text-lock.js';

/** Where new records get their ids and timestamps; replaceable in tests. */
export interface RecordClock {
  newId(): string;
  now(): string;
}

export const systemClock: RecordClock = {
  newId: () => crypto.randomUUID(),
  now: () => new Date().toISOString(),
};

export type NewAnnotationFields = Pick<AnnotationRecord, 'tag'> &
  Partial<Pick<AnnotationRecord, 'source' | 'note' | 'verdict' | 'id'>>;

/** A new, anchored record over `range`, created now by the editor's annotator. */
export function newRecord(
  state: EditorState,
  range: DocRange,
  fields: NewAnnotationFields,
  clock: RecordClock = systemClock,
): AnnotationRecord {
  const now = clock.now();
  const { annotator } = getSettings(state);
  return withCurrentText(state.doc, {
    id: fields.id ?? clock.newId(),
    tag: fields.tag,
    from: range.from,
    to: range.to,
    quote: '',
    prefix: '',
    suffix: '',
    ...(fields.source ? { source: fields.source } : {}),
    ...(fields.note ? { note: fields.note } : {}),
    ...(fields.verdict ? { verdict: fields.verdict } : {}),
    ...(annotator ? { creator: annotator } : {}),
    created: now,
    modified: now,
    status: 'anchored',
  });
}
