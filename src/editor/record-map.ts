import type { AnnotationRecord } from './annotation-record.js';

const BUCKETS = 64;
/** Shifts kept pending before the map is rewritten with every position current. */
const MAX_SHIFTS = 32;
/** Records written over shifted ones before the map is rewritten likewise. */
const MAX_OVERLAY = 256;

/**
 * A cheap spread of ids over the buckets: the last two characters, which differ between neighbouring ids of every kind
 * we see (UUIDs, counters).
 */
function bucketOf(id: string): number {
  const n = id.length;
  return ((n > 1 ? id.charCodeAt(n - 2) * 31 : 0) + (n > 0 ? id.charCodeAt(n - 1) : 0)) & (BUCKETS - 1);
}

/** Every record starting after `after` moves by `delta`: what text typed or deleted up to `after` does to them. */
export interface Shift {
  readonly after: number;
  readonly delta: number;
}

function shiftedBy(record: AnnotationRecord, shift: Shift): AnnotationRecord {
  return record.from > shift.after
    ? { ...record, from: record.from + shift.delta, to: record.to + shift.delta }
    : record;
}

/**
 * Annotation records by id, immutable, in 64 buckets: a change copies only
 * the buckets of the records it touches, so tagging in an article of 15,000
 * annotations neither walks nor copies them all (nor leaves that much
 * garbage behind).
 *
 * A keystroke moves every record after it by the same amount; rather than
 * rewrite them all, {@link shifted} notes the move and records are moved
 * when read. Records written after a shift sit in a small overlay with
 * current positions. Once there are too many of either, the map is
 * rewritten with every position current: one pass per {@link MAX_SHIFTS}
 * keystrokes instead of one each.
 */
export class RecordMap implements ReadonlyMap<string, AnnotationRecord> {
  private constructor(
    private readonly buckets: readonly ReadonlyMap<string, AnnotationRecord>[],
    readonly size: number,
    /** Moves, in order, that the records in `buckets` have not had yet. */
    private readonly shifts: readonly Shift[] = [],
    /** Records written since the first pending shift, current (null: deleted). */
    private readonly overlay: ReadonlyMap<string, AnnotationRecord | null> = new Map(),
  ) {}

  static from(records: Iterable<AnnotationRecord>): RecordMap {
    const buckets = Array.from({ length: BUCKETS }, () => new Map<string, AnnotationRecord>());
    let size = 0;
    for (const record of records) {
      const bucket = buckets[bucketOf(record.id)];
      if (!bucket.has(record.id)) size += 1;
      bucket.set(record.id, record);
    }
    return new RecordMap(buckets, size);
  }

  /** This map with `changes` applied: a record to set, or null to delete. */
  with(changes: ReadonlyMap<string, AnnotationRecord | null>): RecordMap {
    if (changes.size === 0) return this;
    if (this.shifts.length > 0) return this.withOverlaid(changes);
    const buckets = this.buckets.slice();
    const copied = new Set<number>();
    let size = this.size;
    for (const [id, record] of changes) {
      const index = bucketOf(id);
      if (!copied.has(index)) {
        buckets[index] = new Map(buckets[index]);
        copied.add(index);
      }
      const bucket = buckets[index] as Map<string, AnnotationRecord>;
      const had = bucket.has(id);
      if (record) {
        bucket.set(id, record);
        if (!had) size += 1;
      } else if (had) {
        bucket.delete(id);
        size -= 1;
      }
    }
    return new RecordMap(buckets, size);
  }

  private withOverlaid(changes: ReadonlyMap<string, AnnotationRecord | null>): RecordMap {
    const overlay = new Map(this.overlay);
    let size = this.size;
    for (const [id, record] of changes) {
      const had = this.has(id);
      overlay.set(id, record);
      if (record && !had) size += 1;
      else if (!record && had) size -= 1;
    }
    const next = new RecordMap(this.buckets, size, this.shifts, overlay);
    return overlay.size > MAX_OVERLAY ? next.current() : next;
  }

  /** This map with every record starting after `shift.after` moved by `shift.delta`, without a pass over them. */
  shifted(shift: Shift): RecordMap {
    if (shift.delta === 0 || this.size === 0) return this;
    const overlay = new Map<string, AnnotationRecord | null>();
    for (const [id, record] of this.overlay) overlay.set(id, record && shiftedBy(record, shift));
    const next = new RecordMap(this.buckets, this.size, [...this.shifts, shift], overlay);
    return next.shifts.length > MAX_SHIFTS ? next.current() : next;
  }

  /** The same records, every one with its current positions and no shift pending. */
  private current(): RecordMap {
    return RecordMap.from(this.values());
  }

  /** A stored record moved by the shifts it has not had. */
  private moved(record: AnnotationRecord): AnnotationRecord {
    let { from, to } = record;
    for (const { after, delta } of this.shifts) {
      if (from > after) {
        from += delta;
        to += delta;
      }
    }
    return from === record.from && to === record.to ? record : { ...record, from, to };
  }

  /** The most positions any record spans; shifts move both ends, so stored records are read as they are. */
  longestSpan(): number {
    let span = 0;
    for (const bucket of this.buckets) {
      for (const [id, stored] of bucket) if (!this.overlay.has(id)) span = Math.max(span, stored.to - stored.from);
    }
    for (const record of this.overlay.values()) if (record) span = Math.max(span, record.to - record.from);
    return span;
  }

  get(id: string): AnnotationRecord | undefined {
    const overlaid = this.overlay.get(id);
    if (overlaid !== undefined) return overlaid ?? undefined;
    const stored = this.buckets[bucketOf(id)].get(id);
    return stored && this.moved(stored);
  }

  has(id: string): boolean {
    const overlaid = this.overlay.get(id);
    return overlaid !== undefined ? overlaid !== null : this.buckets[bucketOf(id)].has(id);
  }

  *entries(): MapIterator<[string, AnnotationRecord]> {
    for (const bucket of this.buckets) {
      for (const [id, stored] of bucket) {
        if (!this.overlay.has(id)) yield [id, this.moved(stored)];
      }
    }
    for (const [id, record] of this.overlay) if (record) yield [id, record];
  }

  *keys(): MapIterator<string> {
    for (const bucket of this.buckets) {
      for (const id of bucket.keys()) if (!this.overlay.has(id)) yield id;
    }
    for (const [id, record] of this.overlay) if (record) yield id;
  }

  *values(): MapIterator<AnnotationRecord> {
    for (const [, record] of this.entries()) yield record;
  }

  [Symbol.iterator](): MapIterator<[string, AnnotationRecord]> {
    return this.entries();
  }

  forEach(callback: (record: AnnotationRecord, id: string, map: ReadonlyMap<string, AnnotationRecord>) => void): void {
    for (const [id, record] of this.entries()) callback(record, id, this);
  }
}
