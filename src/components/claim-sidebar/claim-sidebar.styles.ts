import { css } from 'lit';

export const sidebarStyles = css`
  :host {
    display: flex;
    flex-direction: column;
    min-height: 0;
    font-size: 0.9rem;
  }
  /* Others on the document: quiet, one small line, each name with a dot in their colour. */
  .presence {
    margin: 0 0 var(--_space);
    font-size: 0.8rem;
    color: var(--_muted);
  }
  .presence ul,
  .presence li {
    display: inline;
    margin: 0;
    padding: 0;
  }
  .presence-name {
    color: var(--_text);
  }
  .presence-dot {
    display: inline-block;
    width: 0.55em;
    height: 0.55em;
    margin-right: 0.25em;
    border-radius: 50%;
    background: var(--_presence);
  }
  h2 {
    font-size: 0.95rem;
    margin: 0 0 var(--_space);
  }
  .progress {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.3rem;
    margin: 0 0 var(--_space);
  }
  .progress button {
    font-variant-numeric: tabular-nums;
  }
  .summary {
    display: grid;
    grid-template-columns: 1fr auto auto;
    gap: 0.2rem 0.6rem;
    margin: 0 0 var(--_space);
    align-items: center;
  }
  .summary dt {
    margin: 0;
  }
  .summary dd {
    margin: 0;
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3rem;
    margin-bottom: var(--_space);
  }
  .filters button[aria-pressed='true'] {
    border-color: var(--_focus);
    box-shadow: inset 0 0 0 1px var(--_focus);
    font-weight: 600;
  }
  .list {
    flex: 1 1 auto;
    min-height: 12rem;
    max-height: var(--claim-list-max-height, 70vh);
    overflow-y: auto;
    overscroll-behavior: contain;
  }
  ol {
    list-style: none;
    margin: 0;
    padding: 0;
    position: relative;
  }
  /* One height for every row, so the list can draw only the rows in view. */
  li {
    box-sizing: border-box;
    height: 5.6rem;
    width: 100%;
    padding-bottom: 0.3rem;
  }
  .entry {
    width: 100%;
    height: 100%;
    overflow: hidden;
    text-align: left;
    display: flex;
    flex-direction: column;
    justify-content: flex-start;
    gap: 0.15rem;
    border-left: 4px var(--_tag-pattern, solid) var(--_tag-color);
  }
  .entry[aria-current='true'] {
    background: var(--_subtle);
    border-color: var(--_focus);
    border-left-color: var(--_tag-color);
  }
  /* The article's words in its typeface, with no added quotation marks (a quote may carry its own). */
  .quote {
    font-family: var(--claim-article-font-family, Georgia, 'Times New Roman', serif);
    font-size: 0.85rem;
    line-height: 1.3;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.8rem;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .status {
    font-size: 0.75rem;
    font-weight: 600;
    color: var(--claim-warning-color, #7a3d00);
  }
  .empty {
    color: var(--_muted);
  }
`;
