import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { makeDataset, makeDocument, makeEvent } from '../src/lib/dataset/fixture.ts';
import type { Dataset, EventSource, SourceDocument } from '../src/lib/dataset/types.ts';
import { validateDataset } from '../src/lib/dataset/validate.ts';
import { chunkExpectations, validateTextChunk } from '../src/lib/dataset/validate-chunk.ts';
import {
  chunkGroup,
  inlineTexts,
  readDatasetWithTexts,
  removeLeftoverTemporaries,
  removeStaleChunks,
  splitTexts,
  textsFolderName,
  writeDatasetFiles,
} from './dataset-files.ts';

const doc = (id: string, rest: Partial<SourceDocument> = {}): SourceDocument => ({
  ...makeDocument(id),
  text: `Text of ${id}.`,
  ...rest,
});

/** A source citing `document`, its evidence a span of its text ("Text of doc-a.") per field. */
const source = (document: string, ...fields: string[]): EventSource => ({
  document,
  status: 'reported',
  evidence: fields.map((field, i) => ({ field, span: [0, 14], ...(i === 0 ? { match: [8, 13] } : {}) })),
});

/**
 * Four documents: dated 2021, dated by its events (2019), undated, and one dated 2021 by header. e1 cites doc-b and
 * doc-a, e2 doc-a (without evidence), e3 doc-c.
 */
function dataset(): Dataset {
  const sources: Record<string, EventSource[]> = {
    e1: [source('doc-b', 'kind', 'date'), source('doc-a', 'participants')],
    e2: [source('doc-a')],
    e3: [source('doc-c', 'status')],
  };
  return makeDataset({
    events: [
      makeEvent({ id: 'e1', date: { start: '2019-05', precision: 'month', basis: 'text' } }),
      makeEvent({ id: 'e2', date: { start: '2020', precision: 'year', basis: 'text' } }),
      makeEvent({ id: 'e3', date: { start: null, precision: 'unknown', basis: 'text' } }),
    ].map((e) => ({ ...e, sources: sources[e.id]! })),
    documents: [
      doc('doc-a', { date: '2021-07-13', events: ['e1'] }),
      doc('doc-b', { events: ['e2', 'e1'] }),
      doc('doc-c', { events: ['e3'] }),
      doc('doc-d', { date: '2021' }),
    ],
  });
}

const temps: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'dataset-files-'));
  temps.push(dir);
  return dir;
};
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

describe('textsFolderName', () => {
  it.each([
    ['public/data/contacts.json', 'contacts.texts'],
    ['bench-1000.json', 'bench-1000.texts'],
    ['out/data.JSON', 'data.texts'],
    ['my data (new).json', 'my_data__new_.texts'],
    ['.hidden.json', '_hidden.texts'],
    ['plain', 'plain.texts'],
  ])('%s → %s', (file, folder) => {
    expect(textsFolderName(file)).toBe(folder);
  });
});

describe('chunkGroup', () => {
  const years = new Map([
    ['e1', '2019'],
    ['e2', '2020'],
  ]);
  it.each([
    ['its own date', doc('x', { date: '2021-07', events: ['e1'] }), '2021'],
    ['its own year-only date', doc('x', { date: '2024' }), '2024'],
    ['the earliest year of its events, whatever their order', doc('x', { events: ['e2', 'e1'] }), '2019'],
    ['an undated event is skipped', doc('x', { events: ['e3', 'e2'] }), '2020'],
    ['no date anywhere', doc('x', { events: ['e3'] }), 'undated'],
    ['no events, no date', doc('x'), 'undated'],
  ])('%s', (_name, d, group) => {
    expect(chunkGroup(d, years)).toBe(group);
  });
});

