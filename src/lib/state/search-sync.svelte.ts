/**
 * Sends each query to the search client and puts the answer into the state when it is still the current query.
 * The client (and with it the worker that builds the index) starts once the page is idle after the first view.
 * Call from a component (it uses $effect); the client is disposed with it.
 */
import type { TimelineState } from './timeline.svelte.ts';

export function syncSearch(state: TimelineState) {
  $effect(() => {
    const query = state.q.trim();
    if (!query) return;
    let current = true;
    void state.searchClient.search(query).then((hits) => {
      if (current) state.hits = hits;
    });
    return () => {
      current = false;
    };
  });
  $effect(() => {
    const warm = () => void state.searchClient;
    const handle = window.requestIdleCallback
      ? window.requestIdleCallback(warm, { timeout: 2000 })
      : window.setTimeout(warm, 500);
    return () => {
      if (window.cancelIdleCallback) window.cancelIdleCallback(handle);
      else window.clearTimeout(handle);
      state.searchClient.dispose();
    };
  });
}
