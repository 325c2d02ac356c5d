/**
 * Turning a dataset date into a time extent, and preparing the dataset's events once for fast layout.
 * Everything is computed with Date.UTC so the result never depends on the machine's time zone.
 */
import type { ContactEvent, EntityTables, EventDate } from '../dataset/types.ts';
import type { ForumLane, LaneMode, LevelLane, TimeExtent, TimelineItem } from './types.ts';
import { forumLaneOf, levelOf } from './lanes.ts';
import { compareItems } from './item-index.ts';

export { compareItems };

type Unit = 'day' | 'month' | 'year';

/** A parsed ISO date at its own precision; `month` is 0-based like Date.UTC expects. */
export interface ParsedDate {
  unit: Unit;
  year: number;
  month: number;
  day: number;
}

/** Date.UTC maps years 0–99 to 1900–1999; setUTCFullYear does not, so ancient years stay what they say. */
function utc(year: number, month: number, day: number): number {
  if (year >= 0 && year < 100) {
    const d = new Date(Date.UTC(2000, month, day));
    d.setUTCFullYear(year);
    return d.getTime();
  }
  return Date.UTC(year, month, day);
}

/** The first instant of the UTC year after the one `t` falls in (years 0–99 included). */
export function nextYearStart(t: number): number {
  return utc(new Date(t).getUTCFullYear() + 1, 0, 1);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 1 && leap ? 29 : MONTH_DAYS[month]!;
}