describe('splitTexts', () => {
  it('moves every text and the evidence pointing into it into a chunk per year named by a hash of its content', () => {
    const { main, chunks } = splitTexts(dataset(), 'contacts.texts');
    expect(chunks.map((c) => c.name.replace(/-[0-9a-f]{8}\.json$/, ''))).toEqual(['2019', '2021', 'undated']);
    const expected = chunkExpectations(main);
    for (const c of chunks) {
      expect(c.name).toMatch(/^[a-z0-9]+-[0-9a-f]{8}\.json$/);
      expect(c.name.slice(-13, -5)).toBe(createHash('sha256').update(c.content).digest('hex').slice(0, 8));
      expect(validateTextChunk(JSON.parse(c.content), expected.get(`contacts.texts/${c.name}`)!)).toEqual({
        errors: [],
        warnings: [],
      });
    }
    const year2021 = JSON.parse(chunks[1]!.content);
    expect(year2021.texts).toEqual({ 'doc-a': 'Text of doc-a.', 'doc-d': 'Text of doc-d.' });
    // By document, then event; a document no event cites has no entry, a source without evidence an empty list.
    expect(year2021.evidence).toEqual({
      'doc-a': { e1: [{ field: 'participants', span: [0, 14], match: [8, 13] }], e2: [] },
    });
    expect(JSON.parse(chunks[0]!.content).evidence).toEqual({
      'doc-b': { e1: source('doc-b', 'kind', 'date').evidence },
    });
    // The main file keeps document and status of every source, nothing else.
    expect(main.events.map((e) => e.sources)).toEqual([
      [
        { document: 'doc-b', status: 'reported' },
        { document: 'doc-a', status: 'reported' },
      ],
      [{ document: 'doc-a', status: 'reported' }],
      [{ document: 'doc-c', status: 'reported' }],
    ]);
    expect(main.documents.map((d) => [d.id, d.text, d.textFile])).toEqual([
      ['doc-a', undefined, `contacts.texts/${chunks[1]!.name}`],
      ['doc-b', undefined, `contacts.texts/${chunks[0]!.name}`],
      ['doc-c', undefined, `contacts.texts/${chunks[2]!.name}`],
      ['doc-d', undefined, `contacts.texts/${chunks[1]!.name}`],
    ]);
    expect(validateDataset(main).errors).toEqual([]);
  });

  it('gives the same bytes whatever the order of documents, events and sources; new names when a chunk changes', () => {
    const a = splitTexts(dataset(), 'c.texts').chunks;
    const reversed = dataset();
    reversed.documents.reverse();
    reversed.events.reverse();
    for (const e of reversed.events) e.sources.reverse();
    expect(splitTexts(reversed, 'c.texts').chunks).toEqual(a);
    const changed = dataset();
    changed.documents[3]!.text = 'Another text.';
    const b = splitTexts(changed, 'c.texts').chunks;
    expect(b[0]).toEqual(a[0]);
    expect(b[1]!.name).not.toBe(a[1]!.name);
    const moreEvidence = dataset();
    moreEvidence.events[1]!.sources[0]!.evidence.push({ field: 'kind', span: [0, 4] });
    const c = splitTexts(moreEvidence, 'c.texts').chunks;
    expect(c[0]).toEqual(a[0]);
    expect(c[1]!.name).not.toBe(a[1]!.name);
  });

  it('leaves a dataset whose texts are already in chunks as it is', () => {
    const { main } = splitTexts(dataset(), 'contacts.texts');
    const again = splitTexts(main as Dataset, 'other.texts');
    expect(again).toEqual({ main, chunks: [] });
  });

  it('round-trips through inlineTexts', () => {
    const original = dataset();
    const { main, chunks } = splitTexts(original, 'contacts.texts');
    const files = new Map(chunks.map((c) => [`contacts.texts/${c.name}`, c.content]));
    const back = inlineTexts(main, (path) => files.get(path)!);
    expect(back).toEqual(original);
    expect(back.documents.every((d) => !('textFile' in d))).toBe(true);
  });
});

