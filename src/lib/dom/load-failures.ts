/**
 * Vite's import helper dispatches this event on `window` when the code of a lazily loaded part of the page cannot be
 * fetched (offline, or the site was redeployed and the page's old files are gone), then lets the import fail.
 */
export const LOAD_FAILURE_EVENT = 'vite:preloadError';

/** Calls `report` for each part of the page whose code could not be fetched; returns the function that stops it. */
export function onLoadFailure(target: EventTarget, report: (error: unknown) => void): () => void {
  const listener = (event: Event) => report((event as Event & { payload?: unknown }).payload);
  target.addEventListener(LOAD_FAILURE_EVENT, listener);
  return () => target.removeEventListener(LOAD_FAILURE_EVENT, listener);
}
