import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { isHistoryTransaction, redoDepth, undoDepth } from 'prosemirror-history';
import type { Command, EditorState, Transaction } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { Annotation, AnnotationInput, AnnotationPatch } from '../../model/annotation.js';
import { DEFAULT_TAXONOMY, findTag, validateTaxonomy, type Taxonomy } from '../../model/taxonomy.js';
import { announcementOf } from '../../editor/announce.js';
import { annotationsOf, recordsFromAnnotations, resolveInput, toAnnotation } from '../../editor/annotation-offsets.js';
import { annotationList } from '../../editor/state-annotation-list.js';
import { getAnnotationState } from '../../editor/annotation-plugin.js';
import { AnnotationStep } from '../../editor/annotation-step.js';
import {
  articleFromText,
  deriveTitle,
  emptyArticle,
  parseArticleDOM,
  parseArticleHTML,
  readArticleJSON,
} from '../../editor/article.js';
import { applyWithCheckpoints } from '../../editor/checkpoint.js';
import {
  addAnnotationTransaction,
  deleteSelectedAnnotation,
  removeAnnotationTransaction,
  selectAnnotationTransaction,
  tagSelection,
  updateAnnotationTransaction,
} from '../../editor/annotation-commands.js';
import { redoCommand, undoCommand } from '../../editor/history-commands.js';
import { newRecord } from '../../editor/record-factory.js';
import { createArticleState } from '../../editor/create-state.js';
import type { ImportOptions, ImportReport } from '../../editor/import-annotations.js';
import { MAX_IMPORT_BYTES, type ExportOptions, type ExportSource, type ParsedImport } from '../../formats/format.js';
import { exportFormats, type ExportFormat } from '../../formats/registry.js';
import { loadImporter } from './lazy-importer.js';
import { getSettings, updateSettings, type EditorMode } from '../../editor/settings-and-text-lock.js';
import {
  acceptSuggestion,
  acceptSuggestionsAbove,
  clearSuggestions,
  rejectSuggestion,
} from '../../editor/suggestion-commands.js';
import { getSuggestionState, restoreRejected, suggestionAtSelection } from '../../editor/suggestion-plugin.js';
import type { Lexicon } from '../../text/lexicon.js';
import { showSuggestions } from '../../editor/suggest-command.js';
import { lazySuggester } from './lazy-suggester.js';
import {
  DEFAULT_SUGGESTION_TAG_MAP,
  resolveSuggestionTags,
  unmappedRolesMessage,
  type SuggestionTagMap,
} from '../../editor/suggestion-tag-map.js';
import { TextIndex } from '../../editor/text-index.js';
import { DEFAULT_DB_NAME, type StorageErrorKind } from '../../storage/claim-store.js';
import type { StoredDocument } from '../../storage/db-schema.js';
import type { AnnotationRecord } from '../../editor/annotation-record.js';
import { FormController } from './form-controller.js';
import { PersistenceController, type StorageStatus } from './persistence-controller.js';
import { ArticleMetaController } from './article-meta-controller.js';
import type { ArticleMeta, Reviewer } from '../../model/article-meta.js';
import type { VerdictScale } from '../../model/verdict-scale.js';
import { claimReviewGaps } from '../../formats/claimreview.js';
import type { ClaimDetails } from '../claim-details/claim-details.component.js';
import '../claim-details/claim-details.js';
import '../claim-sidebar/claim-sidebar.js';
import '../claim-transfer/claim-transfer.js';
import type { TransferImportDetail } from '../claim-transfer/claim-transfer.component.js';
import { download, slug } from '../shared/download.js';
import { AdoptedSheetsController } from '../shared/adopted-sheets-controller.js';
import { guardDocument } from '../shared/document-guard.js';
import { prosemirrorStyles } from '../shared/prosemirror.styles.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { taxonomySheet } from '../shared/taxonomy-styles.js';
import { editorStyles } from './claim-editor.styles.js';
import { moveToUnsourced, moveToUntagged } from '../../editor/advance-commands.js';
import { sentenceProgress } from '../../editor/sentence-progress.js';
import type { SidebarJumpDetail } from '../claim-sidebar/claim-sidebar.component.js';
import { SourceOptionsController } from './source-options-controller.js';
import { ToolbarStickController } from './toolbar-stick-controller.js';

/** Why the annotations changed; `remote` is another tab's change to the same document. */
export type ChangeReason = 'add' | 'update' | 'remove' | 'edit' | 'undo' | 'redo' | 'load' | 'remote';

/** Meta on transactions that bring in what storage or another tab already holds: not saved again. */
const fromStorage = 'claim-from-storage';

export interface ClaimChangeDetail {
  /** Every annotation, in reading order (computed when first read). */
  readonly annotations: Annotation[];
  readonly reason: ChangeReason;
}

export interface ClaimSaveDetail {
  documentId: string;
}

/** What went wrong: storage (the editor keeps working in memory and retries) or an import that was refused. */
export interface ClaimErrorDetail {
  kind: StorageErrorKind | 'storage-corrupt' | 'import-rejected' | 'metadata-rejected';
  message: string;
}

