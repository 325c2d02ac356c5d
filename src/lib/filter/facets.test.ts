import { describe, expect, it } from 'vitest';
import { makeEvent } from '../dataset/fixture.ts';
import type { ContactEvent, EventDate } from '../dataset/types.ts';
import { activeFilterCount, applyFilters, EMPTY_FILTERS, matchesFilters, type Filters } from './facets.ts';
import { facetCounts } from './facet-counts.ts';

const day = (start: string, end?: string): EventDate => ({
  start,
  ...(end ? { end } : {}),
  precision: 'day',
  basis: 'text',
});
const month = (start: string): EventDate => ({ start, precision: 'month', basis: 'header' });
const year = (start: string): EventDate => ({ start, precision: 'year', basis: 'text' });
const undated: EventDate = { start: null, precision: 'unknown', basis: 'text' };

const events: ContactEvent[] = [
  makeEvent({
    id: 'a',
    kind: 'meeting',
    status: 'reported',
    forum: null,
    forumsMentioned: ['sco'],
    participants: ['lavrov', 'wang-yi'],
    topics: ['afghanistan'],
    date: day('2021-07-14'),
  }),
  makeEvent({
    id: 'b',
    kind: 'summit',
    status: 'reported',
    forum: 'sco',
    forumsMentioned: [],
    participants: ['putin', 'xi'],
    topics: ['afghanistan', 'security'],
    date: day('2022-09-15', '2022-09-16'),
  }),
  makeEvent({
    id: 'c',
    kind: 'phone-call',
    status: 'mentioned',
    forum: null,
    forumsMentioned: ['brics'],
    participants: ['putin', 'xi'],
    topics: [],
    date: month('2021-08'),
  }),
  makeEvent({
    id: 'd',
    kind: 'signing',
    status: 'mentioned',
    forum: 'brics',
    forumsMentioned: ['sco'],
    participants: ['putin', 'jiang-zemin'],
    topics: ['friendship-treaty'],
    date: year('2001'),
  }),
  makeEvent({
    id: 'e',
    kind: 'video-call',
    status: 'planned',
    forum: null,
    forumsMentioned: [],
    participants: ['putin', 'xi'],
    topics: ['afghanistan'],
    date: undated,
  }),
];
const ids = (f: Partial<Filters>) => applyFilters(events, { ...EMPTY_FILTERS, ...f }).map((e) => e.id);

describe('matchesFilters / applyFilters', () => {
  it.each<[string, Partial<Filters>, string[]]>([
    ['no filters', {}, ['a', 'b', 'c', 'd', 'e']],
    ['forum venue', { forum: ['sco'] }, ['b']],
    ['forum incl. mentioned', { forum: ['sco'], includeMentionedForums: true }, ['a', 'b', 'd']],
    ['bilateral', { forum: ['bilateral'] }, ['a', 'c', 'e']],
    ['bilateral ignores mentioned', { forum: ['bilateral'], includeMentionedForums: true }, ['a', 'c', 'e']],
    ['forum OR', { forum: ['sco', 'brics'] }, ['b', 'd']],
    ['bilateral OR forum', { forum: ['bilateral', 'brics'] }, ['a', 'c', 'd', 'e']],
    ['kind', { kind: ['phone-call'] }, ['c']],
    ['kind OR', { kind: ['phone-call', 'video-call'] }, ['c', 'e']],
    ['person', { person: ['lavrov'] }, ['a']],
    ['person OR', { person: ['lavrov', 'jiang-zemin'] }, ['a', 'd']],
    ['topic', { topic: ['afghanistan'] }, ['a', 'b', 'e']],
    ['status', { status: ['mentioned'] }, ['c', 'd']],
    ['AND across facets', { person: ['putin'], topic: ['afghanistan'] }, ['b', 'e']],
    ['AND across facets, narrower', { person: ['putin'], topic: ['afghanistan'], kind: ['summit'] }, ['b']],
    ['AND with nothing left', { person: ['lavrov'], status: ['planned'] }, []],
    ['unknown value', { kind: ['teleportation'] }, []],
  ])('%s', (_name, filters, expected) => {
    expect(ids(filters)).toEqual(expected);
  });

  it.each<[string, string | null, string | null, string[]]>([
    ['from year', '2021', null, ['a', 'b', 'c']],
    ['to year (inclusive)', null, '2021', ['a', 'c', 'd']],
    ['single month with a day event', '2021-07', '2021-07', ['a']],
    ['month range touching a month event', '2021-08', '2021-12', ['c']],
    ['range ending the month before', '2021-01', '2021-06', []],
    ['year event overlaps a month range inside it', '2001-05', '2001-05', ['d']],
    ['year event outside', '2002', '2020', []],
    ['multi-day event overlapping the range start', '2022-09', '2022-12', ['b']],
    ['whole span', '1990', '2030', ['a', 'b', 'c', 'd']],
    ['from > to matches nothing', '2022', '2021', []],
  ])('dates: %s (%s..%s)', (_name, from, to, expected) => {
    expect(ids({ from, to })).toEqual(expected);
  });

  it('excludes undated events whenever a bound is set, and keeps them otherwise', () => {
    expect(ids({ from: '1900' })).not.toContain('e');
    expect(ids({ to: '2100' })).not.toContain('e');
    expect(ids({})).toContain('e');
  });

  it('counts a multi-month event by its whole span', () => {
    const long = makeEvent({ id: 'long', date: day('2021-12-30', '2022-01-02') });
    expect(matchesFilters(long, { ...EMPTY_FILTERS, from: '2022-01', to: '2022-01' })).toBe(true);
    expect(matchesFilters(long, { ...EMPTY_FILTERS, from: '2021-12', to: '2021-12' })).toBe(true);
    expect(matchesFilters(long, { ...EMPTY_FILTERS, from: '2022-02' })).toBe(false);
  });

  it('ignores the facet named by `except`', () => {
    const f: Filters = { ...EMPTY_FILTERS, person: ['lavrov'], kind: ['summit'], from: '2022', to: '2021' };
    const b = events[1] as ContactEvent;
    expect(matchesFilters(b, f)).toBe(false);
    expect(matchesFilters(b, { ...f, from: null, to: null }, 'person')).toBe(true);
    expect(matchesFilters(b, { ...f, from: null, to: null, kind: ['visit'] }, 'person')).toBe(false);
    expect(matchesFilters(b, { ...f, person: [], from: null }, 'to')).toBe(true);
    const a = events[0] as ContactEvent;
    const mentioned: Filters = { ...EMPTY_FILTERS, forum: ['sco'], includeMentionedForums: true };
    expect(matchesFilters(a, mentioned)).toBe(true);
    expect(matchesFilters(a, mentioned, 'includeMentionedForums')).toBe(false);
    expect(matchesFilters(a, mentioned, 'forum')).toBe(true);
  });

  it('never mutates EMPTY_FILTERS', () => {
    expect(Object.isFrozen(EMPTY_FILTERS)).toBe(true);
    expect(Object.isFrozen(EMPTY_FILTERS.forum)).toBe(true);
  });
});

