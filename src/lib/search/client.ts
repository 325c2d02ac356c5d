/**
 * Where searches run: in a worker when the page has a dataset URL and workers (not from file://, where browsers
 * refuse module workers), otherwise in the page. Either way a query returns event positions; the page never
 * waits for the index to be built (the worker builds it in the background right after the first view).
 */
import type { Dataset } from '../dataset/types.ts';
import type * as SearchIndex from './index.ts';
import type { SearchReply, SearchRequest } from './protocol.ts';

export interface SearchHits {
  /** The query these hits answer (trimmed), so the page can tell a late answer from the current one. */
  query: string;
  /** Positions in `dataset.events`, best first. */
  indices: Int32Array;
  /** Normalised query words, for highlighting. */
  terms: string[];
  /** Time the search itself took (ms), without messaging or waiting for the page. */
  ms: number;
}

export interface SearchClient {
  search(query: string): Promise<SearchHits>;
  dispose(): void;
}

type IndexModule = Pick<typeof SearchIndex, 'buildSearchDocs' | 'createSearcher'>;
const loadIndex = (): Promise<IndexModule> => import('./index.ts');

/**
 * Searches in the page; the search code is fetched (by `load`) and the index built on the first query. A query
 * rejects when that code cannot be fetched.
 */
export function localSearchClient(dataset: Dataset, load = loadIndex): SearchClient {
  let searcher: Promise<SearchIndex.Searcher> | null = null;
  const build = async () => {
    const { buildSearchDocs, createSearcher } = await load();
    return createSearcher(buildSearchDocs(dataset));
  };
  return {
    async search(query) {
      // A failed build (its code could not be fetched) is forgotten, so the next query tries again.
      const building = (searcher ??= build().catch((error: unknown) => {
        searcher = null;
        throw error;
      }));
      const ready = await building;
      const start = performance.now();
      const { indices, terms } = ready.search(query);
      return { query, indices, terms, ms: performance.now() - start };
    },
    dispose() {
      searcher = null;
    },
  };
}

type Pending = { query: string; resolve: (hits: SearchHits) => void; reject: (error: unknown) => void };

/**
 * Searches in a worker that loads `dataUrl` itself. Falls back to `localSearchClient` (answering every pending
 * query) when the worker cannot start, fails to load, or holds other events than the page.
 */
export function workerSearchClient(
  dataset: Dataset,
  dataUrl: string,
  createWorker: () => Worker,
  load = loadIndex,
): SearchClient {
  const local = localSearchClient(dataset, load);
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let worker: Worker | null = null;
  let failed = false;

  const fallBack = () => {
    if (failed) return;
    failed = true;
    worker?.terminate();
    worker = null;
    for (const p of pending.values()) void local.search(p.query).then(p.resolve, p.reject);
    pending.clear();
  };

  try {
    worker = createWorker();
    worker.onmessage = (event: MessageEvent<SearchReply>) => {
      const reply = event.data;
      if (reply.type === 'failed') fallBack();
      else if (reply.type === 'ready') {
        const events = dataset.events;
        const same =
          reply.count === events.length &&
          reply.firstId === (events[0]?.id ?? null) &&
          reply.lastId === (events.at(-1)?.id ?? null);
        if (!same) fallBack();
      } else {
        const p = pending.get(reply.id);
        pending.delete(reply.id);
        p?.resolve({ query: p.query, indices: reply.indices, terms: reply.terms, ms: reply.ms });
      }
    };
    worker.onerror = () => fallBack();
    worker.postMessage({ type: 'load', url: dataUrl } satisfies SearchRequest);
  } catch {
    fallBack();
  }

  return {
    search(query) {
      if (failed || !worker) return local.search(query);
      const id = nextId++;
      return new Promise<SearchHits>((resolve, reject) => {
        pending.set(id, { query, resolve, reject });
        worker!.postMessage({ type: 'search', id, query } satisfies SearchRequest);
      });
    },
    dispose() {
      worker?.terminate();
      worker = null;
      pending.clear();
      local.dispose();
    },
  };
}

/** The client for this page: a worker for fetched datasets where workers work, the page itself otherwise. */
export function createSearchClient(dataset: Dataset, dataUrl: string | null): SearchClient {
  if (!dataUrl || typeof Worker === 'undefined' || location.protocol === 'file:') return localSearchClient(dataset);
  return workerSearchClient(
    dataset,
    new URL(dataUrl, location.href).href,
    () => new Worker(new URL('./search.worker.ts', import.meta.url), { type: 'module', name: 'search' }),
  );
}
