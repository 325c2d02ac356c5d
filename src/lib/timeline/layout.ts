/**
 * The chart's layout for one zoom window: which items are in view, their marks per lane, and the lane bands.
 * Called on every zoom/pan frame, so it only touches the items near the window (found by binary search).
 */
import { sweepLane } from './cluster.ts';
import { itemIndex, laneColumn, lowerBound, midPositionOf } from './item-index.ts';
import { laneBandsFromCounts } from './lanes.ts';
import type { LaneBand, LaneMode, Mark, TimelineItem } from './types.ts';

export interface LayoutOptions {
  /** Symbols closer than this (px) collide. Default 14. */
  minGap?: number;
  /** Colliding symbols stacked before they become a cluster. Default 3. */
  maxRows?: number;
  /** Height of one sub-row (px). Default 22. */
  rowHeight?: number;
  /** Space above and below the rows of a lane (px). Default 6. */
  lanePadding?: number;
  /** Ids drawn as their own marks, never inside a cluster. */
  pinned?: ReadonlySet<string>;
  /** Items this many px outside the window are laid out too, so symbols slide in instead of popping. Default 40. */
  margin?: number;
  /** Widest group of colliding symbols (px) before a new group starts; see ClusterOptions. Default 6 × minGap. */
  maxClusterSpan?: number;
  /** Pixel y of the first band. Default 0. */
  top?: number;
}

export interface TimelineLayout {
  marks: Mark[];
  bands: LaneBand[];
  /** Items intersecting the (unwidened) window, chronological: for the result count and keyboard navigation. */
  visible: TimelineItem[];
  /** Total height of the bands (px), from `top`. */
  height: number;
}

const NO_PINS: ReadonlySet<string> = new Set();

/**
 * Lays out `items` (sorted chronologically, as prepareItems returns them) for the time window `domain` mapped
 * linearly onto [0, width].
 *
 * Bands come from all of `items`, not just the visible ones: lanes collapse when filters empty them, but do not jump
 * in and out while the user pans. Only the row count of a band follows the window.
 */
export function layoutTimeline(
  items: readonly TimelineItem[],
  mode: LaneMode,
  domain: readonly [number, number],
  width: number,
  options: LayoutOptions = {},
): TimelineLayout {
  const minGap = options.minGap ?? 14;
  const maxRows = options.maxRows ?? 3;
  const rowHeight = options.rowHeight ?? 22;
  const lanePadding = options.lanePadding ?? 6;
  const pinned = options.pinned ?? NO_PINS;
  const margin = options.margin ?? 40;
  const maxSpan = options.maxClusterSpan ?? 6 * minGap;

  const [d0, d1] = domain;
  const span = d1 - d0;
  const pxPerMs = span > 0 && width > 0 ? width / span : 0;
  const toX = (t: number) => (t - d0) * pxPerMs;
  const marginMs = pxPerMs > 0 ? margin / pxPerMs : 0;
  const w0 = d0 - marginMs;
  const w1 = d1 + marginMs;

  const index = itemIndex(items);
  const { byStart, starts, ends, maxLen, byMid, mids, midStarts, midEnds, midForum } = index;

  // Visible items, chronological: anything starting up to maxLen before the window may still reach into it. Built
  // on first read only (keyboard navigation reads it): zoomed out at 100,000 events it is an array of them all, every
  // frame, for nobody.
  let visible: TimelineItem[] | null = null;
  const visibleItems = () => {
    if (visible) return visible;
    visible = [];
    for (let i = lowerBound(starts, d0 - maxLen); i < byStart.length && starts[i]! < d1; i++) {
      if (ends[i]! > d0) visible.push(byStart[i]!);
    }
    return visible;
  };

  // Candidates for marks, already in mid order (what the sweep needs): an item meeting [w0, w1) has its centre
  // within half its length of the window, so scanning centres in [w0 − maxLen/2, w1 + maxLen/2] finds all of them.
  // They are bucketed per lane as positions into the mid order, with their x precomputed.
  const { keys, lane, counts } = laneColumn(index, mode);
  const lo = lowerBound(mids, w0 - maxLen / 2);
  const hi = lowerBound(mids, w1 + maxLen / 2 + 1);
  const fill = new Uint32Array(keys.length);
  for (let i = lo; i < hi; i++) if (midEnds[i]! > w0 && midStarts[i]! < w1) fill[lane[i]!]!++;
  const pos = keys.map((_, l) => new Uint32Array(fill[l]!));
  const xs = keys.map((_, l) => new Float64Array(fill[l]!));
  fill.fill(0);
  for (let i = lo; i < hi; i++) {
    if (midEnds[i]! <= w0 || midStarts[i]! >= w1) continue;
    const l = lane[i]!;
    const k = fill[l]!++;
    pos[l]![k] = i;
    xs[l]![k] = (mids[i]! - d0) * pxPerMs;
  }

  let isPinned = (_p: number) => false;
  if (pinned.size > 0) {
    const pinnedPos = new Set<number>();
    for (const id of pinned) {
      const p = midPositionOf(index, id);
      if (p !== undefined) pinnedPos.add(p);
    }
    isPinned = (p) => pinnedPos.has(p);
  }

  const cols = { items: byMid, starts: midStarts, ends: midEnds, forum: midForum };
  const marks: Mark[] = [];
  const rowsPerLane = new Map<string, number>();
  keys.forEach((key, l) => {
    const count = fill[l]!;
    if (count === 0) return;
    const laneMarks = sweepLane(cols, pos[l]!, xs[l]!, count, key, toX, { minGap, maxRows, pinned, maxSpan }, isPinned);
    let rows = 1;
    for (const m of laneMarks) {
      marks.push(m);
      if (m.row + 1 > rows) rows = m.row + 1;
    }
    rowsPerLane.set(key, rows);
  });

  const top = options.top ?? 0;
  const bands = laneBandsFromCounts(counts, mode, rowsPerLane, { rowHeight, lanePadding, top });
  const last = bands[bands.length - 1];
  return {
    marks,
    bands,
    get visible() {
      return visibleItems();
    },
    height: last ? last.y + last.height - top : 0,
  };
}