export interface ArticleInput {
  /** Article HTML; sanitised through the article schema. */
  html?: string;
  /** Plain text; each non-blank line becomes a paragraph. */
  text?: string;
  title?: string;
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
 * Tags the sentences of a news article by provenance (state-media claim,
 * analyst opinion, reported fact, or your own taxonomy), with who said it,
 * a note and an optional verdict.
 *
 * The article comes from the element's light-DOM children (sanitised), or
 * from `loadArticle()`. In annotate mode the text is fixed: click a sentence
 * and press a tag key (1, 2, 3), or use the toolbar.
 *
 * @summary Claim-provenance annotation editor.
 *
 * @event claim-change - After any change to the annotations; detail `{annotations, reason}`.
 * @event claim-save - After a change is durably stored in IndexedDB; detail `{documentId}`.
 * @event claim-error - Storage unavailable, blocked, full or failing (the editor keeps working and retries); detail
 *   `{kind, message}`.
 *
 * @csspart toolbar - The tag, undo/redo and mode buttons.
 * @csspart editor - The article text.
 * @csspart sidebar - Selected annotation's details, the per-tag summary and the annotation list.
 *
 * @cssproperty --claim-tag-state-media-claim-color - Colour of the state-media claim tag (any tag:
 *   `--claim-tag-<id>-color`).
 * @cssproperty --claim-tag-analyst-opinion-color - Colour of the analyst opinion tag.
 * @cssproperty --claim-tag-reported-fact-color - Colour of the reported fact tag.
 * @cssproperty --claim-highlight-strength - How strongly highlights are tinted with their tag colour (default 14%).
 * @cssproperty --claim-font-family - Font of the toolbar and sidebar.
 * @cssproperty --claim-article-font-family - Font of the article text.
 * @cssproperty --claim-article-font-size - Size of the article text.
 * @cssproperty --claim-text-color - Text colour.
 * @cssproperty --claim-muted-color - Secondary text colour.
 * @cssproperty --claim-surface-color - Background.
 * @cssproperty --claim-subtle-surface-color - Background of the toolbar and hovered items.
 * @cssproperty --claim-edit-surface-color - Background of the text in edit mode.
 * @cssproperty --claim-border-color - Borders.
 * @cssproperty --claim-focus-color - Focus rings and the selected annotation's outline.
 * @cssproperty --claim-link-color - Links in the article.
 * @cssproperty --claim-label-text-color - Text on tag labels and chips (white by default; keep 4.5:1 against the tag
 *   colours).
 * @cssproperty --claim-warning-color - "Needs review" and "text gone" notes.
 * @cssproperty --claim-error-color - The storage error banner's text and border.
 * @cssproperty --claim-error-surface-color - The storage error banner's background.
 * @cssproperty --claim-radius - Corner radius.
 * @cssproperty --claim-spacing - Base spacing unit.
 * @cssproperty --claim-sidebar-width - Width of the sidebar beside the text.
 */
export class ClaimEditor extends LitElement {
  static override styles = [sharedStyles, prosemirrorStyles, editorStyles];
  static formAssociated = true;

  /** `annotate` (default): the text is fixed and sentences are tagged. `edit`: the text is editable. */
  @property({ reflect: true }) mode: 'annotate' | 'edit' = 'annotate';

  /** View only: no tagging and no editing through the UI. */
  @property({ type: Boolean, reflect: true }) readonly = false;

  /** The name recorded as the creator of each new annotation. */
  @property() annotator?: string;

  /** Key of this article in IndexedDB: setting it loads what is saved there; every change is saved under it. */
  @property({ attribute: 'document-id', reflect: true }) documentId?: string;

  /** IndexedDB database name. */
  @property({ attribute: 'db-name' }) dbName = DEFAULT_DB_NAME;

  /** Inside a `<form>`, the annotations (native JSON) are submitted under this name. */
  @property({ reflect: true }) name?: string;

  /** Extra words for the suggestions (outlets, expert roles, cues), merged into the built-in lexicon. */
  @property({ attribute: false }) suggestionLexicon?: Partial<Lexicon>;

  /**
   * The tag of `taxonomy` each suggested provenance role becomes, by id:
   * `{'state-media': …, analyst: …, reported: …}`. Defaults to the three
   * built-in tags. A role without a tag of the taxonomy here is not
   * suggested, and the toolbar says so beside *Suggest tags*.
   */
  @property({ attribute: false }) suggestionTagMap: SuggestionTagMap = DEFAULT_SUGGESTION_TAG_MAP;

  /** The confidence (0–100) at or above which "Accept suggestions" takes them all. */
  @state() private acceptThreshold = 80;

  /** As a form field: invalid until at least one sentence is tagged. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Disabled by a `<fieldset disabled>` around it: nothing can be changed, nothing is submitted. */
  @state() private formDisabled = false;

  @state() private storageStatus: StorageStatus = { state: 'idle' };
  /** What the user should know about the saved copy (records set aside, the copy written back), until dismissed. */
  @state() private storageNotice?: string;
  @state() private importReport: ImportReport | null = null;
  @state() private importedFile: File | null = null;

  @state() private announcement = '';

  @query('.editor') private editorHost!: HTMLElement;
  @query('claim-details') private details?: ClaimDetails;

  private taxonomyValue: Taxonomy = DEFAULT_TAXONOMY;
  private editorState: EditorState = createArticleState({ doc: emptyArticle(), settings: this.settings() });
  private view?: EditorView;
  private articleTitle = '';
  private annotationCache?: { state: EditorState; list: Annotation[] };
  private initialArticle = false;
  private readonly persistence = new PersistenceController(this, {
    documentId: () => this.documentId || undefined,
    dbName: () => this.dbName || DEFAULT_DB_NAME,
    documentTitle: () => this.articleTitle,
    documentMeta: () => this.meta.forExport(),
    editorState: () => this.editorState,
    restore: (saved) => this.restore(saved),
    applyRemote: (annotations, removedIds) => this.applyRemote(annotations, removedIds),
    takeInitialArticle: () => {
      const initial = this.initialArticle;
      this.initialArticle = false;
      return initial;
    },
    showStorageStatus: (status) => (this.storageStatus = status),
    showStorageNotice: (message) => (this.storageNotice = message),
  });