/** Digits at s[from..from+count) as a number, or -1 if any is not a digit (char codes: no regex, no substrings). */
function digits(s: string, from: number, count: number): number {
  let v = 0;
  for (let i = from; i < from + count; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; anything else (or an impossible day) is null rather than a guess. */
export function parseIsoDate(s: string): ParsedDate | null {
  const n = s.length;
  if (n !== 4 && n !== 7 && n !== 10) return null;
  const year = digits(s, 0, 4);
  if (year < 0) return null;
  if (n === 4) return { unit: 'year', year, month: 0, day: 1 };
  const month = s.charCodeAt(4) === 45 ? digits(s, 5, 2) - 1 : -1;
  if (month < 0 || month > 11) return null;
  if (n === 7) return { unit: 'month', year, month, day: 1 };
  const day = s.charCodeAt(7) === 45 ? digits(s, 8, 2) : -1;
  if (day < 1 || day > daysInMonth(year, month)) return null;
  return { unit: 'day', year, month, day };
}

/** [start of the unit, start of the next unit) for one parsed date. */
function unitExtent(p: ParsedDate): TimeExtent {
  switch (p.unit) {
    case 'year':
      return { start: utc(p.year, 0, 1), end: utc(p.year + 1, 0, 1) };
    case 'month':
      return { start: utc(p.year, p.month, 1), end: utc(p.year, p.month + 1, 1) };
    case 'day':
      return { start: utc(p.year, p.month, p.day), end: utc(p.year, p.month, p.day + 1) };
  }
}

/** The extent and the start's unit (which is the item's precision), or null for an unknown or unreadable date. */
function extentAndUnit(date: EventDate): [TimeExtent, Unit] | null {
  if (date.precision === 'unknown' || !date.start) return null;
  const start = parseIsoDate(date.start);
  if (!start) return null;
  const extent = unitExtent(start);
  if (date.end) {
    const end = parseIsoDate(date.end);
    // A reversed or unreadable end must not shrink or invert the extent: the start alone is still true.
    if (end) extent.end = Math.max(extent.end, unitExtent(end).end);
  }
  return [extent, start.unit];
}

/**
 * The half-open extent an event date covers, in UTC ms: a day is 24 h, a month all its days, a year 12 months.
 * With `end`, the extent reaches the end of the end's unit. Unknown or unreadable dates give null.
 */
export function eventExtent(date: EventDate): TimeExtent | null {
  return extentAndUnit(date)?.[0] ?? null;
}

function startsAscending(starts: Float64Array, n: number): boolean {
  for (let i = 1; i < n; i++) if (starts[i - 1]! > starts[i]!) return false;
  return true;
}

const byEndThenId = (a: TimelineItem, b: TimelineItem) =>
  a.extent.end - b.extent.end || (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0);

const byId = (a: TimelineItem, b: TimelineItem) => (a.event.id < b.event.id ? -1 : a.event.id > b.event.id ? 1 : 0);

/**
 * An item's lane keys. The level lane (the highest office among the participants on the day) takes a look at every
 * participant's dated roles: it is worked out the first time the level lanes are drawn, not for every event at
 * start-up, where the forum lanes are the default.
 */
class ItemLanes implements Record<LaneMode, string> {
  readonly forum: ForumLane;
  readonly kind: string;
  #level: LevelLane | undefined;
  readonly #event: ContactEvent;
  readonly #entities: EntityTables;
  constructor(forum: ForumLane, event: ContactEvent, entities: EntityTables) {
    this.forum = forum;
    this.kind = event.kind;
    this.#event = event;
    this.#entities = entities;
  }
  get level(): LevelLane {
    return (this.#level ??= levelOf(this.#event, this.#entities));
  }
}

export interface PreparedItems {
  items: TimelineItem[];
  undated: ContactEvent[];
  /** Position in the dataset's events of each undated event (items carry theirs as `index`). */
  undatedIndex: Uint32Array;
}

/**
 * Prepares the dataset once: extents, lane keys and colour keys are computed here so that every zoom step only
 * does arithmetic. Events without a usable date are handed back separately (they get their own list in the UI).
 * Items come out sorted by start, then end, then id, with `order` = their index.
 */
export function prepareItems(events: readonly ContactEvent[], entities: EntityTables): PreparedItems {
  const made: TimelineItem[] = [];
  const undated: ContactEvent[] = [];
  const undatedAt: number[] = [];
  // Forum lanes repeat across thousands of events; resolving each forum key once keeps this linear and cheap.
  const forumCache = new Map<string | null, ForumLane>();
  const starts = new Float64Array(events.length);
  const ends = new Float64Array(events.length);
  for (let at = 0; at < events.length; at++) {
    const event = events[at]!;
    const found = extentAndUnit(event.date);
    if (!found) {
      undated.push(event);
      undatedAt.push(at);
      continue;
    }
    const [extent, unit] = found;
    let forumLane = forumCache.get(event.forum);
    if (forumLane === undefined) {
      forumLane = forumLaneOf(event.forum, entities);
      forumCache.set(event.forum, forumLane);
    }
    starts[made.length] = extent.start;
    ends[made.length] = extent.end;
    made.push({
      event,
      order: 0,
      index: at,
      extent,
      mid: extent.start + (extent.end - extent.start) / 2,
      precision: unit,
      range: !!event.date.end,
      kind: event.kind,
      status: event.status,
      forumLane,
      lanes: new ItemLanes(forumLane, event, entities),
    });
  }
  const n = made.length;
  // Datasets come sorted by date (the build writes them so): then only runs of equal starts need ordering by end and
  // id, which spares the full sort (a fifth of the first view's preparation at 100,000 events).
  if (startsAscending(starts, n)) {
    for (let i = 0; i < n;) {
      let j = i + 1;
      while (j < n && starts[j] === starts[i]) j++;
      if (j - i > 1) {
        const run = made.slice(i, j).sort(byEndThenId);
        for (let k = i; k < j; k++) made[k] = run[k - i]!;
      }
      i = j;
    }
    for (let i = 0; i < n; i++) made[i]!.order = i;
    return { items: made, undated, undatedIndex: Uint32Array.from(undatedAt) };
  }
  // Sort positions by numbers held in typed arrays first: comparing 100,000 scattered objects directly is several
  // times slower. Only runs of equal [start, end) then look at ids, which is all the tie-break needs.
  const byPos = new Uint32Array(n);
  for (let i = 0; i < n; i++) byPos[i] = i;
  byPos.sort((a, b) => starts[a]! - starts[b]! || ends[a]! - ends[b]!);
  const items: TimelineItem[] = new Array<TimelineItem>(n);
  for (let i = 0; i < n; i++) items[i] = made[byPos[i]!]!;
  for (let i = 0; i < n;) {
    const s = starts[byPos[i]!]!;
    const e = ends[byPos[i]!]!;
    let j = i + 1;
    while (j < n && starts[byPos[j]!] === s && ends[byPos[j]!] === e) j++;
    if (j - i > 1) {
      const run = items.slice(i, j).sort(byId);
      for (let k = i; k < j; k++) items[k] = run[k - i]!;
    }
    i = j;
  }
  for (let i = 0; i < n; i++) items[i]!.order = i;
  return { items, undated, undatedIndex: Uint32Array.from(undatedAt) };
}
