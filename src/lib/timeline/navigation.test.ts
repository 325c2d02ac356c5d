import { describe, expect, it } from 'vitest';
import { makeEvent } from '../dataset/fixture.ts';
import { prepareItems } from './extent.ts';
import { nearestItem, stepItem } from './navigation.ts';
import { syntheticEntities } from './testing.ts';

const U = Date.UTC;
const day = (id: string, start: string, end?: string) =>
  makeEvent({
    id,
    date: { start, precision: start.length === 4 ? 'year' : 'day', basis: 'text', ...(end ? { end } : {}) },
  });
const { items } = prepareItems(
  [day('a', '2021-01-01'), day('b', '2021-01-10'), day('c', '2021-01-20'), day('y', '2021'), day('d', '2021-03-01')],
  syntheticEntities(),
);

describe('stepItem', () => {
  // Chronological: a (1 Jan), y (all of 2021: same start, later end), b, c, d.
  const rows: { input: [string | null, 1 | -1 | 'first' | 'last']; expected: string | null }[] = [
    { input: [null, 1], expected: 'a' },
    { input: [null, -1], expected: 'd' },
    { input: ['a', 1], expected: 'y' },
    { input: ['y', 1], expected: 'b' },
    { input: ['b', -1], expected: 'y' },
    { input: ['d', 1], expected: 'd' },
    { input: ['a', -1], expected: 'a' },
    { input: ['gone', 1], expected: 'a' },
    { input: ['gone', -1], expected: 'd' },
    { input: ['c', 'first'], expected: 'a' },
    { input: [null, 'last'], expected: 'd' },
  ];
  it.each(rows)('$input → $expected', ({ input, expected }) => {
    expect(stepItem(items, ...input)?.event.id ?? null).toBe(expected);
  });
  it('is null without items', () => {
    expect(stepItem([], null, 1)).toBeNull();
  });
});

describe('nearestItem', () => {
  const rows: { input: number; expected: string }[] = [
    { input: U(2000, 0, 1), expected: 'a' },
    { input: U(2021, 0, 10, 12), expected: 'b' },
    { input: U(2021, 0, 14), expected: 'b' },
    { input: U(2021, 0, 16), expected: 'c' },
    // The year-dated item is drawn at its centre (2 July).
    { input: U(2021, 5, 1), expected: 'y' },
    { input: U(2030, 0, 1), expected: 'y' },
    { input: U(2021, 1, 1), expected: 'c' },
  ];
  it.each(rows)('$input → $expected', ({ input, expected }) => {
    expect(nearestItem(items, input)?.event.id).toBe(expected);
  });
  it('prefers the earlier item on a tie', () => {
    // a at 1 Jan 12:00, b at 10 Jan 12:00: the midpoint is 5 Jan 24:00 = 6 Jan 00:00.
    expect(nearestItem(items, U(2021, 0, 6))?.event.id).toBe('a');
    expect(nearestItem([], 0)).toBeNull();
  });
});
