/**
 * A small, valid dataset for tests of the app and the validator. Built in code (not a JSON file) so it follows the
 * types when they change.
 */
import { SCHEMA_VERSION, type ContactEvent, type Dataset, type DocumentRecord } from './types.ts';

export function makeEvent(overrides: Partial<ContactEvent> & Pick<ContactEvent, 'id'>): ContactEvent {
  return {
    kind: 'meeting',
    status: 'reported',
    date: { start: '2021-07', precision: 'month', basis: 'header' },
    place: 'tashkent',
    participants: ['lavrov', 'wang-yi'],
    forum: null,
    forumsMentioned: ['sco'],
    topics: ['covid-19'],
    title: 'Meeting of Sergey Lavrov and Wang Yi in Tashkent',
    summary: 'Bei einem Treffen haben die Außenminister beraten.',
    quotes: [],
    sources: [{ document: 'doc-a', status: 'reported', evidence: [{ field: 'kind', span: [0, 10] }] }],
    related: [],
    warnings: [],
    ...overrides,
  };
}

/** A relevant German document with no events; give it `text` or `textFile` (the contract wants exactly one). */
export function makeDocument(id: string, rest: Partial<DocumentRecord> = {}): DocumentRecord {
  return { id, file: `${id}.txt`, language: 'de', relevant: true, events: [], warnings: [], ...rest };
}

export function makeDataset(overrides: Partial<Dataset> = {}): Dataset {
  const entity = (name: string) => ({ name, labels: { en: name, de: name }, aliases: [name] });
  return {
    schemaVersion: SCHEMA_VERSION,
    title: 'Russia–China diplomatic contacts',
    dataDate: '2025-07-13',
    events: [
      makeEvent({ id: 'e1' }),
      makeEvent({
        id: 'e2',
        date: { start: '2001', precision: 'year', basis: 'text' },
        kind: 'signing',
        status: 'mentioned',
      }),
      makeEvent({ id: 'e3', date: { start: '2025-07-13', precision: 'day', basis: 'sidecar' }, place: 'beijing' }),
    ],
    documents: [
      {
        id: 'doc-a',
        file: 'a.txt',
        language: 'de',
        relevant: true,
        events: ['e1', 'e2', 'e3'],
        warnings: [],
        text: 'Bei einem Treffen …',
      },
      {
        id: 'doc-b',
        file: 'b.txt',
        language: 'de',
        relevant: false,
        reason: 'No contact.',
        events: [],
        warnings: [],
        text: '…',
      },
    ],
    entities: {
      people: { lavrov: entity('Sergey Lavrov'), 'wang-yi': entity('Wang Yi') },
      places: { tashkent: entity('Tashkent'), beijing: entity('Beijing') },
      forums: { sco: entity('SCO') },
      topics: { 'covid-19': entity('COVID-19') },
      institutions: {},
    },
    ...overrides,
  };
}
