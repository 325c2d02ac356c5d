import { describe, expect, it } from 'vitest';
import { makeEvent } from '../dataset/fixture.ts';
import { prepareItems } from './extent.ts';
import { layoutTimeline } from './layout.ts';
import { syntheticEntities, syntheticEvents } from './testing.ts';
import { LANE_MODES } from './types.ts';
import type { Mark } from './types.ts';
import { fullDomain } from './zoom.ts';

const U = Date.UTC;
const entities = syntheticEntities();
const day = (id: string, start: string, forum: string | null = null, end?: string) =>
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

const { items } = prepareItems(
  [
    day('jan1', '2021-01-01'),
    day('jan2', '2021-01-02'),
    day('jan3', '2021-01-03'),
    day('jan4', '2021-01-04'),
    day('sco', '2021-06-15', 'sco'),
    day('year', '2020', 'un'),
    day('long', '2019-12-20', 'brics', '2021-02-01'),
    day('late', '2024-05-05', 'apec'),
  ],
  entities,
);
// 2021 across 365 px: one pixel per day.
const year2021: [number, number] = [U(2021, 0, 1), U(2022, 0, 1)];

const show = (marks: Mark[]) =>
  marks.map((m) =>
    m.type === 'event' ? `${m.lane}:${m.item.event.id}/${m.row}` : `${m.lane}:[${m.items.length}]/${m.row}`,
  );

describe('layoutTimeline', () => {
  const rows: {
    name: string;
    input: { domain: [number, number]; pinned?: string[]; margin?: number };
    expected: { marks: string[]; visible: string[] };
  }[] = [
    {
      name: '2021: four close days cluster, a long range reaches in, 2020 ends inside the margin',
      input: { domain: year2021 },
      expected: {
        marks: ['bilateral:[4]/0', 'sco:sco/0', 'brics:long/0', 'un:year/0'],
        visible: ['long', 'jan1', 'jan2', 'jan3', 'jan4', 'sco'],
      },
    },
    {
      name: 'pinned items leave the cluster',
      input: { domain: year2021, pinned: ['jan2'] },
      expected: {
        marks: ['bilateral:[3]/0', 'bilateral:jan2/1', 'sco:sco/0', 'brics:long/0', 'un:year/0'],
        visible: ['long', 'jan1', 'jan2', 'jan3', 'jan4', 'sco'],
      },
    },
    {
      name: 'without a margin, 2020 (ending where the window starts) is left out',
      input: { domain: year2021, margin: 0 },
      expected: {
        marks: ['bilateral:[4]/0', 'sco:sco/0', 'brics:long/0'],
        visible: ['long', 'jan1', 'jan2', 'jan3', 'jan4', 'sco'],
      },
    },
    {
      name: 'zoomed into three days: the days spread out',
      input: { domain: [U(2021, 0, 1), U(2021, 0, 4)] },
      expected: {
        // jan4 and 2020 lie just outside, within the 40 px margin.
        marks: [
          'bilateral:jan1/0',
          'bilateral:jan2/0',
          'bilateral:jan3/0',
          'bilateral:jan4/0',
          'brics:long/0',
          'un:year/0',
        ],
        visible: ['long', 'jan1', 'jan2', 'jan3'],
      },
    },
    {
      name: 'an empty stretch',
      input: { domain: [U(2022, 0, 1), U(2023, 0, 1)] },
      expected: { marks: [], visible: [] },
    },
  ];
  it.each(rows)('$name', ({ input, expected }) => {
    const result = layoutTimeline(items, 'forum', input.domain, 365, {
      ...(input.pinned ? { pinned: new Set(input.pinned) } : {}),
      ...(input.margin !== undefined ? { margin: input.margin } : {}),
    });
    expect({ marks: show(result.marks), visible: result.visible.map((i) => i.event.id) }).toEqual(expected);
  });

  it('maps the domain linearly onto the width', () => {
    const { marks } = layoutTimeline(items, 'forum', year2021, 365);
    const sco = marks.find((m) => m.type === 'event' && m.item.event.id === 'sco')!;
    expect(sco.x).toBe(165.5);
    const long = marks.find((m) => m.type === 'event' && m.item.event.id === 'long')!;
    // 20 Dec 2019 is 378 days before 2021; the range ends with 1 Feb 2021, i.e. at 2 Feb 00:00.
    expect([long.x0, long.x1]).toEqual([-378, 32]);
  });

  it('stacks bands of all lanes that have items, with rows from the window', () => {
    const { bands, height } = layoutTimeline(items, 'forum', year2021, 365, {
      pinned: new Set(['jan2', 'jan3']),
      top: 10,
    });
    expect(bands).toEqual([
      { key: 'bilateral', y: 10, height: 78, rows: 3, count: 4 },
      { key: 'sco', y: 88, height: 34, rows: 1, count: 1 },
      { key: 'brics', y: 122, height: 34, rows: 1, count: 1 },
      { key: 'un', y: 156, height: 34, rows: 1, count: 1 },
      { key: 'apec', y: 190, height: 34, rows: 1, count: 1 },
    ]);
    expect(height).toBe(214);
  });

  it('uses the lane mode', () => {
    const { bands } = layoutTimeline(items, 'level', year2021, 365);
    expect(bands.map((b) => [b.key, b.count])).toEqual([['foreign-minister', 8]]);
  });

  it('accepts an unsorted items array', () => {
    const shuffled = [...items].reverse();
    const result = layoutTimeline(shuffled, 'forum', year2021, 365);
    expect(result.visible.map((i) => i.event.id)).toEqual(['long', 'jan1', 'jan2', 'jan3', 'jan4', 'sco']);
  });

  it('keeps 100,000 items to a bounded number of marks', () => {
    const many = prepareItems(syntheticEvents(100_000, 7), entities).items;
    expect(many.length).toBeGreaterThan(95_000);
    const width = 1200;
    const minGap = 14;
    const maxRows = 3;
    const full = fullDomain(many, 0);
    for (const mode of LANE_MODES) {
      for (const domain of [full, [U(2015, 0, 1), U(2016, 0, 1)], [U(2015, 5, 1), U(2015, 5, 4)]] as const) {
        const { marks, bands, visible } = layoutTimeline(many, mode, domain, width, { minGap, maxRows });
        expect(marks.length).toBeLessThanOrEqual((width / minGap + 1) * bands.length * maxRows);
        expect(visible.length).toBeGreaterThan(0);
        // Every visible item is drawn, alone or inside a cluster.
        const drawn = new Set(marks.flatMap((m) => (m.type === 'event' ? [m.item] : m.items)));
        expect(visible.every((i) => drawn.has(i))).toBe(true);
      }
    }
  });
});
