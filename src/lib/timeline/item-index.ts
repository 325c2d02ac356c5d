/**
 * Per-array search indexes, built once and cached by array identity. The app hands the same (filtered) items array
 * to every zoom step, so layout and navigation pay O(n log n) once per filter change, then O(log n + k) per frame.
 *
 * Hot loops read parallel typed arrays instead of the item objects: 100,000 items are scattered across the heap,
 * and chasing a pointer per item per frame costs more than all the arithmetic (measured: ~10× slower).
 */
import { FORUM_LANES } from './types.ts';
import type { LaneMode, TimelineItem } from './types.ts';
import { laneOrder } from './lanes.ts';

/** Chronological order of items: start, then end (shorter first), then id, so equal dates still sort stably. */
export function compareItems(a: TimelineItem, b: TimelineItem): number {
  return a.extent.start - b.extent.start || a.extent.end - b.extent.end || compareIds(a.event.id, b.event.id);
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface LaneColumn {
  /** Lane keys: the mode's order, then any unknown keys alphabetically. */
  keys: string[];
  /** Lane number (into `keys`) of each item, in mid order. */
  lane: Uint16Array;
  /** Items per lane key. */
  counts: Map<string, number>;
}

export interface ItemIndex {
  /** Items in chronological order (the input itself when it already is). */
  byStart: readonly TimelineItem[];
  starts: Float64Array;
  /** Extent ends in chronological order. */
  ends: Float64Array;
  /** The longest extent: an item starting more than this before a window cannot reach into it. */
  maxLen: number;
  /** Items ordered by the centre of their extent, where symbols are drawn (ties in chronological order). */
  byMid: readonly TimelineItem[];
  mids: Float64Array;
  midStarts: Float64Array;
  midEnds: Float64Array;
  /** FORUM_LANES index of each item, in mid order. */
  midForum: Uint8Array;
  /** Lane numbers per mode, built on first use. */
  lanes: Partial<Record<LaneMode, LaneColumn>>;
  /** Position in mid order by event id, built the first time something is pinned. */
  midPos?: Map<string, number>;
  /** Chronological position (into byStart) of each item in mid order. */
  midOrder: Uint32Array;
  /** For an index of a subsequence (see subsetIndex): the index it was cut from, and each item's mid position there. */
  parent?: { index: ItemIndex; midPos: Uint32Array };
}

const cache = new WeakMap<readonly TimelineItem[], ItemIndex>();
const FORUM_INDEX: ReadonlyMap<string, number> = new Map(FORUM_LANES.map((l, i) => [l, i]));

/**
 * Builds (or returns the cached) index of `items`. `sorted` lets prepareItems vouch for its own output and skip
 * the check; anyone else's array is checked and, if out of order, a sorted copy is indexed.
 */
export function itemIndex(items: readonly TimelineItem[], sorted?: boolean): ItemIndex {
  const hit = cache.get(items);
  if (hit) return hit;
  const n = items.length;
  let starts = new Float64Array(n);
  let ends = new Float64Array(n);
  let isSorted = true;
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    starts[i] = item.extent.start;
    ends[i] = item.extent.end;
    if (sorted || i === 0) continue;
    const d = starts[i - 1]! - starts[i]! || ends[i - 1]! - ends[i]!;
    if (d > 0 || (d === 0 && compareIds(items[i - 1]!.event.id, item.event.id) > 0)) isSorted = false;
  }
  let byStart = items;
  if (!isSorted) {
    byStart = [...items].sort(compareItems);
    starts = Float64Array.from(byStart, (it) => it.extent.start);
    ends = Float64Array.from(byStart, (it) => it.extent.end);
  }
  let maxLen = 0;
  const midOf = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const len = ends[i]! - starts[i]!;
    if (len > maxLen) maxLen = len;
    midOf[i] = starts[i]! + len / 2;
  }
  const order = midOrder(midOf);
  const byMid: TimelineItem[] = new Array<TimelineItem>(n);
  const mids = new Float64Array(n);
  const midStarts = new Float64Array(n);
  const midEnds = new Float64Array(n);
  const midForum = new Uint8Array(n);
  for (let j = 0; j < n; j++) {
    const i = order[j]!;
    const item = byStart[i]!;
    byMid[j] = item;
    mids[j] = midOf[i]!;
    midStarts[j] = starts[i]!;
    midEnds[j] = ends[i]!;
    midForum[j] = FORUM_INDEX.get(item.forumLane) ?? FORUM_LANES.length - 1;
  }
  const index: ItemIndex = {
    byStart,
    starts,
    ends,
    maxLen,
    byMid,
    mids,
    midStarts,
    midEnds,
    midForum,
    lanes: {},
    midOrder: order,
  };
  cache.set(items, index);
  return index;
}

