import { afterEach, describe, expect, it, vi } from 'vitest';
import { prefetchDataset, takePrefetched } from './prefetch.ts';

afterEach(() => vi.unstubAllGlobals());

describe('prefetchDataset / takePrefetched', () => {
  it('hands the early response to the first taker for the same URL only, once', async () => {
    const response = new Response('{}');
    const fetch = vi.fn(async () => response);
    vi.stubGlobal('fetch', fetch);
    prefetchDataset('data/x.json');
    expect(fetch).toHaveBeenCalledWith('data/x.json', { cache: 'no-cache' });
    expect(takePrefetched('data/other.json')).toBeNull();
    expect(await takePrefetched('data/x.json')).toBe(response);
    expect(takePrefetched('data/x.json')).toBeNull(); // a retry fetches anew
  });

  it('keeps a failed early request from becoming an unhandled rejection until it is taken', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('offline');
      }),
    );
    prefetchDataset('data/y.json');
    await new Promise((ok) => setTimeout(ok, 0));
    await expect(takePrefetched('data/y.json')).rejects.toThrow('offline');
  });
});
