import { css } from 'lit';
import { presenceMarkStyles, presenceStyles } from '../shared/presence.styles.js';
import { toolbarStyles } from './toolbar.styles.js';

const layoutStyles = css`
  :host {
    display: block;
    container-type: inline-size;
    line-height: 1.5;
  }
  :host([hidden]) {
    display: none;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr) var(--claim-sidebar-width, 21rem);
    grid-template-areas: 'toolbar toolbar' 'editor sidebar';
    gap: calc(var(--_space) * 2);
  }
  /* The page shows between and below the boxes: the article box is as tall as the article, not as its grid row
     (which the sidebar may make taller), so no block of surface colour hangs below it. */
  .editor {
    grid-area: editor;
    align-self: start;
    min-width: 0;
    background: var(--_surface);
    border-radius: var(--_radius);
  }
  .editor .ProseMirror {
    font-family: var(--claim-article-font-family, Georgia, 'Times New Roman', serif);
    font-size: var(--claim-article-font-size, 1.1rem);
    line-height: 1.7;
    padding: var(--_space) calc(var(--_space) * 2);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-height: 8rem;
    outline: none;
  }
  /* In a long article, blocks far off screen are not laid out or painted until scrolled near, so
     loading and typing cost what is on screen. They stay in the DOM, searchable and read by screen
     readers; a block's size is remembered once it has been shown. */
  .editor .ProseMirror[data-long-article] > * {
    content-visibility: auto;
    contain-intrinsic-size: auto 6lh;
  }
  .editor .ProseMirror:focus-visible,
  .editor .ProseMirror:focus {
    border-color: var(--_focus);
    box-shadow: 0 0 0 1px var(--_focus);
  }
  .editor .ProseMirror[data-mode='edit'] {
    background: var(--claim-edit-surface-color, #fffdf5);
  }
  .editor blockquote {
    border-left: 3px solid var(--_border);
    margin-left: 0;
    padding-left: 1rem;
  }
  .editor a {
    color: var(--claim-link-color, #1a5fb4);
  }
  /* The selected annotation (its decorations carry the class, so selecting restyles only its marks). */
  mark.claim-mark.claim-selected {
    outline: 2px solid var(--_focus);
    outline-offset: 1px;
  }
  .claim-label.claim-selected {
    outline: 2px solid var(--_focus);
  }
  .claim-label {
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
    user-select: none;
    cursor: pointer;
  }
  .claim-suggestion {
    outline: 2px dashed var(--_tag-color);
    outline-offset: 1px;
    border-radius: 2px;
  }
  .claim-suggestion-label {
    font-family: var(--claim-font-family, system-ui, sans-serif);
    font-size: 0.62em;
    font-weight: 600;
    color: var(--_text);
    background: var(--_surface);
    border: 1px dashed var(--_tag-color);
    border-radius: 3px;
    padding: 0 0.35em;
    margin-right: 0.25em;
    vertical-align: 0.2em;
    /* One piece on a line, but wrapped inside itself where it is longer than a line (a phone). */
    display: inline-block;
    max-width: 100%;
    box-sizing: border-box;
    overflow-wrap: anywhere;
    user-select: none;
  }
  .claim-suggestion-label::after {
    content: attr(data-confidence) ' · “' attr(data-cue) '”';
  }
  .sidebar {
    grid-area: sidebar;
    align-self: start;
    position: sticky;
    top: 3.5rem;
    max-height: calc(100vh - 4rem);
    overflow: auto;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 2);
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  claim-details:not([hidden]) {
    padding-bottom: var(--_space);
    border-bottom: 1px solid var(--_border);
  }
  @container (max-width: 44rem) {
    .layout {
      grid-template-columns: minmax(0, 1fr);
      grid-template-areas: 'toolbar' 'editor' 'sidebar';
    }
    .sidebar {
      position: static;
      max-height: none;
    }
    claim-sidebar {
      --claim-list-max-height: 50vh;
    }
  }
  /* The details popover (details-popover-controller.ts): beside the annotation, or a bottom sheet when narrow. */
  .details-popover {
    position: fixed;
    z-index: 3;
    box-sizing: border-box;
    width: min(26rem, calc(100vw - 1rem));
    max-height: min(32rem, 60vh);
    overflow: auto;
    padding: var(--_space);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 0.2);
  }
  /* One form at a time: the sidebar's copy steps aside while the popover shows the same annotation. */
  :host([data-details-open]) .sidebar claim-details {
    display: none;
  }
  .details-popover.sheet {
    inset: auto 0 0 0;
    width: auto;
    max-height: 50vh;
    border-radius: var(--_radius) var(--_radius) 0 0;
  }
`;

/** The editor's styles: its layout, text, sidebar and popover, and its toolbar. */
export const editorStyles = [presenceStyles, presenceMarkStyles, layoutStyles, toolbarStyles];
