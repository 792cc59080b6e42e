/** The public exports that `src/index.ts` and `dist/claim-editor.js` share: all but the suggester's functions. */
export { ClaimEditor } from './components/claim-editor/claim-editor.component.js';
export type {
  ArticleInput,
  ChangeReason,
  ClaimChangeDetail,
  ClaimErrorDetail,
  ClaimSaveDetail,
} from './components/claim-editor/claim-editor.component.js';
export { ClaimSidebar } from './components/claim-sidebar/claim-sidebar.component.js';
export { ClaimDetails } from './components/claim-details/claim-details.component.js';
export { ClaimTransfer } from './components/claim-transfer/claim-transfer.component.js';
export { segmentSentences, sentenceAt, type SentenceRange } from './text/sentences.js';
export { articleSchema } from './editor/schema.js';
export { DEFAULT_TAXONOMY, validateTaxonomy, type Tag, type Taxonomy } from './model/taxonomy.js';
export type { Annotation, AnnotationInput, AnnotationPatch, AnnotationStatus } from './model/annotation.js';
export {
  listDocuments,
  deleteDocument,
  DEFAULT_DB_NAME,
  StorageError,
  type StorageErrorKind,
} from './storage/claim-store.js';
export type { ImportReport, ImportOptions } from './editor/import-annotations.js';
export type { ExportFormat } from './formats/registry.js';
export type { Lexicon } from './text/lexicon.js';
export { PROVENANCE_ROLES, type ProvenanceRole } from './text/suggest/provenance-roles.js';
export type { Suggestion, SuggestOptions } from './text/suggest/roles.js';
export { DEFAULT_SUGGESTION_TAG_MAP, type SuggestionTagMap } from './editor/suggestion-tag-map.js';
export {
  validateArticleMeta,
  validateReviewer,
  MetadataError,
  type ArticleMeta,
  type Reviewer,
} from './model/article-meta.js';
export { DEFAULT_VERDICT_SCALE, type VerdictLevel, type VerdictScale } from './model/verdict-scale.js';
export { claimReviewGaps, type ClaimReviewGap, type ClaimReviewMissing } from './formats/claimreview.js';
export { checkClaimReviewDocument, type ClaimReview } from './formats/claimreview-schema.js';
