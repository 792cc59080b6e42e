/** The typed sources' public exports, for bundler users: the suggester is synchronous here. */
export * from './api.js';
export { suggestProvenance, canonicalOutlet, DEFAULT_LEXICON } from './text/suggest/suggest-provenance.js';
// Types only: the element is registered by its own module (`claim-provenance-editor/reader`), so the editor's bundle
// does not carry the reader.
export type { ClaimArticle, ClaimArticleLoadDetail } from './components/claim-article/claim-article.component.js';
