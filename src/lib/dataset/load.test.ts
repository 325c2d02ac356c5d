import { describe, expect, it, vi } from 'vitest';
import { makeDataset } from './fixture.ts';
import { loadDataset } from './load.ts';

const respond = (body: string, status = 200) => (async () => new Response(body, { status })) as typeof fetch;

describe('loadDataset', () => {
  it('returns the validated dataset', async () => {
    const result = await loadDataset('data/contacts.json', respond(JSON.stringify(makeDataset())));
    expect(result.ok).toBe(true);
  });
  it.each([
    ['network', (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch],
    ['http', respond('missing', 404)],
    ['json', respond('{"schemaVersion": 1, "ev')],
    ['schema', respond(JSON.stringify({ ...makeDataset(), schemaVersion: 9 }))],
  ])('reports a %s failure instead of throwing', async (reason, fetchFn) => {
    const result = await loadDataset('data/contacts.json', fetchFn);
    expect(result).toMatchObject({ ok: false, reason });
  });
  it('reports a body that breaks off while arriving as a network failure', async () => {
    const broken = new Response(
      new ReadableStream({
        start: (controller) => controller.error(new TypeError('connection reset')),
      }),
    );
    const result = await loadDataset('data/contacts.json', (async () => broken) as typeof fetch);
    expect(result).toMatchObject({ ok: false, reason: 'network', detail: 'connection reset' });
  });
  it('validates a read already under way instead of fetching again', async () => {
    const fetchFn = vi.fn(respond('not used'));
    const started = Promise.resolve({ ok: true as const, data: makeDataset() });
    expect(await loadDataset('data/contacts.json', fetchFn, started)).toMatchObject({ ok: true });
    const failed = Promise.resolve({ ok: false as const, reason: 'http' as const, detail: '404 Not Found' });
    expect(await loadDataset('data/contacts.json', fetchFn, failed)).toEqual({
      ok: false,
      reason: 'http',
      detail: '404 Not Found',
    });
    expect(fetchFn).not.toHaveBeenCalled();
  });
  it('reports a dataset that fails the schema check after an early read', async () => {
    const started = Promise.resolve({ ok: true as const, data: { ...makeDataset(), schemaVersion: 9 } });
    expect(await loadDataset('data/contacts.json', fetch, started)).toMatchObject({ ok: false, reason: 'schema' });
  });
});
