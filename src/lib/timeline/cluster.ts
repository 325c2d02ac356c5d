/**
 * Decluttering one lane: symbols closer than `minGap` pixels are stacked into sub-rows while few, and merged into a
 * cluster mark when many. Pinned items (selection, keyboard focus, search hits) always stay visible on their own.
 */
import { FORUM_LANES } from './types.ts';
import type { EventMark, ForumLane, Mark, TimelineItem } from './types.ts';

export interface ClusterOptions {
  /** Symbols closer than this (px) collide. */
  minGap: number;
  /** Up to this many colliding symbols are stacked; more become a cluster. */
  maxRows: number;
  /** Ids of events that must be drawn as their own marks. */
  pinned: ReadonlySet<string>;
  /**
   * Widest a chain of colliding symbols may grow (px) before a new group starts. Without it a dense lane chains into
   * one cluster spanning the whole chart when zoomed out; with it the clusters still show where contacts bunch up.
   * Default: unlimited.
   */
  maxSpan?: number;
}

/** Parallel per-item columns the sweep reads, so it never chases item pointers in its hot loop. */
export interface LaneColumns {
  items: readonly TimelineItem[];
  starts: Float64Array;
  ends: Float64Array;
  /** FORUM_LANES index per item. */
  forum: Uint8Array;
}

function eventMark(item: TimelineItem, lane: string, row: number, x: number, toX: (t: number) => number): EventMark {
  // A single day is drawn as a point; months, years and ranges get a bracket over their span.
  const point = item.precision === 'day' && !item.range;
  return {
    type: 'event',
    item,
    lane,
    row,
    x,
    x0: point ? x : toX(item.extent.start),
    x1: point ? x : toX(item.extent.end),
  };
}

/**
 * The sweep over positions `pos[from..to)` into `cols`, with symbol x per position in `xs` (same indexing as pos).
 * Shared by clusterLane and layoutTimeline, which feeds it straight from its cached index.
 */
export function sweepLane(
  cols: LaneColumns,
  pos: Uint32Array,
  xs: Float64Array,
  count: number,
  lane: string,
  toX: (t: number) => number,
  options: ClusterOptions,
  isPinned: (p: number) => boolean,
): Mark[] {
  const { minGap, maxRows } = options;
  const maxSpan = options.maxSpan ?? Infinity;
  const marks: Mark[] = [];

  const emit = (g0: number, g1: number) => {
    const n = g1 - g0;
    if (n <= maxRows) {
      for (let g = g0; g < g1; g++) marks.push(eventMark(cols.items[pos[g]!]!, lane, g - g0, xs[g]!, toX));
      return;
    }
    const pins: number[] = [];
    let rest = 0;
    let only = -1;
    let sum = 0;
    let x0 = Infinity;
    let x1 = -Infinity;
    let start = Infinity;
    let end = -Infinity;
    const forum = new Uint32Array(FORUM_LANES.length);
    for (let g = g0; g < g1; g++) {
      const p = pos[g]!;
      if (isPinned(p)) {
        pins.push(g);
        continue;
      }
      const x = xs[g]!;
      rest++;
      only = g;
      sum += x;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (cols.starts[p]! < start) start = cols.starts[p]!;
      if (cols.ends[p]! > end) end = cols.ends[p]!;
      forum[cols.forum[p]!]!++;
    }
    let row = 0;
    if (rest === 1) marks.push(eventMark(cols.items[pos[only]!]!, lane, row++, xs[only]!, toX));
    else if (rest > 1) {
      // Sized up front: zoomed out, a handful of clusters hold every one of 100,000 items.
      const items: TimelineItem[] = new Array<TimelineItem>(rest);
      let k = 0;
      for (let g = g0; g < g1; g++) if (pins.length === 0 || !isPinned(pos[g]!)) items[k++] = cols.items[pos[g]!]!;
      const byForum: Partial<Record<ForumLane, number>> = {};
      FORUM_LANES.forEach((key, i) => {
        if (forum[i]) byForum[key] = forum[i];
      });
      // Half-pixel rounding keeps the badge crisp and stops it shimmering by sub-pixels while panning.
      const x = Math.round((sum / rest) * 2) / 2;
      marks.push({ type: 'cluster', lane, row: row++, x, x0, x1, items, extent: { start, end }, byForum });
    }
    for (const g of pins) marks.push(eventMark(cols.items[pos[g]!]!, lane, row++, xs[g]!, toX));
  };

  let g0 = 0;
  for (let g = 1; g < count; g++) {
    const x = xs[g]!;
    if (x - xs[g - 1]! >= minGap || x - xs[g0]! >= maxSpan) {
      emit(g0, g);
      g0 = g;
    }
  }
  if (count > 0) emit(g0, count);
  return marks;
}

const FORUM_INDEX: ReadonlyMap<string, number> = new Map(FORUM_LANES.map((l, i) => [l, i]));

/**
 * Lays out the items of one lane, which must be sorted by `mid` (the caller buckets and sorts; this stays O(n)).
 * `lane` only labels the marks. Sweeping left to right, an item joins the current group while its x is less than
 * `minGap` from the group's last x (and the group is narrower than `maxSpan`). A group of up to `maxRows` is stacked
 * on rows 0..n-1; a larger one becomes a single cluster on row 0. Pinned members of a large group leave it: they are
 * stacked on the rows below the cluster (row 1, 2, …; row 0 when nothing else is left), and the rest is clustered —
 * or drawn as a plain mark when a single item remains, since a "cluster of 1" would hide nothing.
 */
export function clusterLane(
  items: readonly TimelineItem[],
  lane: string,
  toX: (t: number) => number,
  options: ClusterOptions,
): Mark[] {
  const n = items.length;
  const cols: LaneColumns = {
    items,
    starts: Float64Array.from(items, (it) => it.extent.start),
    ends: Float64Array.from(items, (it) => it.extent.end),
    forum: Uint8Array.from(items, (it) => FORUM_INDEX.get(it.forumLane) ?? FORUM_LANES.length - 1),
  };
  const pos = new Uint32Array(n);
  for (let i = 0; i < n; i++) pos[i] = i;
  const xs = Float64Array.from(items, (it) => toX(it.mid));
  const { pinned } = options;
  return sweepLane(cols, pos, xs, n, lane, toX, options, (p) => pinned.size > 0 && pinned.has(items[p]!.event.id));
}
