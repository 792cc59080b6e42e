import type { TextRange } from './text-quote.js';

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** True when `offset` falls between the two halves of one character (an emoji, a rare CJK character). */
export function splitsCharacter(text: string, offset: number): boolean {
  return (
    offset > 0 &&
    offset < text.length &&
    isHighSurrogate(text.charCodeAt(offset - 1)) &&
    isLowSurrogate(text.charCodeAt(offset))
  );
}

/**
 * Widens a range of UTF-16 offsets so that neither edge cuts a character in
 * two: half a surrogate pair would be written as U+FFFD by every export.
 */
export function widenToCharacters(text: string, { start, end }: TextRange): TextRange {
  return { start: splitsCharacter(text, start) ? start - 1 : start, end: splitsCharacter(text, end) ? end + 1 : end };
}
