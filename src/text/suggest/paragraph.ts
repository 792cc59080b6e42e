/* Paragraphs: carrying attributions between sentences. */
import type { SentenceRange } from '../sentences.js';
import { CONFIDENCE, type Kind } from './roles.js';
import type { SentenceInfo } from './sentence.js';
import { ANY_LETTER, LOWER_LETTER, TERMINAL } from './tokens.js';

export interface Resolved {
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
export function openingWords(text: string, range: SentenceRange): { start: number; end: number } {
  const m = OPENING_WORDS.exec(text.slice(range.start, range.end));
  return m ? { start: range.start + m.index, end: range.start + m.index + m[0].length } : range;
}

function inherit(from: Resolved, cue: { start: number; end: number }, confidence: number): Resolved {
  const { start, end } = cue;
  return {
    kind: from.kind,
    confidence: Math.max(CONFIDENCE.carryFloor, confidence),
    start,
    end,
    ...(from.source ? { source: from.source } : {}),
  };
}

export function resolveParagraph(text: string, infos: SentenceInfo[]): (Resolved | undefined)[] {
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
      const antecedent = out
        .slice(0, i)
        .reverse()
        .find((r) => r !== undefined);
      out.push(
        antecedent
          ? inherit(antecedent, own, antecedent.confidence * CONFIDENCE.inherited)
          : { ...own, kind: 'person', source: undefined },
      );
      return;
    }
    if (info.quoted && prev) {
      out.push(inherit(prev, ownWords(text, info), prev.confidence * CONFIDENCE.inherited));
      return;
    }
    const subject = info.subject;
    if (
      prev?.kind === 'state' &&
      !info.question &&
      subject &&
      (subject.pronoun || subject.title || overlaps(subject.names, infos[i - 1].names))
    ) {
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
    if (
      next.kind === 'state' &&
      !info.question &&
      later &&
      subject &&
      (later.pronoun || overlaps(later.names, subject.names))
    ) {
      out[i] = inherit(next, ownWords(text, info), next.confidence - CONFIDENCE.backStep);
    }
  }
  return out;
}

/** A line that is a headline or dateline: one short "sentence" without final punctuation, or all capitals. */
export function isHeading(line: string): boolean {
  if (!ANY_LETTER.test(line)) return true;
  if (!LOWER_LETTER.test(line)) return true;
  return !TERMINAL.test(line) && line.split(/\s+/).length <= 20;
}
