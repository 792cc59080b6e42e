import type { ReactiveControllerHost } from 'lit';
import { withAddedTags, type Taxonomy } from '../../model/taxonomy.js';
import { getAnnotationState } from '../../editor/annotation-plugin.js';
import { AnnotationStep } from '../../editor/annotation-step.js';
import { deriveTitle } from '../../editor/article.js';
import type { ImportOptions, ImportReport } from '../../editor/import-annotations.js';
import { TextIndex } from '../../editor/text-index.js';
import { claimReviewGaps } from '../../formats/claimreview.js';
import { MAX_IMPORT_BYTES, type ExportOptions, type ExportSource } from '../../formats/format.js';
import { exportFormats, type ExportFormat } from '../../formats/registry.js';
import type { TransferImportDetail } from '../claim-transfer/claim-transfer.component.js';
import { download, slug } from '../shared/download.js';
import { dispatchClaimError } from './claim-editor-events.js';
import type { Announcer } from './announcer.js';
import type { ArticleMetaController } from './article-meta-controller.js';
import { loadImporter } from './lazy-importer.js';
import type { EditorStateController } from './editor-state-controller.js';

/** The editor element as import and export see it: its taxonomy (which an import may add tags to) and key. */
type TransferHost = ReactiveControllerHost & HTMLElement & { taxonomy: Taxonomy; documentId?: string };

/**
 * Export (`exportAs`, the export menu's downloads) and import
 * (`importAnnotations`, a chosen or dropped file) for the editor element;
 * the report of the last file imported through the UI is shown under the
 * toolbar.
 */
export class ImportExportController {
  private reportValue: ImportReport | null = null;
  private fileValue: File | null = null;

  constructor(
    private readonly host: TransferHost,
    private readonly editor: EditorStateController,
    private readonly announcer: Announcer,
    /** Resolves once a document-id set just before is switched to and its saved document loaded. */
    private readonly ready: () => Promise<void>,
    private readonly meta: ArticleMetaController,
  ) {}

  /** The report of the last file imported through the UI. */
  get report(): ImportReport | null {
    return this.reportValue;
  }

  get file(): File | null {
    return this.fileValue;
  }

  /** The article and its annotations in a file format; throws for an unknown format or option. */
  exportAs(format: ExportFormat, options?: ExportOptions): string {
    const writer = Object.hasOwn(exportFormats, format) ? exportFormats[format] : undefined;
    if (!writer)
      throw new Error(`Unknown export format ${JSON.stringify(format)}: use ${Object.keys(exportFormats).join(', ')}.`);
    if (![undefined, 'all', 'reviewed'].includes(options?.annotations))
      throw new Error(`exportAs: options.annotations is 'all' or 'reviewed', not ${String(options?.annotations)}.`);
    return writer.serialize(this.exportSource(), options);
  }

  /** What a ClaimReview export would lack (the export menu warns of it). */
  readonly reviewGaps = () => claimReviewGaps(this.exportSource());

  /** Downloads the article in `format`, named after its title. */
  download(format: ExportFormat) {
    const { fileName, mediaType } = exportFormats[format];
    download(`${slug(this.editor.title)}-${fileName}`, mediaType, this.exportAs(format));
    this.announcer.announce(`Exported ${fileName}`);
  }

  /** Imports a chosen or dropped file; the report shows under the toolbar. */
  async importFile({ file, tagMap, addTags }: TransferImportDetail) {
    this.setShown(file, this.reportValue);
    if (file.size > MAX_IMPORT_BYTES) {
      const mib = (file.size / 1048576).toFixed(1);
      this.setShown(
        file,
        this.reject([`“${file.name}” is ${mib} MiB; files up to ${MAX_IMPORT_BYTES / 1048576} MiB can be imported.`]),
      );
      return;
    }
    this.setShown(file, await this.importAnnotations(await file.text(), { tagMap, addTags }));
  }

