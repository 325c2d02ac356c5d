/**
 * One contact is covered by many articles: candidates from all articles are merged into events (same Russian and
 * Chinese participants, compatible dates, no conflicting place or forum), every source kept. The most precise date
 * wins; disagreements become warnings on the event, never silent overwrites. Ids are derived from content only, so
 * they survive reordering and re-running.
 */
import type { ContactEvent, EventDate, EventStatus } from '../../src/lib/dataset/types.ts';
import { compatible, morePrecise, sortKey, monthSpan, type PartialDate } from './dates.ts';
import type { CandidateEvent } from './extract.ts';

const STATUS_RANK: Record<EventStatus, number> = { reported: 3, mentioned: 2, planned: 1 };
const KIND_RANK = { 'phone-call': 6, 'video-call': 6, visit: 4, summit: 3, signing: 2, meeting: 1 } as const;

interface Group {
  members: CandidateEvent[];
  event: Omit<ContactEvent, 'id' | 'related' | 'title' | 'titles'>;
}

export interface MergeOptions {
  /** Country of a person key, to require that merged contacts share a Russian and a Chinese participant. */
  countryOf: (person: string) => string | undefined;
}

export function mergeCandidates(candidates: CandidateEvent[], options: MergeOptions): Group[] {
  // Deterministic order: reported first (they carry the best facts), then by date, document and content.
  // The keys are computed once per candidate, not once per comparison (the JSON only when everything else ties).
  const keyed = candidates.map((c) => ({ c, rank: STATUS_RANK[c.status], date: dateKey(c.date), json: '' }));
  const json = (k: (typeof keyed)[number]) => (k.json ||= JSON.stringify(k.c));
  keyed.sort(
    (a, b) => b.rank - a.rank || cmp(a.date, b.date) || cmp(a.c.document, b.c.document) || cmp(json(a), json(b)),
  );
  const groups: Group[] = [];
  const index = new GroupIndex(options);
  for (const { c } of keyed) {
    const target = index.find(c, groups);
    if (target) {
      absorb(target, c);
      index.file(target);
    } else {
      const group: Group = { members: [c], event: fromCandidate(c) };
      groups.push(group);
      index.file(group);
    }
  }
  return groups;
}

/**
 * Which groups a candidate may belong to, so merging does not compare every candidate with every group.
 * `sameContact` needs a shared Russian participant and dates that are compatible (so they share a calendar month)
 * or a day apart (so their months differ by at most one); undated candidates only join undated groups. Groups are
 * filed under "Russian participant + month" (their participants and dates may change as they absorb candidates, so
 * they are filed again after each change; a stale entry only costs a comparison). A candidate compares itself
 * with the groups under its own Russian participants and months ±1, in creation order, so it joins exactly the
 * group a scan of all groups would have picked.
 */
class GroupIndex {
  private byKey = new Map<string, number[]>();
  /** Each group's position in creation order, and the keys it is already filed under. */
  private filed = new Map<Group, { id: number; keys: Set<string> }>();

  constructor(private options: MergeOptions) {}

  find(c: CandidateEvent, groups: Group[]): Group | undefined {
    const russians = c.participants.filter((p) => this.options.countryOf(p) === 'RU');
    if (russians.length === 0) return undefined; // no shared Russian participant is possible
    const date = asPartial(c.date);
    const months = date ? monthSpan(date) : null;
    // A malformed date cannot be filed by month: compare with every group, as the plain scan did.
    if (date && !months) return groups.find((g) => sameContact(g.event, c, this.options));
    const ids: number[] = [];
    for (const p of russians) {
      if (months) for (let m = months[0] - 1; m <= months[1] + 1; m++) this.collect(`${p}|${m}`, ids);
      else this.collect(`${p}|undated`, ids);
      this.collect(`${p}|irregular`, ids);
    }
    ids.sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i++) {
      if (i > 0 && ids[i] === ids[i - 1]) continue;
      const g = groups[ids[i]!]!;
      if (sameContact(g.event, c, this.options)) return g;
    }
    return undefined;
  }

  private collect(key: string, into: number[]) {
    for (const id of this.byKey.get(key) ?? []) into.push(id);
  }

  /** Files a new or changed group under its current Russian participants and date. */
  file(g: Group) {
    let entry = this.filed.get(g);
    if (!entry) {
      entry = { id: this.filed.size, keys: new Set() };
      this.filed.set(g, entry);
    }
    const date = asPartial(g.event.date);
    const months = date ? monthSpan(date) : null;
    const slots: string[] = !date ? ['undated'] : !months ? ['irregular'] : [];
    if (months) for (let m = months[0]; m <= months[1]; m++) slots.push(String(m));
    for (const p of g.event.participants) {
      if (this.options.countryOf(p) !== 'RU') continue;
      for (const slot of slots) {
        const key = `${p}|${slot}`;
        if (entry.keys.has(key)) continue;
        entry.keys.add(key);
        const list = this.byKey.get(key);
        if (list) list.push(entry.id);
        else this.byKey.set(key, [entry.id]);
      }
    }
  }
}

