import { describe, expect, it, vi } from 'vitest';
import { createTextSource, TextLoadError } from './texts.ts';
import { SCHEMA_VERSION, type DocumentRecord, type Evidence, type StoredEvent } from './types.ts';
import { makeDocument, makeEvent } from './fixture.ts';

const doc = (id: string, rest: Partial<DocumentRecord>) => makeDocument(id, rest);
const documents = [
  doc('a', { textFile: 'contacts.texts/2021-00000001.json' }),
  doc('b', { textFile: 'contacts.texts/2021-00000001.json' }),
  doc('c', { textFile: 'contacts.texts/2025-00000002.json' }),
  doc('inline', { text: 'Inline text.' }),
];
const ev = (field: string, from: number, to: number): Evidence => ({ field, span: [from, to] });
/** e1 cites a and inline (its evidence for a in the chunk, for inline in the dataset file); e2 cites a and c. */
const events: StoredEvent[] = [makeEvent({ id: 'e1' }), makeEvent({ id: 'e2' })].map((e, i) => ({
  ...e,
  sources:
    i === 0
      ? [
          { document: 'a', status: 'reported' as const },
          { document: 'inline', status: 'mentioned' as const, evidence: [ev('date', 0, 6)] },
        ]
      : [
          { document: 'a', status: 'mentioned' as const },
          { document: 'c', status: 'reported' as const },
        ],
}));
const dataset = { documents, events };
const chunks: Record<string, unknown> = {
  'http://site.test/app/data/contacts.texts/2021-00000001.json': {
    schemaVersion: SCHEMA_VERSION,
    texts: { a: 'Text A', b: 'Text B' },
    evidence: { a: { e1: [ev('kind', 0, 4)], e2: [ev('place', 5, 6)] } },
  },
  'http://site.test/app/data/contacts.texts/2025-00000002.json': {
    schemaVersion: SCHEMA_VERSION,
    texts: { c: 'Text C' },
    evidence: { c: { e2: [ev('participants', 0, 6)] } },
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
  it('fetches each chunk once, resolved against the dataset URL, and serves every text and evidence in it', async () => {
    const fetchFn = server();
    const source = createTextSource('data/contacts.json', dataset, { fetch: fetchFn, base: BASE });
    expect(source.peek('a')).toBeUndefined();
    const [a, b] = await Promise.all([source.documentOf('a'), source.documentOf('b')]);
    expect(a).toEqual({ text: 'Text A', evidence: { e1: [ev('kind', 0, 4)], e2: [ev('place', 5, 6)] } });
    expect(b).toEqual({ text: 'Text B', evidence: {} });
    expect(await source.documentOf('a')).toBe(a);
    expect(source.peek('a')).toBe(a); // the same object: the panel does not re-render for nothing
    expect(source.peek('b')).toBe(b);
    expect(fetchFn).toHaveBeenCalledTimes(1);
    expect(String(fetchFn.mock.calls[0]![0])).toBe('http://site.test/app/data/contacts.texts/2021-00000001.json');
    expect((await source.documentOf('c'))?.evidence).toEqual({ e2: [ev('participants', 0, 6)] });
    expect(fetchFn).toHaveBeenCalledTimes(2);
  });

  it('answers inline texts with their inline evidence, and unknown documents, without a request', async () => {
    const fetchFn = server();
    const source = createTextSource('data/contacts.json', dataset, { fetch: fetchFn, base: BASE });
    const inline = { text: 'Inline text.', evidence: { e1: [ev('date', 0, 6)] } };
    expect(source.peek('inline')).toEqual(inline);
    expect(await source.documentOf('inline')).toEqual(inline);
    expect(await source.documentOf('nope')).toBeNull();
    expect(source.peek('nope')).toBeUndefined();
    expect(fetchFn).not.toHaveBeenCalled();
  });

  it('prefers evidence the dataset file keeps inline over the chunk (a source may keep its own)', async () => {
    const own = {
      ...events[1]!,
      sources: [{ document: 'c', status: 'reported' as const, evidence: [ev('kind', 1, 2)] }],
    };
    const source = createTextSource(
      'data/contacts.json',
      { documents, events: [events[0]!, own] },
      { fetch: server(), base: BASE },
    );
    expect((await source.documentOf('c'))?.evidence).toEqual({ e2: [ev('kind', 1, 2)] });
  });

  const url = 'http://site.test/app/data/contacts.texts/2021-00000001.json';
  it.each([
    ['http', {}, /404 Not Found/],
    ['json', { [url]: '{"schemaVersion": 3, "te' }, /JSON/],
    ['schema', { [url]: { schemaVersion: SCHEMA_VERSION, texts: { a: 'only a' }, evidence: {} } }, /missing b/],
    ['schema', { [url]: { schemaVersion: 99, texts: {} } }, /newer than this app understands/],
    ['schema', { [url]: { schemaVersion: 2, texts: { a: 'A', b: 'B' } } }, /expected 3, got 2/],
    [
      'schema',
      { [url]: { schemaVersion: SCHEMA_VERSION, texts: { a: 1, b: 'x' }, evidence: {} } },
      /texts\.a: expected a string/,
    ],
    [
      'schema',
      { [url]: { schemaVersion: SCHEMA_VERSION, texts: { a: 'A', b: 'B' }, evidence: { a: { e1: [] } } } },
      /evidence: missing a → e2/,
    ],
    [
      'schema',
      {
        [url]: {
          schemaVersion: SCHEMA_VERSION,
          texts: { a: 'A', b: 'B' },
          evidence: { a: { e1: [ev('kind', 0, 9)], e2: [] } },
        },
      },
      /evidence\.a\.e1\[0\]\.span: \[0, 9\] runs past the end of the text \(length 1\)/,
    ],
  ])('rejects with a %s TextLoadError naming the chunk (%#)', async (reason, files, detail) => {
    const source = createTextSource('data/contacts.json', dataset, { fetch: server(files), base: BASE });
    const error = await source.documentOf('a').catch((e: unknown) => e);
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
    const source = createTextSource('data/contacts.json', dataset, { fetch: fetchFn, base: BASE });
    await expect(source.documentOf('a')).rejects.toMatchObject({ reason: 'network' });
    expect((await source.documentOf('a'))?.text).toBe('Text A');
    expect(fetchFn).toHaveBeenCalledTimes(2);
  });

  it('never fetches from another origin', async () => {
    const fetchFn = server();
    const hostile = [doc('x', { textFile: '//evil.test/steal.json' })];
    const source = createTextSource(
      'data/contacts.json',
      { documents: hostile, events: [] },
      { fetch: fetchFn, base: BASE },
    );
    await expect(source.documentOf('x')).rejects.toMatchObject({ reason: 'origin' });
    expect(fetchFn).not.toHaveBeenCalled();
  });
});
