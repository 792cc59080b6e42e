import * as Y from 'yjs';
import type { Annotation } from '../model/annotation.js';
import { annotationsMap, ARTICLE, readSharedAnnotation, removeAnnotation, writeAnnotation } from './doc-layout.js';

/**
 * Annotations written per Y.Doc transaction. Each transaction is one message
 * to the server: 250 annotations stay near 100 KB, far under the server's
 * message limit (2 MB by default), which a document of thousands sent at once
 * would exceed, and be refused again on every reconnect.
 */
export const ANNOTATIONS_PER_MESSAGE = 250;

/** The origin of the Y.Doc transactions made for this editor's own changes: they are not applied back to it. */
export const LOCAL_ORIGIN = Symbol('claim-editor local');

export interface BindingHost {
  /** Applies changes that came from others (validated) to the editor. */
  apply(annotations: Annotation[], removedIds: string[]): void;
  /** Malformed shared annotations that were left out. */
  report(errors: string[]): void;
}

/**
 * Keeps a Y.Doc's annotations and an editor's in step: the editor's changes
 * are written field by field with {@link LOCAL_ORIGIN}; everyone else's are
 * read back, validated like a stored record (a malformed one is reported and
 * never applied) and handed to the host.
 */
export class AnnotationBinding {
  private readonly map: Y.Map<Y.Map<unknown>>;
  private readonly article: Y.Map<unknown>;
  private readonly observer = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    if (transaction.origin === LOCAL_ORIGIN) return;
    // A new article version carries the annotations it moved: the article binding applies both together.
    if (changedKeys(transaction, this.article)?.has('version')) return;
    const ids = new Set<string>();
    for (const event of events) {
      if (event.target === this.map) for (const key of event.keys.keys()) ids.add(key);
      else {
        const id = event.path[0];
        if (typeof id === 'string') ids.add(id);
      }
    }
    this.pull(ids);
  };

  constructor(
    private readonly doc: Y.Doc,
    private readonly host: BindingHost,
  ) {
    this.map = annotationsMap(doc);
    this.article = doc.getMap(ARTICLE);
    this.map.observeDeep(this.observer);
  }

  /**
   * Writes the editor's changes: `annotations` as they are now, `removedIds`
   * deleted; in transactions of at most {@link ANNOTATIONS_PER_MESSAGE} changes.
   */
  local(annotations: readonly Annotation[], removedIds: readonly string[]) {
    const changes = [...annotations, ...removedIds];
    for (let first = 0; first < changes.length; first += ANNOTATIONS_PER_MESSAGE) {
      this.doc.transact(() => {
        for (const change of changes.slice(first, first + ANNOTATIONS_PER_MESSAGE)) {
          if (typeof change === 'string') removeAnnotation(this.doc, change);
          else writeAnnotation(this.doc, change);
        }
      }, LOCAL_ORIGIN);
    }
  }

  /** After a sync: adds the local annotations the shared state lacks (annotated before sync, or offline). */
  seed(local: readonly Annotation[]) {
    this.local(
      local.filter((annotation) => !this.map.has(annotation.id)),
      [],
    );
  }

  /** Applies every shared annotation to the editor. */
  pullAll() {
    this.pull(new Set(this.map.keys()));
  }

  private pull(ids: Iterable<string>) {
    const annotations: Annotation[] = [];
    const removed: string[] = [];
    const errors: string[] = [];
    for (const id of ids) {
      if (!this.map.has(id)) {
        removed.push(id);
        continue;
      }
      const annotation = readSharedAnnotation(id, this.map.get(id), errors);
      if (annotation) annotations.push(annotation);
    }
    if (errors.length > 0) this.host.report(errors);
    if (annotations.length > 0 || removed.length > 0) this.host.apply(annotations, removed);
  }

  destroy() {
    this.map.unobserveDeep(this.observer);
  }
}

/** The keys of `type` a transaction changed (undefined: none). */
function changedKeys(transaction: Y.Transaction, type: unknown): Set<string | null> | undefined {
  for (const [changed, keys] of transaction.changed) if (changed === type) return keys;
  return undefined;
}
