/**
 * Runtime check of the dataset contract (./types.ts), used by the compiler before it writes and by the app after it
 * loads. Framework-free and dependency-free so it costs the app bundle a few hundred bytes, not a schema library.
 *
 * Structural problems are `errors` (the data cannot be trusted as a whole); dangling entity keys are `warnings`
 * (the event still renders with what it has). Text chunks are checked by ./validate-chunk.ts, which the app loads
 * only with the first chunk; the small checks both need are exported from here for it.
 */
import {
  DATE_BASES,
  DATE_PRECISIONS,
  EVENT_KINDS,
  EVENT_STATUSES,
  SCHEMA_VERSION,
  type Evidence,
  type StoredDataset,
} from './types.ts';

export interface ValidationResult {
  errors: string[];
  warnings: string[];
}

const ISO_AT_PRECISION: Record<string, RegExp> = {
  year: /^\d{4}$/,
  month: /^\d{4}-(0[1-9]|1[0-2])$/,
  day: /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/,
};

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
export const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
/** Both ends non-negative integers, in order. Straight-line: it runs for every quote and evidence entry. */
const isSpan = (v: unknown): v is [number, number] => {
  if (!Array.isArray(v) || v.length !== 2) return false;
  const from: unknown = v[0];
  const to: unknown = v[1];
  return Number.isInteger(from) && Number.isInteger(to) && (from as number) >= 0 && (from as number) <= (to as number);
};
export const isEvidence = (v: unknown): v is Evidence =>
  isObj(v) && isStr(v.field) && v.field !== '' && isSpan(v.span) && (v.match === undefined || isSpan(v.match));

/*
 * The fast path. Each event (and document) is first checked by `cleanEvent` (`cleanDocument`): straight-line code
 * that allocates nothing and answers only "nothing to report". It is stricter than the detailed check (anything that
 * would give an error or a warning, and a few oddities that would not, such as an array with holes, make it answer
 * false), and only then does the detailed check run on that record, which builds the messages. So a valid dataset
 * never pays for messages, and an invalid one gets exactly the messages the detailed check gives.
 */
const KINDS: ReadonlySet<unknown> = new Set(EVENT_KINDS);
const STATUSES: ReadonlySet<unknown> = new Set(EVENT_STATUSES);
const BASES: ReadonlySet<unknown> = new Set(DATE_BASES);

/** Cross-references an event is checked against, each built once per dataset. */
interface Known {
  people: ReadonlySet<string>;
  places: ReadonlySet<string>;
  forums: ReadonlySet<string>;
  topics: ReadonlySet<string>;
  /** Document id → whether its text is in a chunk (so its sources may leave their evidence to it). */
  documents: ReadonlyMap<string, boolean>;
}

const isDigit = (c: number) => c >= 48 && c <= 57;
/** `s` matches `ISO_AT_PRECISION` for the precision whose dates are `length` (4, 7 or 10) characters long. */
function isIsoDate(s: string, length: number): boolean {
  if (s.length !== length) return false;
  if (!isDigit(s.charCodeAt(0)) || !isDigit(s.charCodeAt(1)) || !isDigit(s.charCodeAt(2)) || !isDigit(s.charCodeAt(3)))
    return false;
  if (length === 4) return true;
  const m1 = s.charCodeAt(5);
  const m2 = s.charCodeAt(6);
  // 01-09 or 10-12.
  if (s.charCodeAt(4) !== 45 || !(m1 === 48 ? m2 >= 49 && m2 <= 57 : m1 === 49 && m2 >= 48 && m2 <= 50)) return false;
  if (length === 7) return true;
  const d1 = s.charCodeAt(8);
  const d2 = s.charCodeAt(9);
  // 01-09, 10-29 or 30-31.
  return (
    s.charCodeAt(7) === 45 &&
    (d1 === 48 ? d2 >= 49 && d2 <= 57 : d1 === 49 || d1 === 50 ? isDigit(d2) : d1 === 51 && (d2 === 48 || d2 === 49))
  );
}

