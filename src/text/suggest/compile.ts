/* Compiling a lexicon into regular expressions, once per lexicon. */
import { resolveLexicon, type Lexicon, type StateCountry } from '../lexicon.js';
import type { SuggestOptions } from './roles.js';
import { PREPOSITIONS, QUANTIFIERS, SPEAKER_ADVERBS } from './words.js';

export interface OutletRef {
  name: string;
  state: boolean;
  country?: StateCountry;
}

export interface Compiled {
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
  /**
   * Any word of an expert role or organisation, or a relative pronoun: the words before it describe a speaker, not an
   * outlet.
   */
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
        out +=
          !exact && lower !== upper && lower.length === 1 && upper.length === 1 ? `[${lower}${upper}]` : escapeChar(ch);
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

export function outletKey(text: string): string {
  return text.replace(/’/g, "'").replace(/\s+/g, ' ');
}

/** Speaker heads the lexicon need not list: they give an attribution of kind `other`. */
const GENERIC_HEADS = ['source', 'sources', 'witnesses', 'residents', 'company', 'group', 'monitor'];

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
  const adverb = `(?:${SPEAKER_ADVERBS.join('|')}|\\p{Ll}+ly)`;
  const verbs = anyOf([...lexicon.attributionVerbs, ...lexicon.mediaVerbs], true);
  const roles = anyOf(lexicon.expertRoles, false);
  const heads = new Set<string>(GENERIC_HEADS);
  for (const role of [
    ...lexicon.expertRoles,
    ...lexicon.officialRoles,
    ...lexicon.mediaNouns,
    ...lexicon.outletAnaphors,
  ]) {
    const words = role
      .toLowerCase()
      .trim()
      .split(/\s+/)
      .filter((w) => !PREPOSITIONS.has(w));
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
    countryBefore: new RegExp(
      `${B0}(?<country>${anyOf(countryNames, true)})(?:['’]s)?\\s+(?:(?:the|official|ruling|main|own|party|communist)\\s+)*$`,
      'u',
    ),
    actorTitle: new RegExp(`^[Tt]he\\s+(?:[\\p{L}\\p{N}'’-]+\\s+){0,2}?${anyOf(lexicon.actorTitles, false)}${B1}`, 'u'),
    outletFiller: new RegExp(
      `^(?:[\\s,]|${B0}(?:[Tt]he|an?|${anyOf(['official', 'semi-official', 'state', 'ruling', 'party', 'communist', 'government', 'own', 'main'], false)}|${anyOf(countryNames, true)}|${anyOf(lexicon.stateAdjectives, false)}|${mediaNoun})(?:['’]s)?${B1})*$`,
      'u',
    ),
    roleOrClause: new RegExp(
      `${B0}(?:who|whose|which|that|${roles}(?:s|es)?|${anyOf(lexicon.expertOrganisations, false)})${B1}`,
      'u',
    ),
  };
}

let defaultCompiled: Compiled | undefined;
let emptyCompiled: Compiled | undefined;
const mergedCache = new WeakMap<Partial<Lexicon>, Compiled>();
const replacedCache = new WeakMap<Partial<Lexicon>, Compiled>();

/** The compiled lexicon for these options; cached for the default and per lexicon object. */
export function compiledFor(options: SuggestOptions): Compiled {
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
export function outletIn(mention: string, c: Compiled): OutletRef | undefined {
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
export function canonicalOutlet(
  text: string,
  options: Pick<SuggestOptions, 'lexicon' | 'replaceLexicon'> = {},
): string | undefined {
  const c = compiledFor(options);
  const written = outletKey(text.trim());
  const whole = c.outlets.get(written) ?? c.outletsFolded.get(written.toLowerCase());
  if (whole) return whole.name;
  const found: { name: string; start: number; end: number }[] = [];
  c.mentions.lastIndex = 0;
  for (let m = c.mentions.exec(written); m !== null; m = c.mentions.exec(written)) {
    const outlet = outletIn(m[0], c);
    const name = outlet ? outlet.name : stateMediaName(written.slice(0, m.index), m[0], undefined, c).name;
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

/**
 * The country generic state media belong to: named just before the cue
 * ("North Korea's state media") or in it, else the country of the last state
 * media named in the article (`known`). Several outlets share a country, so the cue
 * resolves to the country's state media, never to a guessed outlet.
 */
export function stateMediaName(
  before: string,
  cue: string,
  known: StateCountry | undefined,
  c: Compiled,
): { name: string; country?: StateCountry } {
  const named = c.countryBefore.exec(before)?.groups?.country ?? c.country.exec(cue)?.groups?.country;
  const country = (named === undefined ? undefined : c.countries.get(outletKey(named))) ?? known;
  return country ? { name: `${country.adjective} state media`, country } : { name: 'state media' };
}
