import { css, unsafeCSS } from 'lit';
import { PRESENCE_COLOURS } from '../../editor/presence-peers.js';

/** Defaults of `--claim-presence-1-color` … `-6-`: dark enough for white names on them (4.5:1 and more). */
const DEFAULT_COLOURS = ['#00687a', '#8a4f00', '#a1226e', '#1f5fa8', '#4f6b00', '#5b4a8a'];

/** `--_presence` on anything marked `data-presence="n"`: the colour of the peer it is about. */
export const presenceStyles = css`
  ${unsafeCSS(
    Array.from(
      { length: PRESENCE_COLOURS },
      (_, i) =>
        `[data-presence='${i + 1}'] { --_presence: var(--claim-presence-${i + 1}-color, ${DEFAULT_COLOURS[i]}); }`,
    ).join('\n'),
  )}
`;

/**
 * Others' selections in the text: a thin line over the words in their colour
 * (annotations are tinted and underlined, suggestions outlined, so it is not
 * taken for either) and, at its start, a caret with their name above it in
 * the gap between lines, which takes no room in the line and no pointer events.
 */
export const presenceMarkStyles = css`
  .claim-presence {
    text-decoration-line: overline;
    text-decoration-color: var(--_presence);
    text-decoration-thickness: 2px;
    text-decoration-skip-ink: none;
  }
  .claim-presence-flag {
    position: relative;
    user-select: none;
    pointer-events: none;
  }
  .claim-presence-flag::after {
    content: '';
    position: absolute;
    left: -1px;
    top: -0.15em;
    height: 1.35em;
    width: 2px;
    background: var(--_presence);
  }
  .claim-presence-flag::before {
    content: attr(data-peer);
    position: absolute;
    left: -1px;
    /* In the gap between lines (line-height 1.7 leaves about 0.55em): over no words above or below. */
    bottom: 100%;
    font-family: var(--claim-font-family, system-ui, sans-serif);
    font-size: 0.5em;
    font-weight: 600;
    line-height: 1;
    letter-spacing: 0.02em;
    color: var(--claim-label-text-color, #fff);
    background: var(--_presence);
    border-radius: 2px 2px 2px 0;
    padding: 0 0.35em;
    white-space: nowrap;
    opacity: 0.9;
  }
`;
