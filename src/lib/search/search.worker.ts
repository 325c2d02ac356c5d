/**
 * The search index in a worker: it fetches the dataset itself (the page already holds a validated copy, so posting
 * 100,000 events across would only block the page), builds the index off the main thread and answers queries
 * with event positions. The page falls back to searching in place when this fails (see ./client.ts).
 */
import { parseDataset } from '../dataset/load.ts';
import { buildSearchDocs, createSearcher, type Searcher } from './index.ts';
import type { SearchReply, SearchRequest } from './protocol.ts';

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<SearchRequest>) => void) | null;
  postMessage(message: SearchReply, transfer?: Transferable[]): void;
};

let ready: Promise<Searcher | null> = Promise.resolve(null);

async function load(url: string): Promise<Searcher | null> {
  try {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
    const result = parseDataset(await response.text());
    if (!result.ok) throw new Error(result.detail);
    const events = result.dataset.events;
    const searcher = createSearcher(buildSearchDocs(result.dataset));
    // One throwaway query compiles the search code paths now, while nobody waits: the reader's first letter would
    // otherwise pay for it (measured: the first query of a session was the slowest by far).
    searcher.search('e');
    scope.postMessage({
      type: 'ready',
      count: events.length,
      firstId: events[0]?.id ?? null,
      lastId: events.at(-1)?.id ?? null,
    });
    return searcher;
  } catch (e) {
    scope.postMessage({ type: 'failed', detail: e instanceof Error ? e.message : String(e) });
    return null;
  }
}

scope.onmessage = async (event) => {
  const request = event.data;
  if (request.type === 'load') {
    ready = load(request.url);
    return;
  }
  const searcher = await ready;
  if (!searcher) return;
  // `indices` is a fresh array on every call (the searcher caches per-word hits, not results): transfer it.
  const start = performance.now();
  const { indices, terms } = searcher.search(request.query);
  const ms = performance.now() - start;
  scope.postMessage({ type: 'result', id: request.id, indices, terms, ms }, [indices.buffer]);
};
