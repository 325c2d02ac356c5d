import { describe, expect, it } from 'vitest';
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
});
