import { css } from 'lit';

export const transferStyles = css`
  :host {
    display: contents;
  }
  .menu {
    position: relative;
  }
  .menu summary {
    list-style: none;
    cursor: pointer;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.25rem 0.6rem;
    background: var(--_surface);
  }
  .menu summary::-webkit-details-marker {
    display: none;
  }
  .menu ul {
    position: absolute;
    z-index: 4;
    top: 2.2rem;
    left: 0;
    margin: 0;
    padding: 0.3rem;
    list-style: none;
    display: grid;
    gap: 0.2rem;
    width: max-content;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
  }
  .menu ul button {
    width: 100%;
    text-align: left;
    border-color: transparent;
  }
  .report {
    flex-basis: 100%;
    display: grid;
    gap: 0.4rem;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    font-size: 0.9rem;
  }
  .report.rejected {
    color: var(--claim-error-color, #5f1410);
    background: var(--claim-error-surface-color, #fdecea);
    border-color: var(--claim-error-color, #5f1410);
  }
  .report p,
  .report ul {
    margin: 0;
  }
  .report form {
    display: grid;
    gap: 0.4rem;
  }
  .report label {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    flex-wrap: wrap;
  }
  .report select {
    font: inherit;
  }
  .actions {
    display: flex;
    gap: 0.4rem;
  }
  input[type='file'] {
    display: none;
  }
`;
