import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { PresenceEntry } from '../../editor/presence-list.js';

const names = (list: readonly string[]) =>
  list.length > 1 ? `${list.slice(0, -1).join(', ')} and ${list[list.length - 1]}` : (list[0] ?? '');

/**
 * What to say politely when others come or go (nothing when they only move
 * their selection): "Ana is here too.", "Ben left.".
 */
export function presenceNews(before: readonly PresenceEntry[], after: readonly PresenceEntry[]): string {
  const namesOf = (entries: readonly PresenceEntry[], without: readonly PresenceEntry[]) => {
    const ids = new Set(without.map((entry) => entry.id));
    return [...new Set(entries.filter((entry) => !ids.has(entry.id)).map((entry) => entry.name))];
  };
  const came = namesOf(after, before);
  const left = namesOf(before, after);
  return [
    came.length ? `${names(came)} ${came.length > 1 ? 'are' : 'is'} here too.` : '',
    left.length ? `${names(left)} left.` : '',
  ]
    .filter(Boolean)
    .join(' ');
}

/** "Also here: Ana (on ‘The ferry ran late…’), Ben" as a list; nothing when no one else is. */
export function renderPresence(peers: readonly PresenceEntry[]) {
  if (peers.length === 0) return nothing;
  return html`<div class="presence">
    <span id="presence-label">Also here:</span>
    <ul aria-labelledby="presence-label">
      ${repeat(
        peers,
        (peer) => peer.id,
        (peer, index) => {
          // A comma in the text (not drawn by CSS), so the list reads the same aloud.
          const comma = index < peers.length - 1 ? ',' : '';
          const on = peer.excerpt ? html` <span class="presence-on">(on ‘${peer.excerpt}’)</span>` : nothing;
          return html`<li data-presence=${peer.colour}>
            <span class="presence-dot" aria-hidden="true"></span
            ><span class="presence-name">${peer.name}</span>${on}${comma}
          </li>`;
        },
      )}
    </ul>
  </div>`;
}
