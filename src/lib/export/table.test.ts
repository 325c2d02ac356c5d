import { describe, expect, it } from 'vitest';
import { makeDataset, makeEvent } from '../dataset/fixture.ts';
import type { StoredEvent } from '../dataset/types.ts';
import { toJson } from './table.ts';

describe('toJson', () => {
  const view = { url: 'https://example.org/?forum=sco', filterSummary: 'SCO' };
  const inline = makeEvent({ id: 'x' });
  const stored: StoredEvent = { ...inline, id: 'y', sources: [{ document: 'doc-a', status: 'mentioned' }] };

  it.each([
    ['inline evidence (single-file edition)', inline, { document: 'doc-a', status: 'reported' }],
    ['evidence left to a chunk file (web edition)', stored, { document: 'doc-a', status: 'mentioned' }],
  ])('exports sources without evidence, whichever the edition: %s', (_name, event, source) => {
    const parsed = JSON.parse(toJson([event], makeDataset(), view));
    expect(parsed).toMatchObject({ view: view.url, filters: 'SCO', count: 1 });
    expect(parsed.events[0].sources).toEqual([source]);
    expect(parsed.events[0]).toEqual({ ...event, sources: [source] });
  });
});
