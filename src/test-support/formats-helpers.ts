/**
 * Shared fixtures for the export/import format tests: invented wire copy,
 * annotation builders, export sources and fast-check generators of articles
 * and annotation sets. Nothing here is real reporting.
 */
import type { Node as PMNode } from 'prosemirror-model';
import { articleFromText } from '../editor/article.js';
import type { AnnotationRecord } from '../editor/annotation-record.js';
import { createArticleState } from '../editor/create-state.js';
import { planImport, type ImportOptions, type ImportPlan } from '../editor/import-annotations.js';
import type { EditorSettings } from '../editor/settings-and-text-lock.js';
import { TextIndex } from '../editor/text-index.js';
import { type Annotation, type AnnotationStatus, type ImportedAnnotation } from '../model/annotation.js';
import { DEFAULT_TAXONOMY, type Taxonomy } from '../model/taxonomy.js';
import type { ExportSource, ParseResult } from '../formats/format.js';

import { annotationAt } from './format-arbitraries.js';

export * from './format-arbitraries.js';

/** A W3C annotation as another tool writes it: quote (and optionally a stale position), tag by label or id. */
export function w3cAnnotation(
  id: string,
  tag: string,
  exact: string,
  position?: { start: number; end: number },
): Record<string, unknown> {
  return {
    '@context': 'http://www.w3.org/ns/anno.jsonld',
    id,
    type: 'Annotation',
    body: { type: 'TextualBody', purpose: 'classifying', value: tag },
    target: {
      source: 'https://news.example.org/canal',
      selector: [
        { type: 'TextQuoteSelector', exact },
        ...(position ? [{ type: 'TextPositionSelector', ...position }] : []),
      ],
    },
  };
}

/** W3C annotations as one AnnotationPage, serialized. */
export function w3cPage(...items: Record<string, unknown>[]): string {
  return JSON.stringify({ '@context': 'http://www.w3.org/ns/anno.jsonld', type: 'AnnotationPage', items });
}

/**
 * The fields every export carries (the HTML export carries no more), with empty and missing optional fields treated
 * alike.
 */
export function carriedFields(a: Annotation | ImportedAnnotation) {
  return {
    id: a.id,
    tag: a.tag,
    start: a.start,
    end: a.end,
    quote: a.quote,
    source: a.source || undefined,
    note: a.note || undefined,
    verdict: a.verdict || undefined,
  };
}

/** An anchored annotation over the first occurrence of `fields.quote` in `text`, with fixed dates. */
export function annotationIn(text: string, fields: Partial<Annotation> & Pick<Annotation, 'id' | 'quote'>): Annotation {
  const start = Math.max(0, text.indexOf(fields.quote));
  return {
    tag: 'state-media-claim',
    start,
    end: start + fields.quote.length,
    prefix: '',
    suffix: '',
    created: '2025-03-04T09:15:00.000Z',
    modified: '2025-03-04T10:00:00.000Z',
    status: 'anchored',
    ...fields,
  };
}

export const GENERATED = '2025-06-02T07:30:00.000Z';

/** Invented wire copy, one string per paragraph. */
export const WIRE_PARAGRAPHS = [
  'The state broadcaster said the Tarnow canal would carry twice its old tonnage by autumn. Engineers on site declined to comment.',
  'A logistics researcher at the Meridian Trade Institute said the estimate ignored silting upstream. She put the real gain at a third.',
  'Barge operators reported 212 crossings in May, down from 240 a year earlier.',
] as const;

export const WIRE_TEXT = WIRE_PARAGRAPHS.join('\n');

export const STATE_CLAIM = 'The state broadcaster said the Tarnow canal would carry twice its old tonnage by autumn.';
export const NO_COMMENT = 'Engineers on site declined to comment.';
export const ANALYST =
  'A logistics researcher at the Meridian Trade Institute said the estimate ignored silting upstream.';
