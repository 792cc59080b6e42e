import type { FieldTimes, StoredAnnotation } from './db-schema.js';

/**
 * The parts of an annotation two tabs can change independently. `range` is
 * where it is and its text (start, end, quote, context, status), which move
 * together.
 */
export const FIELD_GROUPS = {
  tag: ['tag'],
  source: ['source'],
  note: ['note'],
  verdict: ['verdict'],
  range: ['start', 'end', 'quote', 'prefix', 'suffix', 'status'],
} as const satisfies Record<keyof FieldTimes, readonly (keyof StoredAnnotation)[]>;

export type FieldGroup = keyof typeof FIELD_GROUPS;

const GROUPS = Object.keys(FIELD_GROUPS) as FieldGroup[];

/** When this annotation's `group` was last changed: its own time if it has one, else the annotation's. */
export function fieldTime(annotation: StoredAnnotation, group: FieldGroup): string {
  return annotation.fieldTimes?.[group] ?? annotation.modified;
}

function valueOf(annotation: StoredAnnotation, group: FieldGroup): string {
  return JSON.stringify(FIELD_GROUPS[group].map((key) => annotation[key] ?? null));
}

/**
 * Merges two versions of one annotation field by field: each part comes
 * from the version that changed it last. Two changes in the same instant go
 * to the larger value, so every tab that merges the same pair agrees.
 * Returns `incoming` or `stored` itself when one wins every part.
 */
export function mergeByField(stored: StoredAnnotation, incoming: StoredAnnotation): StoredAnnotation {
  const fromStored = GROUPS.filter((group) => {
    const storedTime = fieldTime(stored, group);
    const incomingTime = fieldTime(incoming, group);
    if (storedTime !== incomingTime) return storedTime > incomingTime;
    return valueOf(stored, group) > valueOf(incoming, group);
  });
  const differs = (group: FieldGroup) => valueOf(stored, group) !== valueOf(incoming, group);
  if (!fromStored.some(differs)) return incoming;
  if (!GROUPS.some((group) => !fromStored.includes(group) && differs(group))) return stored;
  const merged: Record<string, unknown> = { ...incoming };
  const fieldTimes: FieldTimes = {};
  for (const group of GROUPS) {
    const winner = fromStored.includes(group) ? stored : incoming;
    for (const key of FIELD_GROUPS[group]) {
      if (winner[key] === undefined) delete merged[key];
      else merged[key] = winner[key];
    }
    fieldTimes[group] = fieldTime(winner, group);
  }
  merged.fieldTimes = fieldTimes;
  merged.modified = stored.modified > incoming.modified ? stored.modified : incoming.modified;
  return merged as unknown as StoredAnnotation;
}

/** What a tab last read or wrote of an annotation, in brief: enough to tell which parts it changed since. */
export interface FieldStamps {
  modified: string;
  fieldTimes?: FieldTimes;
  /** Each part's value; the range by its offsets and status (its text follows from them). */
  values: Record<FieldGroup, string>;
}

function briefValueOf(annotation: StoredAnnotation, group: FieldGroup): string {
  return group === 'range' ? `${annotation.start}-${annotation.end}-${annotation.status}` : valueOf(annotation, group);
}

export function stampsOf(annotation: StoredAnnotation): FieldStamps {
  const values = Object.fromEntries(GROUPS.map((group) => [group, briefValueOf(annotation, group)])) as Record<
    FieldGroup,
    string
  >;
  return {
    modified: annotation.modified,
    ...(annotation.fieldTimes ? { fieldTimes: annotation.fieldTimes } : {}),
    values,
  };
}

/**
 * The annotation with the time of each part: for the parts that differ from
 * what this tab last read or wrote, when they changed (`modified`, or `now`
 * for a change that did not touch it, such as re-anchoring on load); the
 * earlier time for the rest. With nothing read or written before, every
 * part is new.
 */
export function withFieldTimes(
  annotation: StoredAnnotation,
  previous: FieldStamps | undefined,
  now = new Date().toISOString(),
): StoredAnnotation {
  if (!previous) return annotation;
  const fieldTimes: FieldTimes = {};
  for (const group of GROUPS) {
    const before = previous.fieldTimes?.[group] ?? previous.modified;
    const unchanged = briefValueOf(annotation, group) === previous.values[group];
    const time = unchanged ? before : annotation.modified > before ? annotation.modified : now;
    if (time !== annotation.modified) fieldTimes[group] = time;
  }
  return Object.keys(fieldTimes).length > 0 ? { ...annotation, fieldTimes } : annotation;
}
