import type { ImportedAnnotation } from '../src/model/annotation.js';
import { DEFAULT_TAXONOMY } from '../src/model/taxonomy.js';
import { parseArticleHTML } from '../src/editor/article.js';
import { segmentSentences } from '../src/text/sentences.js';
import { TextIndex } from '../src/editor/text-index.js';
import { NATIVE_FORMAT, NATIVE_VERSION } from '../src/formats/json.js';
import { generateArticle } from './article-generator.js';

/** The two layouts of the same sentences: all on one line, or each its own paragraph. */
export type DenseLayout = 'one-paragraph' | 'one-per-paragraph';

/** Sentences with many annotations each, laid out one way, as native JSON to import. */
export interface DenseFixture {
  layout: DenseLayout;
  sentences: number;
  html: string;
  text: string;
  annotations: ImportedAnnotation[];
  /**
   * Native JSON, compact, each annotation only its id, tag and offsets (as a tool feeding the editor writes it):
   * 100,000 fit well under the import limit.
   */
  json: string;
}

const TAGS = DEFAULT_TAXONOMY.map((tag) => tag.id);

/** `count` sentences of generated wire copy, each without surrounding space. */
function someSentences(count: number): string[] {
  const found: string[] = [];
  for (let paragraphs = Math.ceil(count / 4); found.length < count; paragraphs *= 2) {
    found.length = 0;
    const doc = parseArticleHTML(generateArticle(paragraphs).html);
    doc.forEach((block) => {
      for (const { start, end } of segmentSentences(block.textContent)) found.push(block.textContent.slice(start, end));
    });
  }
  return found.slice(0, count);
}

/**
 * `perSentence` annotations on every sentence: the whole sentence, then runs
 * of words from each word on, of growing length, so they overlap as close
 * reading does. Offsets are the same in both layouts (a space or a block
 * break between sentences is one character either way).
 */
function denseAnnotations(sentences: readonly string[], perSentence: number): ImportedAnnotation[] {
  const annotations: ImportedAnnotation[] = [];
  let offset = 0;
  sentences.forEach((sentence, s) => {
    const words = [...sentence.matchAll(/\S+/g)].map((match) => ({
      start: offset + match.index,
      end: offset + match.index + match[0].length,
    }));
    for (let k = 0; k < perSentence; k++) {
      const first = k === 0 ? 0 : (k - 1) % words.length;
      const last = k === 0 ? words.length - 1 : Math.min(words.length - 1, first + Math.floor((k - 1) / words.length));
      annotations.push({
        id: `d${s}-${k}`,
        tag: TAGS[(s + k) % TAGS.length],
        start: words[first].start,
        end: words[last].end,
      });
    }
    offset += sentence.length + 1;
  });
  return annotations;
}

/** `sentences` sentences with `perSentence` annotations each, in `layout`. */
export function denseFixture(layout: DenseLayout, sentences: number, perSentence: number): DenseFixture {
  const parts = someSentences(sentences);
  const html =
    layout === 'one-paragraph' ? `<p>${parts.join(' ')}</p>` : parts.map((part) => `<p>${part}</p>`).join('\n');
  const doc = parseArticleHTML(html);
  const { text } = TextIndex.of(doc);
  const annotations = denseAnnotations(parts, perSentence);
  const json = JSON.stringify({
    format: NATIVE_FORMAT,
    version: NATIVE_VERSION,
    document: { title: `Dense ${layout}`, text, content: doc.toJSON() },
    taxonomy: DEFAULT_TAXONOMY,
    annotations,
  });
  return { layout, sentences, html, text, annotations, json };
}
