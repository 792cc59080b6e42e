import type { SentenceRange } from '../sentences.js';
import { compiledFor } from './compile.js';
import { openingWords, resolveParagraph, isHeading } from './paragraph.js';
import { maskQuotes } from './quotes.js';
import { CONFIDENCE, ROLE_OF, type Suggestion, type SuggestOptions } from './roles.js';
import { analyseSentence } from './sentence.js';
import type { Context } from './speaker.js';

/**
 * `suggestProvenance` on sentences already segmented (`segmentSentences(text,
 * options.locale)`): the suggester's chunk takes them from the module that
 * loads it, which has the segmenter already. This file imports no value of
 * `sentences.ts`, so the chunk shares no file with that module.
 */
export function suggestForSentences(
  text: string,
  sentences: readonly SentenceRange[],
  options: SuggestOptions = {},
): Suggestion[] {
  const c = compiledFor(options);
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
      analyseSentence(
        text,
        range,
        masked.slice(range.start - lineStart, range.end - lineStart),
        endsInQuote[k],
        c,
        ctx,
      ),
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
