import { describe, expect, it } from 'vitest';
import { makeEvent } from '../dataset/fixture.ts';
import { prepareItems } from './extent.ts';
import { listRows, renderedRows, type ListRow } from './list-rows.ts';
import { syntheticEntities, syntheticEvents } from './testing.ts';
import type { TimelineItem } from './types.ts';
import type { ContactEvent } from '../dataset/types.ts';

const HEIGHTS = { heading: 32, row: 60 };

/** Every row built one by one, as the list did before: a heading whenever the year of the date changes. */
function naiveRows(items: readonly TimelineItem[], undated: readonly ContactEvent[], label: string): ListRow[] {
  const out: ListRow[] = [];
  let top = 0;
  let year = '';
  for (const item of items) {
    const y = item.event.date.start?.slice(0, 4) ?? '';
    if (y !== year) {
      out.push({ index: out.length, type: 'year', label: y, top });
      top += HEIGHTS.heading;
      year = y;
    }
    out.push({ index: out.length, type: 'event', event: item.event, mid: item.mid, lane: item.forumLane, top });
    top += HEIGHTS.row;
  }
  if (undated.length) {
    out.push({ index: out.length, type: 'year', label, top });
    top += HEIGHTS.heading;
    for (const event of undated) {
      out.push({ index: out.length, type: 'event', event, mid: null, lane: 'other', top });
      top += HEIGHTS.row;
    }
  }
  return out;
}

const undatedEvent = (id: string) => makeEvent({ id, date: { start: null, precision: 'unknown', basis: 'text' } });
const { items } = prepareItems(syntheticEvents(2_000, 5), syntheticEntities());
const cases: [string, readonly TimelineItem[], ContactEvent[]][] = [
  ['all items and some undated', items, [undatedEvent('u1'), undatedEvent('u2')]],
  ['every seventh item', items.filter((_, i) => i % 7 === 0), []],
  ['a few items far apart', items.filter((_, i) => i % 400 === 3), [undatedEvent('u1')]],
  ['only undated', [], [undatedEvent('u1'), undatedEvent('u2'), undatedEvent('u3')]],
  ['nothing', [], []],
];

describe('listRows', () => {
  it.each(cases)('gives the same rows, tops and total as building every row (%s)', (_, shown, undated) => {
    const expected = naiveRows(shown, undated, 'Ohne Datum');
    const rows = listRows(shown, undated, 'Ohne Datum', HEIGHTS);
    expect(rows.count).toBe(expected.length);
    expect(Array.from({ length: rows.count }, (_, r) => rows.rowAt(r))).toEqual(expected);
    expect(rows.total).toBe(expected.length ? expected.at(-1)!.top + HEIGHTS.row : 0);
    // Each entry's row, and the first row reaching any height.
    const entryRows = expected.filter((r) => r.type === 'event').map((r) => r.index);
    expect(entryRows.map((_, e) => rows.rowOfEntry(e))).toEqual(entryRows);
    for (const y of [-100, 0, 1, 31, 32, 59, 90, 1000, 12_345, rows.total, rows.total + 500]) {
      const first = expected.findIndex((r) => r.top + HEIGHTS.row >= y);
      expect(rows.firstRowBelow(y), `y = ${y}`).toBe(first < 0 ? expected.length : first);
    }
  });

  it('heads each year with the year as the date writes it, ancient years included', () => {
    const { items: old } = prepareItems(
      [
        makeEvent({ id: 'a', date: { start: '0050-03-01', precision: 'day', basis: 'text' } }),
        makeEvent({ id: 'b', date: { start: '0050', precision: 'year', basis: 'text' } }),
        makeEvent({ id: 'c', date: { start: '0051-01', precision: 'month', basis: 'text' } }),
      ],
      syntheticEntities(),
    );
    const rows = listRows(old, [], '', HEIGHTS);
    const labels = Array.from({ length: rows.count }, (_, r) => rows.rowAt(r))
      .filter((r) => r.type === 'year')
      .map((r) => (r.type === 'year' ? r.label : ''));
    expect(labels).toEqual(['0050', '0051']);
  });
});

describe('listRows row objects', () => {
  it('gives the same object for a row asked for again (a re-rendered row has nothing to update)', () => {
    const rows = listRows(items.slice(0, 50), [undatedEvent('u1')], 'undated', HEIGHTS);
    expect(rows.rowAt(7)).toBe(rows.rowAt(7));
    expect(rows.rowAt(0)).toBe(rows.rowAt(0));
    expect(rows.rowAt(rows.count - 1)).toBe(rows.rowAt(rows.count - 1));
    // A new list (another search) makes new rows.
    expect(listRows(items.slice(0, 50), [], 'undated', HEIGHTS).rowAt(7)).not.toBe(rows.rowAt(7));
  });
});

describe('renderedRows', () => {
  // 40 dated items in one year: a heading (0–32 px), then rows of 60 px (row r ≥ 1 starts at 32 + 60 (r − 1)).
  const rows = listRows(items.slice(0, 40), [], 'undated', HEIGHTS);
  const range = (a: number, b: number) => Array.from({ length: b - a }, (_, i) => a + i);

  it.each([
    ['the rows reaching into the window, nothing filled yet', 0, 200, 0, 300, range(0, 4)],
    ['a window further down', 500, 800, 0, 300, range(8, 14)],
    ['the first rows filled, then the window, without repeats', 500, 800, 10, 300, range(0, 14)],
    ['filled up to the window', 500, 800, 5, 300, [...range(0, 5), ...range(8, 14)]],
    ['all filled', 500, 800, 1000, 300, range(0, rows.count)],
    ['a list longer than renderAll: only the window', 500, 800, 1000, 20, range(8, 14)],
    ['a window past the end', 1e6, 2e6, 0, 300, []],
  ])('%s', (_, from, to, filled, renderAll, expected) => {
    expect(renderedRows(rows, from as number, to as number, filled as number, renderAll as number)).toEqual(expected);
  });

  it('renders nothing for an empty list', () => {
    expect(renderedRows(listRows([], [], 'undated', HEIGHTS), 0, 1000, 10, 300)).toEqual([]);
  });
});
