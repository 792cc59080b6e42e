const RETRY_DELAYS_MS = [500, 1000, 2000, 5000, 10000, 30000];

/**
 * How long to wait before trying storage again after `failures` failures in a
 * row (0: the first): growing from half a second to at most 30 s. Both the
 * load of a document and its writes retry on this ladder.
 */
export function retryDelay(failures: number): number {
  return RETRY_DELAYS_MS[Math.min(Math.max(failures, 0), RETRY_DELAYS_MS.length - 1)];
}
