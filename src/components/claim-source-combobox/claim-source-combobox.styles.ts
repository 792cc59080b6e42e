import { css } from 'lit';

export const comboboxStyles = css`
  :host {
    display: grid;
    gap: 0.2rem;
  }
  label {
    font-weight: 600;
  }
  .field {
    position: relative;
  }
  input {
    box-sizing: border-box;
    width: 100%;
  }
  [role='listbox'] {
    position: absolute;
    z-index: 2;
    inset-inline: 0;
    top: 100%;
    margin: 2px 0 0;
    padding: 0.2rem 0;
    list-style: none;
    max-height: 14rem;
    overflow-y: auto;
    background: var(--_surface, Canvas);
    color: var(--_text, CanvasText);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 12px rgb(0 0 0 / 18%);
  }
  [role='listbox'][hidden] {
    display: none;
  }
  [role='option'] {
    padding: 0.3rem 0.5rem;
    cursor: pointer;
  }
  [role='option'][aria-selected='true'] {
    outline: 2px solid var(--_focus);
    outline-offset: -2px;
    background: var(--_subtle, Highlight);
  }
`;
