/** Errors of the article store, in terms a person can read (they reach `claim-error`). */

/** What went wrong with storage, as `claim-error` reports it. */
export type StorageErrorKind =
  'storage-unavailable' | 'storage-blocked' | 'storage-full' | 'storage-failed' | 'storage-deleted';

export class StorageError extends Error {
  constructor(
    readonly kind: StorageErrorKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'StorageError';
  }
}

/**
 * A write found its document's record gone. `deliberate`: it was deleted
 * with `deleteDocument`; otherwise the database was wiped from under
 * the editor (another tab, the browser's "clear site data"), and what the
 * editor holds is all that is left.
 */
export class DocumentGoneError extends StorageError {
  constructor(
    readonly documentId: string,
    readonly deliberate: boolean,
  ) {
    super(
      'storage-deleted',
      deliberate
        ? 'This article was deleted from this browser in another tab: changes here are no longer saved.'
        : 'The saved copy of this article was removed from this browser (by another tab or by clearing site data).',
    );
    this.name = 'DocumentGoneError';
  }
}

/** Turns whatever IndexedDB threw into a StorageError a person can read. */
export function classifyStorageError(error: unknown): StorageError {
  if (error instanceof StorageError) return error;
  const name = error instanceof DOMException || error instanceof Error ? error.name : '';
  if (name === 'QuotaExceededError') {
    return new StorageError('storage-full', 'The browser’s storage is full: free some space or export your work.', {
      cause: error,
    });
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new StorageError('storage-failed', `Saving failed (${detail || name || 'unknown error'}).`, { cause: error });
}