  /** A file dropped on the article is an import, in any mode; `locked`: taken and dropped, nothing imported. */
  onDrop(event: DragEvent, locked: boolean): boolean {
    const file = event.dataTransfer?.files?.[0];
    if (!file) return false;
    event.preventDefault();
    if (!locked) void this.importFile({ file });
    return true;
  }

  /** Lets a dragged file be dropped on the article. */
  readonly onDragOver = (event: DragEvent) => {
    if (event.dataTransfer?.types.includes('Files')) {
      event.preventDefault();
      event.dataTransfer.dropEffect = 'copy';
    }
  };

  /** See `ClaimEditor.importAnnotations`. */
  async importAnnotations(
    data: string | object,
    options: ImportOptions & { addTags?: string[] } = {},
  ): Promise<ImportReport> {
    await this.ready();
    let importer: Awaited<ReturnType<typeof loadImporter>>;
    try {
      importer = await loadImporter();
    } catch (error) {
      return this.reject([`The importer could not be loaded (${String(error)}); try again.`]);
    }
    const { parseImport, planImport } = importer;
    let text: string;
    try {
      text = typeof data === 'string' ? data : JSON.stringify(data);
    } catch (error) {
      return this.reject([`The data cannot be read as JSON (${String(error)}).`]);
    }
    const parsed = parseImport(text);
    if (!parsed.ok) return this.reject(parsed.errors);
    const file = parsed.value;
    const taxonomy = withAddedTags(this.host.taxonomy, file.taxonomy, options.addTags ?? []);
    const editor = this.editor;
    const restoring = file.document !== undefined && TextIndex.of(editor.state.doc).text.trim() === '';
    // The parser built the article once it passed the schema's checks.
    const doc = restoring ? file.article : editor.state.doc;
    if (!doc) return this.reject(['document.content: the article cannot be read.']);
    const { records, report } = planImport(editor.state, doc, taxonomy, file.annotations, options);
    if (report.errors.length > 0) return this.reject(report.errors, report);
    if (taxonomy !== this.host.taxonomy) {
      this.host.taxonomy = taxonomy;
      editor.applySettings();
    }
    if (restoring) {
      this.meta.restore(file.document!.meta);
      editor.replaceArticle({ doc, records, title: file.document!.title || deriveTitle(doc) });
    } else {
      const current = getAnnotationState(editor.state).records;
      const tr = editor.state.tr;
      for (const record of records) tr.step(new AnnotationStep(record.id, current.get(record.id) ?? null, record));
      if (tr.steps.length > 0) editor.dispatch(tr);
    }
    const total = report.added + report.updated;
    this.announcer.announce(
      `Imported ${total} annotation${total === 1 ? '' : 's'}: ${report.added} added, ${report.updated} updated, ` +
        `${report.reanchored} to review, ${report.orphaned} without their text.`,
    );
    return report;
  }

  private setShown(file: File | null, report: ImportReport | null) {
    this.fileValue = file;
    this.reportValue = report;
    this.host.requestUpdate();
  }

  private reject(errors: string[], report?: ImportReport): ImportReport {
    const more = errors.length > 3 ? ` (and ${errors.length - 3} more problems)` : '';
    const message = `Import rejected, nothing was changed: ${errors.slice(0, 3).join(' ')}${more}`;
    this.announcer.announce(message);
    dispatchClaimError(this.host, { kind: 'import-rejected', message });
    return report ?? { added: 0, updated: 0, reanchored: 0, orphaned: 0, errors };
  }

  private exportSource(): ExportSource {
    const doc = this.editor.state.doc;
    const documentId = this.host.documentId;
    return {
      document: {
        ...(documentId ? { id: documentId } : {}),
        title: this.editor.title,
        text: TextIndex.of(doc).text,
        content: doc.toJSON(),
        ...(this.meta.forExport() ? { meta: this.meta.forExport() } : {}),
      },
      taxonomy: this.host.taxonomy,
      reviewer: this.meta.reviewer,
      reviewUrl: this.meta.reviewUrl,
      verdictScale: this.meta.verdictScale,
      annotations: this.editor.annotations,
      generated: new Date().toISOString(),
    };
  }
}
