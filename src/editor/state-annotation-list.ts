import type { Node as PMNode } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import { summarize, type AnnotationList, type ListedAnnotation, type ListSummary } from '../model/annotation-list.js';
import { getAnnotationState } from './annotation-plugin.js';
import { orderIndex } from './reading-order.js';
import type { AnnotationRecord } from './annotation-record.js';
import { leafText } from './schema.js';
import { TextIndex } from './text-index.js';

/**
 * The editor's annotations as a list, read straight from the plugin state:
 * an entry is built only when it is shown, with its current text.
 */
class StateAnnotationList implements AnnotationList {
  private byTag = new Map<string, StateAnnotationList>();
  private summaryValue?: ListSummary;

  constructor(
    private readonly doc: PMNode,
    private readonly records: ReadonlyMap<string, AnnotationRecord>,
    private readonly ids: readonly string[],
  ) {}

  get length(): number {
    return this.ids.length;
  }

  /** Entries built so far: a list draws (and keys) its rows from the same entry more than once per update. */
  private readonly entries = new Map<number, ListedAnnotation>();

  at(index: number): ListedAnnotation {
    let entry = this.entries.get(index);
    if (!entry) {
      const { id, tag, status, quote, source, note, from, to } = this.records.get(this.ids[index])!;
      entry = {
        id,
        tag,
        status,
        quote: from < to ? this.doc.textBetween(from, to, '\n', leafText) : quote,
        ...(source ? { source } : {}),
        ...(note ? { note } : {}),
      };
      this.entries.set(index, entry);
    }
    return entry;
  }

  indexOf(id: string): number {
    const record = this.records.get(id);
    if (!record) return -1;
    const index = orderIndex(this.ids, this.records, record);
    return this.ids[index] === id ? index : -1;
  }

  withTag(tag: string): AnnotationList {
    let list = this.byTag.get(tag);
    if (!list) {
      list = new StateAnnotationList(
        this.doc,
        this.records,
        this.ids.filter((id) => this.records.get(id)!.tag === tag),
      );
      this.byTag.set(tag, list);
    }
    return list;
  }

  summary(): ListSummary {
    if (!this.summaryValue) {
      const index = TextIndex.of(this.doc);
      const ranges = this.ids.map((id) => {
        const { tag, from, to } = this.records.get(id)!;
        return { tag, start: index.posToOffset(from), end: index.posToOffset(to) };
      });
      this.summaryValue = summarize(ranges, index.length);
    }
    return this.summaryValue;
  }
}

const lists = new WeakMap<ReadonlyMap<string, AnnotationRecord>, { doc: PMNode; list: AnnotationList }>();

/** The annotations of `state` in reading order; the same list object until they or the text change. */
export function annotationList(state: EditorState): AnnotationList {
  const { records, order } = getAnnotationState(state);
  const cached = lists.get(records);
  if (cached?.doc === state.doc) return cached.list;
  const list = new StateAnnotationList(state.doc, records, order);
  lists.set(records, { doc: state.doc, list });
  return list;
}
