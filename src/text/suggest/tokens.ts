/* Tokens and speaker noun phrases. */
import type { Compiled } from './compile.js';
import { CONNECTORS, DETS, QUOTES, STOP_CAPS } from './words.js';

export interface Token {
  text: string;
  lower: string;
  /** Offsets relative to the sentence. */
  start: number;
  end: number;
  word: boolean;
  cap: boolean;
}

/**
 * Dotted capitals ("U.S."), a title before a name ("Dr."), a word (with 's, hyphens, 1,300 / 5.8), or one other
 * character.
 */
export const TOKEN =
  /(?:\p{Lu}\.){2,}|\p{Lu}\p{Ll}{0,3}\.(?=\s+\p{Lu})|[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+|[.,]\p{N}+)*|[^\s\p{L}\p{N}]/gu;
export const WORD_START = /^[\p{L}\p{N}]/u;
export const CAP_START = /^\p{Lu}/u;
export const ADVERB = /^\p{Ll}+ly$/u;
export const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
export const LOWER_LETTER = /\p{Ll}/u;
export const ANY_LETTER = /\p{L}/u;
export const TERMINAL = /[.!?…]["'”’»)\]]*$/u;
export const QUESTION = /\?["'”’»)\]]*$/u;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(text); m !== null; m = TOKEN.exec(text)) {
    const t = m[0];
    tokens.push({
      text: t,
      lower: t.toLowerCase(),
      start: m.index,
      end: m.index + t.length,
      word: WORD_START.test(t),
      cap: CAP_START.test(t),
    });
  }
  return tokens;
}

/** A name-like capitalised token: not a clause opener. */
export function isNameish(token: Token): boolean {
  return token.cap && !STOP_CAPS.has(token.text);
}

/** The speaker noun phrase ending at token `i` ("the Commerce Ministry", "Some economists", "she"), as [from, to]. */
export function walkBack(tokens: Token[], i: number, c: Compiled): [number, number] | undefined {
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
    else if (CONNECTORS.has(tok.lower) && (right.cap || (DETS.has(right.lower) && tokens[k + 2]?.cap === true)))
      modifiers = 0;
    else if (!tok.cap && modifiers < 2 && (modifiers > 0 || c.heads.has(right.lower))) modifiers++;
    else break;
    from = k;
  }
  while (from < i && CONNECTORS.has(tokens[from].lower)) from++;
  return [from, i];
}

/** The speaker noun phrase starting at token `i` ("Dr. Ruiz", "the ministry"), as [from, to]. */
export function walkForward(tokens: Token[], i: number, c: Compiled): [number, number] | undefined {
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
      (CONNECTORS.has(tok.lower) &&
        next !== undefined &&
        (next.cap || (DETS.has(next.lower) && after?.cap === true))) ||
      (!tok.cap &&
        next !== undefined &&
        (c.heads.has(next.lower) || (!next.cap && after !== undefined && c.heads.has(after.lower))));
    if (!ok) break;
    to = k;
  }
  while (to >= i && (CONNECTORS.has(tokens[to].lower) || DETS.has(tokens[to].lower))) to--;
  if (to < i) return undefined;
  const end = tokens[to];
  return isNameish(end) || c.heads.has(end.lower) ? [i, to] : undefined;
}

/** The appositive after the comma at `comma` (", a meteorologist"), up to the next comma or the end. */
export function appositiveAfter(tokens: Token[], comma: number): [number, number] | undefined {
  let k = comma + 1;
  while (
    k < tokens.length &&
    k - comma < 25 &&
    tokens[k].text !== ',' &&
    (tokens[k].word || !/^[.!?…;:"“”«»]$/u.test(tokens[k].text))
  )
    k++;
  return k > comma + 1 ? [comma + 1, k - 1] : undefined;
}

/**
 * The appositive ending just before the comma at `comma` (", a commodities analyst at X,"): from the comma before it.
 */
export function appositiveBefore(tokens: Token[], comma: number): [number, number] | undefined {
  for (let k = comma - 1; k >= 0 && comma - k < 25; k--) {
    const tok = tokens[k];
    if (tok.text === ',') return k < comma - 1 ? [k + 1, comma - 1] : undefined;
    if (!tok.word && (QUOTES.has(tok.text) || /^[.!?…;:()]$/u.test(tok.text))) return undefined;
  }
  return undefined;
}
