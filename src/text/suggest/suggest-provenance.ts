import { segmentSentences, type SentenceRange } from '../sentences.js';
import { resolveLexicon, type Lexicon, type StateCountry } from '../lexicon.js';

export { DEFAULT_LEXICON } from '../lexicon.js';
export type { Lexicon, Outlet, StateCountry } from '../lexicon.js';

/**
 * What a suggestion says about a sentence: relayed from state media, the
 * opinion of an analyst or expert, or reported by the outlet itself. The
 * editor maps each role to a tag of its taxonomy.
 */
export type ProvenanceRole = 'state-media' | 'analyst' | 'reported';

export const PROVENANCE_ROLES: readonly ProvenanceRole[] = ['state-media', 'analyst', 'reported'];

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
type Kind = 'state' | 'expert' | 'other' | 'person' | 'pronoun';

const PRIORITY: Record<Kind, number> = { state: 5, expert: 4, other: 3, pronoun: 2, person: 1 };

const ROLE_OF: Record<Exclude<Kind, 'pronoun'>, ProvenanceRole> = {
  state: 'state-media',
  expert: 'analyst',
  other: 'reported',
  person: 'reported',
};

/** Confidence of each way a sentence gets its tag. */
const CONFIDENCE = {
  /** "…, KCNA said", "according to TASS". */
  stateNamed: 0.92,
  /** "state media said", "the agency said" after an outlet named in the paragraph; an outlet as the subject of any verb. */
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

// ---------------------------------------------------------------------------
// Compiling a lexicon into regular expressions, once per lexicon.

interface OutletRef {
  name: string;
  state: boolean;
  country?: StateCountry;
}

interface Compiled {
  /** Outlet names and generic state-media cues (global). */
  mentions: RegExp;
  /** Alias (normalised) → outlet. */
  outlets: Map<string, OutletRef>;
  /** Alias (normalised, lower-case) → outlet; null where two outlets share it. */
  outletsFolded: Map<string, OutletRef | null>;
  /** Outlet or cue as the subject of a verb: "KCNA said", "RT, the …, dismissed" (global). */
  outletVerb: RegExp;
  /** Preposition before an outlet or cue: "according to TASS" (global). */
  prepOutlet: RegExp;
  /** Verbs of saying and "according to" (global). */
  verbs: RegExp;
  /** Any outlet name. */
  outlet: RegExp;
  /** Generic state-media cue. */
  stateCue: RegExp;
  expert: RegExp;
  /** `expert`, matching only where `lastIndex` points: "think" in "think tank" is no verb. */
  expertAt: RegExp;
  official: RegExp;
  /** Whole-phrase anaphor ("the agency"). */
  anaphor: RegExp;
  opinion: RegExp;
  /** Sentence-initial plural experts: "Some economists", "Analysts". */
  groupSubject: RegExp;
  /** Lower-case words that can end a speaker's noun phrase ("ministry", "analysts", "agency"). */
  heads: Set<string>;
  pronouns: Set<string>;
  /** Verbs of judgement: an expert subject makes an opinion (global). */
  opinionVerbs: RegExp;
  /** "Photos released by ": the agent follows (global). */
  released: RegExp;
  /** A state-media country's name, adjective or alias, with an optional "'s". */
  country: RegExp;
  /** Alias, name or adjective (normalised) → country. */
  countries: Map<string, StateCountry>;
  /** A country right before a cue: "North Korea's official" + "state media". */
  countryBefore: RegExp;
  /** A subject that names an actor by title: "The leader", "the Chinese president". */
  actorTitle: RegExp;
  /** Words that may surround an outlet's name in a mention of it: "the", "North Korea's official", "news agency". */
  outletFiller: RegExp;
  /** Any word of an expert role or organisation, or a relative pronoun: the words before it describe a speaker, not an outlet. */
  roleOrClause: RegExp;
}

const B0 = '(?<![\\p{L}\\p{N}])';
const B1 = '(?![\\p{L}\\p{N}])';
const NEVER = '(?!)';

function escapeChar(ch: string): string {
  if (ch === "'" || ch === '’') return "['’]";
  return /[.*+?^${}()|[\]\\/]/.test(ch) ? `\\${ch}` : ch;
}

/** One phrase as a pattern: words joined by \s+, letters in either case unless `exact`. */
function phrase(text: string, exact: boolean): string {
  return text
    .trim()
    .split(/\s+/)
    .map((word) => {
      let out = '';
      for (const ch of word) {
        const lower = ch.toLowerCase();
        const upper = ch.toUpperCase();
        out += !exact && lower !== upper && lower.length === 1 && upper.length === 1 ? `[${lower}${upper}]` : escapeChar(ch);
      }
      return out;
    })
    .join('\\s+');
}

/** Alternation of phrases, longest first so "state media" wins over "state". */
function anyOf(phrases: readonly string[], exact: boolean): string {
  const unique = [...new Set(phrases.map((p) => p.trim()).filter((p) => p !== ''))].sort((a, b) => b.length - a.length);
  return unique.length === 0 ? NEVER : `(?:${unique.map((p) => phrase(p, exact)).join('|')})`;
}

function outletKey(text: string): string {
  return text.replace(/’/g, "'").replace(/\s+/g, ' ');
}

const PREPOSITIONS = new Set(['at', 'of', 'for', 'with', 'from', 'in', 'on', 'by']);
/** Speaker heads the lexicon need not list: they give an attribution of kind `other`. */
const GENERIC_HEADS = ['source', 'sources', 'witnesses', 'residents', 'company', 'group', 'monitor'];
const QUANTIFIERS = ['some', 'many', 'most', 'several', 'other', 'few', 'independent', 'foreign', 'western', 'leading', 'outside'];

function compile(lexicon: Lexicon): Compiled {
  const countries = new Map<string, StateCountry>();
  const countryNames: string[] = [];
  for (const country of lexicon.stateCountries) {
    for (const alias of [country.name, country.adjective, ...country.aliases]) {
      countries.set(outletKey(alias), country);
      countryNames.push(alias);
    }
  }
  const outlets = new Map<string, OutletRef>();
  const aliases: string[] = [];
  const register = (list: Lexicon['stateOutlets'], state: boolean) => {
    for (const { name, aliases: more, country } of list) {
      const home = country === undefined ? undefined : countries.get(outletKey(country));
      for (const alias of [name, ...more]) {
        outlets.set(outletKey(alias), { name, state, ...(state && home ? { country: home } : {}) });
        aliases.push(alias);
      }
    }
  };
  register(lexicon.otherOutlets, false);
  register(lexicon.stateOutlets, true);
  const outletsFolded = new Map<string, OutletRef | null>();
  for (const [alias, outlet] of outlets) {
    const folded = alias.toLowerCase();
    const known = outletsFolded.get(folded);
    outletsFolded.set(folded, known === undefined || known?.name === outlet.name ? outlet : null);
  }

  const outlet = anyOf(aliases, true);
  const mediaNoun = anyOf(lexicon.mediaNouns, false);
  const stateCue = `(?:${anyOf(lexicon.stateMediaCues, false)}|${anyOf(lexicon.stateAdjectives, false)}\\s+(?:\\p{Lu}[\\p{L}'’-]*\\s+){0,3}?${mediaNoun})`;
  const who = `(?<who>${outlet}|${stateCue})${B1}`;
  const anaphor = anyOf(lexicon.outletAnaphors, false);
  const adverb = `(?:also|later|earlier|then|previously|again|separately|repeatedly|\\p{Ll}+ly)`;
  const verbs = anyOf([...lexicon.attributionVerbs, ...lexicon.mediaVerbs], true);
  const roles = anyOf(lexicon.expertRoles, false);
  const heads = new Set<string>(GENERIC_HEADS);
  for (const role of [...lexicon.expertRoles, ...lexicon.officialRoles, ...lexicon.mediaNouns, ...lexicon.outletAnaphors]) {
    const words = role.toLowerCase().trim().split(/\s+/).filter((w) => !PREPOSITIONS.has(w));
    const last = words[words.length - 1];
    if (last) for (const form of [last, `${last}s`, `${last}es`]) heads.add(form);
  }
  return {
    mentions: new RegExp(`${B0}(?:${outlet}|${stateCue})${B1}`, 'gu'),
    outlets,
    outletsFolded,
    outletVerb: new RegExp(
      `${B0}(?:${who}|(?<anaphor>${anaphor})${B1})(?:\\s+${mediaNoun}${B1})?(?:\\s*,[^,;:"“”«»]{1,90},)?\\s+(?:${adverb}\\s+){0,2}${verbs}${B1}`,
      'dgu',
    ),
    prepOutlet: new RegExp(
      `${B0}${anyOf(lexicon.attributionPrepositions, false)}\\s+(?:(?![Tt]hat${B1})[\\p{L}\\p{N}'’-]+\\s+){0,4}?${who}`,
      'dgu',
    ),
    verbs: new RegExp(`${B0}(?:[Aa]ccording\\s+to|${anyOf(lexicon.attributionVerbs, true)})${B1}`, 'gu'),
    outlet: new RegExp(`${B0}${outlet}${B1}`, 'u'),
    stateCue: new RegExp(`${B0}${stateCue}${B1}`, 'u'),
    expert: new RegExp(
      `${B0}(?:${roles}(?:s|es)?|${anyOf(lexicon.expertOrganisations, false)}|[Ff]ormer\\s+(?:[\\p{L}'’-]+\\s+){0,3}?${anyOf(lexicon.formerRoles, false)}s?)${B1}`,
      'u',
    ),
    expertAt: new RegExp(`${B0}(?:${roles}(?:s|es)?|${anyOf(lexicon.expertOrganisations, false)})${B1}`, 'uy'),
    official: new RegExp(`${B0}${anyOf(lexicon.officialRoles, false)}${B1}`, 'u'),
    anaphor: new RegExp(`^${anaphor}$`, 'u'),
    opinion: new RegExp(`${B0}${anyOf(lexicon.opinionMarkers, true)}${B1}`, 'u'),
    groupSubject: new RegExp(
      `^[\\s"“”'‘’«»(]*(?<group>(?:${anyOf(QUANTIFIERS, false)}\\s+){0,2}(?:\\p{L}[\\p{L}-]*\\s+)?${roles}(?:s|es))${B1}`,
      'u',
    ),
    heads,
    pronouns: new Set(lexicon.speakerPronouns.map((p) => p.toLowerCase())),
    opinionVerbs: new RegExp(`${B0}${anyOf(lexicon.opinionVerbs, true)}${B1}`, 'gu'),
    released: new RegExp(
      `${B0}${anyOf(lexicon.releasedMaterials, false)}(?:\\s+[\\p{L}\\p{N}'’-]+){0,3}?\\s+(?:released|published|distributed|issued|provided|supplied|made\\s+public)\\s+by\\s+`,
      'gu',
    ),
    country: new RegExp(`${B0}(?<country>${anyOf(countryNames, true)})(?:['’]s)?${B1}`, 'u'),
    countries,
    countryBefore: new RegExp(`${B0}(?<country>${anyOf(countryNames, true)})(?:['’]s)?\\s+(?:(?:the|official|ruling|main|own|party|communist)\\s+)*$`, 'u'),
    actorTitle: new RegExp(`^[Tt]he\\s+(?:[\\p{L}\\p{N}'’-]+\\s+){0,2}?${anyOf(lexicon.actorTitles, false)}${B1}`, 'u'),
    outletFiller: new RegExp(
      `^(?:[\\s,]|${B0}(?:[Tt]he|an?|${anyOf(['official', 'semi-official', 'state', 'ruling', 'party', 'communist', 'government', 'own', 'main'], false)}|${anyOf(countryNames, true)}|${anyOf(lexicon.stateAdjectives, false)}|${mediaNoun})(?:['’]s)?${B1})*$`,
      'u',
    ),
    roleOrClause: new RegExp(`${B0}(?:who|whose|which|that|${roles}(?:s|es)?|${anyOf(lexicon.expertOrganisations, false)})${B1}`, 'u'),
  };
}

let defaultCompiled: Compiled | undefined;
let emptyCompiled: Compiled | undefined;
const mergedCache = new WeakMap<Partial<Lexicon>, Compiled>();
const replacedCache = new WeakMap<Partial<Lexicon>, Compiled>();

/** The compiled lexicon for these options; cached for the default and per lexicon object. */
function compiledFor(options: SuggestOptions): Compiled {
  const extra = options.lexicon;
  if (!extra) {
    if (options.replaceLexicon) return (emptyCompiled ??= compile(resolveLexicon({}, true)));
    return (defaultCompiled ??= compile(resolveLexicon(undefined)));
  }
  const cache = options.replaceLexicon ? replacedCache : mergedCache;
  let compiled = cache.get(extra);
  if (!compiled) {
    compiled = compile(resolveLexicon(extra, options.replaceLexicon));
    cache.set(extra, compiled);
  }
  return compiled;
}

/** The outlet a mention names, also inside a generic cue ("the state-run Anadolu Agency"). */
function outletIn(mention: string, c: Compiled): OutletRef | undefined {
  const named = c.outlet.exec(mention);
  return named ? c.outlets.get(outletKey(named[0])) : undefined;
}

/**
 * The canonical name of an outlet written any way the lexicon knows it:
 * "the KCNA", "Korean Central News Agency", "North Korea's official Korean
 * Central News Agency" and "kcna" all give "KCNA", as a suggestion's `source`
 * does. Generic state media give their country's ("Chinese state TV" →
 * "Chinese state media"; without a country, "state media"). Anything else (a
 * person, an outlet the lexicon lacks, two outlets) gives undefined.
 */
export function canonicalOutlet(text: string, options: Pick<SuggestOptions, 'lexicon' | 'replaceLexicon'> = {}): string | undefined {
  const c = compiledFor(options);
  const written = outletKey(text.trim());
  const whole = c.outlets.get(written) ?? c.outletsFolded.get(written.toLowerCase());
  if (whole) return whole.name;
  const found: { name: string; start: number; end: number }[] = [];
  c.mentions.lastIndex = 0;
  for (let m = c.mentions.exec(written); m !== null; m = c.mentions.exec(written)) {
    const outlet = outletIn(m[0], c);
    const name = outlet ? outlet.name : stateMediaName(written.slice(0, m.index), m[0], { roles: new Map(), people: new Map() }, c).name;
    found.push({ name, start: m.index, end: m.index + m[0].length });
  }
  if (found.length === 0 || found.some((f) => f.name !== found[0].name)) return undefined;
  let rest = '';
  let from = 0;
  for (const f of found) {
    rest += `${written.slice(from, f.start)} `;
    from = f.end;
  }
  rest += written.slice(from);
  return c.outletFiller.test(rest) ? found[0].name : undefined;
}

// ---------------------------------------------------------------------------
// Tokens and speaker noun phrases.

interface Token {
  text: string;
  lower: string;
  /** Offsets relative to the sentence. */
  start: number;
  end: number;
  word: boolean;
  cap: boolean;
}

/** Dotted capitals ("U.S."), a title before a name ("Dr."), a word (with 's, hyphens, 1,300 / 5.8), or one other character. */
const TOKEN = /(?:\p{Lu}\.){2,}|\p{Lu}\p{Ll}{0,3}\.(?=\s+\p{Lu})|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+|[.,]\p{N}+)*|[^\s\p{L}\p{N}]/gu;
const WORD_START = /^[\p{L}\p{N}]/u;
const CAP_START = /^\p{Lu}/u;
const ADVERB = /^\p{Ll}+ly$/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LOWER_LETTER = /\p{Ll}/u;
const ANY_LETTER = /\p{L}/u;
const TERMINAL = /[.!?…]["'”’»)\]]*$/u;
const QUESTION = /\?["'”’»)\]]*$/u;

const QUOTES = new Set(['"', '“', '”', '„', '«', '»', '‘', '’', "'"]);
const DETS = new Set(['the', 'a', 'an', 'some', 'many', 'most', 'several', 'other', 'few', 'its', 'his', 'her', 'their', 'both', 'all', 'two', 'three', 'four', 'five']);
const CONNECTORS = new Set(['of', 'for', 'at', 'from', 'in', 'to', 'and', 'de', 'del', 'la', 'le', 'van', 'von', 'der', 'bin', 'al', 'on', 'with']);
/** Words between a speaker and the verb: "has also said", "later told". */
const SKIPPED = new Set(['have', 'has', 'had', 'will', 'would', 'also', 'later', 'earlier', 'then', 'again', 'previously', 'repeatedly', 'recently', 'further', 'separately', 'already', 'did', 'does', 'do', 'may', 'might', 'could', 'can']);
const NEGATIONS = new Set(['not', 'never', "didn't", 'didn’t', "doesn't", 'doesn’t', "don't", 'don’t', "hasn't", 'hasn’t', "haven't", 'haven’t', "won't", 'won’t', 'cannot']);
/** Capitalised words that start sentences or clauses but are never part of a speaker's name. */
const STOP_CAPS = new Set([
  'In', 'On', 'At', 'During', 'After', 'Before', 'But', 'And', 'Or', 'While', 'When', 'If', 'As', 'However', 'Meanwhile',
  'Still', 'Also', 'Since', 'Despite', 'Although', 'Though', 'Because', 'Until', 'With', 'Without', 'For', 'From', 'By',
  'To', 'Of', 'Speaking', 'Amid', 'Following', 'Under', 'Over', 'Yet', 'So', 'Then', 'Now', 'Earlier', 'Later', 'Last',
  'Next', 'According', 'It', 'He', 'She', 'They', 'We', 'I', 'You', 'There', 'Here', 'This', 'That', 'These', 'Those',
  'What', 'Who', 'Why', 'How', 'Where', 'Is', 'Will', 'Are', 'Was', 'Did', 'Does', 'Do', 'Can', 'Could', 'Would', 'Should',
]);
/** Capitalised words that say nothing about who the actor is, for "same actor" checks and name registries. */
const NOT_NAMES = new Set([
  'The', 'A', 'An', 'North', 'South', 'East', 'West', 'Northern', 'Southern', 'Eastern', 'Western', 'New', 'Central',
  'National', 'Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'President', 'Leader', 'Prime', 'Minister', 'General', 'Some', 'Many',
  'Most', 'Several', 'Other', 'Others', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday',
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
]);
/** Words that may open a sentence before its subject: "During the visit, Kim …". */
const INTRO_WORDS = new Set(['in', 'during', 'at', 'on', 'after', 'before', 'despite', 'since', 'under', 'with', 'without', 'for', 'following', 'amid', 'speaking', 'earlier', 'later', 'last', 'according', 'meanwhile', 'however']);
const RELATIVES = new Set(['who', 'whose', 'which', 'that', 'where']);
const SUBJECT_PRONOUNS = new Set(['he', 'she', 'it', 'they', 'his', 'her', 'its', 'their']);
/** What may follow an inverted speaker ("said the ministry in a statement"). */
const AFTER_INVERTED = new Set(['in', 'on', 'at', 'during', 'last', 'this', 'earlier', 'late', 'after', 'before', 'when', 'while', 'who', 'adding', 'told', 'as', 'citing', 'referring']);

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const t = m[0];
    tokens.push({ text: t, lower: t.toLowerCase(), start: m.index, end: m.index + t.length, word: WORD_START.test(t), cap: CAP_START.test(t) });
  }
  return tokens;
}

