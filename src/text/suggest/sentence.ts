/* One sentence read on its own, quotations blanked: its own attribution, subject and names. */
import type { SentenceRange } from '../sentences.js';
import { outletIn, outletKey, stateMediaName, type Compiled } from './compile.js';
import { CONFIDENCE, PRIORITY } from './roles.js';
import {
  anaphorCandidate,
  classifySpeaker,
  groupName,
  nameOf,
  personIn,
  personName,
  registerPerson,
  speakerAt,
  type Candidate,
  type Context,
  type Mention,
} from './speaker.js';
import { LETTER_OR_DIGIT, QUESTION, tokenize, walkForward, type Token } from './tokens.js';
import { CONNECTORS, INTRO_WORDS, NEGATIONS, SUBJECT_PRONOUNS } from './words.js';

export interface Subject {
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

export interface SentenceInfo {
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
    return {
      start: base + first.start,
      end: base + first.end,
      from: k,
      to: k,
      pronoun: true,
      title: false,
      names: new Set(),
    };
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
function better(a: Candidate | undefined, b: Candidate): Candidate {
  if (!a) return b;
  if (PRIORITY[b.kind] !== PRIORITY[a.kind]) return PRIORITY[b.kind] > PRIORITY[a.kind] ? b : a;
  return b.confidence > a.confidence ? b : a;
}

/** The outlet named right after a generic cue ("state broadcaster KCTV"), if any. */
function namedAfter(mentions: Mention[], end: number, text: string): Mention | undefined {
  return mentions.find(
    (m) => m.start >= end && m.start - end <= 30 && /^[\s\p{L}'’-]*$/u.test(text.slice(end, m.start)) && !m.generic,
  );
}

export function analyseSentence(
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
    else
      mentions.push({
        ...stateMediaName(masked.slice(0, m.index), m[0], ctx.stateCountry, c),
        state: true,
        generic: true,
        ...at,
      });
  }

  let own: Candidate | undefined;
  const fromWho = (who: string, whoIndex: number, matchStart: number, matchEnd: number): Candidate => {
    const outlet = outletIn(who, c);
    const cue = { start: base + matchStart, end: base + matchEnd };
    if (outlet)
      return {
        kind: outlet.state ? 'state' : 'other',
        confidence: outlet.state ? CONFIDENCE.stateNamed : CONFIDENCE.other,
        ...cue,
        source: outlet.name,
      };
    const after = namedAfter(mentions, base + whoIndex + who.length, text);
    if (after)
      return {
        kind: after.state ? 'state' : 'other',
        confidence: after.state ? CONFIDENCE.stateNamed : CONFIDENCE.other,
        start: Math.min(cue.start, after.start),
        end: Math.max(cue.end, after.end),
        source: after.name,
      };
    return {
      kind: 'state',
      confidence: CONFIDENCE.stateGeneric,
      ...cue,
      source: stateMediaName(masked.slice(0, whoIndex), who, ctx.stateCountry, c).name,
    };
  };
  for (const re of [c.outletVerb, c.prepOutlet]) {
    re.lastIndex = 0;
    for (let m = re.exec(masked); m !== null; m = re.exec(masked)) {
      const anaphor = m.groups?.anaphor;
      if (anaphor) {
        own = better(
          own,
          anaphorCandidate(
            anaphor,
            base + m.index,
            { start: base + m.index, end: base + m.index + m[0].length },
            ctx,
            mentions,
          ),
        );
        continue;
      }
      const who = m.groups?.who ?? '';
      const whoIndex = m.indices?.groups?.who?.[0] ?? m.index;
      // The outlet must be who speaks, not the field of a speaker described before it ("an expert on state media
      // said").
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
    if (found)
      own = better(
        own,
        classifySpeaker(sentence, base, tokens, found.np, found.app, verbStart, verbEnd, c, ctx, mentions, hedged),
      );
  }

  // Verbs of judgement ("Several analysts read the timing as…") make an opinion only for an expert.
  c.opinionVerbs.lastIndex = 0;
  for (let m = c.opinionVerbs.exec(masked); m !== null; m = c.opinionVerbs.exec(masked)) {
    const v = tokens.findIndex((t) => t.start === m.index);
    const found = v === -1 ? undefined : speakerAt(tokens, v, v, 'judging', c);
    if (!found) continue;
    const judged = classifySpeaker(
      sentence,
      base,
      tokens,
      found.np,
      found.app,
      m.index,
      m.index + m[0].length,
      c,
      ctx,
      mentions,
      hedged,
    );
    if (judged.kind === 'expert') own = better(own, judged);
  }

  const group = c.groupSubject.exec(masked);
  if (group?.groups && hedged) {
    const g = group.groups.group;
    const at = group.index + group[0].length - g.length;
    own = better(own, {
      kind: 'expert',
      confidence: CONFIDENCE.expertGroup,
      start: base + at,
      end: base + at + g.length,
      source: groupName(g, true),
    });
  }

  // A judgement with an expert known from earlier as its subject: "Varga is sceptical."
  if (hedged && subject && !subject.pronoun && [...subject.names].some((name) => ctx.roles.get(name) === 'expert')) {
    const person = personIn(tokens, subject.from, subject.to, c);
    const source = person ? personName(tokens, person, ctx) : masked.slice(subject.start - base, subject.end - base);
    own = better(own, {
      kind: 'expert',
      confidence: CONFIDENCE.expertKnown,
      start: subject.start,
      end: subject.end,
      source,
    });
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
    own = better(own, {
      kind: 'state',
      confidence: CONFIDENCE.stateReleased,
      start: base + m.index,
      end: base + tokens[np[1]].end,
      source,
    });
  }

  // An outlet as the subject, whatever the verb: "North Korea's state media introduced a slogan".
  if (subject && !subject.pronoun) {
    const first = mentions.find(
      (m) => m.start >= subject.start && c.outletFiller.test(text.slice(subject.start, m.start)),
    );
    // "KCNA did not say when…" attributes nothing to it.
    const negated =
      first !== undefined &&
      tokens.some((t) => t.start >= first.end - base && t.start - (first.end - base) < 20 && NEGATIONS.has(t.lower));
    if (first && !negated) {
      const confidence = first.state ? CONFIDENCE.stateGeneric : CONFIDENCE.other;
      own = better(own, {
        kind: first.state ? 'state' : 'other',
        confidence,
        start: first.start,
        end: first.end,
        source: first.name,
      });
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
  return before.slice(
    Math.max(before.lastIndexOf(','), before.lastIndexOf(';'), before.lastIndexOf(':'), before.lastIndexOf('(')) + 1,
  );
}
