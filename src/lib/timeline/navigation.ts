/** Keyboard navigation through the chronological items, and hit-testing by time. */
import { itemIndex, lowerBound } from './item-index.ts';
import type { TimelineItem } from './types.ts';

/**
 * The item `step` away from `currentId` in `items` (chronological order). From nothing (or an id that is no longer
 * among the items, e.g. after filtering), 1 goes to the first item and -1 to the last. Steps stop at the ends rather
 * than wrapping around, so holding an arrow key does not jump from 2026 back to 2001.
 */
export function stepItem(
  items: readonly TimelineItem[],
  currentId: string | null,
  step: 1 | -1 | 'first' | 'last',
): TimelineItem | null {
  if (items.length === 0) return null;
  const lastIndex = items.length - 1;
  if (step === 'first') return items[0]!;
  if (step === 'last') return items[lastIndex]!;
  const current = currentId === null ? -1 : items.findIndex((it) => it.event.id === currentId);
  if (current < 0) return step === 1 ? items[0]! : items[lastIndex]!;
  return items[Math.min(lastIndex, Math.max(0, current + step))]!;
}

/** The item whose centre is nearest to `t` (earlier one on a tie); null when there are none. */
export function nearestItem(items: readonly TimelineItem[], t: number): TimelineItem | null {
  const { byMid, mids } = itemIndex(items);
  if (byMid.length === 0) return null;
  const i = lowerBound(mids, t);
  if (i === 0) return byMid[0]!;
  if (i === byMid.length) return byMid[i - 1]!;
  // On a tie of distances prefer the earlier item, and among equal centres the chronologically first one.
  if (t - mids[i - 1]! <= mids[i]! - t) return byMid[lowerBound(mids, mids[i - 1]!)]!;
  return byMid[i]!;
}
