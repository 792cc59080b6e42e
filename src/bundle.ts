/**
 * The entry of `dist/claim-editor.js`: registers the custom elements and
 * exports what `src/index.ts` does, except that the suggester is a chunk of
 * its own, loaded on first use: here `suggestProvenance` and
 * `canonicalOutlet` return Promises of the same results, and the built-in
 * lexicon comes from `loadDefaultLexicon()`.
 */
import './register.js';

export * from './api.js';
export { suggestProvenance, canonicalOutlet, loadDefaultLexicon } from './text/lazy-suggester.js';
