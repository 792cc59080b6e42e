/** The connection of a synced document: `unauthorized` when the token was refused (local work continues). */
export type SyncState = 'connecting' | 'connected' | 'offline' | 'unauthorized';

/** Detail of the `claim-sync` event. */
export interface ClaimSyncDetail {
  state: SyncState;
  /** How many others have the document open. */
  peers: number;
  /** Their `annotator` names (`Anonymous` when they gave none). */
  names: string[];
}
