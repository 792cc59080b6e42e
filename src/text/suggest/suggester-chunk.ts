/**
 * What the suggester's lazily loaded chunk exports (see `lazy-suggester.ts`):
 * nothing the editor's initial module holds too, so esbuild makes no chunk
 * shared by both and the initial module stays one file.
 */
export { suggestForSentences } from './suggest-sentences.js';
export { canonicalOutlet } from './compile.js';
export { DEFAULT_LEXICON, resolveLexicon } from '../lexicon.js';
