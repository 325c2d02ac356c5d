import { describe, expect, it } from 'vitest';
import { makeDataset, makeEvent } from './fixture.ts';
import { assertDataset, validateDataset } from './validate.ts';

describe('validateDataset', () => {
  it('accepts a valid dataset', () => {
    expect(validateDataset(makeDataset())).toEqual({ errors: [], warnings: [] });
  });

  const broken: [string, unknown, string][] = [
    ['not an object', 'hello', 'expected a JSON object'],
    ['newer schema', { ...makeDataset(), schemaVersion: 2 }, 'newer than this app understands'],
    ['older schema', { ...makeDataset(), schemaVersion: 0 }, 'schemaVersion: expected 1'],
    ['bad kind', makeDataset({ events: [makeEvent({ id: 'x', kind: 'party' as never })] }), 'unknown kind'],
    ['bad status', makeDataset({ events: [makeEvent({ id: 'x', status: 'rumoured' as never })] }), 'unknown status'],
    [
      'month written as a day',
      makeDataset({
        events: [makeEvent({ id: 'x', date: { start: '2021-07-01', precision: 'month', basis: 'text' } })],
      }),
      'not a month date',
    ],
    [
      'unknown date with a start',
      makeDataset({ events: [makeEvent({ id: 'x', date: { start: '2021', precision: 'unknown', basis: 'text' } })] }),
      'must be null',
    ],
    [
      'end before start',
      makeDataset({
        events: [
          makeEvent({ id: 'x', date: { start: '2021-07-02', end: '2021-07-01', precision: 'day', basis: 'text' } }),
        ],
      }),
      'on or after start',
    ],
    ['duplicate id', makeDataset({ events: [makeEvent({ id: 'x' }), makeEvent({ id: 'x' })] }), 'duplicate id'],
    ['no sources', makeDataset({ events: [makeEvent({ id: 'x', sources: [] })] }), 'at least one source'],
    [
      'unknown source document',
      makeDataset({
        events: [makeEvent({ id: 'x', sources: [{ document: 'nope', status: 'reported', evidence: [] }] })],
      }),
      'unknown document nope',
    ],
    [
      'bad span',
      makeDataset({
        events: [
          makeEvent({
            id: 'x',
            sources: [{ document: 'doc-a', status: 'reported', evidence: [{ field: 'kind', span: [5, 2] }] }],
          }),
        ],
      }),
      'evidence[0]',
    ],
    ['missing entities', { ...makeDataset(), entities: undefined }, 'entities'],
  ];
  it.each(broken)('rejects %s', (_name, data, message) => {
    const { errors } = validateDataset(data);
    expect(errors.join('\n')).toContain(message);
  });

  it('warns (but accepts) events that name unknown entities', () => {
    const { errors, warnings } = validateDataset(
      makeDataset({ events: [makeEvent({ id: 'x', participants: ['lavrov', 'ghost'], place: 'atlantis' })] }),
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([
      'events[0].place: unknown places key "atlantis"',
      'events[0].participants: unknown people key "ghost"',
    ]);
  });

  it('assertDataset throws a readable error', () => {
    expect(() => assertDataset({})).toThrow(/does not match the schema/);
  });
});
