/**
 * The dataset contract between the seed compiler (scripts/) and the app (src/).
 * Framework-free: nothing here knows about Svelte, the DOM or Node.
 * Both ends import these types and validate against `validateDataset` in ./validate.ts.
 */

/**
 * 2: documents may keep their text in a chunk file (`textFile`) instead of inline (`text`).
 * 3: the sources of such documents keep their evidence in that chunk too (`StoredSource`, `TextChunk.evidence`).
 */
export const SCHEMA_VERSION = 3 as const;

export const EVENT_KINDS = ['meeting', 'phone-call', 'video-call', 'visit', 'summit', 'signing'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_STATUSES = ['reported', 'mentioned', 'planned'] as const;
/** reported = what the article is about; mentioned = recalled earlier contact; planned = announced future one. */
export type EventStatus = (typeof EVENT_STATUSES)[number];

export const DATE_PRECISIONS = ['day', 'month', 'year', 'unknown'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export const DATE_BASES = ['text', 'header', 'sidecar'] as const;
/** Where a date came from: the article's own words, its header line, or a curator's sidecar file. */
export type DateBasis = (typeof DATE_BASES)[number];

export interface EventDate {
  /** ISO date written at its precision: `2021` (year), `2021-07` (month), `2021-07-13` (day); null when unknown. */
  start: string | null;
  /** Last day/month of a multi-day contact, same format as `start`. */
  end?: string;
  precision: DatePrecision;
  basis: DateBasis;
}

/** Half-open character range [from, to) into the decoded text of a document. */
export type Span = [number, number];

export interface Quote {
  /** Key into entities.people, or an institution key (e.g. `ru-mfa`) into entities.institutions; null = unattributed. */
  speaker: string | null;
  text: string;
  document: string;
  span: Span;
}

/** The fields evidence is given for (the detail panel names them); others are allowed, with a warning. */
export const EVIDENCE_FIELDS = [
  'kind',
  'status',
  'date',
  'place',
  'participants',
  'forum',
  'forumsMentioned',
  'topics',
] as const;

export interface Evidence {
  /** Which field this sentence supports: `kind`, `date`, `place`, `participants`, `forum`, `topics`, `status`, … */
  field: string;
  /** The whole sentence. */
  span: Span;
  /** The words inside the sentence that say it (highlighted in the detail panel). */
  match?: Span;
}

export interface EventSource {
  document: string;
  /** How this document presents the contact: as its news, recalled, or announced. */
  status: EventStatus;
  evidence: Evidence[];
}

/**
 * A source as a dataset file stores it: when its document's text is in a chunk file (`textFile`), its evidence is
 * in that chunk as well (`TextChunk.evidence[document][eventId]`) and omitted here; only the detail panel reads it.
 * Read evidence through `createTextSource` (./texts.ts), which answers for both forms.
 */
export interface StoredSource extends Omit<EventSource, 'evidence'> {
  evidence?: Evidence[];
}

/** An event as a dataset file stores it (sources possibly without their evidence). */
export interface StoredEvent extends Omit<ContactEvent, 'sources'> {
  sources: StoredSource[];
}

export interface ContactEvent {
  /** Stable across builds: derived from date, participants and place/forum, never from file order. */
  id: string;
  kind: EventKind;
  status: EventStatus;
  date: EventDate;
  /** Key into entities.places. */
  place: string | null;
  /** Keys into entities.people. */
  participants: string[];
  /** The venue: key into entities.forums; null = bilateral. */
  forum: string | null;
  forumsMentioned: string[];
  topics: string[];
  title: string;
  summary: string;
  quotes: Quote[];
  sources: EventSource[];
  /** Ids of events this one is linked to (a reported meeting and the contacts its articles recall or announce). */
  related: string[];
  /** Conflicts found while merging sources (e.g. two different places), for curators. */
  warnings: string[];
  /** Generated title per UI language (`title` is the English one). */
  titles?: Record<string, string>;
}

/**
 * One seed article as a dataset file stores it. Its text is either inline (`text`) or in a text chunk file
 * (`textFile`), never both: `npm run build:data` moves texts into per-year chunks so the first view never waits for
 * them, the single-file edition inlines them again. Read texts through `createTextSource` (./texts.ts).
 */
export interface DocumentRecord {
  id: string;
  /** Path relative to the seeds folder, with forward slashes. */
  file: string;
  url?: string;
  publisher?: string;
  /** Publication date as given by header or sidecar, at its precision (`2021-07`). */
  date?: string;
  /** ISO 639-1 code of the article's language. */
  language: string;
  relevant: boolean;
  /** Why the article is not relevant (only when relevant = false). */
  reason?: string;
  events: string[];
  warnings: string[];
  /** The decoded, repaired article text that every span of this document points into. */
  text?: string;
  /** Path of the TextChunk holding `text`, relative to the dataset file (`contacts.texts/2021-3fa9c2d1.json`). */
  textFile?: string;
}

/** A document with its text inline: what the compiler produces. */
export interface SourceDocument extends DocumentRecord {
  text: string;
}

/**
 * A text chunk file: the texts of some documents by document id, and the evidence (spans into those texts) of the
 * events' sources citing them, by document id and then event id.
 */
export interface TextChunk {
  schemaVersion: typeof SCHEMA_VERSION;
  texts: Record<string, string>;
  evidence: Record<string, Record<string, Evidence[]>>;
}

export interface Entity {
  name: string;
  /** Display label per UI language (`de`, `en`, `ru`, `zh`). */
  labels: Record<string, string>;
  aliases: string[];
  [k: string]: unknown;
}

export interface EntityTables {
  people: Record<string, Entity>;
  places: Record<string, Entity>;
  forums: Record<string, Entity>;
  topics: Record<string, Entity>;
  institutions: Record<string, Entity>;
  /** Offices named in people's `roles` (labels per language and their lane `level`). */
  roles?: Record<string, Entity>;
}

/**
 * A dataset. `Dataset` (the default) has every text and all evidence inline, as compiled; `StoredDataset` is what a
 * dataset file holds and the app loads, where texts and the evidence pointing into them may live in chunk files.
 */
export interface Dataset<Doc extends DocumentRecord = SourceDocument, Event extends StoredEvent = ContactEvent> {
  schemaVersion: typeof SCHEMA_VERSION;
  title: string;
  /** The title per UI language (`title` is the English one). */
  titles?: Record<string, string>;
  /** Latest publication date among the documents (deterministic stand-in for a build date). */
  dataDate: string | null;
  /** Sorted by date, undated last. */
  events: Event[];
  /** One per seed file, relevant or not. */
  documents: Doc[];
  entities: EntityTables;
}

export type StoredDataset = Dataset<DocumentRecord, StoredEvent>;

/** A role someone held for a period, as stored on people entities (`roles`). */
export interface DatedRole {
  role: string;
  country: string;
  /** ISO date (any precision) the role began; null = long before any article. */
  from: string | null;
  /** ISO date the role ended; null = still held. */
  to: string | null;
}
