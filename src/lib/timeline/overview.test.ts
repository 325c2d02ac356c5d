import { describe, expect, it } from 'vitest';
import { makeEvent } from '../dataset/fixture.ts';
import { prepareItems } from './extent.ts';
import { monthlyHistogram, monthNo } from './overview.ts';
import { syntheticEntities } from './testing.ts';

const U = Date.UTC;
const ev = (id: string, start: string, forum: string | null = null, end?: string) =>
  makeEvent({
    id,
    forum,
    date: {
      start,
      precision: start.length === 4 ? 'year' : start.length === 7 ? 'month' : 'day',
      basis: 'text',
      ...(end ? { end } : {}),
    },
  });

describe('monthlyHistogram', () => {
  const rows: { name: string; input: ReturnType<typeof ev>[]; expected: [string, number, Record<string, number>][] }[] =
    [
      { name: 'no items', input: [], expected: [] },
      { name: 'one day', input: [ev('a', '2021-07-13')], expected: [['2021-07', 1, { bilateral: 1 }]] },
      {
        name: 'gaps are filled and forums counted',
        input: [ev('a', '2021-11-30', 'sco'), ev('b', '2022-02-01'), ev('c', '2022-02-03', 'sco')],
        expected: [
          ['2021-11', 1, { sco: 1 }],
          ['2021-12', 0, {}],
          ['2022-01', 0, {}],
          ['2022-02', 2, { bilateral: 1, sco: 1 }],
        ],
      },
      {
        // A year-dated event sits mid-year; a range straddling a month end counts where its centre is.
        name: 'counted at the centre',
        input: [ev('y', '2021'), ev('r', '2021-06-29', 'brics', '2021-07-04')],
        expected: [['2021-07', 2, { bilateral: 1, brics: 1 }]],
      },
    ];
  it.each(rows)('$name', ({ input, expected }) => {
    const bins = monthlyHistogram(prepareItems(input, syntheticEntities()).items);
    expect(bins.map((b) => [b.month, b.total, b.counts])).toEqual(expected);
  });

  it('gives each bin its month’s UTC bounds', () => {
    const bins = monthlyHistogram(
      prepareItems([ev('a', '2023-12-31'), ev('b', '2024-02-29')], syntheticEntities()).items,
    );
    expect(bins.map((b) => [b.start, b.end])).toEqual([
      [U(2023, 11, 1), U(2024, 0, 1)],
      [U(2024, 0, 1), U(2024, 1, 1)],
      [U(2024, 1, 1), U(2024, 2, 1)],
    ]);
  });
});

describe('monthNo', () => {
  it('agrees with Date for times across the centuries, before and after 1970, at month edges', () => {
    const byDate = (t: number) => {
      const d = new Date(t);
      return d.getUTCFullYear() * 12 + d.getUTCMonth();
    };
    const times = [0, -1, 1, Date.UTC(2000, 1, 29), Date.UTC(2000, 2, 1) - 1, Date.UTC(1900, 1, 28, 23, 59)];
    for (let year = 1600; year <= 2400; year += 7)
      for (let month = 0; month < 12; month++) {
        const start = Date.UTC(year, month, 1);
        times.push(start, start - 1, start + 15.5 * 86_400_000);
      }
    for (const t of times) expect(monthNo(t), new Date(t).toISOString()).toBe(byDate(t));
  });
});
