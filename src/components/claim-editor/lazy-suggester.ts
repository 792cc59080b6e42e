import type { Suggester } from '../../editor/settings-and-text-lock.js';
import type { Lexicon } from '../../text/lexicon.js';
import { loadSuggester, suggesterIfLoaded } from '../../text/lazy-suggester.js';
import { segmentSentences } from '../../text/sentences.js';

/**
 * The editor's Suggest action with `lexicon` merged in: the suggester chunk
 * is loaded on first use (the answer is then a Promise) and answers
 * synchronously after. A failed load shows no suggestions and is told
 * through `onError`; the next Suggest tries again.
 */
export function lazySuggester(lexicon: Partial<Lexicon> | undefined, onError: (message: string) => void): Suggester {
  const options = lexicon ? { lexicon } : {};
  return (text) => {
    const suggest = ({ suggestForSentences }: NonNullable<ReturnType<typeof suggesterIfLoaded>>) =>
      suggestForSentences(text, segmentSentences(text), options);
    const loaded = suggesterIfLoaded();
    if (loaded) return suggest(loaded);
    return loadSuggester().then(suggest, (error: unknown) => {
      onError(`The suggestions could not be loaded (${String(error)}); try again.`);
      return [];
    });
  };
}
