/**
 * Faceted filtering of events: OR within a facet, AND across facets, and counts per facet value that respect all
 * OTHER active filters (so a facet never counts itself down to its own selection). Pure and framework-free.
 */
import type { ContactEvent } from '../dataset/types.ts';

export interface Filters {
  /** Forum keys; 'bilateral' selects events without a venue (`forum === null`). */
  forum: string[];
  /** Also match forums an event merely mentions (not only its venue). */
  includeMentionedForums: boolean;
  kind: string[];
  /** Participant keys. */
  person: string[];
  topic: string[];
  status: string[];
  /** 'YYYY' or 'YYYY-MM' (inclusive); null = open. */
  from: string | null;
  to: string | null;
}

/** Deeply frozen: spread it (`{ ...EMPTY_FILTERS, kind: ['visit'] }`), never mutate it. */
const none = () => Object.freeze([]) as unknown as string[];
export const EMPTY_FILTERS: Readonly<Filters> = Object.freeze({
  forum: none(),
  includeMentionedForums: false,
  kind: none(),
  person: none(),
  topic: none(),
  status: none(),
  from: null,
  to: null,
});

export const FACETS = ['forum', 'kind', 'person', 'topic', 'status'] as const;
export type Facet = (typeof FACETS)[number];

/** The forum value for events without a venue. */
export const BILATERAL = 'bilateral';

/**
 * A month as a sortable number (year * 12 + month - 1). `edge` picks the first or last month of a year-only
 * date. Anything that is not YYYY, YYYY-MM or YYYY-MM-DD gives null.
 */
function monthIndex(iso: string, edge: 'first' | 'last'): number | null {
  const m = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/.exec(iso);
  if (!m) return null;
  const year = Number(m[1]);
  const month = m[2] === undefined ? (edge === 'first' ? 1 : 12) : Number(m[2]);
  return year * 12 + month - 1;
}

/** The months an event covers, [first, last]; null when undated. */
function eventMonths(event: ContactEvent): [number, number] | null {
  const { start, end, precision } = event.date;
  if (start === null || precision === 'unknown') return null;
  const first = monthIndex(start, 'first');
  const last = monthIndex(end ?? start, 'last');
  if (first === null || last === null) return null;
  return [first, Math.max(first, last)];
}

export function forumMatches(event: ContactEvent, filters: Filters): boolean {
  return filters.forum.some(
    (f) =>
      (f === BILATERAL ? event.forum === null : event.forum === f) ||
      (filters.includeMentionedForums && event.forumsMentioned.includes(f)),
  );
}

export function dateMatches(event: ContactEvent, from: string | null, to: string | null): boolean {
  const lo = from === null ? null : monthIndex(from, 'first');
  const hi = to === null ? null : monthIndex(to, 'last');
  // A malformed bound (the URL parser never lets one through) filters nothing rather than everything.
  if (lo === null && hi === null) return true;
  const months = eventMonths(event);
  // Undated events cannot be placed in any range, so any active bound excludes them.
  if (months === null) return false;
  return (lo === null || months[1] >= lo) && (hi === null || months[0] <= hi);
}

/** Which single-facet tests an event passes, computed once so counts can combine them per facet. */
interface Passes {
  forum: boolean;
  kind: boolean;
  person: boolean;
  topic: boolean;
  status: boolean;
  date: boolean;
}

function passes(event: ContactEvent, filters: Filters): Passes {
  return {
    forum: filters.forum.length === 0 || forumMatches(event, filters),
    kind: filters.kind.length === 0 || filters.kind.includes(event.kind),
    person: filters.person.length === 0 || event.participants.some((p) => filters.person.includes(p)),
    topic: filters.topic.length === 0 || event.topics.some((t) => filters.topic.includes(t)),
    status: filters.status.length === 0 || filters.status.includes(event.status),
    date: filters.from === null && filters.to === null ? true : dateMatches(event, filters.from, filters.to),
  };
}

/**
 * Whether the event passes every active filter, ignoring the filter named by `except` (for counts; excepting
 * `from` or `to` drops just that bound, `includeMentionedForums` makes the forum facet venue-only).
 */
export function matchesFilters(event: ContactEvent, filters: Filters, except?: keyof Filters): boolean {
  const f: Filters =
    except === undefined
      ? filters
      : except === 'includeMentionedForums'
        ? { ...filters, includeMentionedForums: false }
        : { ...filters, [except]: EMPTY_FILTERS[except] };
  const p = passes(event, f);
  return p.forum && p.kind && p.person && p.topic && p.status && p.date;
}

export function applyFilters(events: readonly ContactEvent[], filters: Filters): ContactEvent[] {
  return events.filter((e) => matchesFilters(e, filters));
}

/** Number of chips to show as "active filters": one per selected value, plus one for a date range. */
export function activeFilterCount(filters: Filters): number {
  return FACETS.reduce((sum, f) => sum + filters[f].length, 0) + (filters.from !== null || filters.to !== null ? 1 : 0);
}
