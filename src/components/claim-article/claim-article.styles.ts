import { css } from 'lit';

/** The reader: article typography, marks and labels as in the editor, a popover, and a printable page. */
export const claimArticleStyles = css`
  /* The article keeps the page's typography; only what the reader adds is in the interface font. */
  :host {
    display: block;
    position: relative;
    font-family: inherit;
    line-height: var(--claim-article-line-height, 1.6);
  }
  .legend,
  .notice,
  .orphans,
  .popover,
  .print-notes {
    font-family: var(--claim-font-family, system-ui, -apple-system, 'Segoe UI', sans-serif);
  }
  :host([hidden]) {
    display: none;
  }
  .article {
    font-family: var(--claim-article-font-family, inherit);
    font-size: var(--claim-article-font-size, 1rem);
  }
  .article blockquote {
    border-left: 3px solid var(--_border);
    margin-left: 0;
    padding-left: 1rem;
  }
  .article a {
    color: var(--claim-link-color, #1a5fb4);
  }
  mark.claim-mark:focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .reader-label {
    font-family: var(--claim-font-family, system-ui, sans-serif);
    font-size: 0.62em;
    font-weight: 600;
    letter-spacing: 0.02em;
    color: var(--claim-label-text-color, #fff);
    background: var(--_tag-color, #5e5c64);
    border-radius: 3px;
    padding: 0.05em 0.35em;
    margin-right: 0.25em;
    vertical-align: 0.2em;
    white-space: nowrap;
    cursor: pointer;
  }
  .legend {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.75rem;
    font-size: 0.85em;
    color: var(--_muted);
    margin-bottom: var(--_space);
  }
  .legend ul {
    display: contents;
    list-style: none;
  }
  .legend li {
    display: inline-flex;
    align-items: center;
    gap: 0.35em;
    color: var(--_text);
  }
  .notice {
    padding: var(--_space);
    color: var(--claim-error-color, #5f1410);
    background: var(--claim-error-surface-color, #fdecea);
    border: 1px solid var(--claim-error-color, #5f1410);
    border-radius: var(--_radius);
  }
  .orphans {
    margin-top: 1.5rem;
    padding-top: var(--_space);
    border-top: 1px solid var(--_border);
    font-size: 0.9em;
  }
  .orphans-title {
    font-weight: 600;
  }
  .orphans li {
    margin-bottom: var(--_space);
  }
  .popover {
    position: absolute;
    z-index: 10;
    box-sizing: border-box;
    width: min(24rem, 100%);
    padding: 0.75rem;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 18%);
    font-size: 0.9rem;
    line-height: 1.45;
  }
  .popover-title {
    margin: 0 0 0.4rem;
  }
  .quote {
    margin: 0 0 0.5rem;
    color: var(--_muted);
    font-style: italic;
  }
  .fields {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.2rem 0.6rem;
    margin: 0 0 0.5rem;
  }
  .fields dt {
    font-weight: 600;
  }
  .fields dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  .verdict {
    font-weight: 600;
  }
  .empty {
    color: var(--_muted);
    margin: 0 0 0.5rem;
  }
  .review-link {
    display: inline-block;
    margin-right: var(--_space);
    color: var(--claim-link-color, #1a5fb4);
  }
  .close {
    float: right;
  }
  .print-notes {
    display: none;
  }
  @media print {
    .popover,
    .legend-hint {
      display: none;
    }
    mark.claim-mark {
      background: none;
    }
    .reader-label {
      color: #000;
      background: none;
      border: 1px solid #000;
    }
    .print-notes {
      display: block;
      margin-top: 1.5rem;
      font-size: 0.85em;
      break-before: auto;
    }
    .review-link::after {
      content: ' (' attr(href) ')';
    }
    .article a {
      color: inherit;
    }
  }
  @media (forced-colors: active) {
    mark.claim-mark {
      forced-color-adjust: none;
      background: Mark;
      color: MarkText;
    }
    .reader-label {
      border: 1px solid CanvasText;
    }
  }
`;
