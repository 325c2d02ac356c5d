/**
 * Work that can wait for the page to be idle (code for later, warm-ups): `requestIdleCallback` where the browser has
 * it, a short timer elsewhere (Safari). Returns a function that cancels the task if it has not run yet.
 */
export function whenIdle(task: () => void, options: { timeout?: number; fallbackMs?: number } = {}): () => void {
  if (typeof window.requestIdleCallback === 'function') {
    const handle = window.requestIdleCallback(task, options.timeout ? { timeout: options.timeout } : undefined);
    return () => window.cancelIdleCallback(handle);
  }
  const handle = window.setTimeout(task, options.fallbackMs ?? 200);
  return () => window.clearTimeout(handle);
}
