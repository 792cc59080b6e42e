import * as Y from 'yjs';
import type { Annotation } from '../model/annotation.js';
import { ANNOTATIONS_PER_MESSAGE, LOCAL_ORIGIN } from './annotation-binding.js';
import {
  articleBytes,
  articleHash,
  articleMap,
  isNewer,
  newVersion,
  readSharedArticle,
  readVersion,
  writeArticle,
  type ArticleContent,
  type ArticleVersion,
  type SharedArticle,
  MAX_ARTICLE_BYTES,
} from './article-layout.js';
import { readSharedAnnotations, writeAnnotation } from './doc-layout.js';

/** The article open in the editor, with when its text last changed (ms since 1970). */
export interface LocalArticle extends ArticleContent {
  time: number;
}

export interface ArticleBindingHost {
  /** The article open now (`text` '' when there is none). */
  article(): LocalArticle;
  annotations(): Annotation[];
  /** The `annotator` name, recorded as a version's author. */
  author(): string | undefined;
  /**
   * Shows another editor's version: its text replaces this one and
   * `annotations` (the shared ones) re-anchor to it as on load.
   */
  replace(article: SharedArticle, annotations: Annotation[]): void;
  /** Applies annotations changed here for the shared state (statuses set to `reanchored`). */
  apply(annotations: Annotation[], removedIds: string[]): void;
  /** Reads every shared annotation into the editor (a version was not taken, but its annotations are). */
  pullAnnotations(): void;
  /** Malformed shared data that was left out. */
  report(errors: string[]): void;
  /** Tells the user something about sharing the article (it is too large to share). */
  notice(message: string): void;
}

/** How long typing must pause before edited text is shared, in ms. */
export const PUBLISH_DELAY_MS = 800;

/**
 * Shares the article text as whole versions (see `article-layout.ts`), not
 * character by character. Edited text is written after a pause in typing,
 * a new article at once, each with the annotations as the writer's editor
 * moved them (see {@link ArticleBinding.publish}); an annotation whose text the new version
 * changed is written (and shown here) as `reanchored`, to be reviewed.
 *
 * Between two versions the later one wins ({@link isNewer}: by the time its
 * text was last changed, then by id), everywhere alike: a later version
 * arriving replaces this editor's text, even one being typed; an earlier one
 * arriving (a concurrent write that Yjs kept over ours) is overwritten by
 * ours again. Nothing is merged character by character.
 */
