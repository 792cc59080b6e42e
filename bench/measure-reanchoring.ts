import { Anchorer, type AnchorTarget } from '../src/model/anchoring.js';
import { evaluateCorpus, type KindScore } from '../src/test-support/anchoring-corpus.js';
import { benchFixture } from './bench-fixture.js';

export interface ReanchoringMeasurement {
  measure: 'reanchoring';
  paragraphs: number;
  annotations: number;
  characters: number;
  /** Re-anchoring every annotation against the changed article (folding, indexing and matching), ms per run. */
  samples: number[];
  median: number;
  anchored: number;
  reanchored: number;
  orphaned: number;
  /** The evaluation corpus of issue 18 (src/test-support/anchoring-corpus.ts), per kind of change. */
  corpus: Omit<KindScore, 'failures'>[];
}

/**
 * The article changed the way a desk changes published copy, a different
 * change in every tenth paragraph: an update line on top, figures and
 * closing words reworded, opening sentences deleted, quotes straightened,
 * and a paragraph in fifty moved to the end.
 */
function changeArticle(text: string): string {
  const paragraphs = text.split('\n').map((paragraph, i) => {
    switch (i % 10) {
      case 1:
        return paragraph.replaceAll('percent', 'per cent');
      case 4:
        return paragraph.replace(' said.', ' reported.');
      case 6:
        return paragraph.slice(paragraph.indexOf('. ') + 2);
      case 8:
        return paragraph.replace(/[“”]/gu, '"');
      default:
        return paragraph;
    }
  });
  const moved = paragraphs.filter((_, i) => i % 50 === 25);
  const kept = paragraphs.filter((_, i) => i % 50 !== 25);
  return ['Updated at 14:20 GMT with corrections throughout.', ...kept, ...moved].join('\n');
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1];

/**
 * Times re-anchoring `count` annotations of a `paragraphs`-paragraph article after {@link changeArticle}, `runs` times.
 */
export function measureReanchoring(paragraphs = 1000, count = 5000, runs = 5): ReanchoringMeasurement {
  const fixture = benchFixture(paragraphs);
  const targets: AnchorTarget[] = fixture.annotations.slice(0, count);
  const changed = changeArticle(fixture.text);
  const samples: number[] = [];
  let results = new Anchorer(changed).anchorAll(targets);
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    results = new Anchorer(changed).anchorAll(targets);
    samples.push(performance.now() - start);
  }
  const counted = (status: string) => results.filter((r) => r.status === status).length;
  const corpus = evaluateCorpus().kinds.map(({ kind, right, wrong, missed }) => ({ kind, right, wrong, missed }));
  return {
    measure: 'reanchoring',
    paragraphs,
    annotations: targets.length,
    characters: changed.length,
    samples,
    median: median(samples),
    anchored: counted('anchored'),
    reanchored: counted('reanchored'),
    orphaned: counted('orphaned'),
    corpus,
  };
}
