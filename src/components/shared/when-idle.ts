/** How long a `whenIdle` callback waits for idle time before it runs anyway. */
const IDLE_TIMEOUT_MS = 2000;

/**
 * Runs `callback` once the browser is idle (`requestIdleCallback`), or after
 * a short timeout where there is no such thing (WebKit). Returns a function
 * that cancels it.
 */
export function whenIdle(callback: () => void): () => void {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(callback, 50);
  return () => clearTimeout(handle);
}
