import type { EditorState } from 'prosemirror-state';
import type { Annotation } from '../../model/annotation.js';
import type { ArticleMeta } from '../../model/article-meta.js';
import { toAnnotation } from '../../editor/annotation-offsets.js';
import { getAnnotationState } from '../../editor/annotation-plugin.js';
import { getSuggestionState } from '../../editor/suggestion-plugin.js';
import { TextIndex } from '../../editor/text-index.js';
import type { StoredAnnotation, StoredDocument } from '../../storage/db-schema.js';
import { stampsOf, withFieldTimes, type FieldStamps } from '../../storage/field-merge.js';
import type { SafetyCopy } from '../../storage/safety-copy.js';

/** The editor's article as storage keeps it, with its rejected suggestions, at `revision`. */
export function storedDocumentOf(
  state: EditorState,
  record: { id: string; title: string; meta?: ArticleMeta; revision: number; created: string },
): StoredDocument {
  return {
    id: record.id,
    title: record.title,
    ...(record.meta ? { meta: record.meta } : {}),
    rejectedSuggestions: [...getSuggestionState(state).rejected],
    content: state.doc.toJSON(),
    text: TextIndex.of(state.doc).text,
    revision: record.revision,
    created: record.created,
    modified: new Date().toISOString(),
  };
}

/**
 * An annotation as storage keeps it, with the time of each field this tab
 * changed since it last read or wrote it (`known`, updated); undefined once
 * it has been removed.
 */
export function storedAnnotationOf(
  state: EditorState,
  id: string,
  documentId: string,
  known: Map<string, FieldStamps>,
): StoredAnnotation | undefined {
  const record = getAnnotationState(state).records.get(id);
  if (!record) return undefined;
  const annotation = withFieldTimes({ ...toAnnotation(state, record), documentId }, known.get(id));
  known.set(id, stampsOf(annotation));
  return annotation;
}

/** The editor's annotations (only those in `only`, when given). */
export function editorAnnotations(state: EditorState, only?: ReadonlySet<string>): Annotation[] {
  return [...getAnnotationState(state).records.values()]
    .filter((record) => !only || only.has(record.id))
    .map((record) => toAnnotation(state, record));
}

/** What a closing page copies: the annotations `ids` names as they are now, those removed, and the article. */
export function safetyCopyOf(state: EditorState, ids: string[], document?: StoredDocument): SafetyCopy {
  const { records } = getAnnotationState(state);
  return {
    annotations: ids.flatMap((id) => {
      const record = records.get(id);
      return record ? [toAnnotation(state, record)] : [];
    }),
    removed: ids.filter((id) => !records.has(id)),
    ...(document ? { document } : {}),
  };
}
