import type { Lexicon } from './lexicon.js';
import { segmentSentences } from './sentences.js';
import type { Suggestion, SuggestOptions } from './suggest/roles.js';

type SuggesterModule = typeof import('./suggest/suggester-chunk.js');

let loading: Promise<SuggesterModule> | undefined;
let loaded: SuggesterModule | undefined;

/**
 * Loads the provenance suggester and its lexicon, a chunk of its own in
 * `dist/` (fetched relative to the module that asks for it), once; a failed
 * load is forgotten, so the next call tries again.
 */
export function loadSuggester(): Promise<SuggesterModule> {
  loading ??= import('./suggest/suggester-chunk.js').then(
    (module) => (loaded = module),
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** The suggester once `loadSuggester` has loaded it, else `undefined`: a caller answers synchronously if it can. */
export function suggesterIfLoaded(): SuggesterModule | undefined {
  return loaded;
}

/** `suggestProvenance` of the suggester chunk: the same result, once the chunk is loaded. */
export async function suggestProvenance(text: string, options?: SuggestOptions): Promise<Suggestion[]> {
  const { suggestForSentences } = await loadSuggester();
  return suggestForSentences(text, segmentSentences(text, options?.locale), options);
}

/** `canonicalOutlet` of the suggester chunk: the same answer, once the chunk is loaded. */
export async function canonicalOutlet(
  text: string,
  options?: Pick<SuggestOptions, 'lexicon' | 'replaceLexicon'>,
): Promise<string | undefined> {
  return (await loadSuggester()).canonicalOutlet(text, options);
}

/** The built-in lexicon, once the suggester chunk is loaded. */
export async function loadDefaultLexicon(): Promise<Lexicon> {
  return (await loadSuggester()).DEFAULT_LEXICON;
}
