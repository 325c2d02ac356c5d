import { describe, expect, it } from 'vitest';
import { makeDataset, makeEvent } from '../dataset/fixture.ts';
import { localSearchClient, workerSearchClient } from './client.ts';
import type { SearchReply, SearchRequest } from './protocol.ts';

const dataset = makeDataset({
  events: [
    makeEvent({ id: 'a', title: 'Meeting in Tashkent', place: 'tashkent' }),
    makeEvent({ id: 'b', title: 'Summit in Beijing', kind: 'summit', place: 'beijing' }),
    makeEvent({ id: 'c', title: 'Phone call', kind: 'phone-call', place: null }),
  ],
});

/** A stand-in worker: `reply` decides what it answers to each request; answers arrive asynchronously. */
function fakeWorker(reply: (request: SearchRequest) => SearchReply[]) {
  const requests: SearchRequest[] = [];
  let terminated = false;
  const worker = {
    onmessage: null as ((event: MessageEvent<SearchReply>) => void) | null,
    onerror: null as (() => void) | null,
    postMessage(request: SearchRequest) {
      requests.push(request);
      for (const r of reply(request))
        setTimeout(() => !terminated && worker.onmessage?.({ data: r } as MessageEvent<SearchReply>), 0);
    },
    terminate() {
      terminated = true;
    },
  };
  return { worker, requests, isTerminated: () => terminated };
}

const ready = (count = 3, firstId = 'a', lastId = 'c'): SearchReply => ({ type: 'ready', count, firstId, lastId });

/** Fails to fetch the index's code `failures` times, then loads it (as when the connection comes back). */
function flakyIndexLoader(failures: number) {
  let calls = 0;
  const load = () => {
    calls++;
    return calls <= failures
      ? Promise.reject(new TypeError('Failed to fetch dynamically imported module'))
      : import('./index.ts');
  };
  return { load, calls: () => calls };
}

describe('localSearchClient', () => {
  it('answers with positions in dataset.events and the query words', async () => {
    const hits = await localSearchClient(dataset).search('beijing');
    expect([...hits.indices]).toEqual([1]);
    expect(hits.query).toBe('beijing');
    expect(hits.terms).toEqual(['beijing']);
  });

  it('rejects a query when the search code cannot be fetched, and tries again with the next', async () => {
    const flaky = flakyIndexLoader(1);
    const client = localSearchClient(dataset, flaky.load);
    await expect(client.search('beijing')).rejects.toThrow(/dynamically imported module/);
    expect([...(await client.search('beijing')).indices]).toEqual([1]);
    expect(flaky.calls()).toBe(2);
  });
});

describe('workerSearchClient', () => {
  it('asks the worker to load the dataset URL, then passes its answers through', async () => {
    const fake = fakeWorker((r) =>
      r.type === 'load'
        ? [ready()]
        : [{ type: 'result', id: r.id, indices: Int32Array.from([2, 0]), terms: ['from-worker'], ms: 0.5 }],
    );
    const client = workerSearchClient(dataset, 'http://host/data/contacts.json', () => fake.worker as never);
    const hits = await client.search('anything');
    expect(fake.requests[0]).toEqual({ type: 'load', url: 'http://host/data/contacts.json' });
    expect([...hits.indices]).toEqual([2, 0]);
    expect(hits.terms).toEqual(['from-worker']);
    expect(hits.ms).toBe(0.5); // the worker's own time, passed through
  });

  it.each([
    ['the worker fails to load the data', [{ type: 'failed', detail: '404' } as SearchReply]],
    ['the worker holds a different number of events', [ready(4)]],
    ['the worker holds other events', [ready(3, 'x', 'c')]],
  ])('searches in the page when %s, answering queries already sent', async (_why, loadReplies) => {
    const fake = fakeWorker((r) => (r.type === 'load' ? loadReplies : []));
    const client = workerSearchClient(dataset, 'http://host/d.json', () => fake.worker as never);
    const hits = await client.search('tashkent');
    expect([...hits.indices]).toEqual([0]);
    expect(fake.isTerminated()).toBe(true);
    expect([...(await client.search('summit')).indices]).toEqual([1]);
  });

  it('rejects the queries in flight when the worker fails and the search code cannot be fetched either', async () => {
    const fake = fakeWorker((r) => (r.type === 'load' ? [{ type: 'failed', detail: 'offline' }] : []));
    const client = workerSearchClient(
      dataset,
      'http://host/d.json',
      () => fake.worker as never,
      flakyIndexLoader(9).load,
    );
    await expect(client.search('tashkent')).rejects.toThrow(/dynamically imported module/);
  });

  it('searches in the page when the worker cannot be created', async () => {
    const client = workerSearchClient(dataset, 'http://host/d.json', () => {
      throw new Error('blocked by CSP');
    });
    expect([...(await client.search('beijing')).indices]).toEqual([1]);
  });

  it('answers each query with its own hits when several are in flight', async () => {
    const fake = fakeWorker((r) =>
      r.type === 'load'
        ? [ready()]
        : [{ type: 'result', id: r.id, indices: Int32Array.from([r.query.length]), terms: [r.query], ms: 0.5 }],
    );
    const client = workerSearchClient(dataset, 'http://host/d.json', () => fake.worker as never);
    const [x, y] = await Promise.all([client.search('b'), client.search('bei')]);
    expect([x.query, [...x.indices]]).toEqual(['b', [1]]);
    expect([y.query, [...y.indices]]).toEqual(['bei', [3]]);
  });
});
