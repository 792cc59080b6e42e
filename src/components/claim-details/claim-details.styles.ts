import { css } from 'lit';

export const detailsStyles = css`
  :host {
    display: block;
    font-size: 0.9rem;
  }
  form {
    display: grid;
    gap: var(--_space);
  }
  h2 {
    font-size: 0.95rem;
    margin: 0;
  }
  /* The article's own words, set off as a quotation by the rule and the article's typeface, not by added
     quotation marks: a quote that starts or ends with its own marks would show them doubled. */
  .quote {
    margin: 0;
    padding-left: 0.5rem;
    border-left: 3px solid var(--_border);
    font-family: var(--claim-article-font-family, Georgia, 'Times New Roman', serif);
    font-size: 0.85rem;
    max-height: 6.5em;
    overflow: auto;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0;
    padding: 0.3rem 0.5rem 0.5rem;
    display: grid;
    gap: 0.25rem;
  }
  label {
    display: grid;
    gap: 0.2rem;
    font-weight: 600;
  }
  fieldset label {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    font-weight: normal;
  }
  input[type='text'],
  textarea {
    font: inherit;
    font-weight: normal;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.3rem 0.4rem;
  }
  textarea {
    min-height: 4em;
    resize: vertical;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.8rem;
    margin: 0;
  }
  .actions {
    display: flex;
    gap: 0.4rem;
    justify-content: space-between;
  }
  .status {
    font-weight: 600;
    color: var(--claim-warning-color, #7a3d00);
  }
`;