/** A name-like capitalised token: not a clause opener. */
function isNameish(token: Token): boolean {
  return token.cap && !STOP_CAPS.has(token.text);
}

/** The speaker noun phrase ending at token `i` ("the Commerce Ministry", "Some economists", "she"), as [from, to]. */
function walkBack(tokens: Token[], i: number, c: Compiled): [number, number] | undefined {
  const last = tokens[i];
  if (!last?.word) return undefined;
  if (c.pronouns.has(last.lower)) return [i, i];
  if ((!isNameish(last) && !c.heads.has(last.lower)) || DETS.has(last.lower)) return undefined;
  let from = i;
  let modifiers = 0;
  for (let k = i - 1; k >= 0 && i - k < 14; k--) {
    const tok = tokens[k];
    if (!tok.word || c.pronouns.has(tok.lower)) break;
    const right = tokens[k + 1];
    if (isNameish(tok) || c.heads.has(tok.lower) || DETS.has(tok.lower)) modifiers = 0;
    else if (CONNECTORS.has(tok.lower) && (right.cap || (DETS.has(right.lower) && tokens[k + 2]?.cap === true))) modifiers = 0;
    else if (!tok.cap && modifiers < 2 && (modifiers > 0 || c.heads.has(right.lower))) modifiers++;
    else break;
    from = k;
  }
  while (from < i && CONNECTORS.has(tokens[from].lower)) from++;
  return [from, i];
}

