import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isHistoryTransaction, undoDepth } from 'prosemirror-history';
import type { Node as PMNode } from 'prosemirror-model';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { Annotation, AnnotationInput, AnnotationPatch } from '../../model/annotation.js';
import { announcementOf } from '../../editor/announce.js';
import { annotationsOf, recordsFromAnnotations, resolveInput, toAnnotation } from '../../editor/annotation-offsets.js';
import { getAnnotationState } from '../../editor/annotation-plugin.js';
import { sameRecord, type AnnotationRecord } from '../../editor/annotation-record.js';
import { AnnotationStep } from '../../editor/annotation-step.js';
import { deriveTitle, emptyArticle, parseArticleDOM, readArticleJSON } from '../../editor/article.js';
import {
  addAnnotationTransaction,
  removeAnnotationTransaction,
  updateAnnotationTransaction,
} from '../../editor/annotation-commands.js';
import { newRecord } from '../../editor/record-factory.js';
import { applyWithCheckpoints } from '../../editor/checkpoint.js';
import { createArticleState } from '../../editor/create-state.js';
import { getSettings, updateSettings, type EditorSettings } from '../../editor/settings-and-text-lock.js';
import { getSuggestionState, restoreRejected } from '../../editor/suggestion-plugin.js';
import { getPresence, NO_PEERS, setPresence } from '../../editor/presence-plugin.js';
import type { StoredDocument } from '../../storage/db-schema.js';
import type { ArticleMeta } from '../../model/article-meta.js';
import { dispatchClaimError, type ChangeReason, type ClaimChangeDetail } from './claim-editor-events.js';

/** Meta on transactions that bring in what storage or another tab already holds: not saved again. */
const fromStorage = 'claim-from-storage';
/** A change from team sync: reported as `remote`, and saved like a local one. */
const fromSync = 'claim-from-sync';

/** What the editor state needs from the element around it. */
export interface EditorStateBridge {
  /** The settings the element's properties ask for now. */
  settings(): EditorSettings;
  announce(message: string): void;
  /**
   * A change to keep: these annotations, and whether the text (or the
   * rejected suggestions) changed; `before` is the state before a text edit.
   */
  changed(annotationIds: string[], documentChanged: boolean, before?: EditorState): void;
  /** A new article replaced the previous one, whose annotations these were. */
  replaced(previousAnnotationIds: string[]): void;
  /** The article or annotations changed: the form value is out of date. */
  valueChanged(): void;
  /** The article's metadata as saved or imported with it (undefined: none, as for an emptied editor). */
  restoreMeta(meta: ArticleMeta | undefined): void;
}

/** A saved document as storage gives it back; see {@link EditorStateController.restore}. */
export interface SavedContent {
  document?: StoredDocument;
  annotations: Annotation[];
  /** No article: the annotations go onto an empty one. */
  empty?: boolean;
  rejected?: string[];
}

/** Annotations a transaction's annotation steps added, changed or removed (not those a text edit moved). */
function steppedIds(tr: Transaction): string[] {
  return tr.steps.filter((step): step is AnnotationStep => step instanceof AnnotationStep).map((step) => step.id);
}

function changeReason(tr: Transaction, before: EditorState, after: EditorState): ChangeReason {
  if (isHistoryTransaction(tr)) return undoDepth(after) < undoDepth(before) ? 'undo' : 'redo';
  const steps = tr.steps.filter((step): step is AnnotationStep => step instanceof AnnotationStep);
  if (steps.length === 0) return 'edit';
  if (steps.every((step) => !step.before)) return 'add';
  if (steps.every((step) => !step.after)) return 'remove';
  return 'update';
}

/**
 * Owns the editor's ProseMirror state and view: every transaction goes
 * through {@link dispatch} (or {@link commit}), which updates the view,
 * speaks the transaction's announcement, fires `claim-change`, and tells
 * storage and the form what changed. A new article replaces the state
 * whole ({@link replaceArticle}); that state is also what form reset
 * returns to.
 */
