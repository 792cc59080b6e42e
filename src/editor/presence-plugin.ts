import type { Node as PMNode } from 'prosemirror-model';
import { Plugin, PluginKey, type EditorState, type Transaction } from 'prosemirror-state';
import { Decoration, DecorationSet } from 'prosemirror-view';
import { readPresence, type PresencePeer } from './presence-peers.js';

export interface PresenceState {
  /** Others with the document open, sorted by name; each selection mapped through every change since it came. */
  readonly peers: readonly PresencePeer[];
  readonly decorations: DecorationSet;
  /** The awareness states the peers were read from (compared by identity, to redraw them on a new state). */
  readonly source: readonly unknown[];
}

/** No one else: the source of a fresh state. */
export const NO_PEERS: readonly unknown[] = Object.freeze([]);

const presenceKey = new PluginKey<PresenceState>('claim-presence');

const EMPTY: PresenceState = { peers: [], decorations: DecorationSet.empty, source: NO_PEERS };

export function getPresence(state: EditorState): PresenceState {
  return presenceKey.getState(state) ?? EMPTY;
}

/** Replaces who else is here with these awareness states (outside input: read by `readPresence`). */
export function setPresence(tr: Transaction, states: readonly unknown[]): Transaction {
  return tr.setMeta(presenceKey, states).setMeta('addToHistory', false);
}

interface PresenceSpec {
  presenceClient: number;
}

/** A small name flag at the start of a peer's selection and a thin line in their colour over it (see the styles). */
function decorationsFor(peer: PresencePeer): Decoration[] {
  if (!peer.range) return [];
  const spec: PresenceSpec = { presenceClient: peer.clientId };
  const flag = () => {
    const element = document.createElement('span');
    element.className = 'claim-presence-flag';
    element.dataset.presence = String(peer.colour);
    element.dataset.peer = peer.name;
    // The sidebar says who is where; the flag's name (drawn by CSS) is not part of the text.
    element.setAttribute('aria-hidden', 'true');
    element.contentEditable = 'false';
    return element;
  };
  const key = `presence:${peer.clientId}:${peer.colour}:${peer.name}`;
  return [
    Decoration.widget(peer.range.from, flag, { ...spec, side: -2, key, ignoreSelection: true }),
    Decoration.inline(
      peer.range.from,
      peer.range.to,
      {
        nodeName: 'span',
        class: 'claim-presence',
        'data-presence': String(peer.colour),
        'data-peer': peer.name,
        title: `${peer.name} has this selected`,
      },
      spec,
    ),
  ];
}

const sameDrawing = (a: PresencePeer | undefined, b: PresencePeer) =>
  !!a && a.name === b.name && a.colour === b.colour && a.range?.from === b.range?.from && a.range?.to === b.range?.to;

/**
 * The decorations for `peers`, given `set` drawn for `before` (both mapped to
 * `doc`): only the decorations of peers who came, left or changed are redrawn.
 */
function redraw(set: DecorationSet, before: readonly PresencePeer[], peers: readonly PresencePeer[], doc: PMNode) {
  const previous = new Map(before.map((peer) => [peer.clientId, peer]));
  const changed = peers.filter((peer) => !sameDrawing(previous.get(peer.clientId), peer));
  const kept = new Set(peers.filter((peer) => !changed.includes(peer)).map((peer) => peer.clientId));
  const stale = set.find(undefined, undefined, (spec: PresenceSpec) => !kept.has(spec.presenceClient));
  return set.remove(stale).add(doc, changed.flatMap(decorationsFor));
}

/** Maps each peer's selection through a change; one whose text was deleted keeps no selection. */
function mapPeers(peers: readonly PresencePeer[], tr: Transaction): PresencePeer[] {
  return peers.map((peer) => {
    if (!peer.range) return peer;
    const from = tr.mapping.map(peer.range.from, 1);
    const to = tr.mapping.map(peer.range.to, -1);
    if (from < to) return { ...peer, range: { from, to } };
    return { clientId: peer.clientId, name: peer.name, colour: peer.colour };
  });
}

/**
 * Who else has the document open and what each has selected, drawn quietly:
 * set whole by {@link setPresence} (never part of undo history), mapped
 * through edits like annotations, and cleared when a peer leaves or
 * deselects (a new set without them).
 */
export function presencePlugin(): Plugin<PresenceState> {
  return new Plugin<PresenceState>({
    key: presenceKey,
    state: {
      init: () => EMPTY,
      apply(tr, value) {
        const states = tr.getMeta(presenceKey) as readonly unknown[] | undefined;
        if (!states && (!tr.docChanged || value.peers.length === 0)) return value;
        const mappedPeers = tr.docChanged ? mapPeers(value.peers, tr) : value.peers;
        const mapped = tr.docChanged ? value.decorations.map(tr.mapping, tr.doc) : value.decorations;
        const peers = states ? readPresence(states, tr.doc) : mappedPeers;
        // A selection mapped away counts as changed, so its flag goes too (map drops only the inline part).
        const drawn = mappedPeers.filter((peer, i) => peer.range || !value.peers[i].range);
        return { peers, source: states ?? value.source, decorations: redraw(mapped, drawn, peers, tr.doc) };
      },
    },
    props: {
      decorations: (state) => getPresence(state).decorations,
    },
  });
}
