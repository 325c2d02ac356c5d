import { describe, expect, it } from 'vitest';
import { makeDataset, makeEvent } from './fixture.ts';
import type { DocumentRecord, StoredDataset } from './types.ts';
import { assertDataset, isTextFilePath, validateDataset } from './validate.ts';
import { assertTextChunk, validateTextChunk } from './validate-chunk.ts';

/** The fixture with the first document's text replaced by `changes` (undefined values remove a field). */
function withDocument(changes: Partial<Record<keyof DocumentRecord, unknown>>): StoredDataset {
  const data: StoredDataset = makeDataset();
  const first = { ...data.documents[0]!, ...changes } as Record<string, unknown>;
  for (const [k, v] of Object.entries(first)) if (v === undefined) delete first[k];
  return { ...data, documents: [first as unknown as DocumentRecord, ...data.documents.slice(1)] };
}

/** `data` with the first event's first source's evidence removed (or, with 'all', set to something not a list). */
function withoutEvidence(data: StoredDataset, how: 'omit' | 'all' = 'omit'): StoredDataset {
  const [first, ...rest] = data.events;
  const [source, ...others] = first!.sources;
  const { evidence: _evidence, ...bare } = source!;
  const changed = how === 'omit' ? bare : { ...bare, evidence: 'all' as never };
  return { ...data, events: [{ ...first!, sources: [changed, ...others] }, ...rest] };
}

