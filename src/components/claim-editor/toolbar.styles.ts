import { css } from 'lit';

/**
 * The toolbar (toolbar.ts): one row on elements 900 px wide and wider, in
 * every state, two at most on narrower ones. Where the labels do not fit, tag
 * buttons show their swatch and key and then short words become icons, and at
 * the narrowest the statuses too (`data-fit` and `data-fit-steps`, set by
 * toolbar-fit-controller.ts); statuses are short on screen and whole when
 * spoken and in their tooltips; what is used now and then opens below as a
 * dropdown.
 */
export const toolbarStyles = css`
  .toolbar {
    grid-area: toolbar;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem;
    padding: var(--_space);
    background: var(--_subtle);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    position: sticky;
    top: 0;
    z-index: 2;
  }
  /* Taller than a sixth of the viewport (see toolbar-stick-controller.ts): it scrolls away with the page. */
  .toolbar[data-unstuck] {
    position: static;
  }
  .toolbar button,
  .toolbar summary {
    white-space: nowrap;
  }
  .toolbar .tag-button {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
  .toolbar [aria-pressed='true'] {
    border-color: var(--_focus);
    box-shadow: inset 0 0 0 1px var(--_focus);
    font-weight: 600;
  }
  .toolbar .spacer {
    flex: 1;
  }
  /* The icon is drawn, not spoken: the button's text (visually hidden) is its name. */
  .icon-button::before {
    content: attr(data-icon);
    content: attr(data-icon) / '';
  }
  .icon-button {
    min-width: 2.2em;
  }
  /* Compact levels (toolbar-fit-controller.ts): the words step aside, still spoken and in the tooltips;
     on narrow elements (3) the keys too (still in aria-keyshortcuts), so the toolbar wraps once at most.
     Where even that takes three rows: tighter buttons (4), then the sync status (5) and the storage
     alert (6) as icons. [data-fit-steps~='N'] holds from level N on. */
  .toolbar[data-fit-steps~='1'] :is(.tag-text, .suggested-tag),
  .toolbar[data-fit-steps~='2'] .fit-word,
  .toolbar[data-fit-steps~='3'] :is(.tag-button, .suggest) kbd,
  .toolbar[data-fit-steps~='3'] .storage-error .message,
  .toolbar[data-fit-steps~='5'] .sync-status .narrow-word,
  .toolbar[data-fit='6'] .storage-error p {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .toolbar[data-fit-steps~='3'] {
    gap: 0.25rem;
  }
  .toolbar[data-fit='3'] :is(button, summary) {
    padding-inline: 0.4rem;
  }
  /* Tighter, but still targets of 24 px at least (WCAG 2.5.8). */
  .toolbar[data-fit-steps~='4'] :is(button, summary) {
    box-sizing: border-box;
    min-width: 1.5rem;
    padding-inline: 0.3rem;
  }
  .toolbar[data-fit-steps~='4'] .icon-button {
    min-width: 1.9em;
  }
  .toolbar[data-fit-steps~='3'] summary {
    list-style: none;
  }
  .toolbar[data-fit-steps~='3'] summary::-webkit-details-marker {
    display: none;
  }
  .toolbar[data-fit-steps~='3'] .storage-error {
    flex: none;
  }
  .toolbar[data-fit-steps~='3'] .storage-notice {
    flex-basis: 7rem;
  }
  .toolbar[data-fit='6'] .storage-notice {
    flex-basis: 4rem;
  }
  .toolbar[data-fit-steps~='2'] [data-fit-icon]::before {
    content: attr(data-fit-icon);
    content: attr(data-fit-icon) / '';
  }
  .toolbar[data-fit-steps~='5'] .sync-status {
    font-size: 1rem;
  }
  .toolbar[data-fit-steps~='5'] .sync-status [data-narrow-icon]::before {
    content: attr(data-narrow-icon);
    content: attr(data-narrow-icon) / '';
  }
  /* The alert's words are spoken and in its tooltip; on screen its colours, the warning sign and the retry. */
  .toolbar[data-fit='6'] .storage-error::before {
    content: '⚠';
    content: '⚠' / '';
  }
  .toolbar details {
    position: relative;
  }
  .toolbar summary {
    cursor: pointer;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .toolbar details[open] > summary {
    border-color: var(--_focus);
  }
  .toolbar .dropdown {
    position: absolute;
    top: calc(100% + 0.25rem);
    z-index: 3;
    width: max-content;
    max-width: min(24rem, 90vw);
    padding: var(--_space);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 0.15);
    font-size: 0.85rem;
  }
  .help .dropdown {
    right: 0;
  }
  .help .dropdown > p {
    margin: 0 0 var(--_space);
  }
  .help dl {
    margin: 0;
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.75rem;
  }
  .help dt {
    white-space: nowrap;
  }
  .help dd {
    margin: 0;
  }
  .suggestions {
    display: inline-flex;
    align-items: center;
    gap: 0.35rem;
  }
  .suggest-more .dropdown {
    left: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--_space);
  }
  .suggestions input {
    width: 3.5em;
    font: inherit;
  }
  .suggest-note {
    font-size: 0.85em;
    color: var(--_muted);
  }
  /* Beside Suggest tags it takes what room is left in the row (whole in its tooltip and spoken). */
  .toolbar > .suggest-note {
    flex: 1 1 6rem;
    min-width: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
  }
  .save-status {
    margin: 0;
    font-size: 0.8rem;
    color: var(--_muted);
    white-space: nowrap;
  }
  .sync-status {
    font-size: 0.8rem;
    white-space: nowrap;
  }
  /* The alert and the notice fill what is left of the row; their text is cut short on screen, whole when spoken. */
  .storage-error,
  .storage-notice {
    flex: 1 1 9rem;
    min-width: 0;
    display: flex;
    align-items: center;
    gap: 0.35rem;
    padding: 0.1rem 0.1rem 0.1rem 0.4rem;
    color: var(--claim-error-color, #5f1410);
    background: var(--claim-error-surface-color, #fdecea);
    border: 1px solid var(--claim-error-color, #5f1410);
    border-radius: var(--_radius);
  }
  .storage-notice {
    color: var(--_text);
    background: var(--_surface);
    border-color: var(--claim-warning-color, #7a4b00);
  }
  .storage-error p,
  .storage-notice p {
    margin: 0;
    flex: 1;
    min-width: 0;
    overflow: hidden;
    white-space: nowrap;
    text-overflow: ellipsis;
    font-size: 0.85rem;
  }
  /* "Not saved" stays whole; only the reason after it is cut short. */
  .storage-error p {
    display: flex;
  }
  .storage-error strong {
    flex: none;
  }
  .storage-error .message {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .storage-error button,
  .storage-notice button {
    flex: none;
  }
`;