/** An array of strings without holes. */
function cleanStrings(v: unknown): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) if (typeof v[i] !== 'string') return false;
  return true;
}

/** An array of keys, every one of them in `known`. */
function cleanKeys(v: unknown, known: ReadonlySet<string>): boolean {
  if (!Array.isArray(v)) return false;
  for (let i = 0; i < v.length; i++) {
    const key: unknown = v[i];
    if (typeof key !== 'string' || !known.has(key)) return false;
  }
  return true;
}

/** True when the detailed check would report nothing for this event (neither error nor warning). */
function cleanEvent(e: unknown, known: Known): boolean {
  if (!isObj(e)) return false;
  const id = e.id;
  // A duplicate id is the caller's to find (adding it to the set of ids once, not looking it up first).
  if (typeof id !== 'string' || id === '') return false;
  if (!KINDS.has(e.kind) || !STATUSES.has(e.status)) return false;
  const date = e.date;
  if (!isObj(date) || !BASES.has(date.basis)) return false;
  const precision = date.precision;
  const start = date.start;
  if (precision === 'unknown') {
    if (start !== null) return false;
  } else {
    const length = precision === 'day' ? 10 : precision === 'month' ? 7 : precision === 'year' ? 4 : 0;
    if (length === 0 || typeof start !== 'string' || !isIsoDate(start, length)) return false;
    const end = date.end;
    if (end !== undefined && (typeof end !== 'string' || !isIsoDate(end, length) || end < start)) return false;
  }
  const place = e.place;
  if (place !== null && (typeof place !== 'string' || !known.places.has(place))) return false;
  const forum = e.forum;
  if (forum !== null && (typeof forum !== 'string' || !known.forums.has(forum))) return false;
  if (
    !cleanKeys(e.participants, known.people) ||
    !cleanKeys(e.forumsMentioned, known.forums) ||
    !cleanKeys(e.topics, known.topics) ||
    !cleanStrings(e.related) ||
    !cleanStrings(e.warnings) ||
    typeof e.title !== 'string' ||
    typeof e.summary !== 'string'
  )
    return false;
  const quotes = e.quotes;
  if (!Array.isArray(quotes)) return false;
  for (let j = 0; j < quotes.length; j++) {
    const q: unknown = quotes[j];
    if (
      !isObj(q) ||
      typeof q.text !== 'string' ||
      typeof q.document !== 'string' ||
      !isSpan(q.span) ||
      !(q.speaker === null || typeof q.speaker === 'string')
    )
      return false;
  }
  const sources = e.sources;
  if (!Array.isArray(sources) || sources.length === 0) return false;
  for (let j = 0; j < sources.length; j++) {
    const s: unknown = sources[j];
    if (!isObj(s)) return false;
    const document = s.document;
    if (typeof document !== 'string' || !STATUSES.has(s.status)) return false;
    const chunked = known.documents.get(document);
    if (chunked === undefined) return false;
    const evidence = s.evidence;
    if (evidence === undefined) {
      if (!chunked) return false;
    } else {
      if (!Array.isArray(evidence)) return false;
      for (let k = 0; k < evidence.length; k++) if (!isEvidence(evidence[k])) return false;
    }
  }
  return true;
}

const OPTIONAL_DOCUMENT_STRINGS = ['url', 'publisher', 'date', 'reason'] as const;

/**
 * True when the detailed check would report nothing for this document. `paths` holds the textFile paths already
 * found valid (a chunk holds many documents), and gains this one's.
 */
function cleanDocument(d: unknown, paths: Set<string>): boolean {
  if (!isObj(d)) return false;
  if (
    typeof d.id !== 'string' ||
    typeof d.file !== 'string' ||
    typeof d.language !== 'string' ||
    typeof d.relevant !== 'boolean' ||
    !cleanStrings(d.events) ||
    !cleanStrings(d.warnings)
  )
    return false;
  const textFile = d.textFile;
  if (textFile === undefined) {
    if (typeof d.text !== 'string') return false;
  } else {
    if (d.text !== undefined || typeof textFile !== 'string') return false;
    if (!paths.has(textFile)) {
      if (!isTextFilePath(textFile)) return false;
      paths.add(textFile);
    }
  }
  for (const k of OPTIONAL_DOCUMENT_STRINGS) if (d[k] !== undefined && typeof d[k] !== 'string') return false;
  return true;
}

