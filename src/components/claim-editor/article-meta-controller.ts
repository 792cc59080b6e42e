import type { ReactiveControllerHost } from 'lit';
import {
  MetadataError,
  readUrl,
  validateArticleMeta,
  validateReviewer,
  type ArticleMeta,
  type Reviewer,
} from '../../model/article-meta.js';
import { DEFAULT_VERDICT_SCALE, validateVerdictScale, type VerdictScale } from '../../model/verdict-scale.js';

/** What the controller needs from the editor element: its title, and a way to have the document saved. */
export interface ArticleMetaBridge {
  /** The document's title (`articleMeta.title`). */
  title(): string;
  setTitle(title: string): void;
  /** The metadata changed: the document is saved again. */
  changed(): void;
}

/**
 * The article's identity and the fact-check's publisher, as `<claim-editor>`
 * exposes them: `articleMeta` (saved with the document; its title is the
 * document's title), `article-url` (the same as `articleMeta.url`),
 * `reviewer`, `review-url` and `verdictScale`. Values are checked when set:
 * a property set to a bad value throws a {@link MetadataError}; an attribute
 * set to one is refused with a `claim-error` (kind `metadata-rejected`).
 * Either way the previous value stays and nothing is saved. It needs no
 * lifecycle: it only holds values and asks the host to render.
 */
export class ArticleMetaController {
  private meta: ArticleMeta = {};
  private reviewerValue?: Reviewer;
  private reviewUrlValue?: string;
  private scale: VerdictScale = DEFAULT_VERDICT_SCALE;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly bridge: ArticleMetaBridge,
  ) {}

  /** The metadata with the document's current title. */
  get articleMeta(): ArticleMeta {
    const title = this.bridge.title();
    return { ...this.meta, ...(title ? { title } : {}) };
  }

  /** Replaces the metadata (a missing title keeps the document's title); throws on a bad value. */
  set articleMeta(value: ArticleMeta | undefined) {
    const checked = validateArticleMeta(value);
    const { title, ...rest } = checked;
    this.meta = rest;
    if (title !== undefined) this.bridge.setTitle(title);
    this.changed();
  }

  get articleUrl(): string | undefined {
    return this.meta.url;
  }

  /** From the `article-url` attribute or property: refused with a `claim-error` unless http(s). */
  set articleUrl(value: string | null | undefined) {
    const url = this.readAttributeUrl(value, 'article-url');
    if (url === null || url === this.meta.url) return;
    const { url: _previous, ...rest } = this.meta;
    this.meta = url === undefined ? rest : { ...rest, url };
    this.changed();
  }

  get reviewUrl(): string | undefined {
    return this.reviewUrlValue;
  }

  set reviewUrl(value: string | null | undefined) {
    const url = this.readAttributeUrl(value, 'review-url');
    if (url === null) return;
    this.reviewUrlValue = url;
    this.host.requestUpdate();
  }

  get reviewer(): Reviewer | undefined {
    return this.reviewerValue && { ...this.reviewerValue };
  }

  set reviewer(value: Reviewer | undefined) {
    this.reviewerValue = validateReviewer(value);
    this.host.requestUpdate();
  }

  get verdictScale(): VerdictScale {
    return this.scale;
  }

  set verdictScale(value: VerdictScale) {
    this.scale = validateVerdictScale(value);
    this.host.requestUpdate();
  }

  /** Puts saved metadata back (a load or an import); not saved again, the title is the document's own. */
  restore(saved: ArticleMeta | undefined) {
    try {
      const { title: _title, ...rest } = validateArticleMeta(saved);
      this.meta = rest;
    } catch {
      // Saved by an older or foreign writer: the article still loads, without the unreadable metadata.
      this.meta = {};
    }
    this.host.requestUpdate();
  }

  /** The metadata to save or export: only what is known, with the document's title. */
  forExport(): ArticleMeta | undefined {
    const meta = this.articleMeta;
    return Object.keys(meta).length > 0 ? meta : undefined;
  }

  private changed() {
    this.bridge.changed();
    this.host.requestUpdate();
  }

  /** The URL, undefined when cleared, or null when refused (and reported). */
  private readAttributeUrl(value: string | null | undefined, name: string): string | undefined | null {
    try {
      return readUrl(value, name);
    } catch (error) {
      const message = `${(error as MetadataError).message} It was not saved.`;
      this.host.dispatchEvent(
        new CustomEvent('claim-error', {
          detail: { kind: 'metadata-rejected', message },
          bubbles: true,
          composed: true,
        }),
      );
      return null;
    }
  }
}