describe('validateDataset', () => {
  it('accepts a valid dataset', () => {
    expect(validateDataset(makeDataset())).toEqual({ errors: [], warnings: [] });
  });

  const broken: [string, unknown, string][] = [
    ['not an object', 'hello', 'expected a JSON object'],
    ['newer schema', { ...makeDataset(), schemaVersion: 4 }, 'newer than this app understands'],
    ['older schema', { ...makeDataset(), schemaVersion: 2 }, 'schemaVersion: expected 3, got 2'],
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
    [
      'evidence omitted though the text is inline',
      withoutEvidence(makeDataset()),
      'events[0].sources[0].evidence: missing; document doc-a has its text inline, so its evidence must be inline too',
    ],
    [
      'evidence not an array',
      withoutEvidence(withDocument({ text: undefined, textFile: 'contacts.texts/2021-3fa9c2d1.json' }), 'all'),
      'events[0].sources[0].evidence: expected an array',
    ],
    [
      'bad match',
      makeDataset({
        events: [
          makeEvent({
            id: 'x',
            sources: [
              {
                document: 'doc-a',
                status: 'reported',
                evidence: [{ field: 'kind', span: [0, 9], match: [3] as never }],
              },
            ],
          }),
        ],
      }),
      'evidence[0]: expected {field, span}',
    ],
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

  // Valid events take a fast path that builds no messages; these pin what it hands to the detailed check.
  it('reports a duplicate of an id the fast path has already accepted', () => {
    const data = makeDataset({ events: [makeEvent({ id: 'x' }), makeEvent({ id: 'y' }), makeEvent({ id: 'x' })] });
    expect(validateDataset(data)).toEqual({ errors: ['events[2].id: duplicate id x'], warnings: [] });
  });

  it('reports each bad event once, in order, among valid ones', () => {
    const data = makeDataset({
      events: [
        makeEvent({ id: 'a' }),
        makeEvent({ id: 'b', date: { start: '2021-02-30x', precision: 'day', basis: 'text' } }),
        makeEvent({ id: 'c', place: 'atlantis' }),
        makeEvent({ id: 'd', topics: [7 as never] }),
      ],
    });
    expect(validateDataset(data)).toEqual({
      errors: ['events[1].date.start: not a day date', 'events[3].topics: expected a string array'],
      warnings: ['events[2].place: unknown places key "atlantis"'],
    });
  });

  it('does not crash on precisions that name Object members or cannot be turned into text', () => {
    const at = (precision: unknown) =>
      makeDataset({ events: [makeEvent({ id: 'x', date: { start: '2021', precision, basis: 'text' } as never })] });
    expect(validateDataset(at('constructor')).errors).toEqual([
      'events[0].date.precision: unknown precision',
      'events[0].date.start: not a constructor date',
    ]);
    expect(validateDataset(at({ toString: 1 })).errors).toEqual([
      'events[0].date.precision: unknown precision',
      'events[0].date.start: not a {"toString":1} date',
    ]);
  });

  it('skips holes in the event list, as before', () => {
    const data = makeDataset({ events: [makeEvent({ id: 'x' }), makeEvent({ id: 'y' })] });
    delete (data.events as unknown[])[0];
    expect(validateDataset(data)).toEqual({ errors: [], warnings: [] });
  });

  it('accepts documents whose text is in a chunk file, their sources with or without evidence', () => {
    const data = withDocument({ text: undefined, textFile: 'contacts.texts/2021-3fa9c2d1.json' });
    expect(validateDataset(data)).toEqual({ errors: [], warnings: [] });
    expect(validateDataset(withoutEvidence(data))).toEqual({ errors: [], warnings: [] });
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
  const TEXT_A = 'Lawrow traf Wang Yi.';
  const good = {
    schemaVersion: 3,
    texts: { a: TEXT_A, b: 'Text B' },
    evidence: {
      a: {
        e1: [
          { field: 'participants', span: [0, TEXT_A.length], match: [0, 6] },
          { field: 'kind', span: [0, TEXT_A.length] },
        ],
        e2: [],
      },
    },
  };
  const expected = new Map([
    ['a', ['e1', 'e2']],
    ['b', []],
  ]);
  it('accepts a chunk holding the expected documents and evidence', () => {
    expect(validateTextChunk(good, ['a', 'b'])).toEqual({ errors: [], warnings: [] });
    expect(validateTextChunk(good, expected)).toEqual({ errors: [], warnings: [] });
    expect(assertTextChunk(good, ['a'])).toBe(good);
  });
  const withEvidence = (evidence: unknown) => ({ ...good, evidence });
  const one = (ev: unknown) => withEvidence({ a: { e1: [ev], e2: [] } });
  it.each([
    ['not an object', [], 'text chunk: expected a JSON object'],
    ['no version', { texts: {} }, 'schemaVersion: expected 3, got undefined'],
    ['an older version', { schemaVersion: 2, texts: {} }, 'schemaVersion: expected 3, got 2'],
    ['newer version', { schemaVersion: 4, texts: {} }, 'text chunk is schema version 4, newer than this app'],
    ['no texts', { schemaVersion: 3 }, 'texts: expected an object'],
    ['texts an array', { schemaVersion: 3, texts: ['x'] }, 'texts: expected an object'],
    ['a text not a string', { ...good, texts: { a: TEXT_A, b: null } }, 'texts.b: expected a string'],
    ['a text missing', { ...good, texts: { a: TEXT_A } }, 'texts: missing b; the chunk does not belong'],
    ['no evidence', { schemaVersion: 3, texts: good.texts }, 'evidence: expected an object of document id'],
    ['evidence an array', withEvidence([]), 'evidence: expected an object of document id'],
    ['evidence of a document not in it', withEvidence({ z: {} }), 'evidence.z: evidence for a document whose text'],
    ['evidence per event not an object', withEvidence({ a: [] }), 'evidence.a: expected an object of event id'],
    ['a list not an array', withEvidence({ a: { e1: {} } }), 'evidence.a.e1: expected an array'],
    ['an entry without a field', one({ span: [0, 1] }), 'evidence.a.e1[0]: expected {field, span, match?}'],
    ['an entry with a reversed span', one({ field: 'kind', span: [3, 1] }), 'evidence.a.e1[0]: expected'],
    ['an entry with a broken match', one({ field: 'kind', span: [0, 3], match: [1] }), 'evidence.a.e1[0]: expected'],
    [
      'a span past the end of the text',
      one({ field: 'kind', span: [0, 21] }),
      'evidence.a.e1[0].span: [0, 21] runs past the end of the text (length 20); the chunk does not belong',
    ],
    [
      'a match past the end of the text',
      one({ field: 'kind', span: [0, 20], match: [18, 99] }),
      'evidence.a.e1[0].match: [18, 99] runs past the end of the text (length 20)',
    ],
    ['evidence the dataset file expects missing', withEvidence({ a: { e1: [] } }), 'evidence: missing a → e2'],
  ])('rejects %s', (_name, data, message) => {
    expect(validateTextChunk(data, expected).errors.join('\n')).toContain(message);
  });
  it('warns about an unknown field, which the panel shows as is', () => {
    expect(validateTextChunk(one({ field: 'mood', span: [0, 3] }), expected)).toEqual({
      errors: [],
      warnings: ['evidence.a.e1[0].field: unknown field "mood" (shown as is)'],
    });
  });
  it('assertTextChunk throws a readable error', () => {
    expect(() => assertTextChunk({ schemaVersion: 3, texts: {}, evidence: {} }, ['a'])).toThrow(
      /does not match the schema/,
    );
  });
});
