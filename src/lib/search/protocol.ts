/** Messages between the page and the search worker (`search.worker.ts`). Plain data: they are structured-cloned. */

export type SearchRequest =
  /** Fetch and validate the dataset at this absolute URL (the page fetched the same file), then build the index. */
  { type: 'load'; url: string } | { type: 'search'; id: number; query: string };

export type SearchReply =
  /** The index is built; the page compares the events it has with these before trusting the worker. */
  | { type: 'ready'; count: number; firstId: string | null; lastId: string | null }
  | { type: 'failed'; detail: string }
  /** `indices`: positions in `dataset.events`, best first (its buffer is transferred, not copied); `ms`: the search's
   * own time in the worker. */
  | { type: 'result'; id: number; indices: Int32Array; terms: string[]; ms: number };
