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

const DAY_MS = 86_400_000;

/**
 * The month number (UTC year × 12 + 0-based month) of a time, by calendar arithmetic (H. Hinnant's days-to-civil)
 * rather than a Date per item: the overview bins every shown item on every search keystroke.
 */
export function monthNo(t: number): number {
  const z = Math.floor(t / DAY_MS) + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 2 : mp - 10; // 0-based, January = 0
  const year = yoe + era * 400 + (month < 2 ? 1 : 0);
  return year * 12 + month;
}

/**
 * One bin per calendar month from the first to the last item's month, empty months included so the strip has no
 * gaps. An item counts in the month of its centre: a year-dated event lands mid-year instead of piling up in January.
 */
export function monthlyHistogram(items: readonly TimelineItem[]): MonthBin[] {
  if (items.length === 0) return [];
  // Month numbers since year 0 let each item find its bin with arithmetic instead of a search.
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
