/**
 * Synthetic benchmark datasets: `syntheticEvents(n, seed)` wrapped into a complete, valid Dataset (documents for
 * every source, entities for every key, varied titles so search has something to find), sorted as the contract
 * requires (by date, undated last), each document with a report-length text its events' evidence points into.
 * Deterministic: the same n and seed give the same bytes.
 */
import { SCHEMA_VERSION, type ContactEvent, type Dataset, type Entity } from '../../src/lib/dataset/types.ts';
import { syntheticEntities, syntheticEvents } from '../../src/lib/timeline/testing.ts';
import { writeDatasetFiles } from '../dataset-files.ts';

/** Events per synthetic source document. */
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

/** Sentences that pad each contact's paragraph to the length of a real news report (picked by position). */
const FILLER = [
  'Both sides described the atmosphere as friendly and businesslike and agreed to keep in close contact.',
  'The ministry later published a statement that stressed the strategic nature of the partnership.',
  'Officials said that a number of documents were being prepared for the next round of consultations.',
  'Observers noted that the meeting took place against the background of growing pressure from the West.',
  'According to the press service, the parties also exchanged views on regional and international issues.',
  'A joint statement on the results is expected to be published in the coming days.',
  'The delegations discussed the implementation of earlier agreements and the schedule of future contacts.',
] as const;

/** A dataset of `n` synthetic events that passes validateDataset without errors or warnings. */
export function benchDataset(n: number, seed = 1): Dataset {
  const entities = syntheticEntities();
  entities.places = Object.fromEntries(PLACES.map((k) => [k, entity(PLACE_NAMES[k])]));
  entities.topics = Object.fromEntries(TOPICS.map((k) => [k, entity(k[0]!.toUpperCase() + k.slice(1))]));
  const people = entities.people;

  const enriched = syntheticEvents(n, seed).map((e, i) => {
    const place = e.kind === 'phone-call' || e.kind === 'video-call' ? null : PLACES[(i * 7 + 3) % PLACES.length]!;
    const topics = [TOPICS[i % TOPICS.length]!, ...(i % 3 === 0 ? [TOPICS[(i + 2) % TOPICS.length]!] : [])];
    const names = e.participants.map((p) => people[p]?.name ?? p);
    const forum = e.forum ? ` at the ${entities.forums[e.forum]?.name ?? e.forum}` : '';
    const title = `${KIND_WORDS[e.kind]} of ${names.join(' and ')}${forum}${place ? ` in ${PLACE_NAMES[place as keyof typeof PLACE_NAMES]}` : ''}`;
    return {
      ...e,
      place,
      topics,
      forumsMentioned: e.forum ? [e.forum] : [],
      title,
      summary: `${title}; talks on ${topics.join(' and ')}.`,
    };
  });
  enriched.sort(byDate);

  // Each document reports EVENTS_PER_DOCUMENT contacts close in time (like an article and the contacts it recalls),
  // one paragraph each (~250 characters, so a document is ~2,500 like a real report); evidence points into it.
  const texts: string[] = [];
  const events = enriched.map((e, i) => {
    const d = Math.floor(i / EVENTS_PER_DOCUMENT);
    const document = documentId(d);
    let text = texts[d] ?? `Synthetic report ${document}.\n\n`;
    const when = e.date.start ? `On ${e.date.start}, ` : 'At a date the report does not give, ';
    const who = e.participants.map((p) => people[p]?.name ?? p).join(' and ');
    const kindWord = KIND_WORDS[e.kind].toLowerCase();
    const where = e.title.slice(e.title.indexOf(who) + who.length);
    const start = text.length;
    const sentence = `${when}${who} held a ${kindWord}${where}.`;
    const whoAt = start + when.length;
    const kindAt = whoAt + who.length + ' held a '.length;
    text += `${sentence} `;
    const topicStart = text.length;
    const topicSentence = `The talks covered ${e.topics.join(' and ')}.`;
    const more = i % 2 === 0 ? ` ${FILLER[(i * 3 + 1) % FILLER.length]}` : '';
    text += `${topicSentence} ${FILLER[i % FILLER.length]}${more}\n\n`;
    texts[d] = text;
    const span = (from: number, length: number): [number, number] => [from, from + length];
    const evidence = [
      { field: 'kind', span: span(start, sentence.length), match: span(kindAt, kindWord.length) },
      { field: 'participants', span: span(start, sentence.length), match: span(whoAt, who.length) },
      { field: 'topics', span: span(topicStart, topicSentence.length) },
    ];
    return { ...e, sources: [{ document, status: e.status, evidence }] } satisfies ContactEvent;
  });

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
    text: texts[i]!.trimEnd(),
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

/**
 * Writes the dataset for `n` events as the app gets it: `file` without texts and evidence plus the per-year text
 * chunks (texts and the evidence pointing into them) in the folder beside it (creating folders); returns the size of
 * `file` in bytes.
 */
export function writeBenchDataset(file: string, n: number, seed = 1): number {
  return writeDatasetFiles(file, benchDataset(n, seed)).mainBytes;
}