  private readonly meta = new ArticleMetaController(this, {
    title: () => this.articleTitle,
    setTitle: (title) => (this.articleTitle = title),
    changed: () => this.persistence.changed([], true),
  });

  /** The article's canonical http(s) URL (also `articleMeta.url`); another value is refused with a `claim-error`. */
  @property({ attribute: 'article-url' })
  get articleUrl(): string | undefined {
    return this.meta.articleUrl;
  }
  set articleUrl(value: string | null | undefined) {
    this.meta.articleUrl = value;
  }

  /** The page where the fact-check is published (ClaimReview `url`); http(s) only, else a `claim-error`. */
  @property({ attribute: 'review-url' })
  get reviewUrl(): string | undefined {
    return this.meta.reviewUrl;
  }
  set reviewUrl(value: string | null | undefined) {
    this.meta.reviewUrl = value;
  }

  /**
   * `{title, url, publisher, author, datePublished, language}`, saved with the document and in the `json` export; its
   * `title` is the document's title. URLs must be http(s) and dates ISO 8601: a bad value throws and is not saved.
   */
  @property({ attribute: false })
  get articleMeta(): ArticleMeta {
    return this.meta.articleMeta;
  }
  set articleMeta(value: ArticleMeta | undefined) {
    this.meta.articleMeta = value;
  }

  /** The fact-checking organisation, `{name, url, logo?}` (ClaimReview `author`); a bad value throws. */
  @property({ attribute: false })
  get reviewer(): Reviewer | undefined {
    return this.meta.reviewer;
  }
  set reviewer(value: Reviewer | undefined) {
    this.meta.reviewer = value;
  }

  /** The verdicts the verdict field offers, with their numbers (ClaimReview `ratingValue`); free text is possible. */
  @property({ attribute: false })
  get verdictScale(): VerdictScale {
    return this.meta.verdictScale;
  }
  set verdictScale(value: VerdictScale) {
    this.meta.verdictScale = value;
  }

  private readonly formField = new FormController(this, this.attachInternals(), {
    value: () => this.exportAs('json'),
    annotationCount: () => getAnnotationState(this.editorState).records.size,
    reset: () => this.resetToLoaded(),
    restore: (value) => {
      if (getAnnotationState(this.editorState).records.size === 0) void this.importAnnotations(value);
    },
    setDisabled: (disabled) => {
      this.formDisabled = disabled;
    },
    anchor: () => this.view?.dom,
  });
  private readonly sourceOptions = new SourceOptionsController(this, {
    documentId: () => this.documentId || undefined,
    dbName: () => this.dbName || DEFAULT_DB_NAME,
    lexicon: () => this.suggestionLexicon,
  });
  /** The article and annotations as loaded, for form reset. */
  private loadedState?: { doc: EditorState['doc']; records: AnnotationRecord[]; title: string };

  constructor() {
    super();
    new AdoptedSheetsController(this, () => [taxonomySheet(this.taxonomyValue)]);
    new ToolbarStickController(this, () => this.renderRoot.querySelector<HTMLElement>('.toolbar'));
  }

  /** The form this editor belongs to, as for native fields. */
  get form(): HTMLFormElement | null {
    return this.formField.internals.form;
  }

  get validity(): ValidityState {
    return this.formField.internals.validity;
  }

  get validationMessage(): string {
    return this.formField.internals.validationMessage;
  }

  get willValidate(): boolean {
    return this.formField.internals.willValidate;
  }

  checkValidity(): boolean {
    return this.formField.internals.checkValidity();
  }

  reportValidity(): boolean {
    return this.formField.internals.reportValidity();
  }

  formResetCallback() {
    this.formField.formReset();
  }

  formDisabledCallback(disabled: boolean) {
    this.formField.formDisabled(disabled);
  }

  formStateRestoreCallback(state: string | File | FormData | null) {
    this.formField.formStateRestore(state);
  }

  private resetToLoaded() {
    const loaded = this.loadedState;
    if (!loaded) return;
    const previousIds = [...getAnnotationState(this.editorState).records.keys()];
    this.articleTitle = loaded.title;
    this.replaceState(
      createArticleState({ doc: loaded.doc, settings: this.settings(), records: loaded.records }),
      'load',
    );
    this.persistence.replaced(previousIds);
  }

  /** The tags offered, `{id, label, color?, key?, description?}`; the three provenance tags by default. */
  @property({ attribute: false })
  get taxonomy(): Taxonomy {
    return this.taxonomyValue;
  }
  set taxonomy(value: readonly { id: string; label: string; color?: string; key?: string; description?: string }[]) {
    const old = this.taxonomyValue;
    this.taxonomyValue = validateTaxonomy(value);
    this.requestUpdate('taxonomy', old);
  }

  /** Every annotation in reading order, with offsets into {@link text}. */
  get annotations(): Annotation[] {
    const state = this.editorState;
    if (
      this.annotationCache?.state.doc !== state.doc ||
      getAnnotationState(this.annotationCache.state).records !== getAnnotationState(state).records
    ) {
      this.annotationCache = { state, list: annotationsOf(state) };
    }
    return this.annotationCache.list.map((annotation) => ({ ...annotation }));
  }

  /** The article as plain text, blocks joined by "\n"; annotation offsets point into it. */
  get text(): string {
    return TextIndex.of(this.editorState.doc).text;
  }

  /** The article's title: as given to `loadArticle`, else its first heading or first line. */
  get documentTitle(): string {
    return this.articleTitle;
  }

