import type { EditorState } from 'prosemirror-state';
import type { Node as PMNode } from 'prosemirror-model';
import type { ImportedAnnotation } from '../model/annotation.js';
import { Anchorer, anchorImported } from '../model/anchoring.js';
import { widenToCharacters } from '../model/code-points.js';
import { findTag, type Taxonomy } from '../model/taxonomy.js';
import { getAnnotationState } from './annotation-plugin.js';
import type { AnnotationRecord } from './annotation-record.js';
import { systemClock, type RecordClock } from './record-factory.js';
import { withoutText } from './annotation-record.js';
import { TextIndex } from './text-index.js';

/** What an import did (or would do). */
export interface ImportReport {
  added: number;
  updated: number;
  reanchored: number;
  orphaned: number;
  errors: string[];
  /** Tags in the file that the taxonomy does not know; the import was not applied. */
  unknownTags?: string[];
}

export interface ImportOptions {
  /** Unknown tag (as written in the file) → id of a tag in the taxonomy. */
  tagMap?: Readonly<Record<string, string>>;
}

/** The taxonomy tag a file's tag means: its id, its label (any case), or what `tagMap` maps it to. */
export function resolveTag(
  written: string,
  taxonomy: Taxonomy,
  tagMap: Readonly<Record<string, string>> = {},
): string | undefined {
  if (findTag(taxonomy, written)) return written;
  const byLabel = taxonomy.find((tag) => tag.label.toLowerCase() === written.trim().toLowerCase());
  if (byLabel) return byLabel.id;
  const mapped = tagMap[written];
  return mapped && findTag(taxonomy, mapped) ? mapped : undefined;
}

export interface ImportPlan {
  records: AnnotationRecord[];
  report: ImportReport;
}

/** Ids the file gives to more than one annotation, with where (0-based) each occurs. */
function duplicateIds(imported: readonly ImportedAnnotation[]): { id: string; at: number[] }[] {
  const seen = new Map<string, number[]>();
  imported.forEach((annotation, index) => {
    if (annotation.id) seen.set(annotation.id, [...(seen.get(annotation.id) ?? []), index]);
  });
  return [...seen].filter(([, at]) => at.length > 1).map(([id, at]) => ({ id, at }));
}

/**
 * Anchors imported annotations in `doc` and returns the records to write.
 * Nothing is planned when a tag is unknown (the report lists them, so the
 * user can map or add them) or an id is given twice — an import is applied
 * whole or not at all.
 * Ids already in the editor are updated, never duplicated.
 */
export function planImport(
  state: EditorState,
  doc: PMNode,
  taxonomy: Taxonomy,
  imported: readonly ImportedAnnotation[],
  options: ImportOptions = {},
  clock: RecordClock = systemClock,
): ImportPlan {
  const report: ImportReport = { added: 0, updated: 0, reanchored: 0, orphaned: 0, errors: [] };
  const unknown = new Set<string>();
  const tags = imported.map((annotation) => {
    const tag = resolveTag(annotation.tag, taxonomy, options.tagMap);
    if (!tag) unknown.add(annotation.tag);
    return tag;
  });
  if (unknown.size > 0) {
    report.unknownTags = [...unknown];
    report.errors.push(
      `Unknown tag${unknown.size === 1 ? '' : 's'}: ${[...unknown].map((t) => JSON.stringify(t)).join(', ')}. Map them to tags of this editor or add them to its taxonomy.`,
    );
    return { records: [], report };
  }
  const duplicates = duplicateIds(imported);
  if (duplicates.length > 0) {
    report.errors.push(
      `The file gives ${duplicates.length === 1 ? 'an id' : 'ids'} to more than one annotation: ${duplicates.map(({ id, at }) => `${JSON.stringify(id)} (annotations ${at.join(', ')})`).join('; ')}. Each annotation needs its own id.`,
    );
    return { records: [], report };
  }
  const existing = getAnnotationState(state).records;
  const index = TextIndex.of(doc);
  const now = clock.now();
  const records: AnnotationRecord[] = [];
  const anchorer = new Anchorer(index.text);
  imported.forEach((annotation, i) => {
    const id = annotation.id || clock.newId();
    const found = anchorImported(anchorer, annotation);
    const keepsFileStatus = found.status === 'anchored' && annotation.status === 'reanchored';
    const status = keepsFileStatus ? 'reanchored' : found.status;
    const base = {
      id,
      tag: tags[i]!,
      quote: annotation.quote ?? '',
      prefix: annotation.prefix ?? '',
      suffix: annotation.suffix ?? '',
      ...(annotation.source ? { source: annotation.source } : {}),
      ...(annotation.note ? { note: annotation.note } : {}),
      ...(annotation.verdict ? { verdict: annotation.verdict } : {}),
      ...(annotation.creator ? { creator: annotation.creator } : {}),
      created: annotation.created ?? now,
      modified: annotation.modified ?? annotation.created ?? now,
      status,
    };
    let record: AnnotationRecord;
    if (found.status === 'orphaned') {
      const pos = index.offsetToPos(Math.min(annotation.start ?? 0, index.text.length));
      record = { ...base, from: pos, to: pos };
    } else {
      const { start, end } = widenToCharacters(index.text, found);
      record = {
        ...base,
        from: index.offsetToPos(start, 'start'),
        to: index.offsetToPos(end, 'end'),
        quote: index.text.slice(start, end),
      };
    }
    records.push(record);
  });
  for (const record of records) {
    if (existing.has(record.id)) report.updated += 1;
    else report.added += 1;
    if (record.status === 'reanchored') report.reanchored += 1;
    if (record.status === 'orphaned') report.orphaned += 1;
  }
  return { records: records.map(withoutText), report };
}