export class ArticleBinding {
  private readonly map: Y.Map<unknown>;
  /** The version this editor shows (undefined: none shared yet). */
  private shown?: ArticleVersion;
  /** Local text edits not yet shared. */
  private dirty = false;
  private synced = false;
  private timer?: ReturnType<typeof setTimeout>;
  private readonly observer = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    if (transaction.origin === LOCAL_ORIGIN || !this.synced || !event.keysChanged.has('version')) return;
    this.arrived();
  };

  constructor(
    private readonly doc: Y.Doc,
    private readonly host: ArticleBindingHost,
    private readonly delayMs = PUBLISH_DELAY_MS,
  ) {
    this.map = articleMap(doc);
    this.map.observe(this.observer);
  }

  /** The text was edited here: shared after a pause in typing. */
  edited() {
    this.dirty = true;
    if (!this.synced) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.publishIfChanged(), this.delayMs);
  }

  /**
   * A new article was set here (`loadArticle`): shared at once, and the
   * shared annotations re-anchor to it, here as everywhere.
   */
  replaced() {
    this.dirty = true;
    if (!this.synced) return;
    this.publish();
    this.host.pullAnnotations();
  }

  /**
   * After each (re)connection, once the local annotations are in the shared
   * state: no shared article yet, the local one seeds it; none here (a fresh
   * browser), the shared one is loaded; both and different, the later one
   * wins. True when the shared one was loaded (with every shared annotation).
   */
  reconcile(): boolean {
    this.synced = true;
    const errors: string[] = [];
    const version = readVersion(this.doc, errors);
    this.reportAll(errors);
    const local = this.host.article();
    if (!version) {
      if (errors.length === 0 && local.text !== '') this.publish(local);
      return false;
    }
    if (version.id === this.shown?.id && !this.dirty) return false;
    if (local.text === '') return this.take();
    if (!this.dirty && version.hash === articleHash(local)) {
      this.shown = version;
      return false;
    }
    const mine = { id: this.shown?.id ?? '', time: local.time };
    if (isNewer(version, mine)) return this.take();
    this.publish(local);
    return false;
  }

  /**
   * Writes the article open now as a new version, with its annotations: the
   * first {@link ANNOTATIONS_PER_MESSAGE} in the version's transaction, the
   * rest in transactions of that many after it (each transaction is one
   * message). An article over {@link MAX_ARTICLE_BYTES} is not shared: the
   * user is told, and the others keep the version they have.
   */
  publish(local = this.host.article()) {
    clearTimeout(this.timer);
    this.dirty = false;
    const bytes = articleBytes(local);
    if (bytes > MAX_ARTICLE_BYTES) {
      const size = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
      this.host.notice(
        `This article (${size(bytes)}) is too large to share with the team (at most ${size(MAX_ARTICLE_BYTES)}): ` +
          'the others keep their version; annotations are still shared.',
      );
      return;
    }
    const annotations = this.host.annotations();
    const errors: string[] = [];
    const shared = new Map(readSharedAnnotations(this.doc, errors).map((annotation) => [annotation.id, annotation]));
    const review = annotations
      .filter((annotation) => annotation.status === 'anchored' && textChanged(annotation, shared.get(annotation.id)))
      .map((annotation): Annotation => ({ ...annotation, status: 'reanchored' }));
    const reviewed = new Map(review.map((annotation) => [annotation.id, annotation]));
    const version = newVersion(this.doc, local, this.host.author() ?? '', local.time);
    const changes = annotations.map((annotation) => reviewed.get(annotation.id) ?? annotation);
    for (let first = 0; first === 0 || first < changes.length; first += ANNOTATIONS_PER_MESSAGE) {
      this.doc.transact(() => {
        if (first === 0) writeArticle(this.doc, local, version);
        for (const annotation of changes.slice(first, first + ANNOTATIONS_PER_MESSAGE))
          writeAnnotation(this.doc, annotation);
      }, LOCAL_ORIGIN);
    }
    this.shown = version;
    if (review.length > 0) this.host.apply(review, []);
  }

  /** Publishes unless the article is the version shown (an edit undone, or only rejected suggestions changed). */
  private publishIfChanged() {
    const local = this.host.article();
    if (this.shown && articleHash(local) === this.shown.hash) this.dirty = false;
    else this.publish(local);
  }

  destroy() {
    clearTimeout(this.timer);
    this.map.unobserve(this.observer);
  }

  /** Another editor wrote a version: the later one wins (see the class comment). */
  private arrived() {
    const errors: string[] = [];
    const version = readVersion(this.doc, errors);
    if (!version || version.id === this.shown?.id) {
      this.reportAll(errors);
      this.host.pullAnnotations();
      return;
    }
    const mine = { id: this.shown?.id ?? '', time: this.dirty ? this.host.article().time : (this.shown?.time ?? 0) };
    if (isNewer(version, mine) || (!this.shown && !this.dirty && this.host.article().text === '')) {
      this.take();
      return;
    }
    this.publish();
    this.host.pullAnnotations();
  }

  /** Loads the shared version with every shared annotation; false (and reported) when it is malformed. */
  private take(): boolean {
    const errors: string[] = [];
    const article = readSharedArticle(this.doc, errors);
    if (!article) {
      this.reportAll(errors);
      this.host.pullAnnotations();
      return false;
    }
    clearTimeout(this.timer);
    this.dirty = false;
    this.shown = article.version;
    const annotations = readSharedAnnotations(this.doc, errors);
    this.reportAll(errors);
    this.host.replace(article, annotations);
    return true;
  }

  private reportAll(errors: string[]) {
    if (errors.length > 0) this.host.report(errors);
  }
}

/** Whether the text under an annotation differs from what the shared state last had there. */
function textChanged(annotation: Annotation, shared: Annotation | undefined): boolean {
  return shared !== undefined && shared.status !== 'orphaned' && shared.quote !== annotation.quote;
}