export class EditorStateController implements ReactiveController {
  state: EditorState;
  view?: EditorView;
  /** The article's title: as given, else its first heading or first line. */
  title = '';
  /**
   * When the article's text last changed (ms since 1970): as saved, edited,
   * loaded or received; 0 for the page's own (light-DOM) article, which any
   * version shared through team sync replaces.
   */
  articleTime = 0;
  /** The article and annotations as loaded, for form reset. */
  private loaded?: { doc: PMNode; records: AnnotationRecord[]; title: string };
  private annotationCache?: { state: EditorState; list: Annotation[] };
  private initialArticle = false;
  private mount?: { element: HTMLElement; onDrop: (event: DragEvent) => boolean };

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly bridge: EditorStateBridge,
  ) {
    this.state = createArticleState({ doc: emptyArticle(), settings: bridge.settings() });
    host.addController(this);
  }

  hostConnected() {
    // Back in the page after a move: a new view over the state we kept.
    if (this.mount && !this.view) this.openView();
  }

  hostDisconnected() {
    this.view?.destroy();
    this.view = undefined;
  }

  /**
   * Shows the state in `mount` (the article text); its transactions come back
   * through {@link dispatch}. `onDrop` takes what is dropped on the text.
   */
  createView(mount: HTMLElement, onDrop: (event: DragEvent) => boolean) {
    this.mount = { element: mount, onDrop };
    this.openView();
  }

  private openView() {
    const { element, onDrop } = this.mount!;
    this.view = new EditorView(element, {
      state: this.state,
      dispatchTransaction: this.dispatch,
      handleDrop: (_view, event) => onDrop(event),
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Article text',
        'aria-describedby': 'keys-help-summary',
        spellcheck: 'false',
      },
    });
  }

  readonly dispatch = (tr: Transaction) => {
    this.commit(applyWithCheckpoints(this.state, tr), tr);
  };

  /** Runs an editor command (from a button) and gives the keyboard back to the text. */
  run(command: Command) {
    command(this.state, this.dispatch, this.view);
    this.view?.focus();
  }

  commit(next: EditorState, tr: Transaction) {
    const previous = this.state;
    this.state = next;
    this.view?.updateState(next);
    const message = announcementOf(tr);
    if (message) this.bridge.announce(message);
    const before = getAnnotationState(previous).records;
    const after = getAnnotationState(next).records;
    if (before !== after)
      this.emitChange(tr.getMeta(fromStorage) || tr.getMeta(fromSync) ? 'remote' : changeReason(tr, previous, next));
    // A rejected suggestion is remembered with the document, so it is saved with it.
    const rejectionsChanged = getSuggestionState(previous).rejected !== getSuggestionState(next).rejected;
    if (!tr.getMeta(fromStorage) && (before !== after || previous.doc !== next.doc || rejectionsChanged)) {
      const textChanged = previous.doc !== next.doc;
      if (textChanged && !tr.getMeta(fromSync)) this.articleTime = Date.now();
      this.bridge.changed(steppedIds(tr), textChanged || rejectionsChanged, textChanged ? previous : undefined);
    }
    if (before !== after || previous.doc !== next.doc) this.bridge.valueChanged();
    this.host.requestUpdate();
  }

  /**
   * Applies the element's settings when they differ from the state's (mode,
   * taxonomy, annotator), or always with `suggesterChanged` (the lexicon or
   * tag map); returns the settings applied, if any.
   */
  syncSettings(suggesterChanged: boolean): EditorSettings | undefined {
    const settings = this.bridge.settings();
    const current = getSettings(this.state);
    if (
      current.mode === settings.mode &&
      current.taxonomy === settings.taxonomy &&
      current.annotator === settings.annotator &&
      !suggesterChanged
    )
      return undefined;
    this.applySettings(settings);
    return settings;
  }

  /** Applies the element's current settings (mode, taxonomy, annotator, suggester) to the state. */
  applySettings(settings = this.bridge.settings()) {
    this.commit(this.state.apply(updateSettings(this.state.tr, settings)), this.state.tr);
  }

  /**
   * A new article (or a restored file, or form reset) replaces the open one
   * under the same key: the previous article's annotations are dropped from
   * storage, and this is the state form reset returns to.
   */
  replaceArticle({ doc, records, title }: { doc: PMNode; records?: AnnotationRecord[]; title: string }) {
    const previousIds = [...getAnnotationState(this.state).records.keys()];
    this.title = title;
    this.articleTime = Date.now();
    this.replaceState(createArticleState({ doc, settings: this.bridge.settings(), records }));
    this.bridge.replaced(previousIds);
  }

  /** Form reset: the article and annotations as last loaded. */
  resetToLoaded() {
    if (this.loaded) this.replaceArticle(this.loaded);
  }

  /** The article the element was written with (its light-DOM children, if any), before anything is drawn or loaded. */
  startWithLightDom() {
    const hasArticle = [...this.host.childNodes].some(
      (node) => node.nodeType === Node.ELEMENT_NODE || (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()),
    );
    if (!hasArticle) return;
    const doc = parseArticleDOM(this.host);
    this.title = deriveTitle(doc);
    // The page's article is where every shared version started from: one edited since is later (see articleTime).
    this.articleTime = 0;
    this.state = createArticleState({ doc, settings: this.bridge.settings() });
    this.loaded = { doc, records: [], title: this.title };
    this.annotationCache = undefined;
    this.initialArticle = true;
    this.bridge.valueChanged();
  }

  /** True once, for the light-DOM article the element started with. */
  takeInitialArticle(): boolean {
    const initial = this.initialArticle;
    this.initialArticle = false;
    return initial;
  }

  /** Puts saved annotations (and, unless the light-DOM article is kept, the saved article) into the editor. */
  restore({ document, annotations, empty, rejected }: SavedContent) {
    let doc = empty ? emptyArticle() : this.state.doc;
    if (empty) {
      this.title = '';
      this.articleTime = 0;
      this.bridge.restoreMeta(undefined);
    }
    if (document) {
      const article = readArticleJSON(document.content, document.text);
      if (!article.ok) {
        const message = `The saved article could not be read (${article.error}); the open article is kept.`;
        dispatchClaimError(this.host, { kind: 'storage-corrupt', message });
        return;
      }
      doc = article.doc;
      this.title = document.title;
      this.articleTime = Date.parse(document.modified) || 0;
      this.bridge.restoreMeta(document.meta);
    }
    this.load(doc, annotations, rejected);
  }

  /**
   * Another editor's version of the article (team sync): its text replaces
   * this one, `annotations` re-anchor to it as on load, and the change is
   * reported as `remote` and saved whole.
   */
  replaceFromSync(
    { doc, title, meta, time }: { doc: PMNode; title: string; meta?: ArticleMeta; time: number },
    annotations: Annotation[],
  ) {
    const previousIds = [...getAnnotationState(this.state).records.keys()];
    this.title = title;
    this.articleTime = time;
    this.bridge.restoreMeta(meta);
    this.load(doc, annotations, [...getSuggestionState(this.state).rejected], 'remote');
    this.bridge.replaced(previousIds);
  }

  /** A state for `doc` with `annotations` anchored as on load; those that moved or were lost are announced. */
  private load(doc: PMNode, annotations: Annotation[], rejected?: string[], reason: ChangeReason = 'load') {
    const records = recordsFromAnnotations(doc, annotations);
    let state = createArticleState({ doc, settings: this.bridge.settings(), records });
    if (rejected?.length) state = state.apply(restoreRejected(state.tr, rejected));
    this.replaceState(state, reason);
    const review = records.filter((record) => record.status !== 'anchored').length;
    if (review > 0)
      this.bridge.announce(
        `${review} annotation${review === 1 ? '' : 's'} moved or lost with the article's changes: ` +
          'please review them in the list.',
      );
  }

  /**
   * Annotations another tab saved, or removed, applied outside undo history
   * and not saved again; with `synced` (from team sync) they are saved.
   * Annotations the editor already holds as they are change nothing.
   */
  applyRemote(annotations: Annotation[], removedIds: string[], { synced = false } = {}) {
    const state = this.state;
    const { records } = getAnnotationState(state);
    const tr = state.tr;
    for (const record of recordsFromAnnotations(state.doc, annotations)) {
      const current = records.get(record.id) ?? null;
      if (!current || !sameRecord(current, record)) tr.step(new AnnotationStep(record.id, current, record));
    }
    for (const id of removedIds) {
      const current = records.get(id);
      if (current) tr.step(new AnnotationStep(id, current, null));
    }
    if (tr.steps.length === 0) return;
    this.commit(state.apply(tr.setMeta('addToHistory', false).setMeta(synced ? fromSync : fromStorage, true)), tr);
  }

  /** Who else has the document open: their awareness states as sync received them (read by the presence plugin). */
  setPresence(states: readonly unknown[]) {
    if (states.length === 0 && getPresence(this.state).source.length === 0) return;
    const tr = setPresence(this.state.tr, states);
    this.commit(this.state.apply(tr), tr);
  }

  /** Every annotation in reading order (a fresh copy of each; the list is kept until the state changes). */
  get annotations(): Annotation[] {
    const state = this.state;
    if (
      this.annotationCache?.state.doc !== state.doc ||
      getAnnotationState(this.annotationCache.state).records !== getAnnotationState(state).records
    ) {
      this.annotationCache = { state, list: annotationsOf(state) };
    }
    return this.annotationCache.list.map((annotation) => ({ ...annotation }));
  }

  /** The selected annotation, if any. */
  selectedAnnotation(): Annotation | null {
    const { selectedId, records } = getAnnotationState(this.state);
    const record = selectedId ? records.get(selectedId) : undefined;
    return record ? toAnnotation(this.state, record) : null;
  }

  /** See `ClaimEditor.addAnnotation`. */
  addAnnotation(input: AnnotationInput): Annotation {
    const range = resolveInput(this.state, input);
    const record = newRecord(this.state, range, input);
    this.dispatch(addAnnotationTransaction(this.state, record, { select: false }));
    return this.annotationById(record.id);
  }

  updateAnnotation(id: string, patch: AnnotationPatch): Annotation {
    this.dispatch(updateAnnotationTransaction(this.state, id, patch));
    return this.annotationById(id);
  }

  removeAnnotation(id: string) {
    this.dispatch(removeAnnotationTransaction(this.state, id));
  }

  /** The annotations of these ids that exist, and the ids that do not; without listing every annotation. */
  annotationsWithIds(ids: Iterable<string>): { present: Annotation[]; missing: string[] } {
    const { records } = getAnnotationState(this.state);
    const unique = [...new Set(ids)];
    const found = unique.map((id) => records.get(id)).filter((record) => record !== undefined);
    const present = found.map((record) => toAnnotation(this.state, record));
    const missing = unique.filter((id) => !records.has(id));
    return { present, missing };
  }

  /** Throws for an unknown id. */
  private annotationById(id: string): Annotation {
    const record = getAnnotationState(this.state).records.get(id);
    if (!record) throw new Error(`No annotation with id "${id}".`);
    return toAnnotation(this.state, record);
  }

  /** A new article or a load: the state form reset returns to. */
  private replaceState(next: EditorState, reason: ChangeReason = 'load') {
    // The others are still here on the new article: their selections are read again against its text.
    const { source } = getPresence(this.state);
    if (source !== NO_PEERS) next = next.apply(setPresence(next.tr, source));
    this.state = next;
    this.view?.updateState(next);
    this.loaded = { doc: next.doc, records: [...getAnnotationState(next).records.values()], title: this.title };
    this.emitChange(reason);
    this.bridge.valueChanged();
    this.host.requestUpdate();
  }

  private emitChange(reason: ChangeReason) {
    let annotations: Annotation[] | undefined;
    const readAnnotations = () => (annotations ??= this.annotations);
    const detail: ClaimChangeDetail = {
      reason,
      get annotations() {
        return readAnnotations();
      },
    };
    this.host.dispatchEvent(new CustomEvent('claim-change', { detail, bubbles: true, composed: true }));
  }
}
