/** The timeline's pure, framework-free API. Components import from here; `testing.ts` stays out of the bundle. */
export * from './types.ts';
export { eventExtent, prepareItems, compareItems, parseIsoDate } from './extent.ts';
export { forumLaneOf, levelOf, laneOrder, laneBands, laneCounts, laneBandsFromCounts } from './lanes.ts';
export type { LaneBandOptions } from './lanes.ts';
export { clusterLane } from './cluster.ts';
export type { ClusterOptions } from './cluster.ts';
export { layoutTimeline } from './layout.ts';
export type { LayoutOptions, TimelineLayout } from './layout.ts';
export { axisTicks, todayMarker } from './axis.ts';
export type { AxisTick } from './axis.ts';
export { monthlyHistogram } from './overview.ts';
export type { MonthBin } from './overview.ts';
export { formatEventDate, formatBasis } from './format.ts';
export { stepItem, nearestItem } from './navigation.ts';
export { fullDomain, presetWindow, transformFor, windowFor, maxZoom, clampK, MIN_WINDOW_MS } from './zoom.ts';
export type { Transform } from './zoom.ts';
export { FORUM_COLORS, KIND_SYMBOLS, symbolPath } from './palette.ts';
export type { SymbolName } from './palette.ts';
