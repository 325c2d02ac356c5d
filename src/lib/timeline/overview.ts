/** The overview strip: a continuous monthly histogram of all items, stacked by forum lane. */
import type { ForumLane, TimelineItem } from './types.ts';

export interface MonthBin {
  /** `YYYY-MM`. */
  month: string;
  /** [start, end) of the month, UTC ms. */
  start: number;
  end: number;
  counts: Partial<Record<ForumLane, number>>;
  total: number;
}

/**
 * One bin per calendar month from the first to the last item's month, empty months included so the strip has no
 * gaps. An item counts in the month of its centre: a year-dated event lands mid-year instead of piling up in January.
 */
export function monthlyHistogram(items: readonly TimelineItem[]): MonthBin[] {
  if (items.length === 0) return [];
  // Month numbers since year 0 let each item find its bin with arithmetic instead of a search.
  const monthNo = (t: number) => {
    const d = new Date(t);
    return d.getUTCFullYear() * 12 + d.getUTCMonth();
  };
  let first = Infinity;
  let last = -Infinity;
  const nos = new Float64Array(items.length);
  for (let i = 0; i < items.length; i++) {
    const m = monthNo(items[i]!.mid);
    nos[i] = m;
    if (m < first) first = m;
    if (m > last) last = m;
  }
  const bins: MonthBin[] = [];
  for (let m = first; m <= last; m++) {
    const year = Math.floor(m / 12);
    const month = m % 12;
    const start = new Date(0);
    start.setUTCFullYear(year, month, 1);
    const end = new Date(0);
    end.setUTCFullYear(year, month + 1, 1);
    bins.push({
      month: `${String(year).padStart(4, '0')}-${String(month + 1).padStart(2, '0')}`,
      start: start.getTime(),
      end: end.getTime(),
      counts: {},
      total: 0,
    });
  }
  for (let i = 0; i < items.length; i++) {
    const bin = bins[nos[i]! - first]!;
    const lane = items[i]!.forumLane;
    bin.counts[lane] = (bin.counts[lane] ?? 0) + 1;
    bin.total++;
  }
  return bins;
}