  /**
   * Replaces the article (HTML is sanitised through the article schema) and
   * drops the previous article's annotations and undo history.
   */
  async loadArticle({ html, text, title }: ArticleInput = {}): Promise<void> {
    if (html !== undefined && typeof html !== 'string') throw new Error('loadArticle: html must be a string.');
    if (text !== undefined && typeof text !== 'string') throw new Error('loadArticle: text must be a string.');
    // A document-id set just before must be switched to first, or the article would land in the previous document.
    await this.updateComplete;
    await this.persistence.ready();
    const doc =
      html !== undefined ? parseArticleHTML(html) : text !== undefined ? articleFromText(text) : emptyArticle();
    const previousIds = [...getAnnotationState(this.editorState).records.keys()];
    this.articleTitle = title?.trim() || deriveTitle(doc);
    this.replaceState(createArticleState({ doc, settings: this.settings() }), 'load');
    this.persistence.replaced(previousIds);
  }

  /**
   * The article and its annotations in a file format: `html` (standalone
   * annotated article), `html-fragment` (the same for pasting into a CMS),
   * `w3c` (Web Annotation JSON-LD), `json` (native backup), `csv`, or
   * `claimreview` (schema.org JSON-LD of the annotations with a verdict).
   * For `html` and `html-fragment`, `options.annotations` is `'all'`
   * (default) or `'reviewed'`: only annotations with a note or a verdict.
   */
  exportAs(format: ExportFormat, options?: ExportOptions): string {
    const writer = Object.hasOwn(exportFormats, format) ? exportFormats[format] : undefined;
    if (!writer)
      throw new Error(`Unknown export format ${JSON.stringify(format)}: use ${Object.keys(exportFormats).join(', ')}.`);
    if (![undefined, 'all', 'reviewed'].includes(options?.annotations))
      throw new Error(`exportAs: options.annotations is 'all' or 'reviewed', not ${String(options?.annotations)}.`);
    return writer.serialize(this.exportSource(), options);
  }

  /**
   * Imports native JSON or W3C Web Annotation JSON-LD. Into an empty editor,
   * native JSON also restores its article; otherwise annotations are anchored
   * to the open article (exactly, then approximately, else `orphaned`). An
   * id that already exists is updated, never duplicated. Malformed input or
   * unknown tags change nothing: the report's `errors` (and a `claim-error`)
   * say why; `options.tagMap` maps unknown tags, `options.addTags` adds them.
   */
  async importAnnotations(
    data: string | object,
    options: ImportOptions & { addTags?: string[] } = {},
  ): Promise<ImportReport> {
    await this.updateComplete;
    await this.persistence.ready();
    let importer: Awaited<ReturnType<typeof loadImporter>>;
    try {
      importer = await loadImporter();
    } catch (error) {
      return this.rejectImport([`The importer could not be loaded (${String(error)}); try again.`]);
    }
    const { parseImport, planImport } = importer;
    let text: string;
    try {
      text = typeof data === 'string' ? data : JSON.stringify(data);
    } catch (error) {
      return this.rejectImport([`The data cannot be read as JSON (${String(error)}).`]);
    }
    const parsed = parseImport(text);
    if (!parsed.ok) return this.rejectImport(parsed.errors);
    const file = parsed.value;
    const taxonomy = this.withAddedTags(file, options.addTags ?? []);
    const restoring = file.document !== undefined && this.text.trim() === '';
    // The parser built the article once it passed the schema's checks.
    const doc = restoring ? file.article : this.editorState.doc;
    if (!doc) return this.rejectImport(['document.content: the article cannot be read.']);
    const { records, report } = planImport(this.editorState, doc, taxonomy, file.annotations, options);
    if (report.errors.length > 0) return this.rejectImport(report.errors, report);
    if (taxonomy !== this.taxonomyValue) {
      this.taxonomy = taxonomy;
      this.commit(this.editorState.apply(updateSettings(this.editorState.tr, this.settings())), this.editorState.tr);
    }
    if (restoring) {
      const previousIds = [...getAnnotationState(this.editorState).records.keys()];
      this.articleTitle = file.document!.title || deriveTitle(doc);
      this.meta.restore(file.document!.meta);
      this.replaceState(createArticleState({ doc, settings: this.settings(), records }), 'load');
      this.persistence.replaced(previousIds);
    } else {
      const current = getAnnotationState(this.editorState).records;
      const tr = this.editorState.tr;
      for (const record of records) tr.step(new AnnotationStep(record.id, current.get(record.id) ?? null, record));
      if (tr.steps.length > 0) this.dispatch(tr);
    }
    this.announce(
      `Imported ${report.added + report.updated} annotation${report.added + report.updated === 1 ? '' : 's'}: ${report.added} added, ${report.updated} updated, ${report.reanchored} to review, ${report.orphaned} without their text.`,
    );
    return report;
  }

  private rejectImport(errors: string[], report?: ImportReport): ImportReport {
    const message = `Import rejected, nothing was changed: ${errors.slice(0, 3).join(' ')}${errors.length > 3 ? ` (and ${errors.length - 3} more problems)` : ''}`;
    this.announce(message);
    this.dispatchEvent(
      new CustomEvent('claim-error', { detail: { kind: 'import-rejected', message }, bubbles: true, composed: true }),
    );
    return report ?? { added: 0, updated: 0, reanchored: 0, orphaned: 0, errors };
  }

