import { css } from 'lit';

/**
 * An annotation's highlight as both the editor and the reader draw it: its
 * tag colour, and a line whose pattern tells tags apart without colour; a
 * nested mark's line sits lower.
 */
export const markStyles = css`
  mark.claim-mark {
    color: inherit;
    background: color-mix(in srgb, var(--_tag-color) var(--claim-highlight-strength, 14%), transparent);
    text-decoration-line: underline;
    text-decoration-style: var(--_tag-pattern, solid);
    text-decoration-color: var(--_tag-color);
    text-decoration-thickness: 2px;
    text-underline-offset: 0.25em;
    text-decoration-skip-ink: none;
    border-radius: 2px;
    cursor: pointer;
  }
  mark.claim-mark mark.claim-mark {
    text-underline-offset: 0.45em;
  }
`;
