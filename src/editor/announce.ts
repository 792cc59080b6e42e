import type { Transaction } from 'prosemirror-state';

const announceMeta = 'claim-announce';

/** Attaches a message for screen readers to a transaction; the component speaks it once the transaction is applied. */
export function announce(tr: Transaction, message: string): Transaction {
  return tr.setMeta(announceMeta, message);
}

export function announcementOf(tr: Transaction): string | undefined {
  return tr.getMeta(announceMeta) as string | undefined;
}