  /**
   * The taxonomy with the file's unknown tags the user chose to add (label and colour from the file when it has them).
   */
  private withAddedTags(file: ParsedImport, add: readonly string[]): Taxonomy {
    const fresh = add.filter(
      (written) =>
        !this.taxonomyValue.some((tag) => tag.id === written || tag.label.toLowerCase() === written.toLowerCase()),
    );
    if (fresh.length === 0) return this.taxonomyValue;
    const usedKeys = new Set(this.taxonomyValue.map((tag) => tag.key));
    const added = fresh.map((written) => {
      const described = file.taxonomy?.find((tag) => tag.id === written);
      const id = /^[A-Za-z][\w-]{0,63}$/.test(written)
        ? written
        : `tag-${[...written]
            .map((c) => c.codePointAt(0)!.toString(36))
            .join('')
            .slice(0, 40)}`;
      const key = described?.key && !usedKeys.has(described.key) ? described.key : undefined;
      if (key) usedKeys.add(key);
      return {
        id,
        label: described?.label ?? written,
        ...(described?.color ? { color: described.color } : {}),
        ...(key ? { key } : {}),
      };
    });
    return validateTaxonomy([...this.taxonomyValue, ...added]);
  }

  private exportSource(): ExportSource {
    const doc = this.editorState.doc;
    return {
      document: {
        ...(this.documentId ? { id: this.documentId } : {}),
        title: this.articleTitle,
        text: this.text,
        content: doc.toJSON(),
        ...(this.meta.forExport() ? { meta: this.meta.forExport() } : {}),
      },
      taxonomy: this.taxonomyValue,
      reviewer: this.meta.reviewer,
      reviewUrl: this.meta.reviewUrl,
      verdictScale: this.meta.verdictScale,
      annotations: this.annotations,
      generated: new Date().toISOString(),
    };
  }

  /** Resolves when every change so far is durably stored in IndexedDB (rejects if storage is failing). */
  async flush(): Promise<void> {
    await this.updateComplete;
    await this.persistence.flush();
  }

  /**
   * Adds an annotation by text offsets (`start`/`end` into {@link text}) or
   * by `quote` (the first match, or the one whose `prefix`/`suffix` fit).
   * Throws an Error naming the problem: unknown tag, bad offsets, quote not found.
   */
  addAnnotation(input: AnnotationInput): Annotation {
    const range = resolveInput(this.editorState, input);
    const record = newRecord(this.editorState, range, input);
    this.dispatch(addAnnotationTransaction(this.editorState, record, { select: false }));
    return this.annotationById(record.id);
  }

  /** Changes an annotation's tag, source, note or verdict. Throws for an unknown id or tag. */
  updateAnnotation(id: string, patch: AnnotationPatch): Annotation {
    if (patch?.tag !== undefined && !findTag(this.taxonomyValue, patch.tag)) {
      throw new Error(
        `Unknown tag ${JSON.stringify(patch.tag)}: the taxonomy has ${this.taxonomyValue.map((t) => t.id).join(', ')}.`,
      );
    }
    this.dispatch(updateAnnotationTransaction(this.editorState, id, patch ?? {}));
    return this.annotationById(id);
  }

  /** Removes an annotation. Throws for an unknown id. */
  removeAnnotation(id: string): void {
    this.dispatch(removeAnnotationTransaction(this.editorState, id));
  }

  private annotationById(id: string): Annotation {
    const record = getAnnotationState(this.editorState).records.get(id);
    if (!record) throw new Error(`No annotation with id "${id}".`);
    return toAnnotation(this.editorState, record);
  }

  private settings() {
    const mode: EditorMode =
      this.readonly || this.formDisabled ? 'readonly' : this.mode === 'edit' ? 'edit' : 'annotate';
    const lexicon = this.suggestionLexicon;
    return {
      mode,
      taxonomy: this.taxonomyValue ?? DEFAULT_TAXONOMY,
      annotator: this.annotator || undefined,
      suggest: lazySuggester(lexicon, (message) => this.announce(message)),
      suggestionTagMap: this.suggestionTagMap,
      openDetails: () => this.details?.focusSource(),
    };
  }

  private readonly dispatch = (tr: Transaction) => {
    this.commit(applyWithCheckpoints(this.editorState, tr), tr);
  };

  private commit(next: EditorState, tr: Transaction) {
    const previous = this.editorState;
    this.editorState = next;
    this.view?.updateState(next);
    const message = announcementOf(tr);
    if (message) this.announce(message);
    const before = getAnnotationState(previous).records;
    const after = getAnnotationState(next).records;
    if (before !== after) this.emitChange(tr.getMeta(fromStorage) ? 'remote' : changeReason(tr, previous, next));
    // A rejected suggestion is remembered with the document, so it is saved with it.
    const rejectionsChanged = getSuggestionState(previous).rejected !== getSuggestionState(next).rejected;
    if (!tr.getMeta(fromStorage) && (before !== after || previous.doc !== next.doc || rejectionsChanged)) {
      const textChanged = previous.doc !== next.doc;
      this.persistence.changed(steppedIds(tr), textChanged || rejectionsChanged, textChanged ? previous : undefined);
    }
    if (before !== after || previous.doc !== next.doc) this.formField.schedule();
    this.requestUpdate();
  }

  /** Puts saved annotations (and, unless the light-DOM article is kept, the saved article) into the editor. */
  private restore({
    document,
    annotations,
    empty,
    rejected,
  }: {
    document?: StoredDocument;
    annotations: Annotation[];
    empty?: boolean;
    rejected?: string[];
  }) {
    let doc = empty ? emptyArticle() : this.editorState.doc;
    if (empty) {
      this.articleTitle = '';
      this.meta.restore(undefined);
    }
    if (document) {
      const article = readArticleJSON(document.content, document.text);
      if (!article.ok) {
        const message = `The saved article could not be read (${article.error}); the open article is kept.`;
        this.dispatchEvent(
          new CustomEvent('claim-error', {
            detail: { kind: 'storage-corrupt', message },
            bubbles: true,
            composed: true,
          }),
        );
        return;
      }
      doc = article.doc;
      this.articleTitle = document.title;
      this.meta.restore(document.meta);
    }
    const records = recordsFromAnnotations(doc, annotations);
    let state = createArticleState({ doc, settings: this.settings(), records });
    if (rejected?.length) state = state.apply(restoreRejected(state.tr, rejected));
    this.replaceState(state, 'load');
    const review = records.filter((record) => record.status !== 'anchored').length;
    if (review > 0)
      this.announce(
        `${review} annotation${review === 1 ? '' : 's'} moved or lost with the article's changes: please review them in the list.`,
      );
  }

