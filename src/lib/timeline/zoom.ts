/**
 * Zoom window arithmetic, independent of d3-zoom: the component keeps a d3 ZoomTransform {k, x} over a base scale
 * (full domain → [0, width]) and these functions convert between that transform and a time window.
 */
import type { TimelineItem } from './types.ts';

const DAY = 86_400_000;
/** The narrowest window the chart zooms to: about three days across the full width. */
export const MIN_WINDOW_MS = 3 * DAY;

function yearsBefore(t: number, years: number): number {
  const d = new Date(t);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.getTime();
}

/**
 * The time span of all items, padded by 2 % on each side so the first and last symbols are not cut at the edges.
 * With no items, the last five years up to `now` (the default Date.now() is the only impure part; tests pass it).
 */
export function fullDomain(items: readonly TimelineItem[], now: number = Date.now()): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const item of items) {
    if (item.extent.start < lo) lo = item.extent.start;
    if (item.extent.end > hi) hi = item.extent.end;
  }
  if (!(hi > lo)) return [yearsBefore(now, 5), now];
  const pad = (hi - lo) * 0.02;
  return [lo - pad, hi + pad];
}

/**
 * A preset window: everything, or the last five years / one year up to `anchor` (the latest item's end). The window
 * is shifted into `full` when it sticks out, and becomes `full` when it is wider than that.
 */
export function presetWindow(
  preset: 'all' | '5y' | '1y',
  full: readonly [number, number],
  anchor: number,
): [number, number] {
  if (preset === 'all') return [full[0], full[1]];
  let w0 = yearsBefore(anchor, preset === '5y' ? 5 : 1);
  let w1 = anchor;
  const span = w1 - w0;
  if (span >= full[1] - full[0]) return [full[0], full[1]];
  if (w1 > full[1]) [w0, w1] = [full[1] - span, full[1]];
  if (w0 < full[0]) [w0, w1] = [full[0], full[0] + span];
  return [w0, w1];
}

export interface Transform {
  k: number;
  x: number;
}

/** The {k, x} that makes a linear scale `base` → [0, width] show exactly `window`. */
export function transformFor(
  base: readonly [number, number],
  width: number,
  window: readonly [number, number],
): Transform {
  const baseSpan = base[1] - base[0];
  const k = baseSpan / (window[1] - window[0]);
  return { k, x: (-k * width * (window[0] - base[0])) / baseSpan };
}

/** The window shown by transform `t` over the base scale `base` → [0, width]; the inverse of transformFor. */
export function windowFor(base: readonly [number, number], width: number, t: Transform): [number, number] {
  const msPerPx = (base[1] - base[0]) / width;
  return [base[0] + (-t.x / t.k) * msPerPx, base[0] + ((width - t.x) / t.k) * msPerPx];
}

/** The largest zoom factor over `base`: a window of `minWindow` ms (≈ 3 days) across the width. Never below 1. */
export function maxZoom(base: readonly [number, number], minWindow: number = MIN_WINDOW_MS): number {
  return Math.max(1, (base[1] - base[0]) / minWindow);
}

/** k kept within [min, max]; a NaN (e.g. from a zero-width window) falls back to `min`. */
export function clampK(k: number, min = 1, max = Infinity): number {
  if (Number.isNaN(k)) return min;
  return Math.min(max, Math.max(min, k));
}
