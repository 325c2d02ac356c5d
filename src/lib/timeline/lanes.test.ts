import { describe, expect, it } from 'vitest';
import { makeEvent } from '../dataset/fixture.ts';
import { EVENT_KINDS } from '../dataset/types.ts';
import type { EntityTables, EventDate } from '../dataset/types.ts';
import { prepareItems } from './extent.ts';
import { forumLaneOf, laneBands, laneOrder, levelOf } from './lanes.ts';
import { syntheticEntities } from './testing.ts';
import { FORUM_LANES, LEVEL_LANES } from './types.ts';

const entities: EntityTables = syntheticEntities();
entities.forums['odd'] = { name: 'Odd', labels: {}, aliases: [], lane: 'bilateral' };
entities.forums['nolane'] = { name: 'No lane', labels: {}, aliases: [] };

describe('forumLaneOf', () => {
  const rows: { input: string | null; expected: string }[] = [
    { input: null, expected: 'bilateral' },
    { input: 'sco', expected: 'sco' },
    { input: 'brics', expected: 'brics' },
    { input: 'un', expected: 'un' },
    { input: 'g20', expected: 'g20' },
    { input: 'apec', expected: 'apec' },
    { input: 'cica', expected: 'other' },
    { input: 'nolane', expected: 'other' },
    { input: 'odd', expected: 'other' },
    { input: 'unknown-forum', expected: 'other' },
  ];
  it.each(rows)('$input → $expected', ({ input, expected }) => {
    expect(forumLaneOf(input, entities)).toBe(expected);
  });
});

describe('levelOf', () => {
  const date = (start: string | null, end?: string): EventDate => ({
    start,
    precision: start === null ? 'unknown' : start.length === 4 ? 'year' : start.length === 7 ? 'month' : 'day',
    basis: 'text',
    ...(end ? { end } : {}),
  });
  const rows: { input: { participants: string[]; date: EventDate }; expected: string }[] = [
    { input: { participants: ['putin', 'xi'], date: date('2019-06-05') }, expected: 'head-of-state' },
    // Putin was prime minister until 2012-05-07, president from that day.
    { input: { participants: ['putin'], date: date('2010-03-01') }, expected: 'head-of-government' },
    { input: { participants: ['putin'], date: date('2012-05-06') }, expected: 'head-of-government' },
    { input: { participants: ['putin'], date: date('2012-05-07') }, expected: 'head-of-state' },
    // At month or year precision both roles overlap the date: the higher wins.
    { input: { participants: ['putin'], date: date('2012-05') }, expected: 'head-of-state' },
    { input: { participants: ['putin'], date: date('2012') }, expected: 'head-of-state' },
    { input: { participants: ['putin'], date: date('2005') }, expected: 'other' },
    // A range overlapping the start of a role counts.
    { input: { participants: ['putin'], date: date('2012-04-30', '2012-05-08') }, expected: 'head-of-state' },
    { input: { participants: ['lavrov', 'wang-yi'], date: date('2021-07') }, expected: 'foreign-minister' },
    { input: { participants: ['wang-yi'], date: date('2023-01') }, expected: 'other' },
    { input: { participants: ['wang-yi'], date: date('2022-12') }, expected: 'foreign-minister' },
    { input: { participants: ['envoy'], date: date('2020') }, expected: 'other' },
    { input: { participants: ['nobody'], date: date('2020') }, expected: 'other' },
    { input: { participants: [], date: date('2020') }, expected: 'other' },
    // Undated: the roles held now.
    { input: { participants: ['wang-yi', 'mishustin'], date: date(null) }, expected: 'head-of-government' },
    { input: { participants: ['wang-yi'], date: date(null) }, expected: 'other' },
  ];
  it.each(rows)('$input.participants at $input.date.start → $expected', ({ input, expected }) => {
    expect(levelOf(makeEvent({ id: 'x', ...input }), entities)).toBe(expected);
  });

  it('skips malformed roles and unknown levels', () => {
    const tables: EntityTables = {
      ...entities,
      people: {
        a: { name: 'A', labels: {}, aliases: [], roles: [null, 'x', { from: null, to: null, level: 'emperor' }] },
        b: { name: 'B', labels: {}, aliases: [], roles: 'not a list' },
      },
    };
    expect(levelOf(makeEvent({ id: 'x', participants: ['a', 'b'] }), tables)).toBe('other');
  });
});

describe('laneOrder', () => {
  const rows = [
    { input: 'forum', expected: FORUM_LANES },
    { input: 'kind', expected: EVENT_KINDS },
    { input: 'level', expected: LEVEL_LANES },
  ] as const;
  it.each(rows)('$input', ({ input, expected }) => {
    expect(laneOrder(input)).toEqual(expected);
  });
});

describe('laneBands', () => {
  const { items } = prepareItems(
    [
      makeEvent({ id: 'a', forum: 'sco', kind: 'summit' }),
      makeEvent({ id: 'b', forum: null }),
      makeEvent({ id: 'c', forum: 'apec' }),
      makeEvent({ id: 'd', forum: 'apec', kind: 'summit' }),
    ],
    entities,
  );
  const options = { rowHeight: 20, lanePadding: 5 };
  const rows = [
    {
      input: { mode: 'forum', rows: new Map([['apec', 3]]), top: 30 },
      expected: [
        { key: 'bilateral', y: 30, height: 30, rows: 1, count: 1 },
        { key: 'sco', y: 60, height: 30, rows: 1, count: 1 },
        { key: 'apec', y: 90, height: 70, rows: 3, count: 2 },
      ],
    },
    {
      input: { mode: 'kind', rows: new Map([['unused', 4]]), top: 0 },
      expected: [
        { key: 'meeting', y: 0, height: 30, rows: 1, count: 2 },
        { key: 'summit', y: 30, height: 30, rows: 1, count: 2 },
      ],
    },
    {
      input: { mode: 'level', rows: new Map(), top: 0 },
      expected: [{ key: 'foreign-minister', y: 0, height: 30, rows: 1, count: 4 }],
    },
  ] as const;
  it.each(rows)('$input.mode', ({ input, expected }) => {
    expect(laneBands(items, input.mode, input.rows, { ...options, top: input.top })).toEqual(expected);
  });
  it('is empty without items', () => {
    expect(laneBands([], 'forum', new Map(), options)).toEqual([]);
  });
});