  private applyRemote(annotations: Annotation[], removedIds: string[]) {
    const state = this.editorState;
    const { records } = getAnnotationState(state);
    const tr = state.tr;
    const incoming = recordsFromAnnotations(state.doc, annotations);
    for (const record of incoming) tr.step(new AnnotationStep(record.id, records.get(record.id) ?? null, record));
    for (const id of removedIds) {
      const current = records.get(id);
      if (current) tr.step(new AnnotationStep(id, current, null));
    }
    if (tr.steps.length === 0) return;
    this.commit(state.apply(tr.setMeta('addToHistory', false).setMeta(fromStorage, true)), tr);
  }

  private onStorageRetry() {
    this.persistence.retryNow();
    this.storageStatus = { state: 'saving' };
  }

  /** A new article or a load: the state form reset returns to. */
  private replaceState(next: EditorState, reason: ChangeReason) {
    this.editorState = next;
    this.view?.updateState(next);
    this.loadedState = {
      doc: next.doc,
      records: [...getAnnotationState(next).records.values()],
      title: this.articleTitle,
    };
    this.emitChange(reason);
    this.formField.schedule();
    this.requestUpdate();
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
    this.dispatchEvent(new CustomEvent('claim-change', { detail, bubbles: true, composed: true }));
  }

  private announce(message: string) {
    // A repeated message is changed invisibly so screen readers speak it again.
    this.announcement = message === this.announcement ? `${message}\u00a0` : message;
  }

  override connectedCallback() {
    // An article added after the editor loaded may name elements after document methods that rendering uses.
    guardDocument(this);
    super.connectedCallback();
    // Back in the page after a move: a new view over the state we kept.
    if (this.hasUpdated && !this.view) this.createView();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    this.view?.destroy();
    this.view = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    if (
      changed.has('mode') ||
      changed.has('readonly') ||
      changed.has('formDisabled' as keyof ClaimEditor) ||
      changed.has('annotator') ||
      changed.has('suggestionLexicon') ||
      changed.has('suggestionTagMap') ||
      changed.has('taxonomy' as keyof ClaimEditor)
    ) {
      const settings = this.settings();
      const current = getSettings(this.editorState);
      if (
        current.mode !== settings.mode ||
        current.taxonomy !== settings.taxonomy ||
        current.annotator !== settings.annotator ||
        changed.has('suggestionLexicon') ||
        changed.has('suggestionTagMap')
      ) {
        this.commit(this.editorState.apply(updateSettings(this.editorState.tr, settings)), this.editorState.tr);
        if (changed.has('mode') && this.hasUpdated)
          this.announce(
            settings.mode === 'edit' ? 'Edit mode: the text can be changed' : 'Annotate mode: the text is fixed',
          );
      }
    }
  }

  protected override firstUpdated() {
    if (this.hasLightDomArticle()) {
      const doc = parseArticleDOM(this);
      this.articleTitle = deriveTitle(doc);
      this.editorState = createArticleState({ doc, settings: this.settings() });
      this.loadedState = { doc, records: [], title: this.articleTitle };
      this.annotationCache = undefined;
      this.initialArticle = true;
      this.formField.schedule();
    }
    this.createView();
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('documentId') || changed.has('dbName')) this.persistence.open();
  }

  private hasLightDomArticle(): boolean {
    return [...this.childNodes].some(
      (node) => node.nodeType === Node.ELEMENT_NODE || (node.nodeType === Node.TEXT_NODE && node.textContent?.trim()),
    );
  }