const HALF_DAY = 43_200_000;
/** Positions fit in this many low bits of a packed sort key. */
const POSITION_BITS = 2 ** 21;

/**
 * Positions sorted by `mids`, ties in position order. Extents from dataset dates run from midnight to midnight, so
 * every centre is a whole number of half days: then centre and position pack exactly into one float each, and a
 * plain numeric sort (native, no comparator calls) orders them — several times faster than a comparator sort at
 * 10,000 items and more. Anything else (hand-made items) takes the comparator sort.
 */
export function midOrder(mids: Float64Array): Uint32Array {
  const n = mids.length;
  const order = new Uint32Array(n);
  let min = Infinity;
  let max = -Infinity;
  let packable = n <= POSITION_BITS;
  for (let i = 0; i < n && packable; i++) {
    const units = mids[i]! / HALF_DAY;
    if (!Number.isInteger(units)) packable = false;
    if (units < min) min = units;
    if (units > max) max = units;
  }
  // The packed key must stay an exact integer below 2^53.
  if (packable && n > 0 && (max - min + 1) * POSITION_BITS <= Number.MAX_SAFE_INTEGER) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = (mids[i]! / HALF_DAY - min) * POSITION_BITS + i;
    keys.sort();
    for (let j = 0; j < n; j++) order[j] = keys[j]! % POSITION_BITS;
    return order;
  }
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => mids[a]! - mids[b]! || a - b);
}

/**
 * Indexes `items`, a subsequence of `parent` (the shown items among all prepared ones), without sorting: the mid order
 * of a subsequence is the parent's mid order restricted to it, so this is two linear passes instead of a sort per
 * search keystroke. Items are recognised by their `order` (their position in `parent`, as prepareItems sets it);
 * anything else falls back to itemIndex. The result is cached like itemIndex's, so later itemIndex(items) calls hit.
 */
export function subsetIndex(items: readonly TimelineItem[], parent: readonly TimelineItem[]): ItemIndex {
  const hit = cache.get(items);
  if (hit) return hit;
  if (items === parent) return itemIndex(items, true);
  const base = itemIndex(parent, true);
  const n = items.length;
  const inSubset = new Uint8Array(base.byStart.length);
  const starts = new Float64Array(n);
  const ends = new Float64Array(n);
  let last = -1;
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    const p = item.order;
    // Not the parent's item, or out of the parent's order: index it on its own.
    if (p <= last || base.byStart[p] !== item) return itemIndex(items);
    last = p;
    inSubset[p] = 1;
    starts[i] = base.starts[p]!;
    ends[i] = base.ends[p]!;
  }
  let maxLen = 0;
  for (let i = 0; i < n; i++) if (ends[i]! - starts[i]! > maxLen) maxLen = ends[i]! - starts[i]!;
  const byMid: TimelineItem[] = new Array<TimelineItem>(n);
  const mids = new Float64Array(n);
  const midStarts = new Float64Array(n);
  const midEnds = new Float64Array(n);
  const midForum = new Uint8Array(n);
  const midPos = new Uint32Array(n);
  const midOrder = new Uint32Array(n);
  // Chronological position in the subset of each parent position, for midOrder.
  const rank = new Uint32Array(base.byStart.length);
  for (let i = 0; i < n; i++) rank[items[i]!.order] = i;
  let k = 0;
  for (let j = 0; j < base.byMid.length; j++) {
    const p = base.midOrder[j]!;
    if (inSubset[p] === 0) continue;
    byMid[k] = base.byMid[j]!;
    mids[k] = base.mids[j]!;
    midStarts[k] = base.midStarts[j]!;
    midEnds[k] = base.midEnds[j]!;
    midForum[k] = base.midForum[j]!;
    midPos[k] = j;
    midOrder[k] = rank[p]!;
    k++;
  }
  const index: ItemIndex = {
    byStart: items,
    starts,
    ends,
    maxLen,
    byMid,
    mids,
    midStarts,
    midEnds,
    midForum,
    lanes: {},
    midOrder,
    parent: { index: base, midPos },
  };
  cache.set(items, index);
  return index;
}

