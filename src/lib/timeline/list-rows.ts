/**
 * The event list's rows without a pass over them: the shown dated items (chronological), then the undated events,
 * with a year heading before each year's first item and one before the undated. Only the headings are stored — the
 * entry each stands before — and each year's first item is found by bisection on the items' starts (a date's year is
 * the UTC year its extent starts in). A search keystroke that changes thousands of results costs a few dozen steps
 * here; the list turns only the rows near its viewport into objects.
 */
import type { ContactEvent } from '../dataset/types.ts';
import { nextYearStart } from './extent.ts';
import type { ForumLane, TimelineItem } from './types.ts';

/** One row; `index` is its position in the list. */
export type ListRow = { index: number; top: number } & (
  { type: 'year'; label: string } | { type: 'event'; event: ContactEvent; mid: number | null; lane: ForumLane }
);

export interface ListRows {
  count: number;
  /** Height of all rows (px): the last row's top plus one event row. */
  total: number;
  rowAt(r: number): ListRow;
  topOf(r: number): number;
  /** The row of the `entry`-th entry (dated items first, then undated events). */
  rowOfEntry(entry: number): number;
  /** The first row whose bottom (top + event row height) is at or below `y`. */
  firstRowBelow(y: number): number;
}

export function listRows(
  items: readonly TimelineItem[],
  undated: readonly ContactEvent[],
  undatedLabel: string,
  heights: { heading: number; row: number },
): ListRows {
  const { heading: HEADER, row: ROW } = heights;
  /** Per heading: the entry it stands before (its row is that entry's index plus the headings before it). */
  const before: number[] = [];
  const labels: string[] = [];
  for (let i = 0; i < items.length;) {
    before.push(i);
    labels.push(items[i]!.event.date.start?.slice(0, 4) ?? '');
    const next = nextYearStart(items[i]!.extent.start);
    let lo = i + 1;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (items[mid]!.extent.start < next) lo = mid + 1;
      else hi = mid;
    }
    i = lo;
  }
  if (undated.length) {
    before.push(items.length);
    labels.push(undatedLabel);
  }
  const count = items.length + undated.length + labels.length;

  /** How many headings stand at rows up to and including `r`. */
  const headingsThrough = (r: number) => {
    let lo = 0;
    let hi = before.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before[mid]! + mid <= r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const isHeading = (r: number, h: number) => h > 0 && before[h - 1]! + h - 1 === r;
  const topOf = (r: number) => {
    const h = headingsThrough(r);
    // A heading row has the headings and entries before it above; an entry row has every heading so far above.
    return isHeading(r, h) ? (h - 1) * HEADER + before[h - 1]! * ROW : h * HEADER + (r - h) * ROW;
  };

  const makeRow = (r: number): ListRow => {
    const h = headingsThrough(r);
    const top = topOf(r);
    if (isHeading(r, h)) return { index: r, type: 'year', label: labels[h - 1]!, top };
    const entry = r - h;
    if (entry < items.length) {
      const item = items[entry]!;
      return { index: r, type: 'event', event: item.event, mid: item.mid, lane: item.forumLane, top };
    }
    return { index: r, type: 'event', event: undated[entry - items.length]!, mid: null, lane: 'other', top };
  };
  /** Rows made so far: a row asked for again is the same object, so a list that re-renders it has nothing to update. */
  const made: (ListRow | undefined)[] = [];

  return {
    count,
    total: count ? topOf(count - 1) + ROW : 0,
    topOf,
    rowAt: (r) => (made[r] ??= makeRow(r)),
    rowOfEntry(entry) {
      let h = 0;
      while (h < before.length && before[h]! <= entry) h++;
      return entry + h;
    },
    firstRowBelow(y) {
      let lo = 0;
      let hi = count;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (topOf(mid) + ROW < y) lo = mid + 1;
        else hi = mid;
      }
      return lo;
    },
  };
}

/**
 * The positions (ascending) of the rows the list renders: those whose box reaches into [from, to] (the viewport with
 * some overscan) and, for a list of at most `renderAll` rows, its first `filled` rows as well. The list grows
 * `filled` while the page is idle after each change, so a search keystroke redraws only the rows in view, and a
 * moment later a short list is there in full for screen readers, whose reading cursor does not scroll the list.
 */
export function renderedRows(
  rows: Pick<ListRows, 'count' | 'topOf' | 'firstRowBelow'>,
  from: number,
  to: number,
  filled: number,
  renderAll: number,
): number[] {
  const out: number[] = [];
  const head = rows.count <= renderAll ? Math.min(Math.max(filled, 0), rows.count) : 0;
  for (let r = 0; r < head; r++) out.push(r);
  for (let r = Math.max(head, rows.firstRowBelow(from)); r < rows.count && rows.topOf(r) <= to; r++) out.push(r);
  return out;
}
