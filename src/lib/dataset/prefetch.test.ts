import { afterEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_DATA_URL, startDatasetRead, takeStartedRead } from './prefetch.ts';

afterEach(() => {
  // Leave no started read behind for the next test.
  for (const url of ['data/x.json', 'data/y.json', DEFAULT_DATA_URL]) takeStartedRead(url);
  vi.unstubAllGlobals();
});

describe('startDatasetRead / takeStartedRead', () => {
  it('reads the dataset the query string names and hands the read to the first taker for that URL only, once', async () => {
    const fetch = vi.fn(async () => new Response('{"a":1}'));
    vi.stubGlobal('fetch', fetch);
    startDatasetRead('?data=data/x.json&lang=en');
    startDatasetRead('?data=data/y.json'); // a read is under way already: not a second one
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledWith('data/x.json', expect.objectContaining({ cache: 'no-cache' }));
    expect(takeStartedRead('data/y.json')).toBeNull();
    expect(await takeStartedRead('data/x.json')).toEqual({ ok: true, data: { a: 1 } });
    expect(takeStartedRead('data/x.json')).toBeNull(); // a retry reads anew
  });

  it.each([
    ['no data parameter', ''],
    ['a path to another host', '?data=//evil.example/x.json'],
    ['a path out of the site', '?data=../x.json'],
  ])('reads the default dataset for %s', (_why, search) => {
    const fetch = vi.fn(async () => new Response('{}'));
    vi.stubGlobal('fetch', fetch);
    startDatasetRead(search);
    expect(fetch).toHaveBeenCalledWith(DEFAULT_DATA_URL, expect.anything());
  });

  it('turns a failed request into a result the app can explain, not an unhandled rejection', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('offline');
      }),
    );
    startDatasetRead('?data=data/y.json');
    await new Promise((ok) => setTimeout(ok, 0));
    expect(await takeStartedRead('data/y.json')).toEqual({ ok: false, reason: 'network', detail: 'offline' });
  });
});