export function laneColumn(index: ItemIndex, mode: LaneMode): LaneColumn {
  const have = index.lanes[mode];
  if (have) return have;
  if (index.parent) {
    // The parent's lane numbers, picked: same keys (lanes without items are skipped by their count).
    const whole = laneColumn(index.parent.index, mode);
    const { midPos } = index.parent;
    const lane = new Uint16Array(midPos.length);
    const perLane = new Uint32Array(whole.keys.length);
    for (let k = 0; k < midPos.length; k++) perLane[(lane[k] = whole.lane[midPos[k]!]!)]!++;
    const counts = new Map<string, number>();
    whole.keys.forEach((key, l) => {
      if (perLane[l]) counts.set(key, perLane[l]);
    });
    return (index.lanes[mode] = { keys: whole.keys, lane, counts });
  }
  // One pass with a lane number per distinct key (a handful), then unknown keys renumbered to sort after the mode's.
  const keys = [...laneOrder(mode)];
  const known = keys.length;
  const number = new Map(keys.map((k, i) => [k, i]));
  const n = index.byMid.length;
  const lane = new Uint16Array(n);
  let perLane = new Uint32Array(known + 1);
  for (let j = 0; j < n; j++) {
    const key = index.byMid[j]!.lanes[mode];
    let l = number.get(key);
    if (l === undefined) {
      number.set(key, (l = keys.push(key) - 1));
      if (l >= perLane.length) {
        const grown = new Uint32Array(perLane.length * 2);
        grown.set(perLane);
        perLane = grown;
      }
    }
    lane[j] = l;
    perLane[l]!++;
  }
  if (keys.length > known) {
    const extra = keys.slice(known).sort();
    const renumber = new Uint16Array(keys.length);
    for (let l = 0; l < known; l++) renumber[l] = l;
    const counted = perLane.slice();
    extra.forEach((k, i) => {
      const old = number.get(k)!;
      renumber[old] = known + i;
      perLane[known + i] = counted[old]!;
    });
    for (let j = 0; j < n; j++) lane[j] = renumber[lane[j]!]!;
    keys.splice(known, keys.length - known, ...extra);
  }
  const counts = new Map<string, number>();
  keys.forEach((k, l) => {
    if (perLane[l]) counts.set(k, perLane[l]);
  });
  return (index.lanes[mode] = { keys, lane, counts });
}

export function midPositions(index: ItemIndex): Map<string, number> {
  if (!index.midPos) index.midPos = new Map(index.byMid.map((it, i) => [it.event.id, i]));
  return index.midPos;
}

/**
 * The mid position of the item with this event id, or undefined. A subset's index asks its parent (whose map is built
 * once per dataset) and bisects its own ascending parent positions, instead of building a map per search keystroke.
 */
export function midPositionOf(index: ItemIndex, id: string): number | undefined {
  if (!index.parent) return midPositions(index).get(id);
  const p = midPositions(index.parent.index).get(id);
  if (p === undefined) return undefined;
  const positions = index.parent.midPos;
  let lo = 0;
  let hi = positions.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (positions[mid]! < p) lo = mid + 1;
    else hi = mid;
  }
  return lo < positions.length && positions[lo] === p ? lo : undefined;
}

/** First index whose value is ≥ t (values ascending). */
export function lowerBound(values: Float64Array, t: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (values[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
