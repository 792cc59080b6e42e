import type { Node as PMNode } from 'prosemirror-model';
import { peerName } from '../model/peer-name.js';
import { TextIndex } from './text-index.js';

/** How many colours `--claim-presence-1-color` … `--claim-presence-6-color` give to others' selections. */
export const PRESENCE_COLOURS = 6;
/** At most this many others are drawn and listed (awareness is open to anyone holding a token). */
export const MAX_PEERS = 24;

/** Someone else with the document open: who, in which colour, and what they have selected (document positions). */
export interface PresencePeer {
  /** Their Yjs client id: one per open tab. */
  clientId: number;
  name: string;
  /** 1 … {@link PRESENCE_COLOURS}: the same for a name on every screen. */
  colour: number;
  /** Their selection, or none (nothing selected, or offsets that do not fit this text). */
  range?: { from: number; to: number };
}

/** The colour of a name: a hash (FNV-1a) of it, so Ana is the same colour for everyone and across reloads. */
export function presenceColour(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) hash = Math.imul(hash ^ name.charCodeAt(i), 0x01000193);
  return ((hash >>> 0) % PRESENCE_COLOURS) + 1;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A selection `{start, end}` of text offsets, if it is one that fits a text of `length` characters. */
function readRange(raw: unknown, length: number): { start: number; end: number } | undefined {
  if (!isRecord(raw)) return undefined;
  const { start, end } = raw;
  if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end)) return undefined;
  const range = { start: start as number, end: end as number };
  return range.start >= 0 && range.start < range.end && range.end <= length ? range : undefined;
}

/**
 * Others' awareness states (`{clientId, user: {name}, selection: {start, end}}`,
 * as sent: outside input) read against `doc`: a state without an integer
 * client id is left out, a name is made safe ({@link peerName}), a selection
 * is kept only as whole integers inside the text with start before end, and
 * at most {@link MAX_PEERS} are kept. Sorted by name, then client id.
 */
export function readPresence(states: readonly unknown[], doc: PMNode): PresencePeer[] {
  const index = TextIndex.of(doc);
  const peers: PresencePeer[] = [];
  const seen = new Set<number>();
  for (const state of states) {
    if (peers.length >= MAX_PEERS) break;
    if (!isRecord(state) || !Number.isSafeInteger(state.clientId) || seen.has(state.clientId as number)) continue;
    const clientId = state.clientId as number;
    seen.add(clientId);
    const name = peerName(isRecord(state.user) ? state.user.name : undefined);
    const offsets = readRange(state.selection, index.length);
    const range = offsets && { from: index.offsetToPos(offsets.start), to: index.offsetToPos(offsets.end, 'end') };
    peers.push({ clientId, name, colour: presenceColour(name), ...(range && range.from < range.to ? { range } : {}) });
  }
  return peers.sort((a, b) => a.name.localeCompare(b.name) || a.clientId - b.clientId);
}