/** The speaker noun phrase starting at token `i` ("Dr. Ruiz", "the ministry"), as [from, to]. */
function walkForward(tokens: Token[], i: number, c: Compiled): [number, number] | undefined {
  const first = tokens[i];
  if (!first?.word) return undefined;
  if (c.pronouns.has(first.lower)) return [i, i];
  let to = i - 1;
  for (let k = i; k < tokens.length && k - i < 14; k++) {
    const tok = tokens[k];
    if (!tok.word) break;
    const next = tokens[k + 1];
    const after = tokens[k + 2];
    const ok =
      isNameish(tok) ||
      c.heads.has(tok.lower) ||
      DETS.has(tok.lower) ||
      (CONNECTORS.has(tok.lower) && next !== undefined && (next.cap || (DETS.has(next.lower) && after?.cap === true))) ||
      (!tok.cap && next !== undefined && (c.heads.has(next.lower) || (!next.cap && after !== undefined && c.heads.has(after.lower))));
    if (!ok) break;
    to = k;
  }
  while (to >= i && (CONNECTORS.has(tokens[to].lower) || DETS.has(tokens[to].lower))) to--;
  if (to < i) return undefined;
  const end = tokens[to];
  return isNameish(end) || c.heads.has(end.lower) ? [i, to] : undefined;
}

