import type { EditorState, Transaction } from 'prosemirror-state';
import { findTag } from '../model/taxonomy.js';
import { getSettings } from './settings-and-text-lock.js';

const announceMeta = 'claim-announce';

/** Attaches a message for screen readers to a transaction; the component speaks it once the transaction is applied. */
export function announce(tr: Transaction, message: string): Transaction {
  return tr.setMeta(announceMeta, message);
}

export function announcementOf(tr: Transaction): string | undefined {
  return tr.getMeta(announceMeta) as string | undefined;
}

/** A tag's label as announcements say it; an unknown tag by its id. */
export function tagLabel(state: EditorState, tagId: string): string {
  return findTag(getSettings(state).taxonomy, tagId)?.label ?? tagId;
}

/** Text for an announcement: white space folded, cut to `max` characters. */
export function excerpt(text: string, max = 60): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
