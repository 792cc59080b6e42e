/**
 * Between the public API's annotations (text offsets and quotes) and the
 * editor's records (document positions): reading records out as
 * annotations, resolving an input to a range, and saved annotations back to
 * records.
 */
import type { Node as PMNode } from 'prosemirror-model';
import type { EditorState } from 'prosemirror-state';
import { Anchorer } from '../model/anchoring.js';
import type { Annotation, AnnotationInput } from '../model/annotation.js';
import { findTag } from '../model/taxonomy.js';
import { findQuote } from '../model/text-quote.js';
import { widenToCharacters } from '../model/code-points.js';
import { recordsInOrder } from './annotation-plugin.js';
import { withCurrentText, withoutText, type AnnotationRecord } from './annotation-record.js';
import type { DocRange } from './sentence-ranges.js';
import { getSettings } from './settings-and-text-lock.js';
import { TextIndex } from './text-index.js';

/** A record as the public API shows it: text offsets, current quote and context. */
export function toAnnotation(state: EditorState, record: AnnotationRecord): Annotation {
  const { from, to, ...rest } = withCurrentText(state.doc, record);
  const index = TextIndex.of(state.doc);
  return { ...rest, start: index.posToOffset(from), end: index.posToOffset(to) };
}

/** Every annotation, in reading order. */
export function annotationsOf(state: EditorState): Annotation[] {
  return recordsInOrder(state).map((record) => toAnnotation(state, record));
}

/**
 * The document range an {@link AnnotationInput} points at, by offsets or by
 * quote. Throws an Error that says what is wrong: an unknown tag, offsets out
 * of range, or a quote not found in the article.
 */
export function resolveInput(state: EditorState, input: AnnotationInput): DocRange {
  const { taxonomy } = getSettings(state);
  if (!input || typeof input.tag !== 'string' || !findTag(taxonomy, input.tag)) {
    const known = taxonomy.map((tag) => tag.id).join(', ');
    throw new Error(`Unknown tag ${JSON.stringify(input?.tag)}: the taxonomy has ${known}.`);
  }
  const index = TextIndex.of(state.doc);
  let range: { start: number; end: number } | undefined;
  if (input.start !== undefined || input.end !== undefined) {
    const { start, end } = input;
    if (!Number.isInteger(start) || !Number.isInteger(end) || start! < 0 || end! > index.length || start! >= end!) {
      throw new Error(
        `Offsets ${start}–${end} are not a non-empty range inside the article's text (0–${index.length}).`,
      );
    }
    range = widenToCharacters(index.text, { start: start!, end: end! });
    if (input.quote !== undefined && index.slice(range.start, range.end) !== input.quote) {
      throw new Error(`The text at ${start}–${end} is not the quote ${JSON.stringify(input.quote)}.`);
    }
  } else if (typeof input.quote === 'string' && input.quote !== '') {
    range = findQuote(index.text, input.quote, input.prefix, input.suffix);
    if (!range) throw new Error(`Quote not found in the article: ${JSON.stringify(input.quote.slice(0, 80))}.`);
  } else {
    throw new Error('An annotation needs either start and end offsets or a non-empty quote.');
  }
  return { from: index.offsetToPos(range.start, 'start'), to: index.offsetToPos(range.end, 'end') };
}

/**
 * Records for saved annotations on a document. An annotation whose offsets
 * still hold its quote keeps its status; any other is re-found by quote and
 * context (`reanchored`) or becomes `orphaned`, never dropped.
 */
export function recordsFromAnnotations(doc: PMNode, annotations: readonly Annotation[]): AnnotationRecord[] {
  const index = TextIndex.of(doc);
  const shared = new Map<string, string>();
  // Storage hands back a fresh copy of every string; the values most annotations repeat are kept once.
  const once = (value: string) => {
    const kept = shared.get(value);
    if (kept !== undefined) return kept;
    shared.set(value, value);
    return value;
  };
  const stillThere = annotations.map((a) => a.status !== 'orphaned' && index.slice(a.start, a.end) === a.quote);
  // One anchorer for all, and only when needed (it joins the whole text): the
  // text is indexed once, and each annotation is expected where its
  // predecessor moved to.
  const found = stillThere.every(Boolean) ? undefined : new Anchorer(index.text).anchorAll(annotations);
  return annotations.map((annotation, i) => {
    const { start, end, ...fields } = annotation;
    const rest = {
      ...fields,
      tag: once(fields.tag),
      status: once(fields.status),
      created: once(fields.created),
      modified: once(fields.modified),
    };
    if (fields.creator !== undefined) rest.creator = once(fields.creator);
    if (fields.source !== undefined) rest.source = once(fields.source);
    const result = stillThere[i] || !found ? { status: annotation.status, start, end } : found[i];
    if (result.status === 'orphaned') {
      const pos = index.offsetToPos(Math.min(start, index.length));
      return { ...rest, status: 'orphaned', from: pos, to: pos };
    }
    const range = widenToCharacters(index.text, result);
    return withoutText({
      ...rest,
      status: result.status,
      from: index.offsetToPos(range.start, 'start'),
      to: index.offsetToPos(range.end, 'end'),
    });
  });
}
