/**
 * Sends each query to the search client and puts the answer into the state when it is still the current query.
 * The client (and with it the worker that builds the index) starts once the page is idle after the first view.
 * Call from a component (it uses $effect); the client is disposed with it.
 */
import type { TimelineState } from './timeline.svelte.ts';

/** Name of the performance entry measured for each search, from the query to its hits. */
export const SEARCH_MEASURE = 'contact-timeline:search';

export function syncSearch(state: TimelineState) {
  $effect(() => {
    const query = state.q.trim();
    if (!query) return;
    let current = true;
    const start = performance.now();
    void state.searchClient.search(query).then((hits) => {
      // A User Timing entry per answer (query to hits, worker included): the benchmark reads them; devtools too.
      performance.measure?.(SEARCH_MEASURE, { start });
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
