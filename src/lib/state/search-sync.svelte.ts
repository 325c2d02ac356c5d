/**
 * Sends each query to the search client and puts the answer into the state when it is still the current query.
 * The client (and with it the worker that builds the index) starts once the page is idle after the first view.
 * Call from a component (it uses $effect); the client is disposed with it.
 */
import type { TimelineState } from './timeline.svelte.ts';
import { whenIdle } from '../idle.ts';

/** Name of the performance entry measured for each search, from the query to its hits. */
export const SEARCH_MEASURE = 'contact-timeline:search';
/** Name of the performance entry for the search's own time (in the worker, or in the page without one). */
export const SEARCH_COMPUTE_MEASURE = 'contact-timeline:search-compute';

export function syncSearch(state: TimelineState) {
  $effect(() => {
    const query = state.q.trim();
    if (!query) {
      // A cleared search forgets its answer: typing again must not first draw the old query's hits (a whole re-render
      // of stale results) until the new answer arrives.
      state.hits = null;
      return;
    }
    let current = true;
    const start = performance.now();
    void state
      .searchClient()
      .then((client) => client.search(query))
      .then((hits) => {
        // User Timing entries per answer: query to hits (messaging and waiting included), and the search's own time.
        // The benchmark reads them; so can devtools.
        const end = performance.now();
        performance.measure?.(SEARCH_MEASURE, { start, end });
        performance.measure?.(SEARCH_COMPUTE_MEASURE, { start: end - hits.ms, end });
        if (current) state.hits = hits;
      })
      // Its code could not be fetched (the client's, or the index's the first query loads): the page says so, and the
      // next query tries again.
      .catch(() => (state.partsMissing = true));
    return () => {
      current = false;
    };
  });
  $effect(() => {
    const cancelWarm = whenIdle(() => void state.searchClient().catch(() => undefined /* noted by the state */), {
      timeout: 2000,
      fallbackMs: 500,
    });
    return () => {
      cancelWarm();
      state.disposeSearch();
    };
  });
}
