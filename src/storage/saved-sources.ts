import { ClaimStore, DEFAULT_DB_NAME } from './claim-store.js';

/**
 * How many annotations name each source, over every document saved in the
 * database except `exceptDocumentId` (the one open, counted live). Empty when
 * storage cannot be read: the offer is a convenience, never an error.
 */
export async function savedSourceCounts(
  dbName: string = DEFAULT_DB_NAME,
  exceptDocumentId?: string,
): Promise<Map<string, number>> {
  let store: ClaimStore | undefined;
  try {
    store = await ClaimStore.open(dbName);
    return await store.sourceCounts(exceptDocumentId);
  } catch {
    return new Map();
  } finally {
    store?.close();
  }
}