  private createView() {
    this.view = new EditorView(this.editorHost, {
      state: this.editorState,
      dispatchTransaction: this.dispatch,
      // A file dropped on the article is an import, in any mode.
      handleDrop: (_view, event) => {
        const file = event.dataTransfer?.files?.[0];
        if (!file) return false;
        event.preventDefault();
        if (!this.readonly && !this.formDisabled) void this.importFile({ file });
        return true;
      },
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': 'Article text',
        'aria-describedby': 'keys-help-summary',
        spellcheck: 'false',
      },
    });
  }

  /** Runs an editor command from a button and gives the keyboard back to the text. */
  private run(command: Command) {
    command(this.editorState, this.dispatch, this.view);
    this.view?.focus();
  }

  private onDetailsChange(event: CustomEvent<{ id: string; patch: AnnotationPatch }>) {
    this.dispatch(updateAnnotationTransaction(this.editorState, event.detail.id, event.detail.patch));
  }

  private onDetailsDelete(event: CustomEvent<{ id: string }>) {
    this.dispatch(removeAnnotationTransaction(this.editorState, event.detail.id));
    this.view?.focus();
  }

  private onExport(format: ExportFormat) {
    const { fileName, mediaType } = exportFormats[format];
    download(`${slug(this.articleTitle)}-${fileName}`, mediaType, this.exportAs(format));
    this.announce(`Exported ${fileName}`);
  }

  /** Imports a chosen or dropped file; the report shows under the toolbar. */
  private async importFile({ file, tagMap, addTags }: TransferImportDetail) {
    this.importedFile = file;
    if (file.size > MAX_IMPORT_BYTES) {
      this.importReport = this.rejectImport([
        `“${file.name}” is ${(file.size / 1048576).toFixed(1)} MiB; files up to ${MAX_IMPORT_BYTES / 1048576} MiB can be imported.`,
      ]);
      return;
    }
    this.importReport = await this.importAnnotations(await file.text(), { tagMap, addTags });
  }

  private onDragOver(event: DragEvent) {
    if (event.dataTransfer?.types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  }

  private onSidebarSelect(event: CustomEvent<{ id: string }>) {
    this.dispatch(selectAnnotationTransaction(this.editorState, event.detail.id));
    this.view?.focus();
  }

  private renderSuggestionControls() {
    const { suggestions } = getSuggestionState(this.editorState);
    const suggest = () => this.run(showSuggestions());
    const unmapped = unmappedRolesMessage(resolveSuggestionTags(this.suggestionTagMap, this.taxonomyValue));
    const note = unmapped ? html`<span class="suggest-note" id="suggest-note">${unmapped}</span>` : nothing;
    if (suggestions.length === 0) {
      return html`<button
          type="button"
          class="suggest"
          aria-keyshortcuts="S"
          aria-describedby=${unmapped ? 'suggest-note' : nothing}
          @click=${suggest}
        >
          Suggest tags <kbd>S</kbd></button
        >${note}`;
    }
    const above = suggestions.filter((s) => s.confidence * 100 >= this.acceptThreshold).length;
    const here = suggestionAtSelection(this.editorState);
    const hereLabel = here ? (findTag(this.taxonomyValue, here.tag)?.label ?? here.tag) : '';
    return html`<span class="suggestions" role="group" aria-label="Suggestions">
      ${
        here
          ? html`<button
                type="button"
                class="accept-suggestion"
                aria-keyshortcuts="Enter"
                @click=${() => this.run(acceptSuggestion())}
              >
                Accept “${hereLabel}”</button
              ><button
                type="button"
                class="reject-suggestion"
                aria-keyshortcuts="X"
                @click=${() => this.run(rejectSuggestion)}
              >
                Reject
              </button>`
          : nothing
      }
      <span>${suggestions.length} suggested</span>
      <label
        >at least
        <input
          type="number"
          min="0"
          max="100"
          step="5"
          .value=${String(this.acceptThreshold)}
          @input=${(e: Event) => (this.acceptThreshold = Math.min(100, Math.max(0, Number((e.target as HTMLInputElement).value) || 0)))}
        />%</label
      >
      <button
        type="button"
        class="accept-suggestions"
        ?disabled=${above === 0}
        @click=${() => this.run(acceptSuggestionsAbove(this.acceptThreshold / 100))}
      >
        Accept ${above}
      </button>
      <button type="button" aria-keyshortcuts="Shift+S" @click=${() => this.run(clearSuggestions)}>Clear</button>
      ${note}
    </span>`;
  }

  private renderStorageStatus() {
    const status = this.storageStatus;
    if (!this.documentId) return nothing;
    if (status.state !== 'error') {
      const label = { idle: '', saving: 'Saving…', saved: 'All changes saved in this browser' }[status.state];
      return html`<p class="save-status" data-state=${status.state}>${label}</p>`;
    }
    const retry = status.retryInMs ? ` Retrying in ${Math.round(status.retryInMs / 1000) || 1} s.` : '';
    const deleted = status.kind === 'storage-deleted';
    return html`<div class="storage-error" role="alert" data-kind=${status.kind}>
      <p><strong>Not saved:</strong> ${status.message} Your work stays in this tab.${retry}</p>
      <button type="button" @click=${this.onStorageRetry}>${deleted ? 'Save it again' : 'Retry now'}</button>
    </div>`;
  }

  private renderStorageNotice() {
    if (!this.storageNotice) return nothing;
    return html`<div class="storage-notice" role="alert">
      <p>${this.storageNotice}</p>
      <button type="button" @click=${() => (this.storageNotice = undefined)}>Dismiss</button>
    </div>`;
  }

  private renderHelp() {
    const keys = this.taxonomyValue
      .filter((tag) => tag.key)
      .map((tag) => tag.key)
      .join(' / ');
    return html`<details class="help">
      <summary id="keys-help-summary">
        Keyboard: click a sentence or move with Alt+↓/↑, then press ${keys || 'a tag key'} to tag it
      </summary>
      <dl>
        ${
          keys
            ? html`<dt><kbd>${keys}</kbd></dt>
                <dd>
                  Tag the selection, or the sentence at the caret, and go to the next untagged sentence (Alt+key in edit
                  mode); retag the selected annotation
                </dd>
                <dt><kbd>Shift</kbd>+<kbd>${keys}</kbd></dt>
                <dd>Tag and stay</dd>`
            : nothing
        }
        <dt><kbd>U</kbd> / <kbd>Shift</kbd>+<kbd>U</kbd></dt>
        <dd>Next / previous untagged sentence</dd>
        <dt><kbd>W</kbd> / <kbd>Shift</kbd>+<kbd>W</kbd></dt>
        <dd>Next / previous annotation without a source</dd>
        <dt><kbd>R</kbd></dt>
        <dd>Same source as the annotation before</dd>
        <dt><kbd>Alt</kbd>+<kbd>↓</kbd> / <kbd>↑</kbd>, <kbd>J</kbd> / <kbd>K</kbd></dt>
        <dd>Next / previous sentence</dd>
        <dt><kbd>Shift</kbd>+<kbd>Alt</kbd>+<kbd>↓</kbd> / <kbd>↑</kbd></dt>
        <dd>Extend the selection by a sentence</dd>
        <dt><kbd>]</kbd> / <kbd>[</kbd>, <kbd>N</kbd> / <kbd>P</kbd></dt>
        <dd>Next / previous annotation, overlapping ones included</dd>
        <dt><kbd>Enter</kbd></dt>
        <dd>Edit the selected annotation's source, note and verdict</dd>
        <dt><kbd>Del</kbd></dt>
        <dd>Delete the selected annotation</dd>
        <dt><kbd>S</kbd> / <kbd>Shift</kbd>+<kbd>S</kbd></dt>
        <dd>Suggest tags for untagged sentences / clear the suggestions</dd>
        <dt><kbd>Enter</kbd>, <kbd>X</kbd> (on a suggestion)</dt>
        <dd>Accept / reject it; a tag key accepts it with that tag</dd>
        <dt><kbd>Ctrl</kbd>+<kbd>Z</kbd> / <kbd>Ctrl</kbd>+<kbd>Y</kbd></dt>
        <dd>Undo / redo</dd>
        <dt>Alt+drag</dt>
        <dd>Select exactly, not whole sentences</dd>
      </dl>
    </details>`;
  }

  override render() {
    const state = this.editorState;
    const { selectedId, records } = getAnnotationState(state);
    const selectedRecord = selectedId ? records.get(selectedId) : undefined;
    const selected = selectedRecord ? toAnnotation(state, selectedRecord) : null;
    const readonly = this.readonly || this.formDisabled;
    return html`
      <div class="layout">
        <div
          part="toolbar"
          class="toolbar"
          role="toolbar"
          aria-label="Tagging tools"
          @mousedown=${(e: Event) => e.preventDefault()}
        >
          ${this.taxonomyValue.map(
            (tag) =>
              html`<button
                type="button"
                class="tag-button"
                data-tag=${tag.id}
                title=${tag.description ?? tag.label}
                aria-keyshortcuts=${tag.key ?? nothing}
                ?disabled=${readonly}
                @click=${() => this.run((state, dispatch) => acceptSuggestion(tag.id)(state, dispatch) || tagSelection(tag.id)(state, dispatch))}
              >
                <span class="swatch" data-tag=${tag.id}></span
                >${tag.label}${tag.key ? html` <kbd>${tag.key}</kbd>` : nothing}
              </button>`,
          )}
          <button type="button" ?disabled=${readonly || !selected} @click=${() => this.run(deleteSelectedAnnotation)}>
            Delete tag
          </button>
          <button
            type="button"
            ?disabled=${undoDepth(state) === 0}
            aria-keyshortcuts="Control+Z"
            @click=${() => this.run(undoCommand)}
          >
            Undo
          </button>
          <button
            type="button"
            ?disabled=${redoDepth(state) === 0}
            aria-keyshortcuts="Control+Y"
            @click=${() => this.run(redoCommand)}
          >
            Redo
          </button>
          <claim-transfer
            .taxonomy=${this.taxonomyValue}
            .report=${this.importReport}
            .file=${this.importedFile}
            .reviewGaps=${() => claimReviewGaps(this.exportSource())}
            ?readonly=${readonly}
            @claim-transfer-export=${(e: CustomEvent<{ format: ExportFormat }>) => this.onExport(e.detail.format)}
            @claim-transfer-import=${(e: CustomEvent<TransferImportDetail>) => void this.importFile(e.detail)}
          ></claim-transfer>
          ${readonly ? nothing : this.renderSuggestionControls()}
          <span class="spacer"></span>
          ${
            readonly
              ? nothing
              : html`<button
                  type="button"
                  class="mode"
                  aria-pressed=${this.mode === 'edit' ? 'true' : 'false'}
                  @click=${() => {
                    this.mode = this.mode === 'edit' ? 'annotate' : 'edit';
                    this.view?.focus();
                  }}
                >
                  Edit text
                </button>`
          }
          ${this.renderHelp()} ${this.renderStorageStatus()} ${this.renderStorageNotice()}
        </div>
        <div part="editor" class="editor" @dragover=${this.onDragOver}></div>
        <div part="sidebar" class="sidebar">
          <claim-details
            ?hidden=${!selected}
            .annotation=${selected}
            .taxonomy=${this.taxonomyValue}
            .verdictScale=${this.meta.verdictScale}
            ?readonly=${readonly}
            .sources=${selected ? this.sourceOptions.sources(state) : []}
            .resolveSource=${this.sourceOptions.resolve}
            @focusin=${() => this.sourceOptions.loadAliases()}
            @claim-details-change=${this.onDetailsChange}
            @claim-details-delete=${this.onDetailsDelete}
            @claim-details-done=${() => this.view?.focus()}
          ></claim-details>
          <claim-sidebar
            .list=${annotationList(state)}
            .taxonomy=${this.taxonomyValue}
            .selectedId=${selectedId}
            @claim-sidebar-select=${this.onSidebarSelect}
            .progress=${sentenceProgress(state)}
            @claim-sidebar-jump=${(e: CustomEvent<SidebarJumpDetail>) =>
              this.run(e.detail.to === 'untagged' ? moveToUntagged(1) : moveToUnsourced(1))}
          ></claim-sidebar>
        </div>
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'claim-editor': ClaimEditor;
  }
  interface GlobalEventHandlersEventMap {
    'claim-change': CustomEvent<ClaimChangeDetail>;
    'claim-save': CustomEvent<ClaimSaveDetail>;
    'claim-error': CustomEvent<ClaimErrorDetail>;
  }
}
