/**
 * Run `work` once the browser is idle (at the latest after `timeout` ms); returns what cancels it,
 * for an effect's cleanup. Not every browser has requestIdleCallback (Safari): a second, then.
 */
export function whenIdle(work: () => void, timeout: number): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const id = window.requestIdleCallback(work, { timeout });
    return () => window.cancelIdleCallback(id);
  }
  const timer = setTimeout(work, 1_000);
  return () => clearTimeout(timer);
}
