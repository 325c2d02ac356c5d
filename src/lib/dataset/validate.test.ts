import { describe, expect, it } from 'vitest';
import { makeDataset, makeEvent } from './fixture.ts';
import type { DocumentRecord, StoredDataset } from './types.ts';
import { assertDataset, assertTextChunk, isTextFilePath, validateDataset, validateTextChunk } from './validate.ts';

/** The fixture with the first document's text replaced by `changes` (undefined values remove a field). */
function withDocument(changes: Partial<Record<keyof DocumentRecord, unknown>>): StoredDataset {
  const data: StoredDataset = makeDataset();
  const first = { ...data.documents[0]!, ...changes } as Record<string, unknown>;
  for (const [k, v] of Object.entries(first)) if (v === undefined) delete first[k];
  return { ...data, documents: [first as unknown as DocumentRecord, ...data.documents.slice(1)] };
}

describe('validateDataset', () => {
  it('accepts a valid dataset', () => {
    expect(validateDataset(makeDataset())).toEqual({ errors: [], warnings: [] });
  });

  const broken: [string, unknown, string][] = [
    ['not an object', 'hello', 'expected a JSON object'],
    ['newer schema', { ...makeDataset(), schemaVersion: 3 }, 'newer than this app understands'],
    ['older schema', { ...makeDataset(), schemaVersion: 1 }, 'schemaVersion: expected 2, got 1'],
    [
      'no text and no textFile',
      withDocument({ text: undefined }),
      'documents[0].text: expected a string (or a textFile',
    ],
    [
      'both text and textFile',
      withDocument({ textFile: 'contacts.texts/2021-00000000.json' }),
      'documents[0]: has both text and textFile',
    ],
    ['textFile a URL', withDocument({ text: undefined, textFile: 'https://evil.test/t.json' }), 'textFile: expected'],
    ['textFile not a string', withDocument({ text: undefined, textFile: 7 }), 'documents[0].textFile: expected'],
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

  it('accepts documents whose text is in a chunk file', () => {
    const data = withDocument({ text: undefined, textFile: 'contacts.texts/2021-3fa9c2d1.json' });
    expect(validateDataset(data)).toEqual({ errors: [], warnings: [] });
  });
});

describe('isTextFilePath', () => {
  it.each([
    ['contacts.texts/2021-3fa9c2d1.json', true],
    ['bench-1000.texts/undated-00ff00ff.json', true],
    ['2021-3fa9c2d1.json', true],
    ['../secrets.json', false],
    ['contacts.texts/../../x.json', false],
    ['./contacts.texts/x.json', false],
    ['/etc/x.json', false],
    ['https://evil.test/x.json', false],
    ['//evil.test/x.json', false],
    ['contacts.texts\\x.json', false],
    ['contacts.texts/x.txt', false],
    ['.hidden/x.json', false],
    ['', false],
    [42, false],
  ])('%j → %s', (path, ok) => {
    expect(isTextFilePath(path)).toBe(ok);
  });
});

describe('validateTextChunk', () => {
  const good = { schemaVersion: 2, texts: { a: 'Text A', b: 'Text B' } };
  it('accepts a chunk holding the expected documents', () => {
    expect(validateTextChunk(good, ['a', 'b'])).toEqual({ errors: [], warnings: [] });
    expect(assertTextChunk(good, ['a'])).toBe(good);
  });
  it.each([
    ['not an object', [], 'text chunk: expected a JSON object'],
    ['no version', { texts: {} }, 'schemaVersion: expected 2, got undefined'],
    ['newer version', { schemaVersion: 3, texts: {} }, 'text chunk is schema version 3, newer than this app'],
    ['no texts', { schemaVersion: 2 }, 'texts: expected an object'],
    ['texts an array', { schemaVersion: 2, texts: ['x'] }, 'texts: expected an object'],
    ['a text not a string', { schemaVersion: 2, texts: { a: 'x', b: null } }, 'texts.b: expected a string'],
    ['a text missing', { schemaVersion: 2, texts: { a: 'x' } }, 'texts: missing b; the chunk does not belong'],
  ])('rejects %s', (_name, data, message) => {
    expect(validateTextChunk(data, ['a', 'b']).errors.join('\n')).toContain(message);
  });
  it('assertTextChunk throws a readable error', () => {
    expect(() => assertTextChunk({ schemaVersion: 2, texts: {} }, ['a'])).toThrow(/does not match the schema/);
  });
});