function fromCandidate(c: CandidateEvent): Group['event'] {
  return {
    kind: c.kind,
    status: c.status,
    date: { ...c.date },
    place: c.place,
    participants: [...c.participants],
    forum: c.forum,
    forumsMentioned: [...c.forumsMentioned],
    topics: [...c.topics],
    summary: c.summary,
    quotes: [...c.quotes],
    sources: [{ document: c.document, status: c.status, evidence: c.evidence }],
    warnings: [],
  };
}

function sameContact(e: Group['event'], c: CandidateEvent, { countryOf }: MergeOptions): boolean {
  const shared = e.participants.filter((p) => c.participants.includes(p));
  const sharedCountries = new Set(shared.map(countryOf));
  if (!(sharedCountries.has('RU') && sharedCountries.has('CN'))) return false;
  if (e.place && c.place && e.place !== c.place) return false;
  if (e.forum && c.forum && e.forum !== c.forum) return false;
  const a = asPartial(e.date);
  const b = asPartial(c.date);
  if (a && b) return compatible(a, b) || adjacentDays(a, b);
  // Undated mentions merge only when everything else is the same.
  return (
    !a &&
    !b &&
    e.kind === c.kind &&
    e.place === c.place &&
    e.forum === c.forum &&
    c.status !== 'reported' &&
    e.status !== 'reported'
  );
}

function absorb(g: Group, c: CandidateEvent) {
  const e = g.event;
  g.members.push(c);
  const a = asPartial(e.date);
  const b = asPartial(c.date);
  if (a && b) {
    if (!compatible(a, b))
      e.warnings.push(`Sources disagree on the date: ${formatDate(e.date)} vs ${formatDate(c.date)} (${c.document}).`);
    const best = morePrecise(a, b);
    if (best === b && (b.precision !== a.precision || b.start !== a.start || b.end !== a.end)) e.date = { ...c.date };
  } else if (b) e.date = { ...c.date };
  if (STATUS_RANK[c.status] > STATUS_RANK[e.status]) {
    e.status = c.status;
    e.summary = c.summary;
  }
  // A reported source knows the kind best; among equals, the more specific word wins.
  if (c.status === 'reported' && KIND_RANK[c.kind] > KIND_RANK[e.kind]) e.kind = c.kind;
  if (!e.place && c.place) e.place = c.place;
  else if (e.place && c.place && e.place !== c.place)
    e.warnings.push(`Sources disagree on the place: ${e.place} vs ${c.place} (${c.document}).`);
  if (!e.forum && c.forum) e.forum = c.forum;
  addAll(e.participants, c.participants);
  addAll(e.forumsMentioned, c.forumsMentioned);
  addAll(e.topics, c.topics);
  e.quotes.push(...c.quotes);
  const existing = e.sources.find((s) => s.document === c.document);
  if (existing) {
    existing.evidence.push(...c.evidence);
    if (STATUS_RANK[c.status] > STATUS_RANK[existing.status]) existing.status = c.status;
  } else e.sources.push({ document: c.document, status: c.status, evidence: c.evidence });
}

export function asPartial(d: EventDate): PartialDate | null {
  if (!d.start || d.precision === 'unknown') return null;
  return { start: d.start, ...(d.end ? { end: d.end } : {}), precision: d.precision };
}

/** Agencies in different time zones put one meeting on neighbouring days; one day apart still merges, with a warning. */
function adjacentDays(a: PartialDate, b: PartialDate): boolean {
  if (a.precision !== 'day' || b.precision !== 'day') return false;
  return Math.abs(dayOf(a.start) - dayOf(b.start)) <= 1;
}

function dayOf(s: string): number {
  return Date.UTC(+s.slice(0, 4), +s.slice(5, 7) - 1, +s.slice(8, 10)) / 86_400_000;
}

export function dateKey(d: EventDate): string {
  return sortKey(asPartial(d));
}

function formatDate(d: EventDate): string {
  return d.start ? `${d.start}${d.end ? `–${d.end}` : ''}` : 'unknown';
}

function addAll(target: string[], items: string[]) {
  for (const x of items) if (!target.includes(x)) target.push(x);
}

/** Code-point order: the same on every machine and locale (localeCompare is not). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
