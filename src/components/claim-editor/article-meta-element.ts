import { property } from 'lit/decorators.js';
import type { ArticleMeta, Reviewer } from '../../model/article-meta.js';
import type { VerdictScale } from '../../model/verdict-scale.js';
import type { ArticleMetaController } from './article-meta-controller.js';
import { FormFieldElement } from './form-field-element.js';

/**
 * The editor element's article and fact-check metadata properties, each
 * checked and kept by the subclass's {@link ArticleMetaController}.
 */
export abstract class ArticleMetaElement extends FormFieldElement {
  protected abstract readonly meta: ArticleMetaController;

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
}
