/**
 * The dataset on disk: one main file without article texts, plus the texts in per-year chunk files in a folder beside
 * it (`contacts.json` + `contacts.texts/2021-3fa9c2d1.json`, …). Each chunk also holds the evidence (spans into those
 * texts) of every source citing its documents, which the main file then omits. The app loads the main file for the
 * first view and fetches a chunk only when the detail panel shows evidence from one of its articles.
 *
 * Chunk names carry a hash of their content, so a rebuild never overwrites a chunk the current main file points at
 * with different content: chunks are written first, the main file last (atomically), and only then are the chunks
 * it no longer references deleted. A build killed at any moment leaves the previous main file and its chunks intact.
 * A gzip copy of the main file (`contacts.json.gz`) is written just before it, for static hosts that serve those.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  SCHEMA_VERSION,
  type Dataset,
  type DocumentRecord,
  type Evidence,
  type StoredDataset,
  type StoredEvent,
  type TextChunk,
} from '../src/lib/dataset/types.ts';
import { assertDataset } from '../src/lib/dataset/validate.ts';
import { assertTextChunk, chunkExpectations } from '../src/lib/dataset/validate-chunk.ts';
import { writeAtomically } from './seeds-reader.ts';

/** A chunk as the build names it, or a temporary file `writeAtomically` left behind when it was killed. */
const CHUNK_NAME = /^[A-Za-z0-9_]+-[0-9a-f]{8}\.json(\.\d+\.tmp)?$/;

/** `contacts.json` → `contacts.texts`: the chunk folder's name, beside the main file (safe for a URL path). */
export function textsFolderName(mainFile: string): string {
  const base = basename(mainFile).replace(/\.json$/i, '');
  return `${base.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\./, '_')}.texts`;
}

/**
 * Which chunk a document's text goes into: the year of its publication date, else the earliest year among its
 * events, else `undated`.
 */
export function chunkGroup(doc: DocumentRecord, eventYears: ReadonlyMap<string, string>): string {
  const own = /^(\d{4})/.exec(doc.date ?? '')?.[1];
  if (own) return own;
  let earliest: string | undefined;
  for (const id of doc.events) {
    const year = eventYears.get(id);
    if (year !== undefined && (earliest === undefined || year < earliest)) earliest = year;
  }
  return earliest ?? 'undated';
}

export interface TextChunkFile {
  /** File name inside the chunk folder: `<group>-<8 hex of the content's SHA-256>.json`. */
  name: string;
  content: string;
}

/**
 * Moves every document's text into chunk files named under `folder` (the path the main file will give, relative to
 * itself), and with it the evidence of every source citing that document. Pure: the same dataset gives the same
 * bytes. Documents without an inline text, and the sources citing them, are left as they are.
 */
export function splitTexts(dataset: Dataset, folder: string): { main: StoredDataset; chunks: TextChunkFile[] } {
  const eventYears = new Map<string, string>();
  for (const e of dataset.events) if (e.date.start) eventYears.set(e.id, e.date.start.slice(0, 4));
  const groups = new Map<string, Record<string, string>>();
  const groupOf = new Map<string, string>();
  for (const doc of dataset.documents) {
    if (typeof doc.text !== 'string') continue;
    const group = chunkGroup(doc, eventYears);
    groupOf.set(doc.id, group);
    const texts = groups.get(group) ?? {};
    texts[doc.id] = doc.text;
    groups.set(group, texts);
  }
  /** Document id → event id → that source's evidence, for documents whose text moves. */
  const evidenceOf = new Map<string, Map<string, Evidence[]>>();
  for (const e of dataset.events)
    for (const s of e.sources)
      if (groupOf.has(s.document)) {
        const byEvent = evidenceOf.get(s.document) ?? new Map<string, Evidence[]>();
        byEvent.set(e.id, s.evidence);
        evidenceOf.set(s.document, byEvent);
      }
  const fileOf = new Map<string, string>();
  const chunks: TextChunkFile[] = [];
  for (const group of [...groups.keys()].sort()) {
    const texts = groups.get(group)!;
    // Ids in code-unit order: the bytes must not depend on the order the documents or events came in.
    const ids = Object.keys(texts).sort(byCodeUnit);
    const evidence: TextChunk['evidence'] = {};
    for (const id of ids) {
      const byEvent = evidenceOf.get(id);
      if (byEvent)
        evidence[id] = Object.fromEntries([...byEvent.keys()].sort(byCodeUnit).map((e) => [e, byEvent.get(e)!]));
    }
    const chunk: TextChunk = {
      schemaVersion: SCHEMA_VERSION,
      texts: Object.fromEntries(ids.map((id) => [id, texts[id]!])),
      evidence,
    };
    const content = `${JSON.stringify(chunk)}\n`;
    const name = `${group}-${createHash('sha256').update(content).digest('hex').slice(0, 8)}.json`;
    fileOf.set(group, `${folder}/${name}`);
    chunks.push({ name, content });
  }
  const documents: DocumentRecord[] = dataset.documents.map((doc) => {
    const group = groupOf.get(doc.id);
    if (group === undefined) return doc;
    const { text: _text, ...rest } = doc;
    return { ...rest, textFile: fileOf.get(group)! };
  });
  const events: StoredEvent[] = dataset.events.map((e) =>
    e.sources.some((s) => groupOf.has(s.document))
      ? {
          ...e,
          sources: e.sources.map((s) => {
            if (!groupOf.has(s.document)) return s;
            const { evidence: _evidence, ...rest } = s;
            return rest;
          }),
        }
      : e,
  );
  return { main: { ...dataset, documents, events }, chunks };
}

