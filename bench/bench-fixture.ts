import type { Node as PMNode } from 'prosemirror-model';
import { CONTEXT_LENGTH, type Annotation } from '../src/model/annotation.js';
import { DEFAULT_TAXONOMY } from '../src/model/taxonomy.js';
import { parseArticleHTML } from '../src/editor/article.js';
import { segmentSentences } from '../src/text/sentences.js';
import { TextIndex } from '../src/editor/text-index.js';
import { jsonFormat } from '../src/formats/json.js';
import { generateArticle } from './article-generator.js';

/** A generated article with one annotation per sentence, as the bench loads it. */
export interface BenchFixture {
  paragraphs: number;
  html: string;
  doc: PMNode;
  text: string;
  annotations: Annotation[];
  /** The article and its annotations as native JSON, what `importAnnotations` and storage take. */
  json: string;
}

const TAGS = DEFAULT_TAXONOMY.map((tag) => tag.id);

/**
 * One annotation per sentence, tags in turn; every tenth runs on to the middle
 * of the next sentence, so a tenth of them overlap a neighbour.
 */
function sentenceAnnotations(text: string): Annotation[] {
  const sentences = segmentSentences(text);
  const created = '2026-01-05T09:00:00.000Z';
  return sentences.map(({ start, end }, i) => {
    const next = sentences[i + 1];
    if (i % 10 === 9 && next) end = next.start + Math.floor((next.end - next.start) / 2);
    return {
      id: `bench-${i}`,
      tag: TAGS[i % TAGS.length],
      start,
      end,
      quote: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
      ...(i % 4 === 0 ? { source: 'a regional security expert' } : {}),
      created,
      modified: created,
      status: 'anchored',
    };
  });
}

export function benchFixture(paragraphs: number): BenchFixture {
  const { html } = generateArticle(paragraphs);
  const doc = parseArticleHTML(html);
  const { text } = TextIndex.of(doc);
  const annotations = sentenceAnnotations(text);
  const json = jsonFormat.serialize({
    document: { title: `Bench ${paragraphs}`, text, content: doc.toJSON() },
    taxonomy: DEFAULT_TAXONOMY,
    annotations,
    generated: new Date().toISOString(),
  });
  return { paragraphs, html, doc, text, annotations, json };
}
