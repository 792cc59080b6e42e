import { css } from 'lit';

/**
 * Rules every part of the editor shares: theme variables with defaults, focus ring, hidden-but-spoken text, tag chips.
 */
export const sharedStyles = css`
  :host {
    --_text: var(--claim-text-color, #1b1b1f);
    --_muted: var(--claim-muted-color, #4d4d57);
    --_surface: var(--claim-surface-color, #ffffff);
    --_subtle: var(--claim-subtle-surface-color, #f4f4f6);
    --_border: var(--claim-border-color, #c5c5cf);
    --_focus: var(--claim-focus-color, #1a5fb4);
    --_radius: var(--claim-radius, 6px);
    --_space: var(--claim-spacing, 0.5rem);
    font-family: var(--claim-font-family, system-ui, -apple-system, 'Segoe UI', sans-serif);
    color: var(--_text);
  }
  :focus-visible {
    outline: 2px solid var(--_focus);
    outline-offset: 2px;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.25rem 0.6rem;
    cursor: pointer;
  }
  button:hover:not(:disabled) {
    background: var(--_subtle);
  }
  button:disabled {
    cursor: default;
    color: var(--_muted);
    opacity: 0.75;
  }
  .tag-chip {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    font-size: 0.8em;
    font-weight: 600;
    color: var(--claim-label-text-color, #fff);
    background: var(--_tag-color, #5e5c64);
    border-radius: 999px;
    padding: 0.05em 0.55em;
    white-space: nowrap;
  }
  .swatch {
    display: inline-block;
    width: 1.6em;
    height: 0.9em;
    background: color-mix(in srgb, var(--_tag-color) 22%, transparent);
    text-decoration: underline var(--_tag-pattern, solid) var(--_tag-color);
    text-decoration-thickness: 2px;
    border-bottom: 2px var(--_tag-pattern, solid) var(--_tag-color);
    box-sizing: border-box;
  }
  kbd {
    font:
      0.75em ui-monospace,
      monospace;
    border: 1px solid var(--_border);
    border-bottom-width: 2px;
    border-radius: 4px;
    padding: 0 0.3em;
    background: var(--_subtle);
    color: var(--_text);
  }
`;
