/* Who speaks: a speaker phrase classified as an outlet, an expert, an official or a person, by canonical name. */
import type { StateCountry } from '../lexicon.js';
import { outletKey, stateMediaName, type Compiled, type OutletRef } from './compile.js';
import { CONFIDENCE, type Kind } from './roles.js';
import { appositiveAfter, appositiveBefore, CAP_START, walkBack, walkForward, ADVERB, type Token } from './tokens.js';
import {
  AFTER_INVERTED,
  ARTICLES,
  CONNECTORS,
  DETS,
  HONORIFICS,
  NEGATIONS,
  NOT_NAMES,
  PREPOSITIONS,
  QUANTIFIER_WORDS,
  QUOTES,
  RELATIVES,
  SKIPPED,
  STOP_CAPS,
} from './words.js';

export interface Candidate {
  kind: Kind;
  confidence: number;
  /** Cue, absolute offsets. */
  start: number;
  end: number;
  source?: string;
}

/**
 * An outlet named in a sentence, or a generic cue ("state media", then `name` is its canonical name, "North Korean
 * state media").
 */
export interface Mention extends OutletRef {
  generic: boolean;
  /** Absolute offset. */
  start: number;
  end: number;
}

/** What carries across sentences, until the next heading. */
export interface Context {
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

export function nameOf(token: Token): string | undefined {
  if (!token.cap || STOP_CAPS.has(token.text) || NOT_NAMES.has(token.text)) return undefined;
  return token.text.replace(/['’]s$/u, '');
}

function resolveAnaphor(
  ctx: Context,
  mentions: Mention[],
  before: number,
): { outlet: OutletRef; near: boolean } | undefined {
  const inSentence = mentions.filter((m) => m.end <= before).pop();
  if (inSentence) return { outlet: inSentence, near: true };
  if (ctx.paragraphOutlet) return { outlet: ctx.paragraphOutlet, near: true };
  if (ctx.articleOutlet) return { outlet: ctx.articleOutlet, near: false };
  return undefined;
}

/** "the agency" at absolute offset `at`: the outlet it refers back to decides. */
export function anaphorCandidate(
  label: string,
  at: number,
  cue: { start: number; end: number },
  ctx: Context,
  mentions: Mention[],
): Candidate {
  const found = resolveAnaphor(ctx, mentions, at);
  if (!found) return { kind: 'other', confidence: CONFIDENCE.other, ...cue, source: label };
  const { outlet, near } = found;
  if (!outlet.state) return { kind: 'other', confidence: CONFIDENCE.other, ...cue, source: outlet.name };
  return {
    kind: 'state',
    confidence: near ? CONFIDENCE.stateGeneric : CONFIDENCE.stateAnaphorFar,
    ...cue,
    source: outlet.name,
  };
}

export function registerNames(
  tokens: Token[],
  [from, to]: [number, number],
  role: 'expert' | 'official',
  c: Compiled,
  ctx: Context,
): void {
  for (let k = from; k <= to; k++) {
    const tok = tokens[k];
    if (CONNECTORS.has(tok.lower) && k > from) break;
    const name = nameOf(tok);
    if (name && !c.official.test(name) && !c.expert.test(name) && !c.outlet.test(name)) ctx.roles.set(name, role);
  }
}
/**
 * The part of a speaker phrase that says who speaks, before any role or
 * relative clause: in "Prof. Varga, who studies official media" or "an expert
 * on state media" the medium is the speaker's field, not the speaker.
 */
export function speakerIdentity(speaker: string, c: Compiled): string {
  const role = c.roleOrClause.exec(speaker);
  return role ? speaker.slice(0, role.index) : speaker;
}

/**
 * A speaker without a relative clause that describes them: "An official at the ministry, which monitors …" → "An
 * official at the ministry".
 */
function withoutClause(speaker: string): string {
  return speaker.replace(/\s*,\s*(?:who|whose|which)\s[\s\S]*$/u, '');
}

function isPersonWord(token: Token, c: Compiled): boolean {
  return (
    nameOf(token) !== undefined &&
    !/['’]s$/u.test(token.text) &&
    !c.heads.has(token.lower) &&
    !c.official.test(token.text) &&
    !c.expert.test(token.text) &&
    !c.outlet.test(token.text)
  );
}

/**
 * The person named by tokens [from, to]: the run of name words ending its
 * head ("Kremlin spokesman Dmitry Peskov" → "Dmitry Peskov", "Aylin Demirtas
 * of the … Centre" → "Aylin Demirtas"); none for a description or for an
 * organisation with an article ("The Hong Kong Observatory").
 */
export function personIn(tokens: Token[], from: number, to: number, c: Compiled): [number, number] | undefined {
  let end = from;
  while (end < to && !PREPOSITIONS.has(tokens[end + 1].lower)) end++;
  let k = end;
  while (k >= from && isPersonWord(tokens[k], c)) k--;
  if (k === end || (k >= from && ARTICLES.has(tokens[k].lower))) return undefined;
  return [k + 1, end];
}

/** Remembers a full name under each of its words; a word two people share resolves to neither. */
export function registerPerson(tokens: Token[], [from, to]: [number, number], ctx: Context): void {
  if (to === from) return;
  const full = tokens
    .slice(from, to + 1)
    .map((t) => t.text)
    .join(' ');
  for (let k = from; k <= to; k++) {
    const known = ctx.people.get(tokens[k].text);
    if (known === undefined) ctx.people.set(tokens[k].text, full);
    else if (known !== full) ctx.people.set(tokens[k].text, null);
  }
}

/** The canonical name of the person at tokens [from, to]: a lone surname becomes the full name first given for it. */
export function personName(tokens: Token[], [from, to]: [number, number], ctx: Context): string {
  if (to > from) {
    registerPerson(tokens, [from, to], ctx);
    return tokens
      .slice(from, to + 1)
      .map((t) => t.text)
      .join(' ');
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
function speakerPerson(
  tokens: Token[],
  np: [number, number],
  app: [number, number] | undefined,
  c: Compiled,
  ctx: Context,
): string | undefined {
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
export function classifySpeaker(
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
    if (outlet)
      return {
        kind: outlet.state ? 'state' : 'other',
        confidence: outlet.state ? CONFIDENCE.stateNamed : CONFIDENCE.other,
        ...cue,
        source: outlet.name,
      };
  }
  const generic = c.stateCue.exec(identity);
  if (generic) {
    const { name } = stateMediaName(sentence.slice(0, npStart + generic.index), generic[0], ctx.stateCountry, c);
    return { kind: 'state', confidence: CONFIDENCE.stateGeneric, ...cue, source: name };
  }
  if (c.anaphor.test(head)) return anaphorCandidate(head, base + npStart, cue, ctx, mentions);
  if (np[0] === np[1] && c.pronouns.has(tokens[np[0]].lower))
    return { kind: 'pronoun', confidence: CONFIDENCE.pronounAlone, ...cue };
  const bonus = hedged ? CONFIDENCE.opinionBonus : 0;
  const person = speakerPerson(tokens, np, app, c, ctx);
  if (c.expert.test(speaker)) {
    registerNames(tokens, np, 'expert', c, ctx);
    if (app && nameOf(tokens[app[0]])) registerNames(tokens, app, 'expert', c, ctx);
    return {
      kind: 'expert',
      confidence: CONFIDENCE.expert + bonus,
      ...cue,
      source: person ?? groupName(speaker, np[0] === 0),
    };
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
/**
 * "Some economists" → "economists"; a sentence-initial capital is lowered unless the word is an acronym or a quantifier
 * came first.
 */
export function groupName(speaker: string, sentenceInitial: boolean): string {
  const words = speaker.split(/\s+/);
  const count = words.length;
  while (words.length > 1 && QUANTIFIER_WORDS.includes(words[0].toLowerCase())) words.shift();
  const text = words.join(' ');
  // After a dropped "Many", the first word kept its own capital ("Many Iran watchers").
  if (!sentenceInitial || words.length < count || words.length > 2 || /^\p{Lu}{2}/u.test(text)) return text;
  return words.slice(1).some((w) => CAP_START.test(w)) ? text : text[0].toLowerCase() + text.slice(1);
}

/**
 * The speaker of the verb spanning tokens v…ve: before it, inverted after it
 * ("…," said Dr. Ruiz), or after "according to". A verb of judgement
 * (`judging`) takes only a speaker before it.
 */
export function speakerAt(
  tokens: Token[],
  v: number,
  ve: number,
  verb: 'saying' | 'according' | 'judging',
  c: Compiled,
): { np: [number, number]; app?: [number, number] } | undefined {
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
  while (
    k >= 0 &&
    tokens[k].word &&
    (SKIPPED.has(tokens[k].lower) || NEGATIONS.has(tokens[k].lower) || ADVERB.test(tokens[k].text))
  ) {
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
