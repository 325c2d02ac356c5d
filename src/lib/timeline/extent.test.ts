import { describe, expect, it } from 'vitest';
import { makeEvent } from '../dataset/fixture.ts';
import type { EventDate } from '../dataset/types.ts';
import { eventExtent, nextYearStart, prepareItems } from './extent.ts';
import { syntheticEntities } from './testing.ts';

const U = Date.UTC;
const d = (start: string | null, precision: EventDate['precision'], end?: string): EventDate => ({
  start,
  precision,
  basis: 'text',
  ...(end ? { end } : {}),
});

describe('eventExtent', () => {
  const rows: { input: EventDate; expected: [number, number] | null }[] = [
    { input: d('2025-07-13', 'day'), expected: [U(2025, 6, 13), U(2025, 6, 14)] },
    { input: d('2025-12-31', 'day'), expected: [U(2025, 11, 31), U(2026, 0, 1)] },
    { input: d('2024-02-29', 'day'), expected: [U(2024, 1, 29), U(2024, 2, 1)] },
    { input: d('2021-07', 'month'), expected: [U(2021, 6, 1), U(2021, 7, 1)] },
    { input: d('2021-12', 'month'), expected: [U(2021, 11, 1), U(2022, 0, 1)] },
    { input: d('2001', 'year'), expected: [U(2001, 0, 1), U(2002, 0, 1)] },
    { input: d('2023-03-20', 'day', '2023-03-22'), expected: [U(2023, 2, 20), U(2023, 2, 23)] },
    { input: d('2023-12-30', 'day', '2024-01-02'), expected: [U(2023, 11, 30), U(2024, 0, 3)] },
    { input: d('2022-03', 'month', '2022-05'), expected: [U(2022, 2, 1), U(2022, 5, 1)] },
    { input: d('2001', 'year', '2003'), expected: [U(2001, 0, 1), U(2004, 0, 1)] },
    // A reversed end cannot shrink the extent below the start's own unit.
    { input: d('2023-03-20', 'day', '2023-03-01'), expected: [U(2023, 2, 20), U(2023, 2, 21)] },
    { input: d(null, 'unknown'), expected: null },
    { input: d('2021', 'unknown'), expected: null },
    { input: d('2021-13', 'month'), expected: null },
    { input: d('2023-02-29', 'day'), expected: null },
    { input: d('21-07-13', 'day'), expected: null },
    { input: d('2021/07', 'month'), expected: null },
  ];
  it.each(rows)('$input.start … $input.end', ({ input, expected }) => {
    const extent = eventExtent(input);
    expect(extent && [extent.start, extent.end]).toEqual(expected);
  });
});

describe('prepareItems', () => {
  const entities = syntheticEntities();
  const events = [
    makeEvent({ id: 'b', date: d('2021-07-13', 'day') }),
    makeEvent({ id: 'a', date: d('2021-07-13', 'day') }),
    makeEvent({ id: 'month', date: d('2021-07', 'month') }),
    makeEvent({ id: 'range', date: d('2021-07-13', 'day', '2021-07-15'), forum: 'sco' }),
    makeEvent({ id: 'year', date: d('2021', 'year'), forum: 'cica' }),
    makeEvent({ id: 'undated', date: d(null, 'unknown') }),
    makeEvent({ id: 'early', date: d('2001-06-15', 'day'), participants: ['putin'], forum: 'nowhere' }),
  ];
  const { items, undated } = prepareItems(events, entities);

  it('sorts by start, then end, then id, and numbers the order', () => {
    expect(items.map((i) => i.event.id)).toEqual(['early', 'year', 'month', 'a', 'b', 'range']);
    expect(items.map((i) => i.order)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(undated.map((e) => e.id)).toEqual(['undated']);
  });

  it('gives the same order when the input is already by start (as datasets are), ties in any order', () => {
    const byStart = ['early', 'year', 'month', 'range', 'b', 'a'].map((id) => events.find((e) => e.id === id)!);
    expect(prepareItems(byStart, entities).items.map((i) => i.event.id)).toEqual(items.map((i) => i.event.id));
  });

  const rows: { input: string; expected: Record<string, unknown> }[] = [
    {
      input: 'a',
      expected: { precision: 'day', range: false, mid: U(2021, 6, 13, 12), forumLane: 'bilateral' },
    },
    {
      input: 'range',
      expected: { precision: 'day', range: true, mid: U(2021, 6, 14, 12), forumLane: 'sco' },
    },
    { input: 'month', expected: { precision: 'month', range: false, mid: U(2021, 6, 16, 12), forumLane: 'bilateral' } },
    { input: 'year', expected: { precision: 'year', range: false, mid: U(2021, 6, 2, 12), forumLane: 'other' } },
  ];
  it.each(rows)('prepares $input', ({ input, expected }) => {
    expect(items.find((i) => i.event.id === input)).toMatchObject(expected);
  });

  it('fills the lane keys of every mode', () => {
    const range = items.find((i) => i.event.id === 'range')!;
    // lavrov (foreign minister since 2004) and wang-yi (until 2022) in 2021.
    const keys = (i: (typeof items)[number]) => ({ forum: i.lanes.forum, kind: i.lanes.kind, level: i.lanes.level });
    expect(keys(range)).toEqual({ forum: 'sco', kind: 'meeting', level: 'foreign-minister' });
    const early = items.find((i) => i.event.id === 'early')!;
    // Putin had no head-of-government role yet in 2001 in the synthetic entities; an unknown forum is "other".
    expect(keys(early)).toEqual({ forum: 'other', kind: 'meeting', level: 'other' });
  });
});

describe('nextYearStart', () => {
  it('gives the first instant of the following UTC year, for any instant of a year, ancient years included', () => {
    expect(nextYearStart(Date.UTC(2021, 0, 1))).toBe(Date.UTC(2022, 0, 1));
    expect(nextYearStart(Date.UTC(2021, 11, 31, 23, 59, 59, 999))).toBe(Date.UTC(2022, 0, 1));
    expect(nextYearStart(Date.UTC(1969, 6, 1))).toBe(Date.UTC(1970, 0, 1));
    const year50 = eventExtent({ start: '0050', precision: 'year', basis: 'text' })!;
    expect(nextYearStart(year50.start)).toBe(year50.end);
  });
});
