import type { Annotation } from '../../model/annotation.js';
import type { StorageErrorKind } from '../../storage/claim-store.js';
import type { ClaimSyncDetail } from '../../sync/sync-state.js';

/** Why the annotations changed; `remote` is another tab's change to the same document, or a team sync peer's. */
export type ChangeReason = 'add' | 'update' | 'remove' | 'edit' | 'undo' | 'redo' | 'load' | 'remote';

export interface ClaimChangeDetail {
  /** Every annotation, in reading order (computed when first read). */
  readonly annotations: Annotation[];
  readonly reason: ChangeReason;
}

export interface ClaimSaveDetail {
  documentId: string;
}

/** What went wrong: storage (the editor keeps working in memory and retries) or an import that was refused. */
export interface ClaimErrorDetail {
  kind: StorageErrorKind | 'storage-corrupt' | 'import-rejected' | 'metadata-rejected';
  message: string;
}

/** Dispatches `claim-error` from the editor element (it bubbles out of the shadow root). */
export function dispatchClaimError(element: HTMLElement, detail: ClaimErrorDetail) {
  element.dispatchEvent(new CustomEvent('claim-error', { detail, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'claim-change': CustomEvent<ClaimChangeDetail>;
    'claim-save': CustomEvent<ClaimSaveDetail>;
    'claim-error': CustomEvent<ClaimErrorDetail>;
    'claim-sync': CustomEvent<ClaimSyncDetail>;
  }
}
