import { describe, expect, it } from 'vitest';
import { makeDataset, makeEvent } from './fixture.ts';
import { summarizeDataset } from './summary.ts';

describe('summarizeDataset', () => {
  it.each([
    ['the fixture', makeDataset(), { contacts: 3, articles: 2, years: [2001, 2025] }],
    ['no events', makeDataset({ events: [] }), { contacts: 0, articles: 2, years: null }],
    [
      'only undated events',
      makeDataset({ events: [makeEvent({ id: 'u', date: { start: null, precision: 'unknown', basis: 'text' } })] }),
      { contacts: 1, articles: 2, years: null },
    ],
    [
      'a range reaching into the next year',
      makeDataset({
        events: [
          makeEvent({ id: 'r', date: { start: '2023-12-30', end: '2024-01-02', precision: 'day', basis: 'text' } }),
        ],
      }),
      { contacts: 1, articles: 2, years: [2023, 2024] },
    ],
  ])('%s', (_name, dataset, expected) => expect(summarizeDataset(dataset)).toEqual(expected));
});
