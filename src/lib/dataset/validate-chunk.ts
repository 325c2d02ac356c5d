/**
 * Runtime check of a text chunk file (see ./types.ts `TextChunk` and scripts/dataset-files.ts), used by the app when
 * the detail panel fetches a chunk and by the build when it reads chunks back. Apart from ./validate.ts so that the
 * first view's script does not carry it.
 */
import { EVIDENCE_FIELDS, type StoredDataset, type TextChunk } from './types.ts';
import {
  checkVersion,
  DatasetError,
  isEvidence,
  isObj,
  isStr,
  listSome,
  MAX_ERRORS,
  type ValidationResult,
} from './validate.ts';

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

/** Narrowing helper for a text chunk: the typed chunk or a thrown, readable error. */
export function assertTextChunk(data: unknown, expected: ChunkExpectation = []): TextChunk {
  const { errors } = validateTextChunk(data, expected);
  if (errors.length > 0) throw new DatasetError(errors);
  return data as TextChunk;
}
