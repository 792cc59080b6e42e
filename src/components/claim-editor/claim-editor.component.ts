import { html, type PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import type { Annotation, AnnotationInput, AnnotationPatch } from '../../model/annotation.js';
import { DEFAULT_TAXONOMY, findTag, validateTaxonomy, type Taxonomy } from '../../model/taxonomy.js';
import { getAnnotationState } from '../../editor/annotation-plugin.js';
import { articleFromText, deriveTitle, emptyArticle, parseArticleHTML } from '../../editor/article.js';
import type { ImportOptions, ImportReport } from '../../editor/import-annotations.js';
import type { ExportOptions } from '../../formats/format.js';
import type { ExportFormat } from '../../formats/registry.js';
import type { EditorMode } from '../../editor/settings-and-text-lock.js';
import type { Lexicon } from '../../text/lexicon.js';
import { lazySuggester } from './lazy-suggester.js';
import { DEFAULT_SUGGESTION_TAG_MAP, type SuggestionTagMap } from '../../editor/suggestion-tag-map.js';
import { TextIndex } from '../../editor/text-index.js';
import { DEFAULT_DB_NAME } from '../../storage/claim-store.js';
import { Announcer } from './announcer.js';
import { ArticleMetaController } from './article-meta-controller.js';
import { ArticleMetaElement } from './article-meta-element.js';
import { EditorStateController } from './editor-state-controller.js';
import { FormController } from './form-controller.js';
import { ImportExportController } from './import-export-controller.js';
import { PersistenceController } from './persistence-controller.js';
import { SyncController } from './sync-controller.js';
import { StorageStatusView } from './storage-status.js';
import { SuggestionToolbar } from './suggestion-toolbar.js';
import { renderSidebarPane } from './sidebar-pane.js';
import { SentenceProgressController } from './sentence-progress-controller.js';
import { renderToolbar } from './toolbar.js';
import { SourceOptionsController } from './source-options-controller.js';
import { ToolbarStickController } from './toolbar-stick-controller.js';
import { ToolbarFitController } from './toolbar-fit-controller.js';
import { DetailsPopoverController } from './details-popover-controller.js';
import { renderDetailsForm } from './details-form.js';
import { AdoptedSheetsController } from '../shared/adopted-sheets-controller.js';
import { guardDocument } from '../shared/document-guard.js';
import { prosemirrorStyles } from '../shared/prosemirror.styles.js';
import { sharedStyles } from '../shared/shared.styles.js';
import { markStyles } from '../shared/mark.styles.js';
import { taxonomySheet } from '../shared/taxonomy-styles.js';
import { editorStyles } from './claim-editor.styles.js';
import type { ArticleInput } from '../../editor/article.js';

export type { ChangeReason, ClaimChangeDetail, ClaimErrorDetail, ClaimSaveDetail } from './claim-editor-events.js';
export type { ClaimSyncDetail } from '../../sync/sync-state.js';
export type { ArticleInput } from '../../editor/article.js';

/** The properties the editor state's settings are made from. */
const SETTINGS_PROPERTIES = [
  'mode',
  'readonly',
  'formDisabled',
  'annotator',
  'suggestionLexicon',
  'suggestionTagMap',
  'taxonomy',
];

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
 * @event {CustomEvent} claim-change - After any change to the annotations; detail `{annotations, reason}`.
 * @event claim-save - After a change is durably stored in IndexedDB; detail `{documentId}`.
 * @event {CustomEvent} claim-error - Storage unavailable, blocked, full or failing (the editor keeps working and
 *   retries); detail `{kind, message}`.
 * @event {CustomEvent} claim-sync - Only with `sync-url`: the team sync connection changed; detail
 *   `{state, peers, names}`, `state` one of `connecting`, `connected`, `offline`, `unauthorized`.
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
export class ClaimEditor extends ArticleMetaElement {
  static override styles = [sharedStyles, prosemirrorStyles, markStyles, editorStyles];

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

  /** A Hocuspocus (Yjs) server's WebSocket URL: turns team sync on for `document-id`; absent, nothing leaves. */
  @property({ attribute: 'sync-url' }) syncUrl?: string;

  /** The token the sync server checks (issued by the CMS with `createSyncToken`). */
  @property({ attribute: false }) syncToken?: string;

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

  /** As a form field: invalid until at least one sentence is tagged. */
  @property({ type: Boolean, reflect: true }) required = false;

  /** Disabled by a `<fieldset disabled>` around it: nothing can be changed, nothing is submitted. */
  @state() private formDisabled = false;

  @query('.editor') private editorHost!: HTMLElement;
  private readonly detailsPopover = new DetailsPopoverController(this, () => this.editor.view?.focus());

  private taxonomyValue: Taxonomy = DEFAULT_TAXONOMY;
  private readonly announcer = new Announcer(this);
  private readonly storageStatus = new StorageStatusView(this, () => this.persistence.retryNow());
  private readonly editor = new EditorStateController(this, {
    settings: () => this.settings(),
    announce: (message) => this.announcer.announce(message),
    changed: (ids, documentChanged, before) => {
      this.persistence.changed(ids, documentChanged, before);
      this.sync.changed(ids, documentChanged);
    },
    replaced: (previousIds) => [this.persistence, this.sync].forEach((next) => next.replaced(previousIds)),
    valueChanged: () => this.formField.schedule(),
    restoreMeta: (meta) => this.meta.restore(meta),
  });
  private readonly persistence = new PersistenceController(this, {
    documentId: () => this.documentId || undefined,
    dbName: () => this.dbName || DEFAULT_DB_NAME,
    documentTitle: () => this.editor.title,
    documentMeta: () => this.meta.forExport(),
    editorState: () => this.editor.state,
    restore: (saved) => this.editor.restore(saved),
    applyRemote: (annotations, removedIds) => this.editor.applyRemote(annotations, removedIds),
    takeInitialArticle: () => this.editor.takeInitialArticle(),
    showStorageStatus: (status) => this.storageStatus.show(status),
    showStorageNotice: (message) => this.storageStatus.showNotice(message),
  });
  private readonly sync: SyncController = new SyncController(this, this.editor, {
    notice: (message) => this.storageStatus.showNotice(message),
    syncUpdates: () => this.persistence.syncUpdates(),
  });
  protected readonly meta: ArticleMetaController = new ArticleMetaController(this, {
    title: () => this.editor.title,
    setTitle: (title) => {
      this.editor.title = title;
      this.requestUpdate();
    },
    changed: () => this.persistence.changed([], true),
  });
  private readonly transfer = new ImportExportController(
    this,
    this.editor,
    this.announcer,
    () => this.ready(),
    this.meta,
  );
  private readonly suggestions = new SuggestionToolbar(this, this.editor);

  protected readonly formField = new FormController(this, this.attachInternals(), {
    value: () => this.exportAs('json'),
    annotationCount: () => getAnnotationState(this.editor.state).records.size,
    reset: () => this.editor.resetToLoaded(),
    restore: (value) => {
      if (getAnnotationState(this.editor.state).records.size === 0) void this.importAnnotations(value);
    },
    setDisabled: (disabled) => (this.formDisabled = disabled),
    anchor: () => this.editor.view?.dom,
  });
  private readonly progress = new SentenceProgressController(this, () => this.editor.state);
  private readonly sourceOptions = new SourceOptionsController(this, {
    documentId: () => this.documentId || undefined,
    dbName: () => this.dbName || DEFAULT_DB_NAME,
    lexicon: () => this.suggestionLexicon,
  });

  constructor() {
    super();
    new AdoptedSheetsController(this, () => [taxonomySheet(this.taxonomyValue)]);
    new ToolbarStickController(this, () => this.renderRoot.querySelector<HTMLElement>('.toolbar'));
    new ToolbarFitController(this, () => this.renderRoot.querySelector<HTMLElement>('.toolbar'));
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
    return this.editor.annotations;
  }

  /** The article as plain text, blocks joined by "\n"; annotation offsets point into it. */
  get text(): string {
    return TextIndex.of(this.editor.state.doc).text;
  }

  /** The article's title: as given to `loadArticle`, else its first heading or first line. */
  get documentTitle(): string {
    return this.editor.title;
  }

  /**
   * Replaces the article (HTML is sanitised through the article schema) and
   * drops the previous article's annotations and undo history.
   */
  async loadArticle({ html, text, title }: ArticleInput = {}): Promise<void> {
    if (html !== undefined && typeof html !== 'string') throw new Error('loadArticle: html must be a string.');
    if (text !== undefined && typeof text !== 'string') throw new Error('loadArticle: text must be a string.');
    await this.ready();
    const doc =
      html !== undefined ? parseArticleHTML(html) : text !== undefined ? articleFromText(text) : emptyArticle();
    this.editor.replaceArticle({ doc, title: title?.trim() || deriveTitle(doc) });
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
    return this.transfer.exportAs(format, options);
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
    return this.transfer.importAnnotations(data, options);
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
    return this.editor.addAnnotation(input);
  }

  /** Changes an annotation's tag, source, note or verdict. Throws for an unknown id or tag. */
  updateAnnotation(id: string, patch: AnnotationPatch): Annotation {
    if (patch?.tag !== undefined && !findTag(this.taxonomyValue, patch.tag)) {
      throw new Error(
        `Unknown tag ${JSON.stringify(patch.tag)}: the taxonomy has ${this.taxonomyValue.map((t) => t.id).join(', ')}.`,
      );
    }
    return this.editor.updateAnnotation(id, patch ?? {});
  }

  /** Removes an annotation. Throws for an unknown id. */
  removeAnnotation(id: string): void {
    this.editor.removeAnnotation(id);
  }

  private settings() {
    const mode: EditorMode =
      this.readonly || this.formDisabled ? 'readonly' : this.mode === 'edit' ? 'edit' : 'annotate';
    const lexicon = this.suggestionLexicon;
    return {
      mode,
      taxonomy: this.taxonomyValue ?? DEFAULT_TAXONOMY,
      annotator: this.annotator || undefined,
      suggest: lazySuggester(lexicon, (message) => this.announcer.announce(message)),
      suggestionTagMap: this.suggestionTagMap,
      openDetails: () => void this.detailsPopover.open(),
    };
  }

  /** A document-id set just before is switched to first, or an article would land in the previous document. */
  private async ready() {
    await this.updateComplete;
    await this.persistence.ready();
  }

  override connectedCallback() {
    // An article added after the editor loaded may name elements after document methods that rendering uses.
    guardDocument(this);
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues<this>) {
    const has = (key: string) => changed.has(key as keyof ClaimEditor);
    if (!SETTINGS_PROPERTIES.some(has)) return;
    const applied = this.editor.syncSettings(has('suggestionLexicon') || has('suggestionTagMap'));
    if (applied && has('mode') && this.hasUpdated)
      this.announcer.announce(
        applied.mode === 'edit' ? 'Edit mode: the text can be changed' : 'Annotate mode: the text is fixed',
      );
  }

  protected override firstUpdated() {
    this.editor.startWithLightDom();
    this.editor.createView(this.editorHost, (event) => this.transfer.onDrop(event, this.readonly || this.formDisabled));
  }

  protected override updated(changed: PropertyValues<this>) {
    if (changed.has('documentId') || changed.has('dbName')) this.persistence.open();
  }

  override render() {
    const editor = this.editor;
    const selected = editor.selectedAnnotation();
    const readonly = this.readonly || this.formDisabled;
    const details = renderDetailsForm(editor, this.taxonomyValue, readonly, selected, this.meta, this.sourceOptions);
    return html`
      <div class="layout">
        ${renderToolbar({
          editor,
          suggestions: this.suggestions,
          taxonomy: this.taxonomyValue,
          suggestionTagMap: this.suggestionTagMap,
          readonly,
          selected: !!selected,
          editMode: this.mode === 'edit',
          toggleMode: () => (this.mode = this.mode === 'edit' ? 'annotate' : 'edit'),
          storage: this.storageStatus.render(!!this.documentId),
          sync: this.sync.render(),
        })}
        <div part="editor" class="editor" @dragover=${this.transfer.onDragOver}></div>
        ${renderSidebarPane(editor, this.taxonomyValue, details, this.transfer, readonly, this.progress.progress(editor.state))}
        ${this.detailsPopover.render(details, !!selected)} ${this.announcer.render()}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'claim-editor': ClaimEditor;
  }
}
