import type { Lexicon } from '../lexicon.js';

import type { ProvenanceRole } from './provenance-roles.js';

export type { ProvenanceRole };

/** A proposed provenance role for one whole sentence of the text. */
export interface Suggestion {
  /** UTF-16 offsets into the text: the sentence as `segmentSentences` returns it. */
  start: number;
  end: number;
  role: ProvenanceRole;
  /** In [0, 1]. Reported facts that no cue decided stay at or below 0.5. */
  confidence: number;
  /**
   * Exact words of the sentence (a substring of it) that decided the role:
   * the attribution ("the agency said", "according to TASS", "said Dr. Ruiz,
   * a meteorologist"); for a role carried over from a neighbouring sentence,
   * or for a plain reported fact, the sentence's subject or opening words.
   */
  cue: string;
  /**
   * Who the sentence is attributed to, by one canonical name: an outlet by its
   * lexicon name ("KCNA", whatever alias the text uses), generic state media
   * by country ("North Korean state media"), a person by the full name of
   * their first mention in the article ("Park Ji-won" for a later "Park"),
   * else the speaker as written ("analysts", "the Defense Ministry").
   */
  source?: string;
}

export interface SuggestOptions {
  /** Extra rules, concatenated to the default lexicon's lists (or replacing it, see `replaceLexicon`). */
  lexicon?: Partial<Lexicon>;
  /** Use `lexicon` alone, with empty lists for the fields it leaves out. */
  replaceLexicon?: boolean;
  /** Passed to `segmentSentences`. */
  locale?: string;
}

/**
 * Who a sentence's attribution points at. `state`, `expert` and `other`
 * (officials, organisations, free outlets…) are definite and stop carry-over;
 * `person` (a bare name such as "Kim") and `pronoun` ("he said") are not.
 */
export type Kind = 'state' | 'expert' | 'other' | 'person' | 'pronoun';

export const PRIORITY: Record<Kind, number> = { state: 5, expert: 4, other: 3, pronoun: 2, person: 1 };

export const ROLE_OF: Record<Exclude<Kind, 'pronoun'>, ProvenanceRole> = {
  state: 'state-media',
  expert: 'analyst',
  other: 'reported',
  person: 'reported',
};

/** Confidence of each way a sentence gets its tag. */
export const CONFIDENCE = {
  /** "…, KCNA said", "according to TASS". */
  stateNamed: 0.92,
  /**
   * "state media said", "the agency said" after an outlet named in the paragraph; an outlet as the subject of any verb.
   */
  stateGeneric: 0.85,
  /** "Photos released by Pyongyang showed": material a state with state media released. */
  stateReleased: 0.8,
  /** "the agency said" with the outlet named only in an earlier paragraph. */
  stateAnaphorFar: 0.75,
  /** Lost per sentence when a state attribution is carried back to an earlier sentence. */
  backStep: 0.1,
  /** Lost per sentence when a state attribution is carried forward to a later one. */
  forwardStep: 0.2,
  /** Floor for carried-back and carried-forward sentences. */
  carryFloor: 0.5,
  /** "X, an analyst at Y, said", "analyst X said", "some experts say". */
  expert: 0.85,
  /** A bare name known as an expert from earlier in the article ("Choi said"). */
  expertKnown: 0.8,
  /** "Economists were more cautious": an expert group with an opinion marker but no verb of saying. */
  expertGroup: 0.7,
  /** Added when the sentence holds an opinion marker. */
  opinionBonus: 0.05,
  /** Officials, organisations, free outlets. */
  other: 0.7,
  /** A bare name of unknown role. */
  person: 0.55,
  /** Multiplied into an attribution inherited through "he said" or a continued quotation. */
  inherited: 0.88,
  /** "He said" with nobody earlier in the paragraph to refer to. */
  pronounAlone: 0.5,
  /** No cue at all: a plain declarative sentence. */
  plain: 0.45,
  /** No cue, but hedged ("could", "likely"). */
  plainHedged: 0.35,
} as const;
