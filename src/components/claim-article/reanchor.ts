import { anchorImported, Anchorer, type AnchorTarget } from '../../model/anchoring.js';
import type { Placement } from './place-annotations.js';
import type { ReaderAnnotation } from './reader-data.js';

function isComplete(annotation: ReaderAnnotation): annotation is ReaderAnnotation & AnchorTarget {
  const { start, end, quote, prefix, suffix } = annotation;
  return (
    start !== undefined && end !== undefined && quote !== undefined && prefix !== undefined && suffix !== undefined
  );
}

/**
 * Loaded only when some annotation is not where its offsets say (the article
 * on the page differs from the one annotated): the anchoring code is most of
 * the reader's weight otherwise.
 *
 * Anchors annotations to the article's text as the editor does: one still at
 * its offsets stays there; one whose text moved or changed is re-found by its
 * quote and context, or else is orphaned. An annotation the file already
 * calls orphaned stays orphaned: it is listed, never drawn in a guessed place.
 */
export function reanchorAnnotations(text: string, annotations: readonly ReaderAnnotation[]): Placement {
  const anchorer = new Anchorer(text);
  const live = annotations.filter((a) => a.status !== 'orphaned');
  const complete = live.filter(isComplete);
  const results = new Map(anchorer.anchorAll(complete).map((result, i) => [complete[i], result]));
  const placement: Placement = { placed: [], orphaned: [] };
  for (const annotation of annotations) {
    const result =
      annotation.status === 'orphaned'
        ? undefined
        : (results.get(annotation as ReaderAnnotation & AnchorTarget) ?? anchorImported(anchorer, annotation));
    if (result && result.status !== 'orphaned' && result.end > result.start)
      placement.placed.push({ annotation, start: result.start, end: result.end });
    else placement.orphaned.push(annotation);
  }
  return placement;
}
