/** Which lane an event belongs to in each lane mode, the lanes' order, and their stacked pixel bands. */
import { EVENT_KINDS } from '../dataset/types.ts';
import type { ContactEvent, EntityTables } from '../dataset/types.ts';
import { FORUM_LANES, LEVEL_LANES } from './types.ts';
import type { ForumLane, LaneBand, LaneMode, LevelLane, TimelineItem } from './types.ts';

const FORUM_LANE_SET: ReadonlySet<string> = new Set(FORUM_LANES.filter((l) => l !== 'bilateral'));
const LEVEL_SET: ReadonlySet<string> = new Set(LEVEL_LANES);
/** Lower rank = higher level, so "highest level" is a minimum. */
const LEVEL_RANK: ReadonlyMap<string, number> = new Map(LEVEL_LANES.map((l, i) => [l, i]));

/**
 * The colour/lane key of a venue. `bilateral` is reserved for "no forum": a forum entity that claims it (or any
 * lane we have no colour for) would otherwise hide a multilateral meeting among the bilateral ones.
 */
export function forumLaneOf(forum: string | null, entities: EntityTables): ForumLane {
  if (forum === null) return 'bilateral';
  const lane = entities.forums[forum]?.lane;
  return typeof lane === 'string' && FORUM_LANE_SET.has(lane) ? (lane as ForumLane) : 'other';
}

interface RoleLike {
  from: string | null;
  to: string | null;
  level: string;
}

/**
 * People's roles are stored untyped on the entity (`Entity` has an index signature), so they are read defensively:
 * a malformed role is skipped rather than trusted.
 */
const roleCache = new WeakMap<EntityTables['people'], Map<string, RoleLike[]>>();

/** Roles per person, read once per people table (prepareItems asks for the same few people thousands of times). */
function rolesOf(person: string, entities: EntityTables): RoleLike[] {
  let table = roleCache.get(entities.people);
  if (!table) roleCache.set(entities.people, (table = new Map()));
  let roles = table.get(person);
  if (!roles) table.set(person, (roles = readRoles(person, entities)));
  return roles;
}

function readRoles(person: string, entities: EntityTables): RoleLike[] {
  const roles = entities.people[person]?.roles;
  if (!Array.isArray(roles)) return [];
  const out: RoleLike[] = [];
  for (const r of roles as unknown[]) {
    if (typeof r !== 'object' || r === null) continue;
    const { from, to, level } = r as Record<string, unknown>;
    out.push({
      from: typeof from === 'string' ? from : null,
      to: typeof to === 'string' ? to : null,
      level: typeof level === 'string' && LEVEL_SET.has(level) ? level : 'other',
    });
  }
  return out;
}

/** a ≤ b for ISO dates of any precision, compared at the coarser of the two (so `2012` ≤ `2012-05-07` and back). */
function isoLe(a: string, b: string): boolean {
  const n = Math.min(a.length, b.length);
  return a.slice(0, n) <= b.slice(0, n);
}

/**
 * The highest level among the participants' roles that overlap the event's date. Dates are compared as strings at
 * the coarser precision, so a role ending `2012-05-07` still counts for a meeting dated `2012-05` or `2012`: at that
 * precision we cannot tell it did not apply. Undated events fall back to the roles held now (`to` = null).
 */
export function levelOf(event: ContactEvent, entities: EntityTables): LevelLane {
  const first = event.date.precision === 'unknown' ? null : event.date.start;
  const last = first ? (event.date.end ?? first) : null;
  let best = LEVEL_LANES.length - 1;
  for (const person of event.participants) {
    for (const role of rolesOf(person, entities)) {
      const active =
        first && last
          ? (role.from === null || isoLe(role.from, last)) && (role.to === null || isoLe(first, role.to))
          : role.to === null;
      if (!active) continue;
      const rank = LEVEL_RANK.get(role.level) ?? best;
      if (rank < best) best = rank;
      if (best === 0) return LEVEL_LANES[0];
    }
  }
  return LEVEL_LANES[best]!;
}

/** Lane keys of a mode in display order. */
export function laneOrder(mode: LaneMode): readonly string[] {
  switch (mode) {
    case 'forum':
      return FORUM_LANES;
    case 'kind':
      return EVENT_KINDS;
    case 'level':
      return LEVEL_LANES;
  }
}

export interface LaneBandOptions {
  rowHeight: number;
  lanePadding: number;
  /** Pixel y of the first band (e.g. below an axis). */
  top?: number;
}

/** How many items each lane holds in one mode. */
export function laneCounts(items: readonly TimelineItem[], mode: LaneMode): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = item.lanes[mode];
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Stacks the bands of the given lane counts top to bottom. Lanes without items collapse (no band), and a key that is
 * not in the mode's order (only possible with hand-made items) goes last, alphabetically, instead of vanishing.
 */
export function laneBandsFromCounts(
  counts: ReadonlyMap<string, number>,
  mode: LaneMode,
  rowsPerLane: ReadonlyMap<string, number>,
  options: LaneBandOptions,
): LaneBand[] {
  const order = laneOrder(mode);
  const known = new Set(order);
  const extra = [...counts.keys()].filter((k) => !known.has(k)).sort();
  const bands: LaneBand[] = [];
  let y = options.top ?? 0;
  for (const key of [...order, ...extra]) {
    const count = counts.get(key) ?? 0;
    if (count === 0) continue;
    // A lane always shows at least one row, even when its items are all scrolled out of view.
    const rows = Math.max(1, rowsPerLane.get(key) ?? 1);
    const height = rows * options.rowHeight + 2 * options.lanePadding;
    bands.push({ key, y, height, rows, count });
    y += height;
  }
  return bands;
}

/** Bands for the lanes that hold at least one of `items`, in lane order, stacked from `top`. */
export function laneBands(
  items: readonly TimelineItem[],
  mode: LaneMode,
  rowsPerLane: ReadonlyMap<string, number>,
  options: LaneBandOptions,
): LaneBand[] {
  return laneBandsFromCounts(laneCounts(items, mode), mode, rowsPerLane, options);
}
