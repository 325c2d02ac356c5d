import { describe, expect, it, vi } from 'vitest';
import { createTextSource, TextLoadError } from './texts.ts';
import { SCHEMA_VERSION, type DocumentRecord } from './types.ts';

const doc = (id: string, rest: Partial<DocumentRecord>): DocumentRecord => ({
  id,
  file: `${id}.txt`,
  language: 'de',
  relevant: true,
  events: [],
  warnings: [],
  ...rest,
});
const documents = [
  doc('a', { textFile: 'contacts.texts/2021-00000001.json' }),
  doc('b', { textFile: 'contacts.texts/2021-00000001.json' }),
  doc('c', { textFile: 'contacts.texts/2025-00000002.json' }),
  doc('inline', { text: 'Inline text.' }),
];
const chunks: Record<string, unknown> = {
  'http://site.test/app/data/contacts.texts/2021-00000001.json': {
    schemaVersion: SCHEMA_VERSION,
    texts: { a: 'Text A', b: 'Text B' },
  },
  'http://site.test/app/data/contacts.texts/2025-00000002.json': {
    schemaVersion: SCHEMA_VERSION,
    texts: { c: 'Text C' },
  },
};
const BASE = 'http://site.test/app/index.html';

/** A fetch that serves `files` (URL → JSON value or raw body) and records every request. */
function server(files: Record<string, unknown> = chunks) {
  return vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    if (!(url in files)) return new Response('not found', { status: 404, statusText: 'Not Found' });
    const body = files[url];
    return new Response(typeof body === 'string' ? body : JSON.stringify(body));
  });
}

describe('createTextSource', () => {
  it('fetches each chunk once, resolved against the dataset URL, and serves every text in it', async () => {
    const fetchFn = server();
    const source = createTextSource('data/contacts.json', { documents }, { fetch: fetchFn, base: BASE });
    expect(source.peek('a')).toBeUndefined();
    const [a, b] = await Promise.all([source.textOf('a'), source.textOf('b')]);
    expect([a, b]).toEqual(['Text A', 'Text B']);
    expect(await source.textOf('a')).toBe('Text A');
    expect(source.peek('b')).toBe('Text B');
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(String(fetchFn.mock.calls[0]![0])).toBe('http://site.test/app/data/contacts.texts/2021-00000001.json');
    expect(await source.textOf('c')).toBe('Text C');
    expect(fetchFn).toHaveBeenCalledTimes(2);
  });

  it('answers inline texts and unknown documents without a request', async () => {
    const fetchFn = server();
    const source = createTextSource('data/contacts.json', { documents }, { fetch: fetchFn, base: BASE });
    expect(source.peek('inline')).toBe('Inline text.');
    expect(await source.textOf('inline')).toBe('Inline text.');
    expect(await source.textOf('nope')).toBeNull();
    expect(fetchFn).not.toHaveBeenCalled();
  });

  const url = 'http://site.test/app/data/contacts.texts/2021-00000001.json';
  it.each([
    ['http', {}, /404 Not Found/],
    ['json', { [url]: '{"schemaVersion": 2, "te' }, /JSON/],
    ['schema', { [url]: { schemaVersion: SCHEMA_VERSION, texts: { a: 'only a' } } }, /missing b/],
    ['schema', { [url]: { schemaVersion: 99, texts: {} } }, /newer than this app understands/],
    ['schema', { [url]: { schemaVersion: SCHEMA_VERSION, texts: { a: 1, b: 'x' } } }, /texts\.a: expected a string/],
  ])('rejects with a %s TextLoadError naming the chunk (%#)', async (reason, files, detail) => {
    const source = createTextSource('data/contacts.json', { documents }, { fetch: server(files), base: BASE });
    const error = await source.textOf('a').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TextLoadError);
    expect(error).toMatchObject({ reason, url });
    expect((error as Error).message).toMatch(detail);
    expect((error as Error).message).toContain(url);
  });

  it('reports a network failure and tries again on the next request', async () => {
    const fetchFn = vi
      .fn<typeof fetch>()
      .mockRejectedValueOnce(new TypeError('Failed to fetch'))
      .mockImplementation(server());
    const source = createTextSource('data/contacts.json', { documents }, { fetch: fetchFn, base: BASE });
    await expect(source.textOf('a')).rejects.toMatchObject({ reason: 'network' });
    expect(await source.textOf('a')).toBe('Text A');
    expect(fetchFn).toHaveBeenCalledTimes(2);
  });

  it('never fetches from another origin', async () => {
    const fetchFn = server();
    const hostile = [doc('x', { textFile: '//evil.test/steal.json' })];
    const source = createTextSource('data/contacts.json', { documents: hostile }, { fetch: fetchFn, base: BASE });
    await expect(source.textOf('x')).rejects.toMatchObject({ reason: 'origin' });
    expect(fetchFn).not.toHaveBeenCalled();
  });
});
