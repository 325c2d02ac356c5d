/**
 * Types shared by the timeline's pure modules (layout, lanes, clustering, axis, overview) and its components.
 * Framework-free: nothing here knows about Svelte or the DOM. Times are milliseconds since the epoch, UTC.
 */
import type { ContactEvent, EventKind, EventStatus, DatePrecision } from '../dataset/types.ts';

export const LANE_MODES = ['forum', 'kind', 'level'] as const;
/** Lanes by forum (default), by kind of contact, or by the highest level of the participants. */
export type LaneMode = (typeof LANE_MODES)[number];

/** Forum lanes in display order; `bilateral` = no forum, `other` = any forum without a lane of its own. */
export const FORUM_LANES = ['bilateral', 'sco', 'brics', 'un', 'g20', 'apec', 'other'] as const;
export type ForumLane = (typeof FORUM_LANES)[number];

/** Participant levels in display order. */
export const LEVEL_LANES = ['head-of-state', 'head-of-government', 'foreign-minister', 'other'] as const;
export type LevelLane = (typeof LEVEL_LANES)[number];

/** A dated event's extent on the time axis: [start, end) in ms. A day covers 24 h, a month its days, a year 12 months. */
export interface TimeExtent {
  start: number;
  end: number;
}

/** An event prepared once per dataset for fast layout: its extent, lane keys and colour key precomputed. */
export interface TimelineItem {
  event: ContactEvent;
  /** Index in the chronological order of all dated items (for keyboard navigation). */
  order: number;
  /** Position of the event in the dataset's events (what search hits and filter masks are indexed by). */
  index: number;
  extent: TimeExtent;
  /** Centre of the extent: where the kind symbol is drawn. */
  mid: number;
  precision: Exclude<DatePrecision, 'unknown'>;
  /** True when the event has an explicit end (multi-day visit, summit): drawn as a range. */
  range: boolean;
  kind: EventKind;
  status: EventStatus;
  /** Colour key: the forum lane of the venue. */
  forumLane: ForumLane;
  lanes: Record<LaneMode, string>;
}

/** One drawn thing in the chart: a single event or a cluster of overlapping ones. */
export type Mark = EventMark | ClusterMark;

export interface EventMark {
  type: 'event';
  item: TimelineItem;
  lane: string;
  /** Sub-row inside the lane (0 = top), when marks are stacked. */
  row: number;
  /** Pixel x of the symbol (centre of the extent). */
  x: number;
  /** Pixel extent of the date's span (month bracket, year span, range). Equal to x for a day. */
  x0: number;
  x1: number;
}

export interface ClusterMark {
  type: 'cluster';
  lane: string;
  row: number;
  /** Pixel centre and span of the cluster. */
  x: number;
  x0: number;
  x1: number;
  items: TimelineItem[];
  /** Time span covered by the cluster, to zoom into it. */
  extent: TimeExtent;
  /** Counts per forum lane, for a tiny stacked indicator. */
  byForum: Partial<Record<ForumLane, number>>;
}

export interface LaneBand {
  key: string;
  /** Pixel top and height of the band. */
  y: number;
  height: number;
  rows: number;
  count: number;
}