export const THIRD = 'She put the real gain at a third.';
export const CROSSINGS = 'Barge operators reported 212 crossings in May, down from 240 a year earlier.';

/** An annotation of the `occurrence`-th `quote` in `text`. */
export function annotationOf(
  text: string,
  quote: string,
  fields: Partial<Annotation> = {},
  occurrence = 0,
): Annotation {
  let start = -1;
  for (let i = 0; i <= occurrence; i++) {
    start = text.indexOf(quote, start + 1);
    if (start < 0) throw new Error(`Occurrence ${occurrence} of ${JSON.stringify(quote)} is not in the text.`);
  }
  return annotationAt(text, start, start + quote.length, fields);
}

export interface SourceOptions {
  id?: string;
  title?: string;
  taxonomy?: Taxonomy;
}

/** What the editor hands an exporter for `text` (one paragraph per line) and `annotations`. */
export function exportSourceOf(
  text: string,
  annotations: readonly Annotation[],
  options: SourceOptions = {},
): ExportSource {
  return {
    document: {
      ...(options.id !== undefined ? { id: options.id } : {}),
      title: options.title ?? 'Canal traffic claims',
      text,
      content: articleFromText(text).toJSON(),
    },
    taxonomy: options.taxonomy ?? DEFAULT_TAXONOMY,
    annotations,
    generated: GENERATED,
  };
}

export function valueOf<T>(result: ParseResult<T>): T {
  if (!result.ok) throw new Error(`expected a successful parse, got: ${result.errors.join(' | ')}`);
  return result.value;
}

export function errorsOf<T>(result: ParseResult<T>): string[] {
  if (result.ok)
    throw new Error(`expected the parse to fail, but it succeeded: ${JSON.stringify(result.value).slice(0, 300)}`);
  return result.errors;
}

/** Calls `parse` and fails the test with the input if it throws instead of returning a result. */
export function parsesWithoutThrowing<T>(parse: (input: string) => ParseResult<T>, input: string): ParseResult<T> {
  try {
    return parse(input);
  } catch (error) {
    throw new Error(`parse threw ${String(error)} for input ${JSON.stringify(input.slice(0, 200))}`);
  }
}

// ---------------------------------------------------------------------------
// Output inspection
// ---------------------------------------------------------------------------

/** Every string value anywhere in a parsed JSON value. */
export function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/** Attributes whose value is loaded or followed as a URL. */
const URL_ATTRIBUTES = [
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'data',
  'poster',
  'background',
  'cite',
  'ping',
];

/** Problems that would make parsed HTML active: scripts, handlers, javascript: URLs, embedded content. */
export function activeContentIn(
  root: Document | DocumentFragment | Element,
  options: { allowStyleAttributes?: boolean; allowForms?: boolean } = {},
): string[] {
  const problems: string[] = [];
  const banned = [
    'script',
    'iframe',
    'object',
    'embed',
    'img',
    'svg',
    'math',
    'link',
    'base',
    'frame',
    'frameset',
    'template',
    ...(options.allowForms ? [] : ['form']),
  ];
  for (const element of root.querySelectorAll('*')) {
    const name = element.localName;
    if (banned.includes(name)) problems.push(`<${name}> element`);
    if (name === 'meta' && element.hasAttribute('http-equiv')) problems.push('<meta http-equiv> element');
    for (const attribute of element.attributes) {
      const attributeName = attribute.name.toLowerCase();
      if (attributeName.startsWith('on')) problems.push(`${attributeName} attribute on <${name}>`);
      if (attributeName === 'style' && !options.allowStyleAttributes) problems.push(`style attribute on <${name}>`);
      const cleaned = attribute.value.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
      if (URL_ATTRIBUTES.includes(attributeName) && /^(javascript|vbscript|data):/i.test(cleaned)) {
        problems.push(`${attributeName}="${attribute.value}" on <${name}>`);
      }
    }
  }
  return problems;
}

