/** The typed sources' public exports, for bundler users: the suggester is synchronous here. */
export * from './api.js';
export { suggestProvenance, canonicalOutlet, DEFAULT_LEXICON } from './text/suggest/suggest-provenance.js';
