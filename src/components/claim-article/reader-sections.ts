import { html, nothing } from 'lit';
import { findTag, type Taxonomy } from '../../model/taxonomy.js';
import { labelOf, type DrawnArticle } from './drawn-article.js';
import type { ReaderAnnotation } from './reader-data.js';

/** The link to an annotation's published fact-check, when there is one. */
export type ReviewLink = (annotation: ReaderAnnotation) => string | undefined;

/** An annotation's source, verdict and note, and the link to its fact-check: in the popover, orphans and print. */
export function renderDetails(annotation: ReaderAnnotation, link: string | undefined) {
  return html`
    <dl class="fields">
      ${
        annotation.source
          ? html`<dt>Source</dt>
              <dd>${annotation.source}</dd>`
          : nothing
      }
      ${
        annotation.verdict
          ? html`<dt>Verdict</dt>
              <dd class="verdict">${annotation.verdict}</dd>`
          : nothing
      }
      ${
        annotation.note
          ? html`<dt>Note</dt>
              <dd class="note">${annotation.note}</dd>`
          : nothing
      }
    </dl>
    ${link ? html`<a class="review-link" href=${link}>Read the fact-check</a>` : nothing}
  `;
}

/** The tags drawn in the article, each with its count; nothing when none is drawn. */
export function renderLegend(drawn: DrawnArticle, taxonomy: Taxonomy) {
  const counts = new Map<string, number>();
  for (const id of drawn.drawn.keys()) {
    const tag = drawn.byId.get(id)!.tag;
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
  }
  const tags = [...counts.keys()].map((id) => findTag(taxonomy, id) ?? { id, label: id });
  if (tags.length === 0) return nothing;
  return html`<section class="legend" part="legend" aria-label="Highlights in this article">
    <span class="legend-title" aria-hidden="true">Highlights:</span>
    <ul>
      ${tags.map(
        (tag) =>
          html`<li data-tag=${tag.id}>
            <span class="swatch" aria-hidden="true"></span>${tag.label} (${counts.get(tag.id)})
          </li>`,
      )}
    </ul>
    <span class="legend-hint">Select a highlight, or press Enter on it, for the fact-check.</span>
  </section>`;
}

/** The annotations whose text is not in this article, listed with their details (never drawn elsewhere). */
export function renderOrphans(orphaned: readonly ReaderAnnotation[], taxonomy: Taxonomy, linkOf: ReviewLink) {
  if (orphaned.length === 0) return nothing;
  return html`<section class="orphans" part="orphans" aria-labelledby="orphans-title">
    <p id="orphans-title" class="orphans-title">Not found in this version of the article (${orphaned.length})</p>
    <ul>
      ${orphaned.map(
        (a) =>
          html`<li data-annotation-id=${a.id}>
            <span class="tag-chip" data-tag=${a.tag}>${labelOf(taxonomy, a)}</span>
            ${a.quote ? html`<q>${a.quote}</q>` : nothing} ${renderDetails(a, linkOf(a))}
          </li>`,
      )}
    </ul>
  </section>`;
}

/** Every drawn annotation's details, shown only when the page is printed (the popover cannot be). */
export function renderPrintNotes(drawn: DrawnArticle, taxonomy: Taxonomy, linkOf: ReviewLink) {
  if (drawn.drawn.size === 0) return nothing;
  return html`<ol class="print-notes">
    ${[...drawn.drawn.keys()].map((id) => {
      const a = drawn.byId.get(id)!;
      return html`<li><strong>${labelOf(taxonomy, a)}</strong>: ${a.quote ?? ''} ${renderDetails(a, linkOf(a))}</li>`;
    })}
  </ol>`;
}