/**
 * `${v}`, or its JSON where that throws (an object from JSON whose `toString` is not a function): a message must
 * never crash the check.
 */
function spell(v: unknown): string {
  try {
    return `${v as string}`;
  } catch {
    return String(JSON.stringify(v));
  }
}

/** `end < start` as JavaScript compares them (`start` may be anything), true where the comparison throws. */
function before(end: string, start: unknown): boolean {
  try {
    return end < (start as string);
  } catch {
    return true;
  }
}

/** At most this many errors are listed: a wholly wrong file would otherwise produce one per field. */
export const MAX_ERRORS = 50;

export function validateDataset(data: unknown): ValidationResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const fail = (path: string, what: string) => {
    if (errors.length < MAX_ERRORS) errors.push(`${path}: ${what}`);
  };

  if (!isObj(data)) return { errors: ['dataset: expected a JSON object'], warnings };
  const version = checkVersion(data.schemaVersion, 'dataset');
  if (version) return { errors: [version], warnings };
  if (!isStr(data.title)) fail('title', 'expected a string');
  if (!(data.dataDate === null || isStr(data.dataDate))) fail('dataDate', 'expected a string or null');

  const entities = data.entities;
  const tables = ['people', 'places', 'forums', 'topics', 'institutions'] as const;
  const known: Record<string, Set<string>> = {};
  if (!isObj(entities)) fail('entities', 'expected an object');
  for (const table of tables) {
    const t = isObj(entities) ? entities[table] : undefined;
    known[table] = new Set();
    if (!isObj(t)) {
      fail(`entities.${table}`, 'expected an object');
      continue;
    }
    for (const [key, e] of Object.entries(t)) {
      known[table]!.add(key);
      const p = `entities.${table}.${key}`;
      if (!isObj(e)) fail(p, 'expected an object');
      else {
        if (!isStr(e.name)) fail(`${p}.name`, 'expected a string');
        if (!isObj(e.labels) || !Object.values(e.labels).every(isStr)) fail(`${p}.labels`, 'expected string labels');
        if (!isStrArray(e.aliases)) fail(`${p}.aliases`, 'expected a string array');
      }
    }
  }

  const docIds = new Set<string>();
  /** Documents whose text is in a chunk file: their sources may leave the evidence to that chunk. */
  const chunked = new Set<string>();
  /** The detailed check of one document: every message it deserves. */
  const checkDocument = (d: unknown, i: number) => {
    const p = `documents[${i}]`;
    if (!isObj(d)) return fail(p, 'expected an object');
    if (!isStr(d.id)) fail(`${p}.id`, 'expected a string');
    else docIds.add(d.id);
    if (!isStr(d.file)) fail(`${p}.file`, 'expected a string');
    if (!isStr(d.language)) fail(`${p}.language`, 'expected a string');
    if (typeof d.relevant !== 'boolean') fail(`${p}.relevant`, 'expected a boolean');
    if (!isStrArray(d.events)) fail(`${p}.events`, 'expected a string array');
    if (!isStrArray(d.warnings)) fail(`${p}.warnings`, 'expected a string array');
    if (d.text !== undefined && d.textFile !== undefined)
      fail(p, 'has both text and textFile; keep one (rebuild with npm run build:data)');
    else if (d.textFile !== undefined) {
      if (isStr(d.id)) chunked.add(d.id);
      if (!isTextFilePath(d.textFile))
        fail(`${p}.textFile`, 'expected a relative path like "contacts.texts/2021-3fa9c2d1.json" (no "..", no URL)');
    } else if (!isStr(d.text)) fail(`${p}.text`, 'expected a string (or a textFile naming the chunk that holds it)');
    for (const k of ['url', 'publisher', 'date', 'reason'] as const)
      if (d[k] !== undefined && !isStr(d[k])) fail(`${p}.${k}`, 'expected a string when present');
  };
  const documents = data.documents;
  if (!Array.isArray(documents)) fail('documents', 'expected an array');
  else {
    const paths = new Set<string>();
    for (let i = 0; i < documents.length; i++) {
      const d: unknown = documents[i];
      if (cleanDocument(d, paths)) {
        docIds.add((d as Obj).id as string);
        if ((d as Obj).textFile !== undefined) chunked.add((d as Obj).id as string);
      } else if (i in documents) checkDocument(d, i); // a hole: skipped, as forEach did
    }
  }

  const eventIds = new Set<string>();
  // Paths are spelled out only for a failure: building one per event cost more than the checks at 100,000.
  const failAt = (i: number, rest: string, what: string) => fail(`events[${i}]${rest}`, what);
  const check = (i: number, table: string, key: unknown, field: string) => {
    if (isStr(key) && !known[table]?.has(key)) warnings.push(`events[${i}].${field}: unknown ${table} key "${key}"`);
  };
  /** The detailed check of one event: every error and warning it deserves. */
  const checkEvent = (e: unknown, i: number) => {
    if (!isObj(e)) return failAt(i, '', 'expected an object');
    if (!isStr(e.id) || e.id === '') failAt(i, `.id`, 'expected a non-empty string');
    else if (eventIds.has(e.id)) failAt(i, `.id`, `duplicate id ${e.id}`);
    else eventIds.add(e.id);
    if (!EVENT_KINDS.includes(e.kind as never)) failAt(i, `.kind`, `unknown kind ${JSON.stringify(e.kind)}`);
    if (!EVENT_STATUSES.includes(e.status as never)) failAt(i, `.status`, `unknown status ${JSON.stringify(e.status)}`);
    const date = e.date;
    if (!isObj(date)) failAt(i, `.date`, 'expected an object');
    else {
      const precision = date.precision as string;
      if (!DATE_PRECISIONS.includes(precision as never)) failAt(i, `.date.precision`, 'unknown precision');
      if (!DATE_BASES.includes(date.basis as never)) failAt(i, `.date.basis`, 'unknown basis');
      if (precision === 'unknown') {
        if (date.start !== null) failAt(i, `.date.start`, 'must be null when precision is unknown');
      } else {
        // Own keys only: a precision such as "constructor" must not find Object's.
        const name = spell(precision);
        const re = Object.hasOwn(ISO_AT_PRECISION, name) ? ISO_AT_PRECISION[name] : undefined;
        if (!isStr(date.start) || !re?.test(date.start)) failAt(i, `.date.start`, `not a ${name} date`);
        if (date.end !== undefined && (!isStr(date.end) || !re?.test(date.end) || before(date.end, date.start)))
          failAt(i, `.date.end`, `not a ${name} date on or after start`);
      }
    }
    if (!(e.place === null || isStr(e.place))) failAt(i, `.place`, 'expected a string or null');
    if (!(e.forum === null || isStr(e.forum))) failAt(i, `.forum`, 'expected a string or null');
    for (const k of ['participants', 'forumsMentioned', 'topics', 'related', 'warnings'] as const)
      if (!isStrArray(e[k])) failAt(i, `.${k}`, 'expected a string array');
    if (!isStr(e.title)) failAt(i, `.title`, 'expected a string');
    if (!isStr(e.summary)) failAt(i, `.summary`, 'expected a string');
    if (!Array.isArray(e.quotes)) failAt(i, `.quotes`, 'expected an array');
    else
      e.quotes.forEach((q: unknown, j) => {
        if (
          !isObj(q) ||
          !isStr(q.text) ||
          !isStr(q.document) ||
          !isSpan(q.span) ||
          !(q.speaker === null || isStr(q.speaker))
        )
          failAt(i, `.quotes[${j}]`, 'expected {speaker, text, document, span}');
      });
    if (!Array.isArray(e.sources) || e.sources.length === 0) failAt(i, `.sources`, 'expected at least one source');
    else
      e.sources.forEach((s: unknown, j) => {
        if (!isObj(s) || !isStr(s.document) || !EVENT_STATUSES.includes(s.status as never))
          return failAt(i, `.sources[${j}]`, 'expected {document, status, evidence}');
        if (!docIds.has(s.document)) failAt(i, `.sources[${j}].document`, `unknown document ${s.document}`);
        if (s.evidence === undefined) {
          // Left to the document's text chunk; a document with its text inline has nowhere else to keep it.
          if (docIds.has(s.document) && !chunked.has(s.document))
            failAt(
              i,
              `.sources[${j}].evidence`,
              `missing; document ${s.document} has its text inline, so its evidence must be inline too`,
            );
        } else if (!Array.isArray(s.evidence)) failAt(i, `.sources[${j}].evidence`, 'expected an array');
        else
          s.evidence.forEach((ev: unknown, k) => {
            if (!isEvidence(ev)) failAt(i, `.sources[${j}].evidence[${k}]`, 'expected {field, span}');
          });
      });

    // Dangling keys: the event is still usable, so warn instead of rejecting the dataset.
    check(i, 'places', e.place, 'place');
    check(i, 'forums', e.forum, 'forum');
    if (isStrArray(e.participants)) for (const k of e.participants) check(i, 'people', k, 'participants');
    if (isStrArray(e.forumsMentioned)) for (const k of e.forumsMentioned) check(i, 'forums', k, 'forumsMentioned');
    if (isStrArray(e.topics)) for (const k of e.topics) check(i, 'topics', k, 'topics');
  };
  const events = data.events;
  if (!Array.isArray(events)) fail('events', 'expected an array');
  else {
    const documents = new Map<string, boolean>();
    for (const id of docIds) documents.set(id, chunked.has(id));
    const fast: Known = {
      people: known.people!,
      places: known.places!,
      forums: known.forums!,
      topics: known.topics!,
      documents,
    };
    for (let i = 0; i < events.length; i++) {
      const e: unknown = events[i];
      if (cleanEvent(e, fast)) {
        const count = eventIds.size;
        // Already there: a duplicate, which the detailed check reports (it finds the id in the set, as it should).
        if (eventIds.add((e as Obj).id as string).size === count) checkEvent(e, i);
      } else if (i in events) checkEvent(e, i); // a hole: skipped, as forEach did
    }
  }

  return { errors, warnings };
}

