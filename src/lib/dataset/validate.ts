/**
 * Runtime check of the dataset contract (./types.ts), used by the compiler before it writes and by the app after it
 * loads. Framework-free and dependency-free so it costs the app bundle a few hundred bytes, not a schema library.
 *
 * Structural problems are `errors` (the data cannot be trusted as a whole); dangling entity keys are `warnings`
 * (the event still renders with what it has).
 */
import {
  DATE_BASES,
  DATE_PRECISIONS,
  EVIDENCE_FIELDS,
  EVENT_KINDS,
  EVENT_STATUSES,
  SCHEMA_VERSION,
  type Evidence,
  type StoredDataset,
  type TextChunk,
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
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isStrArray = (v: unknown): v is string[] => Array.isArray(v) && v.every(isStr);
const isSpan = (v: unknown): v is [number, number] =>
  Array.isArray(v) && v.length === 2 && v.every((n) => Number.isInteger(n) && n >= 0) && v[0] <= v[1];
const isEvidence = (v: unknown): v is Evidence =>
  isObj(v) && isStr(v.field) && v.field !== '' && isSpan(v.span) && (v.match === undefined || isSpan(v.match));

/** At most this many errors are listed: a wholly wrong file would otherwise produce one per field. */
const MAX_ERRORS = 50;

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
  if (!Array.isArray(data.documents)) fail('documents', 'expected an array');
  else
    data.documents.forEach((d: unknown, i) => {
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
    });

  const eventIds = new Set<string>();
  // Paths are spelled out only for a failure: building one per event cost more than the checks at 100,000.
  const failAt = (i: number, rest: string, what: string) => fail(`events[${i}]${rest}`, what);
  const check = (i: number, table: string, key: unknown, field: string) => {
    if (isStr(key) && !known[table]?.has(key)) warnings.push(`events[${i}].${field}: unknown ${table} key "${key}"`);
  };
  if (!Array.isArray(data.events)) fail('events', 'expected an array');
  else
    data.events.forEach((e: unknown, i) => {
      if (!isObj(e)) return failAt(i, '', 'expected an object');
      if (!isStr(e.id) || e.id === '') failAt(i, `.id`, 'expected a non-empty string');
      else if (eventIds.has(e.id)) failAt(i, `.id`, `duplicate id ${e.id}`);
      else eventIds.add(e.id);
      if (!EVENT_KINDS.includes(e.kind as never)) failAt(i, `.kind`, `unknown kind ${JSON.stringify(e.kind)}`);
      if (!EVENT_STATUSES.includes(e.status as never))
        failAt(i, `.status`, `unknown status ${JSON.stringify(e.status)}`);
      const date = e.date;
      if (!isObj(date)) failAt(i, `.date`, 'expected an object');
      else {
        const precision = date.precision as string;
        if (!DATE_PRECISIONS.includes(precision as never)) failAt(i, `.date.precision`, 'unknown precision');
        if (!DATE_BASES.includes(date.basis as never)) failAt(i, `.date.basis`, 'unknown basis');
        if (precision === 'unknown') {
          if (date.start !== null) failAt(i, `.date.start`, 'must be null when precision is unknown');
        } else {
          const re = ISO_AT_PRECISION[precision];
          if (!isStr(date.start) || !re?.test(date.start)) failAt(i, `.date.start`, `not a ${precision} date`);
          if (date.end !== undefined && (!isStr(date.end) || !re?.test(date.end) || date.end < (date.start as string)))
            failAt(i, `.date.end`, `not a ${precision} date on or after start`);
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
    });

  return { errors, warnings };
}

function checkVersion(v: unknown, what: string): string | null {
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

/**
 * What a dataset file says one of its chunks holds: document ids, or document id → the ids of the events whose
 * evidence from that document was left to the chunk (see `chunkExpectations`).
 */
export type ChunkExpectation = readonly string[] | ReadonlyMap<string, readonly string[]>;

/**
 * What a dataset file expects of each chunk it names: per chunk path, document id → ids of the events whose sources
 * citing that document omit their evidence.
 */
export function chunkExpectations(
  dataset: Pick<StoredDataset, 'documents' | 'events'>,
): Map<string, Map<string, string[]>> {
  const fileOf = new Map<string, string>();
  const out = new Map<string, Map<string, string[]>>();
  for (const d of dataset.documents)
    if (d.textFile !== undefined) {
      fileOf.set(d.id, d.textFile);
      const docs = out.get(d.textFile) ?? new Map<string, string[]>();
      docs.set(d.id, []);
      out.set(d.textFile, docs);
    }
  for (const e of dataset.events)
    for (const s of e.sources) {
      const file = fileOf.get(s.document);
      if (s.evidence === undefined && file !== undefined) out.get(file)!.get(s.document)!.push(e.id);
    }
  return out;
}

/**
 * Checks a text chunk file (`{ schemaVersion, texts: { documentId: text }, evidence: { documentId: { eventId:
 * Evidence[] } } }`): every evidence span and match inside its document's text, field names known (an unknown one
 * is a warning: the panel shows it as is). With `expected` (see `ChunkExpectation`), every one of those documents
 * must have its text in the chunk, and every one of those events its evidence (the dataset file says they are there).
 */
export function validateTextChunk(data: unknown, expected: ChunkExpectation = []): ValidationResult {
  const errors: string[] = [];
  const warnings: string[] = [];
  const fail = (path: string, what: string) => {
    if (errors.length < MAX_ERRORS) errors.push(`${path}: ${what}`);
  };
  const rebuild = 'the chunk does not belong to this dataset file (rebuild with npm run build:data)';
  if (!isObj(data)) return { errors: ['text chunk: expected a JSON object'], warnings };
  const version = checkVersion(data.schemaVersion, 'text chunk');
  if (version) return { errors: [version], warnings };
  if (!isObj(data.texts)) return { errors: ['texts: expected an object of document id → text'], warnings };
  const texts = data.texts;
  for (const [id, text] of Object.entries(texts)) if (!isStr(text)) fail(`texts.${id}`, 'expected a string');
  const expectedIds = Array.isArray(expected) ? expected : [...expected.keys()];
  const missing = expectedIds.filter((id) => !Object.hasOwn(texts, id));
  if (missing.length) errors.push(`texts: missing ${listSome(missing)}; ${rebuild}`);

  if (!isObj(data.evidence))
    return {
      errors: [...errors, 'evidence: expected an object of document id → { event id → evidence list }'],
      warnings,
    };
  const evidence = data.evidence;
  const known = new Set<string>(EVIDENCE_FIELDS);
  for (const [docId, byEvent] of Object.entries(evidence)) {
    const text = texts[docId];
    if (!isStr(text)) {
      fail(`evidence.${docId}`, 'evidence for a document whose text is not in this chunk');
      continue;
    }
    if (!isObj(byEvent)) {
      fail(`evidence.${docId}`, 'expected an object of event id → evidence list');
      continue;
    }
    for (const [eventId, list] of Object.entries(byEvent)) {
      const p = `evidence.${docId}.${eventId}`;
      if (!Array.isArray(list)) {
        fail(p, 'expected an array');
        continue;
      }
      list.forEach((ev: unknown, k) => {
        if (!isEvidence(ev)) return fail(`${p}[${k}]`, 'expected {field, span, match?} with [from, to] spans');
        for (const key of ['span', 'match'] as const) {
          const range = ev[key];
          if (range && range[1] > text.length)
            fail(
              `${p}[${k}].${key}`,
              `[${range[0]}, ${range[1]}] runs past the end of the text (length ${text.length}); ${rebuild}`,
            );
        }
        if (!known.has(ev.field) && warnings.length < MAX_ERRORS)
          warnings.push(`${p}[${k}].field: unknown field ${JSON.stringify(ev.field)} (shown as is)`);
      });
    }
  }
  if (!Array.isArray(expected)) {
    const absent: string[] = [];
    for (const [docId, eventIds] of expected as ReadonlyMap<string, readonly string[]>) {
      const byEvent = evidence[docId];
      for (const eventId of eventIds)
        if (!isObj(byEvent) || !Object.hasOwn(byEvent, eventId)) absent.push(`${docId} → ${eventId}`);
    }
    if (absent.length) errors.push(`evidence: missing ${listSome(absent)}; ${rebuild}`);
  }
  return { errors, warnings };
}

const listSome = (items: readonly string[]) =>
  `${items.slice(0, 5).join(', ')}${items.length > 5 ? ` and ${items.length - 5} more` : ''}`;

/** Narrowing helper for callers that want the typed dataset or a thrown, readable error. */
export function assertDataset(data: unknown): { dataset: StoredDataset; warnings: string[] } {
  const { errors, warnings } = validateDataset(data);
  if (errors.length > 0) throw new DatasetError(errors);
  return { dataset: data as StoredDataset, warnings };
}

/** Narrowing helper for a text chunk: the typed chunk or a thrown, readable error. */
export function assertTextChunk(data: unknown, expected: ChunkExpectation = []): TextChunk {
  const { errors } = validateTextChunk(data, expected);
  if (errors.length > 0) throw new DatasetError(errors);
  return data as TextChunk;
}

export class DatasetError extends Error {
  constructor(readonly problems: string[]) {
    super(`The dataset does not match the schema:\n- ${problems.join('\n- ')}`);
    this.name = 'DatasetError';
  }
}