/**
 * Writes the dataset as `out` plus its chunk folder: chunks first, the main file last, then removes chunks of
 * earlier builds that the new main file does not reference. Returns the bytes of the main file and of all chunks.
 */
export function writeDatasetFiles(out: string, dataset: Dataset): { mainBytes: number; textBytes: number } {
  const folderName = textsFolderName(out);
  const folder = join(dirname(out), folderName);
  const { main, chunks } = splitTexts(dataset, folderName);
  if (chunks.length) mkdirSync(folder, { recursive: true });
  for (const chunk of chunks) writeAtomically(join(folder, chunk.name), chunk.content);
  const json = `${JSON.stringify(main)}\n`;
  // A gzip copy for hosts that serve precompressed files (nginx `gzip_static`, our own server): the first view's
  // download shrinks several times (README, Performance). Written before the main file, which stays the last file
  // written; a build killed between the two leaves a copy that no longer matches the main file (servers that check,
  // like scripts/serve/static-server.ts, then send the main file) and whose chunks all exist.
  writeAtomically(`${out}.gz`, gzipSync(json));
  writeAtomically(out, json);
  removeStaleChunks(folder, new Set(chunks.map((c) => c.name)));
  removeLeftoverTemporaries(out);
  return {
    mainBytes: Buffer.byteLength(json),
    textBytes: chunks.reduce((sum, c) => sum + Buffer.byteLength(c.content), 0),
  };
}

/** Deletes chunk files (and leftover temporaries) in `folder` that are not in `keep`; returns their names. */
export function removeStaleChunks(folder: string, keep: ReadonlySet<string>): string[] {
  return removeFilesIn(folder, (name) => CHUNK_NAME.test(name) && !keep.has(name));
}

/** Deletes the files in `folder` whose names `stale` accepts; returns their names, sorted. */
function removeFilesIn(folder: string, stale: (name: string) => boolean): string[] {
  if (!existsSync(folder)) return [];
  const removed = readdirSync(folder).filter(stale).sort();
  for (const name of removed) rmSync(join(folder, name), { force: true });
  return removed;
}

/**
 * Deletes the temporary copies of `out` and of its gzip copy (`contacts.json.1234.tmp`) that a build killed while
 * writing them left beside them: in `public/data/` they would be published with the site. A temporary file of a
 * build that is still running is left alone. Returns the names deleted.
 */
export function removeLeftoverTemporaries(out: string): string[] {
  const ours = new Set([basename(out), `${basename(out)}.gz`]);
  return removeFilesIn(dirname(out), (name) => {
    const temp = /^(.+)\.(\d+)\.tmp$/.exec(name);
    return !!temp && ours.has(temp[1]!) && !isOtherRunningProcess(Number(temp[2]));
  });
}

/** Whether `pid` is a process other than this one that is still running (signal 0 only checks). */
function isOtherRunningProcess(pid: number): boolean {
  if (pid === process.pid) return false; // this build's own temporaries are renamed by now: one left is older
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // it exists, under another user
  }
}

/**
 * Reads a dataset file and puts every document's text, and every source's evidence, back inline from the chunks (the
 * single-file edition, tests that read the built dataset). Throws a readable error when the file or a chunk is
 * missing or malformed.
 */
export function readDatasetWithTexts(file: string): Dataset {
  const { dataset } = assertDataset(JSON.parse(readFileSync(file, 'utf8')));
  return inlineTexts(dataset, (path) => readFileSync(join(dirname(file), path), 'utf8'));
}

/**
 * `stored` with every `textFile` replaced by the text from that chunk and every omitted `evidence` filled in from it
 * (`readChunk` gets the path as written).
 */
export function inlineTexts(stored: StoredDataset, readChunk: (path: string) => string): Dataset {
  const chunks = new Map<string, TextChunk>();
  for (const [path, expected] of chunkExpectations(stored)) {
    let data: unknown;
    try {
      data = JSON.parse(readChunk(path));
    } catch (e) {
      throw new Error(
        `${path}: cannot read the text chunk (${(e as Error).message}); rebuild with npm run build:data`,
        {
          cause: e,
        },
      );
    }
    try {
      chunks.set(path, assertTextChunk(data, expected));
    } catch (e) {
      throw new Error(`${path}: ${(e as Error).message}`, { cause: e });
    }
  }
  const chunkOf = new Map<string, TextChunk>();
  for (const d of stored.documents) if (d.textFile !== undefined) chunkOf.set(d.id, chunks.get(d.textFile)!);
  return {
    ...stored,
    events: stored.events.map((e) => ({
      ...e,
      sources: e.sources.map((s) => ({
        ...s,
        evidence: s.evidence ?? chunkOf.get(s.document)?.evidence[s.document]?.[e.id] ?? [],
      })),
    })),
    documents: stored.documents.map((d) => {
      if (d.textFile === undefined) return { ...d, text: d.text ?? '' };
      const { textFile: _textFile, ...rest } = d;
      return { ...rest, text: chunkOf.get(d.id)!.texts[d.id]! };
    }),
  };
}

const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
