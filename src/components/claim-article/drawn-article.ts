import { findTag, type Tag, type Taxonomy } from '../../model/taxonomy.js';
import type { ArticleCopy } from './article-copy.js';
import { markUp, type DrawnRange } from './mark-up.js';
import type { Placement } from './place-annotations.js';
import type { ReaderAnnotation, ReaderData } from './reader-data.js';

/** The annotated article as drawn: its copy with marks, each drawn annotation's first mark and label. */
export interface DrawnArticle {
  element: HTMLElement;
  drawn: Map<string, DrawnRange>;
  orphaned: ReaderAnnotation[];
  byId: Map<string, ReaderAnnotation>;
}

/** The annotation's tag in the file's taxonomy, or a tag named by its id when the taxonomy lacks it. */
export function tagOf(taxonomy: Taxonomy, annotation: ReaderAnnotation): Tag {
  return findTag(taxonomy, annotation.tag) ?? { id: annotation.tag, label: annotation.tag };
}

/** The visible label of an annotation: its tag, and its verdict when it has one. */
export function labelOf(taxonomy: Taxonomy, annotation: ReaderAnnotation): string {
  const label = tagOf(taxonomy, annotation).label;
  return annotation.verdict ? `${label} · ${annotation.verdict}` : label;
}

/**
 * Wraps the copy of the article in its `part="article"` element and draws the
 * placed annotations' marks in it; each first mark takes focus in reading order
 * and is described by its label and the hint (`#claim-hint`).
 */
export function drawArticle(copy: ArticleCopy, { placed, orphaned }: Placement, data: ReaderData): DrawnArticle {
  const element = document.createElement('div');
  element.className = 'article';
  element.setAttribute('part', 'article');
  element.append(copy.fragment);
  const drawn = markUp(
    copy.pieces,
    placed.map(({ annotation, start, end }) => ({
      id: annotation.id,
      tag: annotation.tag,
      start,
      end,
      label: labelOf(data.taxonomy, annotation),
    })),
  );
  let index = 0;
  for (const { mark, label } of drawn.values()) {
    label.id = `claim-label-${index++}`;
    mark.tabIndex = 0;
    mark.setAttribute('aria-describedby', `${label.id} claim-hint`);
  }
  return { element, drawn, orphaned, byId: new Map(data.annotations.map((a) => [a.id, a])) };
}