describe('facetCounts', () => {
  const counts = (f: Partial<Filters>) => {
    const c = facetCounts(events, { ...EMPTY_FILTERS, ...f });
    return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, [...v]]));
  };

  it('counts every value without filters, sorted by count then key', () => {
    const c = counts({});
    expect(c.forum).toEqual([
      ['bilateral', 3],
      ['brics', 1],
      ['sco', 1],
    ]);
    expect(c.person).toEqual([
      ['putin', 4],
      ['xi', 3],
      ['jiang-zemin', 1],
      ['lavrov', 1],
      ['wang-yi', 1],
    ]);
    expect(c.status).toEqual([
      ['mentioned', 2],
      ['reported', 2],
      ['planned', 1],
    ]);
    expect(c.topic?.[0]).toEqual(['afghanistan', 3]);
  });

  it('counts mentioned forums (once per event) when they are included', () => {
    expect(counts({ includeMentionedForums: true }).forum).toEqual([
      ['bilateral', 3],
      ['sco', 3],
      ['brics', 2],
    ]);
  });

  it("keeps a facet's own selection out of its counts, but applies it to the others", () => {
    const c = counts({ person: ['lavrov'] });
    // person counts ignore the person filter…
    expect(c.person).toEqual(counts({}).person);
    // …while the others only count Lavrov's events.
    expect(c.kind).toEqual([['meeting', 1]]);
    expect(c.forum).toEqual([['bilateral', 1]]);
  });

  it('applies two other facets at once and the date range to all', () => {
    const c = counts({ person: ['putin'], kind: ['summit', 'phone-call'], from: '2021', to: '2022' });
    expect(c.topic).toEqual([
      ['afghanistan', 1],
      ['security', 1],
    ]);
    expect(c.kind).toEqual([
      ['phone-call', 1],
      ['summit', 1],
    ]);
    expect(c.person).toEqual([
      ['putin', 2],
      ['xi', 2],
    ]);
    // 'e' (undated) never counts once a date bound is set
    expect(c.status).toEqual([
      ['mentioned', 1],
      ['reported', 1],
    ]);
  });

  it('lists selected values that match nothing with 0, last', () => {
    const c = counts({ kind: ['teleportation'], person: ['lavrov'] });
    expect(c.kind).toEqual([
      ['meeting', 1],
      ['teleportation', 0],
    ]);
    // Lavrov's only event is a meeting, so with kind=teleportation he keeps his chip, at 0.
    expect(c.person).toEqual([['lavrov', 0]]);
    expect(counts({ kind: ['teleportation'] }).person).toEqual([]);
  });

  it('agrees with applyFilters: selecting a counted value yields that many events', () => {
    const base: Partial<Filters> = { topic: ['afghanistan'], includeMentionedForums: true };
    const c = facetCounts(events, { ...EMPTY_FILTERS, ...base });
    for (const facet of ['forum', 'kind', 'person', 'status'] as const) {
      for (const [value, n] of c[facet])
        expect(ids({ ...base, [facet]: [value] }), `${facet}=${value}`).toHaveLength(n);
    }
  });
});

describe('activeFilterCount', () => {
  it.each<[Partial<Filters>, number]>([
    [{}, 0],
    [{ includeMentionedForums: true }, 0],
    [{ forum: ['sco', 'brics'] }, 2],
    [{ forum: ['sco'], kind: ['visit'], person: ['a'], topic: ['t'], status: ['planned'] }, 5],
    [{ from: '2021' }, 1],
    [{ from: '2021', to: '2022' }, 1],
    [{ to: '2022', kind: ['visit'] }, 2],
  ])('%j → %i', (f, n) => {
    expect(activeFilterCount({ ...EMPTY_FILTERS, ...f })).toBe(n);
  });
});