// ---------------------------------------------------------------------------
// Import planning on a plain-text article
// ---------------------------------------------------------------------------

export const ANNOTATE_SETTINGS: EditorSettings = { mode: 'annotate', taxonomy: DEFAULT_TAXONOMY };

/** A planned record as offsets into the article it was planned on. */
export interface PlannedAnnotation {
  id: string;
  tag: string;
  status: AnnotationStatus;
  start: number;
  end: number;
  /** The article's text at start–end (empty for an orphan). */
  text: string;
  record: AnnotationRecord;
}

/** Offsets and current text of planned records, in `doc`. */
export function plannedIn(doc: PMNode, records: readonly AnnotationRecord[]): PlannedAnnotation[] {
  const index = TextIndex.of(doc);
  return records.map((record) => {
    const start = index.posToOffset(record.from);
    const end = index.posToOffset(record.to);
    return {
      id: record.id,
      tag: record.tag,
      status: record.status,
      start,
      end,
      text: index.text.slice(start, end),
      record,
    };
  });
}

/** Plans an import into a fresh state over `doc` (optionally holding `existing` records). */
export function planOn(
  doc: PMNode,
  imported: readonly ImportedAnnotation[],
  options: ImportOptions = {},
  existing: readonly AnnotationRecord[] = [],
  taxonomy: Taxonomy = DEFAULT_TAXONOMY,
): { plan: ImportPlan; planned: PlannedAnnotation[] } {
  const state = createArticleState({ doc, settings: { ...ANNOTATE_SETTINGS, taxonomy }, records: existing });
  const plan = planImport(state, doc, taxonomy, imported, options);
  return { plan, planned: plannedIn(doc, plan.records) };
}

// ---------------------------------------------------------------------------
// Component fixtures
// ---------------------------------------------------------------------------

export const WIRE_HEADLINE = 'Canal tonnage claims meet silting doubts';

/** The wire copy as a CMS would render it: heading, emphasis, a link, a blockquote and a list. */
export const WIRE_ARTICLE_HTML = [
  `<h2>${WIRE_HEADLINE}</h2>`,
  `<p>${STATE_CLAIM.replace('Tarnow canal', '<em>Tarnow canal</em>')} ${NO_COMMENT}</p>`,
  `<p>${ANALYST.replace('Meridian Trade Institute', '<a href="https://example.org/meridian">Meridian Trade Institute</a>')} ${THIRD}</p>`,
  '<blockquote><p>“The canal is ready for the season,” the transport office said.</p></blockquote>',
  `<ul><li>${CROSSINGS}</li><li>Two dredgers remain in dry dock.</li></ul>`,
].join('\n');

/** `editor.text` for {@link WIRE_ARTICLE_HTML}. */
export const WIRE_ARTICLE_TEXT = [
  WIRE_HEADLINE,
  `${STATE_CLAIM} ${NO_COMMENT}`,
  `${ANALYST} ${THIRD}`,
  '“The canal is ready for the season,” the transport office said.',
  CROSSINGS,
  'Two dredgers remain in dry dock.',
].join('\n');

export interface ClaimErrorDetail {
  kind: string;
  message: string;
}

/** Collects the details of every `type` event `target` fires until `stop()` is called. */
export function collectEvents<T>(target: EventTarget, type: string): { details: T[]; stop: () => void } {
  const details: T[] = [];
  const listener = (event: Event) => details.push((event as CustomEvent<T>).detail);
  target.addEventListener(type, listener);
  return { details, stop: () => target.removeEventListener(type, listener) };
}

/** Polls `condition` every 16 ms (at most `polls` times) and fails with `message` if it never holds. */
export async function until(condition: () => boolean, message: string, polls = 300): Promise<void> {
  // Polled on a timer, not on animation frames: Firefox gives none to a test page that is not the front tab.
  for (let i = 0; i < polls; i++) {
    if (condition()) return;
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
  throw new Error(`Timed out waiting: ${message}`);
}