export function checkVersion(v: unknown, what: string): string | null {
  if (v === SCHEMA_VERSION) return null;
  return typeof v === 'number' && v > SCHEMA_VERSION
    ? `schemaVersion: ${what} is schema version ${v}, newer than this app understands (${SCHEMA_VERSION}); update the app`
    : `schemaVersion: expected ${SCHEMA_VERSION}, got ${JSON.stringify(v)}`;
}

/**
 * A chunk path as the build writes it: relative, forward slashes, plain names, ending in .json. Anything else (a URL,
 * an absolute path, `..`) could make the app fetch from elsewhere, so it is rejected.
 */
export function isTextFilePath(v: unknown): v is string {
  return (
    isStr(v) &&
    v.length <= 200 &&
    /^[A-Za-z0-9_-][A-Za-z0-9._-]*(\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*\.json$/.test(v) &&
    !v.split('/').some((part) => part === '..' || part === '.')
  );
}

export const listSome = (items: readonly string[]) =>
  `${items.slice(0, 5).join(', ')}${items.length > 5 ? ` and ${items.length - 5} more` : ''}`;

/** Narrowing helper for callers that want the typed dataset or a thrown, readable error. */
export function assertDataset(data: unknown): { dataset: StoredDataset; warnings: string[] } {
  const { errors, warnings } = validateDataset(data);
  if (errors.length > 0) throw new DatasetError(errors);
  return { dataset: data as StoredDataset, warnings };
}

export class DatasetError extends Error {
  constructor(readonly problems: string[]) {
    super(`The dataset does not match the schema:\n- ${problems.join('\n- ')}`);
    this.name = 'DatasetError';
  }
}
