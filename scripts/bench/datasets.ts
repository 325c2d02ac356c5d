/**
 * Synthetic benchmark datasets: `syntheticEvents(n, seed)` wrapped into a complete, valid Dataset (documents for
 * every source, entities for every key, varied titles so search has something to find), sorted as the contract
 * requires (by date, undated last). Deterministic: the same n and seed give the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { SCHEMA_VERSION, type ContactEvent, type Dataset, type Entity } from '../../src/lib/dataset/types.ts';
import { syntheticEntities, syntheticEvents } from '../../src/lib/timeline/testing.ts';

/** Events per synthetic source document (documents only need to exist; their text is short). */
const EVENTS_PER_DOCUMENT = 10;

const PLACES = ['beijing', 'moscow', 'shanghai', 'vladivostok', 'tashkent', 'astana', 'new-york', 'kazan'] as const;
const PLACE_NAMES: Record<(typeof PLACES)[number], string> = {
  beijing: 'Beijing',
  moscow: 'Moscow',
  shanghai: 'Shanghai',
  vladivostok: 'Vladivostok',
  tashkent: 'Tashkent',
  astana: 'Astana',
  'new-york': 'New York',
  kazan: 'Kazan',
};
const TOPICS = ['energy', 'trade', 'security', 'ukraine', 'finance', 'space'] as const;
const KIND_WORDS: Record<ContactEvent['kind'], string> = {
  meeting: 'Meeting',
  'phone-call': 'Phone call',
  'video-call': 'Video call',
  visit: 'Visit',
  summit: 'Summit',
  signing: 'Signing',
};

const entity = (name: string): Entity => ({ name, labels: { en: name, de: name }, aliases: [name] });

/** A dataset of `n` synthetic events that passes validateDataset without errors or warnings. */
export function benchDataset(n: number, seed = 1): Dataset {
  const entities = syntheticEntities();
  entities.places = Object.fromEntries(PLACES.map((k) => [k, entity(PLACE_NAMES[k])]));
  entities.topics = Object.fromEntries(TOPICS.map((k) => [k, entity(k[0]!.toUpperCase() + k.slice(1))]));
  const people = entities.people;

  const events = syntheticEvents(n, seed).map((e, i) => {
    const place = e.kind === 'phone-call' || e.kind === 'video-call' ? null : PLACES[(i * 7 + 3) % PLACES.length]!;
    const topics = [TOPICS[i % TOPICS.length]!, ...(i % 3 === 0 ? [TOPICS[(i + 2) % TOPICS.length]!] : [])];
    const names = e.participants.map((p) => people[p]?.name ?? p);
    const forum = e.forum ? ` at the ${entities.forums[e.forum]?.name ?? e.forum}` : '';
    const title = `${KIND_WORDS[e.kind]} of ${names.join(' and ')}${forum}${place ? ` in ${PLACE_NAMES[place as keyof typeof PLACE_NAMES]}` : ''}`;
    const document = documentId(Math.floor(i / EVENTS_PER_DOCUMENT));
    return {
      ...e,
      place,
      topics,
      forumsMentioned: e.forum ? [e.forum] : [],
      title,
      summary: `${title}; talks on ${topics.join(' and ')}.`,
      sources: [{ document, status: e.status, evidence: [{ field: 'kind', span: [0, 20] as [number, number] }] }],
    } satisfies ContactEvent;
  });
  events.sort(byDate);

  const documentCount = Math.ceil(n / EVENTS_PER_DOCUMENT);
  const eventsOf = new Map<string, string[]>();
  for (const e of events) {
    const d = e.sources[0]!.document;
    const list = eventsOf.get(d);
    if (list) list.push(e.id);
    else eventsOf.set(d, [e.id]);
  }
  const documents = Array.from({ length: documentCount }, (_, i) => ({
    id: documentId(i),
    file: `bench/${documentId(i)}.txt`,
    language: 'en',
    relevant: true,
    events: eventsOf.get(documentId(i)) ?? [],
    warnings: [],
    text: 'Synthetic benchmark document.',
  }));

  return {
    schemaVersion: SCHEMA_VERSION,
    title: `Benchmark: ${n} synthetic contacts`,
    dataDate: '2025-12-31',
    events,
    documents,
    entities,
  };
}

function documentId(i: number): string {
  return `bench-doc-${String(i).padStart(6, '0')}`;
}

/** Dated events by start (ISO strings at any precision sort chronologically), then id; undated last. */
function byDate(a: ContactEvent, b: ContactEvent): number {
  const sa = a.date.start;
  const sb = b.date.start;
  if (sa === null || sb === null) return sa === sb ? cmp(a.id, b.id) : sa === null ? 1 : -1;
  return cmp(sa, sb) || cmp(a.id, b.id);
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Writes the dataset for `n` events to `file` (creating folders); returns its size in bytes. */
export function writeBenchDataset(file: string, n: number, seed = 1): number {
  const json = `${JSON.stringify(benchDataset(n, seed))}\n`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, json);
  return Buffer.byteLength(json);
}