describe('writeDatasetFiles', () => {
  it('writes the chunks and the main file, then removes only the chunks the new main file no longer uses', () => {
    const dir = tempDir();
    const out = join(dir, 'data', 'contacts.json');
    writeDatasetFiles(out, dataset());
    const folder = join(dir, 'data', 'contacts.texts');
    const first = readdirSync(folder).sort();
    expect(first).toHaveLength(3);
    // Leftovers of a killed build and a file that is not the build's.
    writeFileSync(join(folder, '2021-deadbeef.json.12345.tmp'), '{"schemaVer');
    writeFileSync(join(folder, 'README.txt'), 'keep me');

    const changed = dataset();
    changed.documents[0]!.text = 'Rewritten text.';
    const sizes = writeDatasetFiles(out, changed);
    const second = readdirSync(folder).sort();
    const main = JSON.parse(readFileSync(out, 'utf8'));
    expect(sizes.mainBytes).toBe(readFileSync(out).length);
    const referenced = new Set(main.documents.map((d: { textFile: string }) => d.textFile.split('/')[1]));
    expect(second).toEqual([...referenced, 'README.txt'].sort());
    expect(second.filter((n) => first.includes(n))).toHaveLength(2); // 2019 and undated are unchanged
    expect(readDatasetWithTexts(out).documents[0]!.text).toBe('Rewritten text.');
    expect(readdirSync(join(dir, 'data')).sort()).toEqual(['contacts.json', 'contacts.json.gz', 'contacts.texts']);
    expect(gunzipSync(readFileSync(`${out}.gz`)).equals(readFileSync(out))).toBe(true);
  });

  it('removes temporary copies of the main file that a killed build left, not those of a running build', () => {
    const dir = tempDir();
    const out = join(dir, 'contacts.json');
    // Above the largest process id Linux hands out (2^22): no such process runs.
    const gone = 4_194_305;
    const leftovers = [`contacts.json.${gone}.tmp`, `contacts.json.gz.${gone}.tmp`];
    const kept = [`contacts.json.${process.ppid}.tmp`, `other.json.${gone}.tmp`, 'contacts.json.tmp', 'notes.txt'];
    for (const name of [...leftovers, ...kept]) writeFileSync(join(dir, name), 'x');
    writeDatasetFiles(out, dataset());
    expect(readdirSync(dir).sort()).toEqual(['contacts.json', 'contacts.json.gz', 'contacts.texts', ...kept].sort());
    expect(removeLeftoverTemporaries(join(dir, 'missing', 'contacts.json'))).toEqual([]);
  });

  it('removeStaleChunks leaves a missing folder alone', () => {
    expect(removeStaleChunks(join(tempDir(), 'nope'), new Set())).toEqual([]);
  });

  it('readDatasetWithTexts names a missing or foreign chunk', () => {
    const dir = tempDir();
    const out = join(dir, 'contacts.json');
    writeDatasetFiles(out, dataset());
    const folder = join(dir, 'contacts.texts');
    const [name] = readdirSync(folder).sort();
    const chunk = JSON.parse(readFileSync(join(folder, name!), 'utf8'));
    writeFileSync(join(folder, name!), JSON.stringify({ ...chunk, evidence: {} }));
    expect(() => readDatasetWithTexts(out)).toThrow(`contacts.texts/${name}: The dataset does not match`);
    expect(() => readDatasetWithTexts(out)).toThrow(/evidence: missing doc-b → e1/);
    writeFileSync(join(folder, name!), JSON.stringify({ schemaVersion: 3, texts: {}, evidence: {} }));
    expect(() => readDatasetWithTexts(out)).toThrow(/missing doc-b/);
    writeFileSync(join(folder, name!), JSON.stringify({ schemaVersion: 2, texts: {} }));
    expect(() => readDatasetWithTexts(out)).toThrow(/schemaVersion: expected 3, got 2/);
    rmSync(join(folder, name!));
    expect(() => readDatasetWithTexts(out)).toThrow(new RegExp(`contacts.texts/${name}: cannot read the text chunk`));
  });
});
