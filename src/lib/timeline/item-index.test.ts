import { describe, expect, it } from 'vitest';
import { prepareItems } from './extent.ts';
import { itemIndex, laneColumn, midOrder, midPositionOf, subsetIndex } from './item-index.ts';
import { layoutTimeline } from './layout.ts';
import { syntheticEntities, syntheticEvents } from './testing.ts';
import { LANE_MODES } from './types.ts';
import type { TimelineItem } from './types.ts';
import { fullDomain } from './zoom.ts';

const { items } = prepareItems(syntheticEvents(3_000, 11), syntheticEntities());
/** A fresh index of the same items, built the slow way (a copy is not in the cache). */
const sortedIndex = (subset: readonly TimelineItem[]) => itemIndex([...subset]);

describe('subsetIndex', () => {
  const subsets: [string, (it: TimelineItem, i: number) => boolean][] = [
    ['every third', (_, i) => i % 3 === 0],
    ['one forum', (it) => it.forumLane === 'sco'],
    ['a few', (_, i) => i % 500 === 7],
    ['none', () => false],
  ];
  it.each(subsets)('indexes a subsequence (%s) exactly like a fresh index, without sorting', (_, keep) => {
    const subset = items.filter(keep);
    const fast = subsetIndex(subset, items);
    const slow = sortedIndex(subset);
    expect(fast.byMid.map((i) => i.event.id)).toEqual(slow.byMid.map((i) => i.event.id));
    expect([...fast.mids]).toEqual([...slow.mids]);
    expect([...fast.midStarts]).toEqual([...slow.midStarts]);
    expect([...fast.midEnds]).toEqual([...slow.midEnds]);
    expect([...fast.midForum]).toEqual([...slow.midForum]);
    expect([...fast.midOrder]).toEqual([...slow.midOrder]);
    expect(fast.maxLen).toBe(slow.maxLen);
    for (const mode of LANE_MODES) {
      const a = laneColumn(fast, mode);
      const b = laneColumn(slow, mode);
      expect([...a.lane].map((l) => a.keys[l])).toEqual([...b.lane].map((l) => b.keys[l]));
      expect(a.counts).toEqual(b.counts);
    }
    // Later itemIndex calls (the layout's) get the subset's index from the cache.
    expect(itemIndex(subset)).toBe(fast);
  });

  it('finds the mid position of an id through its parent, and nothing for an id it does not hold', () => {
    const subset = items.filter((_, i) => i % 2 === 1);
    const index = subsetIndex(subset, items);
    for (const item of subset.slice(0, 50)) expect(index.byMid[midPositionOf(index, item.event.id)!]).toBe(item);
    expect(midPositionOf(index, items[0]!.event.id)).toBeUndefined();
    expect(midPositionOf(index, 'no-such-id')).toBeUndefined();
  });

  it('lays out a subset the same as a fresh copy of it, pins included', () => {
    const subset = items.filter((_, i) => i % 4 !== 1);
    subsetIndex(subset, items);
    const pinned = new Set(subset.slice(100, 130).map((i) => i.event.id));
    const domain = fullDomain(items, 0);
    for (const mode of LANE_MODES) {
      const a = layoutTimeline(subset, mode, domain, 900, { pinned });
      const b = layoutTimeline([...subset], mode, domain, 900, { pinned });
      expect(a).toEqual(b);
    }
  });

  it('falls back to a sorted index for items that are not a subsequence of the parent', () => {
    const reversed = items.filter((_, i) => i % 5 === 0).reverse();
    const index = subsetIndex(reversed, items);
    expect(index.parent).toBeUndefined();
    expect(index.byMid.map((i) => i.event.id)).toEqual(sortedIndex(reversed).byMid.map((i) => i.event.id));
  });
});

describe('midOrder', () => {
  const bySort = (mids: Float64Array) => [...mids.keys()].sort((a, b) => mids[a]! - mids[b]! || a - b);
  it('orders whole half-days (dataset extents) by centre, ties by position, like a comparator sort', () => {
    const HALF = 43_200_000;
    const mids = Float64Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 1201) * HALF - 3e11 * (i % 2));
    expect([...midOrder(mids)]).toEqual(bySort(mids));
    const real = Float64Array.from(items, (it) => it.mid);
    expect([...midOrder(real)]).toEqual(bySort(real));
  });
  it('falls back to a comparator sort for other times', () => {
    const mids = Float64Array.from([5.5, 1, 3.25, 1, -2]);
    expect([...midOrder(mids)]).toEqual([4, 1, 3, 2, 0]);
    expect([...midOrder(new Float64Array(0))]).toEqual([]);
  });
});
