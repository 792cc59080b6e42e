import type { EditorState } from 'prosemirror-state';
import { getPresence, type PresenceState } from './presence-plugin.js';

/** Someone else on the document, as the sidebar lists them. */
export interface PresenceEntry {
  /** Their Yjs client id (one per open tab). */
  id: number;
  name: string;
  /** 1 … 6: `--claim-presence-<n>-color`. */
  colour: number;
  /** The first words of what they have selected, if anything. */
  excerpt?: string;
}

const EXCERPT_WORDS = 6;
const EXCERPT_LENGTH = 48;

/** The first few words of `text`, with "…" when cut. */
export function firstWords(text: string): string {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  let excerpt = words.slice(0, EXCERPT_WORDS).join(' ');
  // By characters, so an emoji is never cut in half.
  if (excerpt.length > EXCERPT_LENGTH) excerpt = [...excerpt].slice(0, EXCERPT_LENGTH).join('').trimEnd();
  return excerpt.length < words.join(' ').length ? `${excerpt}…` : excerpt;
}

const cache = new WeakMap<PresenceState, readonly PresenceEntry[]>();

/** Others on the document, by name, with the first words of their selections; the same list until presence changes. */
export function presenceEntries(state: EditorState): readonly PresenceEntry[] {
  const presence = getPresence(state);
  let entries = cache.get(presence);
  if (!entries) {
    entries = presence.peers.map(({ clientId, name, colour, range }) => ({
      id: clientId,
      name,
      colour,
      ...(range ? { excerpt: firstWords(state.doc.textBetween(range.from, range.to, ' ', ' ')) } : {}),
    }));
    cache.set(presence, entries);
  }
  return entries;
}
