import { describe, expect, it } from 'vitest';
import { makeEvent } from '../dataset/fixture.ts';
import { clusterLane } from './cluster.ts';
import type { Mark, TimelineItem } from './types.ts';

const DAY = 86_400_000;

/** An item whose symbol lands at pixel `x` under toX = t / DAY (one pixel per day). */
function item(id: string, x: number, opts: { len?: number; forumLane?: TimelineItem['forumLane'] } = {}): TimelineItem {
  const len = opts.len ?? 1;
  const mid = x * DAY;
  const start = mid - (len * DAY) / 2;
  const forumLane = opts.forumLane ?? 'bilateral';
  return {
    event: makeEvent({ id }),
    order: 0,
    index: 0,
    extent: { start, end: start + len * DAY },
    mid,
    precision: len === 1 ? 'day' : 'month',
    range: false,
    kind: 'meeting',
    status: 'reported',
    forumLane,
    lanes: { forum: forumLane, kind: 'meeting', level: 'other' },
  };
}

const toX = (t: number) => t / DAY;

/** A compact view of marks: `id@x/row` for events, `[ids]@x/row` for clusters. */
function show(marks: Mark[]): string[] {
  return marks.map((m) =>
    m.type === 'event'
      ? `${m.item.event.id}@${m.x}/${m.row}`
      : `[${m.items.map((i) => i.event.id).join(',')}]@${m.x}/${m.row}`,
  );
}

describe('clusterLane', () => {
  const rows: { name: string; input: { xs: number[]; pinned?: string[]; maxSpan?: number }; expected: string[] }[] = [
    { name: 'no items', input: { xs: [] }, expected: [] },
    { name: 'apart', input: { xs: [0, 20, 40] }, expected: ['a@0/0', 'b@20/0', 'c@40/0'] },
    { name: 'exactly minGap apart do not collide', input: { xs: [0, 10] }, expected: ['a@0/0', 'b@10/0'] },
    { name: 'two close ones stack', input: { xs: [0, 5, 30] }, expected: ['a@0/0', 'b@5/1', 'c@30/0'] },
    { name: 'three stack', input: { xs: [0, 3, 6] }, expected: ['a@0/0', 'b@3/1', 'c@6/2'] },
    { name: 'chains join', input: { xs: [0, 9, 18] }, expected: ['a@0/0', 'b@9/1', 'c@18/2'] },
    { name: 'four cluster', input: { xs: [0, 1, 2, 4] }, expected: ['[a,b,c,d]@2/0'] },
    { name: 'mean rounds to half pixels', input: { xs: [0, 1, 1, 1.1] }, expected: ['[a,b,c,d]@1/0'] },
    {
      name: 'pinned leaves the cluster',
      input: { xs: [0, 1, 2, 3, 4], pinned: ['c'] },
      expected: ['[a,b,d,e]@2/0', 'c@2/1'],
    },
    {
      name: 'pinned with one left over',
      input: { xs: [0, 1, 2, 3], pinned: ['a', 'b', 'c'] },
      expected: ['d@3/0', 'a@0/1', 'b@1/2', 'c@2/3'],
    },
    {
      name: 'all pinned',
      input: { xs: [0, 1, 2, 3], pinned: ['a', 'b', 'c', 'd'] },
      expected: ['a@0/0', 'b@1/1', 'c@2/2', 'd@3/3'],
    },
    { name: 'pinned in a small group just stacks', input: { xs: [0, 1], pinned: ['b'] }, expected: ['a@0/0', 'b@1/1'] },
    {
      name: 'maxSpan splits a long chain',
      input: { xs: [0, 5, 10, 15, 20, 25, 30, 35], maxSpan: 20 },
      expected: ['[a,b,c,d]@7.5/0', '[e,f,g,h]@27.5/0'],
    },
  ];
  it.each(rows)('$name', ({ input, expected }) => {
    const items = input.xs.map((x, i) => item(String.fromCharCode(97 + i), x));
    const marks = clusterLane(items, 'lane', toX, {
      minGap: 10,
      maxRows: 3,
      pinned: new Set(input.pinned ?? []),
      ...(input.maxSpan ? { maxSpan: input.maxSpan } : {}),
    });
    expect(show(marks)).toEqual(expected);
    expect(marks.every((m) => m.lane === 'lane')).toBe(true);
  });

  it('fills cluster extent, span and forum counts', () => {
    const items = [item('a', 0), item('b', 2, { forumLane: 'sco' }), item('c', 4, { forumLane: 'sco' }), item('d', 6)];
    const [mark] = clusterLane(items, 'x', toX, { minGap: 10, maxRows: 3, pinned: new Set() });
    expect(mark).toMatchObject({
      type: 'cluster',
      x: 3,
      x0: 0,
      x1: 6,
      row: 0,
      extent: { start: -0.5 * DAY, end: 6.5 * DAY },
      byForum: { bilateral: 2, sco: 2 },
    });
  });

  it('gives days a point and longer dates their span', () => {
    const marks = clusterLane([item('day', 0), item('month', 50, { len: 30 })], 'x', toX, {
      minGap: 10,
      maxRows: 3,
      pinned: new Set(),
    });
    expect(marks.map((m) => [m.x0, m.x, m.x1])).toEqual([
      [0, 0, 0],
      [35, 50, 65],
    ]);
  });
});