/** The appositive after the comma at `comma` (", a meteorologist"), up to the next comma or the end. */
function appositiveAfter(tokens: Token[], comma: number): [number, number] | undefined {
  let k = comma + 1;
  while (k < tokens.length && k - comma < 25 && tokens[k].text !== ',' && (tokens[k].word || !/^[.!?…;:"“”«»]$/u.test(tokens[k].text))) k++;
  return k > comma + 1 ? [comma + 1, k - 1] : undefined;
}

/** The appositive ending just before the comma at `comma` (", a commodities analyst at X,"): from the comma before it. */
function appositiveBefore(tokens: Token[], comma: number): [number, number] | undefined {
  for (let k = comma - 1; k >= 0 && comma - k < 25; k--) {
    const tok = tokens[k];
    if (tok.text === ',') return k < comma - 1 ? [k + 1, comma - 1] : undefined;
    if (!tok.word && (QUOTES.has(tok.text) || /^[.!?…;:()]$/u.test(tok.text))) return undefined;
  }
  return undefined;
}

// ---------------------------------------------------------------------------
// One sentence.

interface Candidate {
  kind: Kind;
  confidence: number;
  /** Cue, absolute offsets. */
  start: number;
  end: number;
  source?: string;
}

/** An outlet named in a sentence, or a generic cue ("state media", then `name` is its canonical name, "North Korean state media"). */
interface Mention extends OutletRef {
  generic: boolean;
  /** Absolute offset. */
  start: number;
  end: number;
}

/** What carries across sentences, until the next heading. */
interface Context {
  /** The last outlet named in the paragraph and in the article. */
  paragraphOutlet?: OutletRef;
  articleOutlet?: OutletRef;
  /** The country of the last state media named in the article: names a later bare "state media". */
  stateCountry?: StateCountry;
  /** Name token ("Choi", "Peskov") → the role it was introduced with. */
  roles: Map<string, 'expert' | 'official'>;
  /** Name token → the full name it first came with ("Park" → "Park Ji-won"); null when two people share it. */
  people: Map<string, string | null>;
}

interface Subject {
  /** Absolute offsets. */
  start: number;
  end: number;
  /** Token indices of the subject's words. */
  from: number;
  to: number;
  pronoun: boolean;
  /** Names an actor by title: "The leader", "the Chinese president". */
  title: boolean;
  names: Set<string>;
}

interface SentenceInfo {
  range: SentenceRange;
  own?: Candidate;
  question: boolean;
  hedged: boolean;
  /** Ends inside a quotation that the next sentence continues. */
  endsInQuote: boolean;
  /** Holds no words outside quotation marks. */
  quoted: boolean;
  subject?: Subject;
  /** Name tokens anywhere in the sentence, for "same actor" checks. */
  names: Set<string>;
}

function nameOf(token: Token): string | undefined {
  if (!token.cap || STOP_CAPS.has(token.text) || NOT_NAMES.has(token.text)) return undefined;
  return token.text.replace(/['’]s$/u, '');
}

/** The sentence's grammatical subject, after an opening adverbial ("During the visit, Kim …"). */
function subjectOf(tokens: Token[], masked: string, base: number, c: Compiled): Subject | undefined {
  let k = 0;
  while (k < tokens.length && !tokens[k].word) k++;
  if (k < tokens.length && INTRO_WORDS.has(tokens[k].lower)) {
    const comma = tokens.findIndex((t, index) => index > k && index - k < 15 && t.text === ',');
    if (comma !== -1) k = comma + 1;
  }
  const first = tokens[k];
  if (!first?.word) return undefined;
  if (SUBJECT_PRONOUNS.has(first.lower) || c.pronouns.has(first.lower)) {
    return { start: base + first.start, end: base + first.end, from: k, to: k, pronoun: true, title: false, names: new Set() };
  }
  const names = new Set<string>();
  let to = k;
  for (let j = k; j < tokens.length && j - k < 8; j++) {
    const tok = tokens[j];
    if (tok.word && tok.cap) {
      const name = nameOf(tok);
      if (name) names.add(name);
      to = j;
    } else if (!(tok.word && CONNECTORS.has(tok.lower) && tokens[j + 1]?.cap)) break;
  }
  const title = c.actorTitle.exec(masked.slice(first.start));
  const end = Math.max(tokens[to].end, title ? first.start + title[0].length : 0);
  return { start: base + first.start, end: base + end, from: k, to, pronoun: false, title: title !== null, names };
}

function resolveAnaphor(ctx: Context, mentions: Mention[], before: number): { outlet: OutletRef; near: boolean } | undefined {
  const inSentence = mentions.filter((m) => m.end <= before).pop();
  if (inSentence) return { outlet: inSentence, near: true };
  if (ctx.paragraphOutlet) return { outlet: ctx.paragraphOutlet, near: true };
  if (ctx.articleOutlet) return { outlet: ctx.articleOutlet, near: false };
  return undefined;
}

/** "the agency" at absolute offset `at`: the outlet it refers back to decides. */
function anaphorCandidate(label: string, at: number, cue: { start: number; end: number }, ctx: Context, mentions: Mention[]): Candidate {
  const found = resolveAnaphor(ctx, mentions, at);
  if (!found) return { kind: 'other', confidence: CONFIDENCE.other, ...cue, source: label };
  const { outlet, near } = found;
  if (!outlet.state) return { kind: 'other', confidence: CONFIDENCE.other, ...cue, source: outlet.name };
  return { kind: 'state', confidence: near ? CONFIDENCE.stateGeneric : CONFIDENCE.stateAnaphorFar, ...cue, source: outlet.name };
}

function registerNames(tokens: Token[], [from, to]: [number, number], role: 'expert' | 'official', c: Compiled, ctx: Context): void {
  for (let k = from; k <= to; k++) {
    const tok = tokens[k];
    if (CONNECTORS.has(tok.lower) && k > from) break;
    const name = nameOf(tok);
    if (name && !c.official.test(name) && !c.expert.test(name) && !c.outlet.test(name)) ctx.roles.set(name, role);
  }
}

/**
 * The country generic state media belong to: named just before the cue
 * ("North Korea's state media") or in it, else the country of the last state
 * media named in the article. Several outlets share a country, so the cue
 * resolves to the country's state media, never to a guessed outlet.
 */
function stateMediaName(before: string, cue: string, ctx: Context, c: Compiled): { name: string; country?: StateCountry } {
  const named = c.countryBefore.exec(before)?.groups?.country ?? c.country.exec(cue)?.groups?.country;
  const country = (named === undefined ? undefined : c.countries.get(outletKey(named))) ?? ctx.stateCountry;
  return country ? { name: `${country.adjective} state media`, country } : { name: 'state media' };
}

/**
 * The part of a speaker phrase that says who speaks, before any role or
 * relative clause: in "Prof. Varga, who studies official media" or "an expert
 * on state media" the medium is the speaker's field, not the speaker.
 */
function speakerIdentity(speaker: string, c: Compiled): string {
  const role = c.roleOrClause.exec(speaker);
  return role ? speaker.slice(0, role.index) : speaker;
}

/** A speaker without a relative clause that describes them: "An official at the ministry, which monitors …" → "An official at the ministry". */
function withoutClause(speaker: string): string {
  return speaker.replace(/\s*,\s*(?:who|whose|which)\s[\s\S]*$/u, '');
}

/** Titles kept before a one-word name: "Dr. Ruiz", "President Xi". */
const HONORIFICS = new Set(['Mr.', 'Mrs.', 'Ms.', 'Dr.', 'Prof.', 'President', 'Leader', 'General', 'Premier']);
const ARTICLES = new Set(['the', 'a', 'an']);

function isPersonWord(token: Token, c: Compiled): boolean {
  return nameOf(token) !== undefined && !/['’]s$/u.test(token.text) && !c.heads.has(token.lower) && !c.official.test(token.text) && !c.expert.test(token.text) && !c.outlet.test(token.text);
}

/**
 * The person named by tokens [from, to]: the run of name words ending its
 * head ("Kremlin spokesman Dmitry Peskov" → "Dmitry Peskov", "Aylin Demirtas
 * of the … Centre" → "Aylin Demirtas"); none for a description or for an
 * organisation with an article ("The Hong Kong Observatory").
 */
function personIn(tokens: Token[], from: number, to: number, c: Compiled): [number, number] | undefined {
  let end = from;
  while (end < to && !PREPOSITIONS.has(tokens[end + 1].lower)) end++;
  let k = end;
  while (k >= from && isPersonWord(tokens[k], c)) k--;
  if (k === end || (k >= from && ARTICLES.has(tokens[k].lower))) return undefined;
  return [k + 1, end];
}

/** Remembers a full name under each of its words; a word two people share resolves to neither. */
function registerPerson(tokens: Token[], [from, to]: [number, number], ctx: Context): void {
  if (to === from) return;
  const full = tokens.slice(from, to + 1).map((t) => t.text).join(' ');
  for (let k = from; k <= to; k++) {
    const known = ctx.people.get(tokens[k].text);
    if (known === undefined) ctx.people.set(tokens[k].text, full);
    else if (known !== full) ctx.people.set(tokens[k].text, null);
  }
}

/** The canonical name of the person at tokens [from, to]: a lone surname becomes the full name first given for it. */
function personName(tokens: Token[], [from, to]: [number, number], ctx: Context): string {
  if (to > from) {
    registerPerson(tokens, [from, to], ctx);
    return tokens.slice(from, to + 1).map((t) => t.text).join(' ');
  }
  const word = tokens[from].text;
  const full = ctx.people.get(word);
  if (full) return full;
  const title = tokens[from - 1];
  const name = title && HONORIFICS.has(title.text) ? `${title.text} ${word}` : word;
  if (full === undefined && name !== word) ctx.people.set(word, name);
  return name;
}

/** The person a speaker phrase names (in its head, or an appositive that is only a name), by canonical name. */
function speakerPerson(tokens: Token[], np: [number, number], app: [number, number] | undefined, c: Compiled, ctx: Context): string | undefined {
  const inHead = personIn(tokens, np[0], np[1], c);
  if (inHead) return personName(tokens, inHead, ctx);
  if (!app) return undefined;
  const inApp = personIn(tokens, app[0], app[1], c);
  return inApp && inApp[0] === app[0] && inApp[1] === app[1] ? personName(tokens, inApp, ctx) : undefined;
}

/**
 * Classifies a speaker: noun phrase `np`, optional appositive `app`; the cue
 * runs from the speaker to the verb (`verbStart`, `verbEnd`, sentence-relative).
 */
function classifySpeaker(
  sentence: string,
  base: number,
  tokens: Token[],
  np: [number, number],
  app: [number, number] | undefined,
  verbStart: number,
  verbEnd: number,
  c: Compiled,
  ctx: Context,
  mentions: Mention[],
  hedged: boolean,
): Candidate {
  const npStart = tokens[np[0]].start;
  const npEnd = tokens[np[1]].end;
  const speakerEnd = app ? tokens[app[1]].end : npEnd;
  const start = base + Math.min(npStart, verbStart);
  const end = base + Math.max(speakerEnd, verbEnd);
  const speaker = sentence.slice(npStart, speakerEnd);
  const identity = speakerIdentity(speaker, c);
  const head = sentence.slice(npStart, npEnd).replace(/\s+/g, ' ');
  const appText = app ? sentence.slice(tokens[app[0]].start, tokens[app[1]].end) : '';
  const cue = { start, end };

  const named = c.outlet.exec(identity);
  if (named) {
    const outlet = c.outlets.get(outletKey(named[0]));
    if (outlet) return { kind: outlet.state ? 'state' : 'other', confidence: outlet.state ? CONFIDENCE.stateNamed : CONFIDENCE.other, ...cue, source: outlet.name };
  }
  const generic = c.stateCue.exec(identity);
  if (generic) {
    const { name } = stateMediaName(sentence.slice(0, npStart + generic.index), generic[0], ctx, c);
    return { kind: 'state', confidence: CONFIDENCE.stateGeneric, ...cue, source: name };
  }
  if (c.anaphor.test(head)) return anaphorCandidate(head, base + npStart, cue, ctx, mentions);
  if (np[0] === np[1] && c.pronouns.has(tokens[np[0]].lower)) return { kind: 'pronoun', confidence: CONFIDENCE.pronounAlone, ...cue };
  const bonus = hedged ? CONFIDENCE.opinionBonus : 0;
  const person = speakerPerson(tokens, np, app, c, ctx);
  if (c.expert.test(speaker)) {
    registerNames(tokens, np, 'expert', c, ctx);
    if (app && nameOf(tokens[app[0]])) registerNames(tokens, app, 'expert', c, ctx);
    return { kind: 'expert', confidence: CONFIDENCE.expert + bonus, ...cue, source: person ?? groupName(speaker, np[0] === 0) };
  }
  const headOf = (text: string) => text.split(/\s(?:of|at|for|with|from|in)\s/u)[0];
  if (c.official.test(headOf(head)) || (appText !== '' && c.official.test(headOf(appText)))) {
    registerNames(tokens, np, 'official', c, ctx);
    if (app && nameOf(tokens[app[0]])) registerNames(tokens, app, 'official', c, ctx);
    return { kind: 'other', confidence: CONFIDENCE.other, ...cue, source: person ?? withoutClause(speaker) };
  }
  let isName = true;
  let known: 'expert' | 'official' | undefined;
  for (let k = np[0]; k <= np[1]; k++) {
    const tok = tokens[k];
    if (!tok.cap && !DETS.has(tok.lower) && !CONNECTORS.has(tok.lower)) isName = false;
    const name = nameOf(tok);
    if (name) known = ctx.roles.get(name) ?? known;
  }
  const source = person ?? withoutClause(speaker);
  if (!isName) return { kind: 'other', confidence: CONFIDENCE.other, ...cue, source };
  if (known === 'expert') return { kind: 'expert', confidence: CONFIDENCE.expertKnown + bonus, ...cue, source };
  if (known === 'official') return { kind: 'other', confidence: CONFIDENCE.other, ...cue, source };
  return { kind: 'person', confidence: CONFIDENCE.person, ...cue, source };
}

const QUANTIFIER_SET = new Set(['some', 'many', 'most', 'several', 'other', 'few']);

/** "Some economists" → "economists"; a sentence-initial capital is lowered unless the word is an acronym or a quantifier came first. */
function groupName(speaker: string, sentenceInitial: boolean): string {
  const words = speaker.split(/\s+/);
  const count = words.length;
  while (words.length > 1 && QUANTIFIER_SET.has(words[0].toLowerCase())) words.shift();
  const text = words.join(' ');
  // After a dropped "Many", the first word kept its own capital ("Many Iran watchers").
  if (!sentenceInitial || words.length < count || words.length > 2 || /^\p{Lu}{2}/u.test(text)) return text;
  return words.slice(1).some((w) => CAP_START.test(w)) ? text : text[0].toLowerCase() + text.slice(1);
}

function better(a: Candidate | undefined, b: Candidate): Candidate {
  if (!a) return b;
  if (PRIORITY[b.kind] !== PRIORITY[a.kind]) return PRIORITY[b.kind] > PRIORITY[a.kind] ? b : a;
  return b.confidence > a.confidence ? b : a;
}

/** The outlet named right after a generic cue ("state broadcaster KCTV"), if any. */
function namedAfter(mentions: Mention[], end: number, text: string): Mention | undefined {
  return mentions.find((m) => m.start >= end && m.start - end <= 30 && /^[\s\p{L}'’-]*$/u.test(text.slice(end, m.start)) && !m.generic);
}

function analyseSentence(
  text: string,
  range: SentenceRange,
  masked: string,
  endsInQuote: boolean,
  c: Compiled,
  ctx: Context,
): SentenceInfo {
  const base = range.start;
  const sentence = text.slice(range.start, range.end);
  const tokens = tokenize(masked);
  const hedged = c.opinion.test(sentence);
  const subject = subjectOf(tokens, masked, base, c);
  if (subject && !subject.pronoun) {
    const person = personIn(tokens, subject.from, subject.to, c);
    if (person && person[0] === subject.from) registerPerson(tokens, person, ctx);
  }

  const mentions: Mention[] = [];
  c.mentions.lastIndex = 0;
  for (let m = c.mentions.exec(masked); m !== null; m = c.mentions.exec(masked)) {
    const outlet = outletIn(m[0], c);
    const at = { start: base + m.index, end: base + m.index + m[0].length };
    if (outlet) mentions.push({ ...outlet, generic: false, ...at });
    else mentions.push({ ...stateMediaName(masked.slice(0, m.index), m[0], ctx, c), state: true, generic: true, ...at });
  }

  let own: Candidate | undefined;
  const fromWho = (who: string, whoIndex: number, matchStart: number, matchEnd: number): Candidate => {
    const outlet = outletIn(who, c);
    const cue = { start: base + matchStart, end: base + matchEnd };
    if (outlet) return { kind: outlet.state ? 'state' : 'other', confidence: outlet.state ? CONFIDENCE.stateNamed : CONFIDENCE.other, ...cue, source: outlet.name };
    const after = namedAfter(mentions, base + whoIndex + who.length, text);
    if (after) return { kind: after.state ? 'state' : 'other', confidence: after.state ? CONFIDENCE.stateNamed : CONFIDENCE.other, start: Math.min(cue.start, after.start), end: Math.max(cue.end, after.end), source: after.name };
    return { kind: 'state', confidence: CONFIDENCE.stateGeneric, ...cue, source: stateMediaName(masked.slice(0, whoIndex), who, ctx, c).name };
  };
  for (const re of [c.outletVerb, c.prepOutlet]) {
    re.lastIndex = 0;
    for (let m = re.exec(masked); m !== null; m = re.exec(masked)) {
      const anaphor = m.groups?.anaphor;
      if (anaphor) {
        own = better(own, anaphorCandidate(anaphor, base + m.index, { start: base + m.index, end: base + m.index + m[0].length }, ctx, mentions));
        continue;
      }
      const who = m.groups?.who ?? '';
      const whoIndex = m.indices?.groups?.who?.[0] ?? m.index;
      // The outlet must be who speaks, not the field of a speaker described before it ("an expert on state media said").
      const described = re === c.prepOutlet ? masked.slice(m.index, whoIndex) : clauseBefore(masked, whoIndex);
      if (c.roleOrClause.test(described)) continue;
      own = better(own, fromWho(who, whoIndex, m.index, m.index + m[0].length));
    }
  }

  c.verbs.lastIndex = 0;
  for (let m = c.verbs.exec(masked); m !== null; m = c.verbs.exec(masked)) {
    const verbStart = m.index;
    const verbEnd = m.index + m[0].length;
    const v = tokens.findIndex((t) => t.start === verbStart);
    const ve = tokens.findIndex((t) => t.end === verbEnd);
    c.expertAt.lastIndex = verbStart;
    if (v === -1 || ve === -1 || c.expertAt.test(masked)) continue;
    const found = speakerAt(tokens, v, ve, /^according/iu.test(m[0]) ? 'according' : 'saying', c);
    if (found) own = better(own, classifySpeaker(sentence, base, tokens, found.np, found.app, verbStart, verbEnd, c, ctx, mentions, hedged));
  }

  // Verbs of judgement ("Several analysts read the timing as…") make an opinion only for an expert.
  c.opinionVerbs.lastIndex = 0;
  for (let m = c.opinionVerbs.exec(masked); m !== null; m = c.opinionVerbs.exec(masked)) {
    const v = tokens.findIndex((t) => t.start === m.index);
    const found = v === -1 ? undefined : speakerAt(tokens, v, v, 'judging', c);
    if (!found) continue;
    const judged = classifySpeaker(sentence, base, tokens, found.np, found.app, m.index, m.index + m[0].length, c, ctx, mentions, hedged);
    if (judged.kind === 'expert') own = better(own, judged);
  }

  const group = c.groupSubject.exec(masked);
  if (group?.groups && hedged) {
    const g = group.groups.group;
    const at = group.index + group[0].length - g.length;
    own = better(own, { kind: 'expert', confidence: CONFIDENCE.expertGroup, start: base + at, end: base + at + g.length, source: groupName(g, true) });
  }

  // A judgement with an expert known from earlier as its subject: "Varga is sceptical."
  if (hedged && subject && !subject.pronoun && [...subject.names].some((name) => ctx.roles.get(name) === 'expert')) {
    const person = personIn(tokens, subject.from, subject.to, c);
    const source = person ? personName(tokens, person, ctx) : masked.slice(subject.start - base, subject.end - base);
    own = better(own, { kind: 'expert', confidence: CONFIDENCE.expertKnown, start: subject.start, end: subject.end, source });
  }

  // Material a state released: "Photos released by Pyongyang showed …".
  c.released.lastIndex = 0;
  for (let m = c.released.exec(masked); m !== null; m = c.released.exec(masked)) {
    const after = m.index + m[0].length;
    const at = tokens.findIndex((t) => t.start >= after);
    const np = at === -1 ? undefined : walkForward(tokens, at, c);
    if (!np) continue;
    const agent = masked.slice(tokens[np[0]].start, tokens[np[1]].end);
    const alias = c.country.exec(agent)?.groups?.country;
    const country = alias === undefined ? undefined : c.countries.get(outletKey(alias));
    if (!country) continue;
    const source = outletKey(agent.replace(/^the\s+/iu, '')) === outletKey(alias ?? '') ? country.name : agent;
    own = better(own, { kind: 'state', confidence: CONFIDENCE.stateReleased, start: base + m.index, end: base + tokens[np[1]].end, source });
  }

  // An outlet as the subject, whatever the verb: "North Korea's state media introduced a slogan".
  if (subject && !subject.pronoun) {
    const first = mentions.find((m) => m.start >= subject.start && c.outletFiller.test(text.slice(subject.start, m.start)));
    // "KCNA did not say when…" attributes nothing to it.
    const negated = first !== undefined && tokens.some((t) => t.start >= first.end - base && t.start - (first.end - base) < 20 && NEGATIONS.has(t.lower));
    if (first && !negated) {
      const confidence = first.state ? CONFIDENCE.stateGeneric : CONFIDENCE.other;
      own = better(own, { kind: first.state ? 'state' : 'other', confidence, start: first.start, end: first.end, source: first.name });
    }
  }

  const last = mentions[mentions.length - 1];
  if (last) {
    ctx.paragraphOutlet = last;
    ctx.articleOutlet = last;
  }
  const lastCountry = mentions.filter((m) => m.country).pop()?.country;
  if (lastCountry) ctx.stateCountry = lastCountry;

  const names = new Set<string>();
  for (const tok of tokens) {
    const name = nameOf(tok);
    if (name) names.add(name);
  }
  return {
    range,
    own,
    question: QUESTION.test(sentence),
    hedged,
    endsInQuote,
    quoted: !LETTER_OR_DIGIT.test(masked),
    subject,
    names,
  };
}

/** The clause of `text` before `index`: from the last comma, semicolon, colon or bracket. */
function clauseBefore(text: string, index: number): string {
  const before = text.slice(0, index);
  return before.slice(Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('(')) + 1);
}

/**
 * The speaker of the verb spanning tokens v…ve: before it, inverted after it
 * ("…," said Dr. Ruiz), or after "according to". A verb of judgement
 * (`judging`) takes only a speaker before it.
 */
function speakerAt(tokens: Token[], v: number, ve: number, verb: 'saying' | 'according' | 'judging', c: Compiled): { np: [number, number]; app?: [number, number] } | undefined {
  const forward = (validate: boolean) => {
    const np = walkForward(tokens, ve + 1, c);
    if (!np) return undefined;
    let next = np[1] + 1;
    let app: [number, number] | undefined;
    if (tokens[next]?.text === ',') {
      app = appositiveAfter(tokens, next);
      if (app) next = app[1] + 1;
      // ", who asked not to be named" describes the speaker but is not part of the name.
      if (app && RELATIVES.has(tokens[app[0]].lower)) app = undefined;
    }
    const follower = tokens[next];
    const valid = !validate || follower === undefined || !follower.word ? true : AFTER_INVERTED.has(follower.lower);
    return valid ? { np, app } : undefined;
  };
  if (verb === 'according') return forward(false);

  let k = v - 1;
  while (k >= 0 && tokens[k].word && (SKIPPED.has(tokens[k].lower) || NEGATIONS.has(tokens[k].lower) || ADVERB.test(tokens[k].text))) {
    if (NEGATIONS.has(tokens[k].lower)) return undefined;
    k--;
  }
  const before = tokens[k];
  if (verb === 'saying' && (before === undefined || QUOTES.has(before.text) || before.text === ',')) {
    const inverted = forward(true);
    if (inverted) return inverted;
  }
  if (before?.text === ',') {
    const app = appositiveBefore(tokens, k);
    if (!app) return undefined;
    // "The company's chief executive, Anna Li, said": the name stands in for an unrecognised head.
    const np = walkBack(tokens, app[0] - 2, c);
    if (np) return { np, app };
    const name = walkBack(tokens, app[1], c);
    return name && name[0] === app[0] ? { np: name } : undefined;
  }
  const np = before?.word ? walkBack(tokens, k, c) : undefined;
  return np ? { np } : undefined;
}

// ---------------------------------------------------------------------------
// Quotations.

type QuoteKind = 'double' | 'guillemet' | 'single';

/**
 * The paragraph text[from, to) with everything inside quotation marks blanked
 * (same length, marks kept), and for each sentence whether it ends inside a
 * quotation. Straight double quotes toggle; single quotes count only at word
 * edges, so apostrophes ("Kim's", "players' union") are left alone.
 */
function maskQuotes(text: string, from: number, to: number, sentences: SentenceRange[]): { masked: string; endsInQuote: boolean[] } {
  const chars: string[] = [];
  const endsInQuote: boolean[] = [];
  let open: QuoteKind | undefined;
  let next = 0;
  for (let i = from; i < to; i++) {
    while (next < sentences.length && sentences[next].end <= i) endsInQuote[next++] = open !== undefined;
    const ch = text[i];
    const prev = i > from ? text[i - 1] : ' ';
    const after = i + 1 < to ? text[i + 1] : ' ';
    let keep = open === undefined;
    if (open === undefined) {
      if (ch === '"' || ch === '“' || ch === '„') open = 'double';
      else if (ch === '«') open = 'guillemet';
      else if ((ch === "'" || ch === '‘') && !LETTER_OR_DIGIT.test(prev) && after.trim() !== '') open = 'single';
    } else if (
      (open === 'double' && (ch === '"' || ch === '”')) ||
      (open === 'guillemet' && ch === '»') ||
      (open === 'single' && (ch === "'" || ch === '’') && prev.trim() !== '' && !LETTER_OR_DIGIT.test(after))
    ) {
      open = undefined;
      keep = true;
    }
    chars.push(keep ? ch : ' ');
  }
  while (next < sentences.length) endsInQuote[next++] = open !== undefined;
  return { masked: chars.join(''), endsInQuote };
}

// ---------------------------------------------------------------------------
// Paragraphs: carrying attributions between sentences.

interface Resolved {
  kind: Exclude<Kind, 'pronoun'>;
  confidence: number;
  start: number;
  end: number;
  source?: string;
}

const DEFINITE = new Set<Kind>(['state', 'expert', 'other']);

function isDefinite(r: Resolved | undefined): boolean {
  return r !== undefined && DEFINITE.has(r.kind);
}

function overlaps(a: Set<string>, b: Set<string>): boolean {
  for (const name of a) if (b.has(name)) return true;
  return false;
}

/** The cue for a sentence whose tag came from a neighbour: its subject, else its opening words. */
function ownWords(text: string, info: SentenceInfo): { start: number; end: number } {
  return info.subject ? { start: info.subject.start, end: info.subject.end } : openingWords(text, info.range);
}

const OPENING_WORDS = /[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*(?:\s+[\p{L}\p{N}]+(?:['’.,-][\p{L}\p{N}]+)*){0,3}/u;

/** The cue of a plain reported fact, which no word decided: its first (up to four) words. */
function openingWords(text: string, range: SentenceRange): { start: number; end: number } {
  const m = OPENING_WORDS.exec(text.slice(range.start, range.end));
  return m ? { start: range.start + m.index, end: range.start + m.index + m[0].length } : range;
}

function inherit(from: Resolved, cue: { start: number; end: number }, confidence: number): Resolved {
  const { start, end } = cue;
  return { kind: from.kind, confidence: Math.max(CONFIDENCE.carryFloor, confidence), start, end, ...(from.source ? { source: from.source } : {}) };
}

function resolveParagraph(text: string, infos: SentenceInfo[]): (Resolved | undefined)[] {
  const out: (Resolved | undefined)[] = [];
  // Left to right: own attributions, "he said", continued quotations, state media carried forward.
  infos.forEach((info, i) => {
    const own = info.own;
    const prev = out[i - 1];
    if (own && own.kind !== 'pronoun' && own.kind !== 'person') {
      out.push({ ...own, kind: own.kind });
      return;
    }
    if (own?.kind === 'pronoun') {
      const antecedent = out.slice(0, i).reverse().find((r) => r !== undefined);
      out.push(antecedent ? inherit(antecedent, own, antecedent.confidence * CONFIDENCE.inherited) : { ...own, kind: 'person', source: undefined });
      return;
    }
    if (info.quoted && prev) {
      out.push(inherit(prev, ownWords(text, info), prev.confidence * CONFIDENCE.inherited));
      return;
    }
    const subject = info.subject;
    if (prev?.kind === 'state' && !info.question && subject && (subject.pronoun || subject.title || overlaps(subject.names, infos[i - 1].names))) {
      out.push(inherit(prev, ownWords(text, info), prev.confidence - CONFIDENCE.forwardStep));
      return;
    }
    out.push(own ? { ...own, kind: 'person' } : undefined);
  });
  // Right to left: quotations that close in a later sentence, state media carried back.
  for (let i = infos.length - 2; i >= 0; i--) {
    const next = out[i + 1];
    if (!next || isDefinite(out[i])) continue;
    const info = infos[i];
    if (info.endsInQuote) {
      out[i] = inherit(next, ownWords(text, info), next.confidence * CONFIDENCE.inherited);
      continue;
    }
    const later = infos[i + 1].subject;
    const subject = info.subject;
    if (next.kind === 'state' && !info.question && later && subject && (later.pronoun || overlaps(later.names, subject.names))) {
      out[i] = inherit(next, ownWords(text, info), next.confidence - CONFIDENCE.backStep);
    }
  }
  return out;
}

/** A line that is a headline or dateline: one short "sentence" without final punctuation, or all capitals. */
function isHeading(line: string): boolean {
  if (!ANY_LETTER.test(line)) return true;
  if (!LOWER_LETTER.test(line)) return true;
  return !TERMINAL.test(line) && line.split(/\s+/).length <= 20;
}

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
  const c = compiledFor(options);
  const sentences = segmentSentences(text, options.locale);
  const out: Suggestion[] = [];
  const ctx: Context = { roles: new Map(), people: new Map() };
  let i = 0;
  while (i < sentences.length) {
    const lineStart = text.lastIndexOf('\n', sentences[i].start) + 1;
    const newline = text.indexOf('\n', sentences[i].start);
    const lineEnd = newline === -1 ? text.length : newline;
    let j = i + 1;
    while (j < sentences.length && sentences[j].start < lineEnd) j++;
    const line = sentences.slice(i, j);
    i = j;
    if (line.length === 1 && isHeading(text.slice(line[0].start, line[0].end))) {
      ctx.paragraphOutlet = undefined;
      ctx.articleOutlet = undefined;
      ctx.stateCountry = undefined;
      ctx.roles.clear();
      ctx.people.clear();
      continue;
    }
    ctx.paragraphOutlet = undefined;
    const { masked, endsInQuote } = maskQuotes(text, lineStart, lineEnd, line);
    const infos = line.map((range, k) =>
      analyseSentence(text, range, masked.slice(range.start - lineStart, range.end - lineStart), endsInQuote[k], c, ctx),
    );
    resolveParagraph(text, infos).forEach((resolved, k) => {
      const info = infos[k];
      if (!resolved && info.question) return;
      const { start, end } = info.range;
      const chosen = resolved ?? {
        kind: 'person' as const,
        confidence: info.hedged ? CONFIDENCE.plainHedged : CONFIDENCE.plain,
        ...openingWords(text, info.range),
      };
      out.push({
        start,
        end,
        role: ROLE_OF[chosen.kind],
        confidence: Math.round(chosen.confidence * 100) / 100,
        cue: text.slice(chosen.start, chosen.end),
        ...(chosen.source ? { source: chosen.source } : {}),
      });
    });
  }
  return out;
}
