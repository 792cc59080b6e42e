import type { ReaderAnnotation } from './reader-data.js';

/** Where each annotation goes in the article on the page, or that it goes nowhere. */
export interface Placement {
  placed: { annotation: ReaderAnnotation; start: number; end: number }[];
  orphaned: ReaderAnnotation[];
}

/**
 * Places annotations in the article's text when every one the file does not
 * call orphaned still has its quote at its offsets (the page shows the
 * article that was annotated). Otherwise undefined: they must be re-found by
 * quote and context (`reanchor.ts`, loaded only then).
 */
export function placeExactly(text: string, annotations: readonly ReaderAnnotation[]): Placement | undefined {
  const placement: Placement = { placed: [], orphaned: [] };
  for (const annotation of annotations) {
    const { start, end, quote, status } = annotation;
    if (status === 'orphaned') placement.orphaned.push(annotation);
    else if (start !== undefined && end !== undefined && end > start && quote && text.slice(start, end) === quote)
      placement.placed.push({ annotation, start, end });
    else return undefined;
  }
  return placement;
}
