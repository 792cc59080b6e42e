import { segmentSentences } from '../sentences.js';
import type { Suggestion, SuggestOptions } from './roles.js';
import { suggestForSentences } from './suggest-sentences.js';

export { DEFAULT_LEXICON } from '../lexicon.js';
export type { Lexicon, Outlet, StateCountry } from '../lexicon.js';
export { canonicalOutlet } from './compile.js';
export { PROVENANCE_ROLES, type ProvenanceRole } from './provenance-roles.js';
export type { Suggestion, SuggestOptions } from './roles.js';

/**
 * Suggests a provenance role for each sentence of `text` it has an opinion on.
 *
 * Sentences come from `segmentSentences(text, locale)`; a paragraph is a line
 * (text between "\n"). Each sentence is first read on its own, with quoted
 * words blanked out, for an attribution: an outlet as subject of a verb
 * ("KCNA said", "RT … dismissed", "state media introduced"), after a
 * preposition ("according to TASS", "carried by KCNA", "told the Global
 * Times"), or the speaker of a verb of saying, before it ("the Commerce
 * Ministry said", "X, an analyst at Y, said"), inverted after it ("…," said
 * Dr. Ruiz, a meteorologist) or after "according to". A speaker is
 * classified, in this order, as a named outlet (state or free), a generic
 * state-media cue ("state media"), an outlet anaphor ("the agency": the last
 * outlet named in the paragraph, else in the article), a pronoun, an expert
 * (role, institute, "former ambassador", or a name introduced earlier in the
 * article with such a role), an official (reported fact), or a bare name. An
 * outlet inside a speaker's role or relative clause ("Prof. Varga, who
 * studies official media") is the speaker's field, not the speaker. Material
 * released by a state with state media ("photos released by Pyongyang") is
 * state media. An expert as subject of a verb of judgement ("Several analysts
 * read…"), a sentence-initial expert group with an opinion marker
 * ("Economists … were more cautious"), or an expert known by name with one
 * ("Choi is sceptical") is an expert too. State media beats expert beats
 * official when a sentence has several.
 *
 * Then, within the paragraph: "he said"/"it said"/"others argue" take the
 * previous attributed sentence's source; a sentence wholly inside quotation
 * marks continues the previous one, and one that opens a quotation closed
 * later takes the later one's; an unattributed sentence next to a
 * state-media one (before or after) whose subject continues — a pronoun, the
 * same name, or (after it) a title such as "The leader" — is state media
 * too, with lower confidence, stopping at any sentence with its own state,
 * expert or official attribution.
 *
 * Everything else that reads as a statement is a reported fact with
 * confidence ≤ 0.5. Headlines and datelines (a one-sentence line without
 * final punctuation of at most 20 words, or in capitals) and unattributed
 * questions get nothing; a heading also starts a new article (forgets the
 * outlets, countries and names seen so far). Sources are canonical (see
 * `Suggestion.source`). Suggestions follow sentence order and never overlap.
 */
export function suggestProvenance(text: string, options: SuggestOptions = {}): Suggestion[] {
  return suggestForSentences(text, segmentSentences(text, options.locale), options);
}
