/** Smoke test of the benchmark's pure parts (the browser part runs only in `npm run bench`). */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../src/lib/dataset/types.ts';
import { validateDataset } from '../../src/lib/dataset/validate.ts';
import { readDatasetWithTexts } from '../dataset-files.ts';
import { benchDataset, writeBenchDataset } from './datasets.ts';
import { max, median, medianOf, percentile, ratio } from './stats.ts';
import { classicScripts } from './run.ts';

describe('bench datasets', () => {
  it('writes a dataset that passes validateDataset without errors or warnings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bench-test-'));
    try {
      const file = join(dir, 'data', 'bench-500.json');
      const bytes = writeBenchDataset(file, 500, 7);
      const text = readFileSync(file, 'utf8');
      expect(Buffer.byteLength(text)).toBe(bytes);
      const data = JSON.parse(text);
      expect(validateDataset(data)).toEqual({ errors: [], warnings: [] });
      expect(data.events).toHaveLength(500);
      // As users get it: no texts in the main file, each in a per-year chunk beside it.
      expect(data.documents.every((d: { text?: string; textFile?: string }) => !d.text && d.textFile)).toBe(true);
      // … and the evidence pointing into each text in that chunk too: the main file keeps document and status.
      expect(data.events.every((e: StoredEvent) => e.sources.every((s) => s.evidence === undefined))).toBe(true);
      const chunks = readdirSync(join(dir, 'data', 'bench-500.texts'));
      expect(chunks.length).toBeGreaterThan(10);
      expect(readDatasetWithTexts(file)).toEqual(benchDataset(500, 7));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('is deterministic, sorted by date with undated events last, and every source document exists', () => {
    const a = benchDataset(300, 3);
    expect(JSON.stringify(benchDataset(300, 3))).toBe(JSON.stringify(a));
    const starts = a.events.map((e) => e.date.start);
    const firstUndated = starts.indexOf(null);
    const dated = (firstUndated === -1 ? starts : starts.slice(0, firstUndated)) as string[];
    expect(dated).toEqual([...dated].sort());
    if (firstUndated !== -1) expect(starts.slice(firstUndated).every((s) => s === null)).toBe(true);
    const docs = new Set(a.documents.map((d) => d.id));
    expect(a.events.every((e) => e.sources.every((s) => docs.has(s.document)))).toBe(true);
    expect(a.documents.flatMap((d) => d.events).sort()).toEqual(a.events.map((e) => e.id).sort());
    expect(new Set(a.events.map((e) => e.title)).size).toBeGreaterThan(20);
    // Report-length texts, and every evidence span inside its document's text, naming the contact's people.
    const texts = new Map(a.documents.map((d) => [d.id, d.text]));
    expect(a.documents.every((d) => d.text.length >= 2000 && d.text.length <= 3000)).toBe(true);
    for (const e of a.events.slice(0, 50)) {
      const text = texts.get(e.sources[0]!.document)!;
      const participants = e.sources[0]!.evidence.find((ev) => ev.field === 'participants')!;
      expect(participants.span[1]).toBeLessThanOrEqual(text.length);
      const names = text.slice(...participants.match!);
      expect(text.slice(...participants.span)).toContain(names);
      expect(e.title).toContain(names);
    }
  });
});

describe('percentile', () => {
  const ten = [10, 1, 9, 2, 8, 3, 7, 4, 6, 5];
  it.each([
    { values: [42], p: 0, expected: 42 },
    { values: [42], p: 95, expected: 42 },
    { values: [1, 2], p: 50, expected: 1.5 },
    { values: [3, 1, 2], p: 50, expected: 2 },
    { values: ten, p: 0, expected: 1 },
    { values: ten, p: 50, expected: 5.5 },
    { values: ten, p: 90, expected: 9.1 },
    { values: ten, p: 95, expected: 9.55 },
    { values: ten, p: 100, expected: 10 },
    { values: [16.7, 16.7, 16.7, 33.3], p: 50, expected: 16.7 },
  ])('p$p of $values = $expected', ({ values, p, expected }) => {
    expect(percentile(values, p)).toBeCloseTo(expected, 10);
  });

  it('leaves its input alone, is NaN for no values and rejects p outside 0..100', () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    expect(values).toEqual([3, 1, 2]);
    expect(percentile([], 50)).toBeNaN();
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });

  it('median, max, medianOf and ratio', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(max([2, 9, 4])).toBe(9);
    expect(max([])).toBeNaN();
    expect(medianOf([null, 4, undefined, 2, Number.NaN])).toBe(3);
    expect(medianOf([null])).toBeNull();
    expect(ratio(150, 100)).toBe(1.5);
    expect(ratio(1, 0)).toBeNull();
    expect(ratio(null, 3)).toBeNull();
  });
});

describe('classicScripts', () => {
  it.each([
    [
      'the classic scripts only, in order',
      '<script async src="./assets/early-1.js"></script><script type="module" crossorigin src="./assets/index.js"></script><script src=b.js></script>',
      ['./assets/early-1.js', 'b.js'],
    ],
    [
      'nothing for a page with module scripts only',
      '<script type="module" crossorigin src="./assets/index.js"></script>',
      [],
    ],
    ['no inline script (it has no file)', '<script>inline()</script>', []],
  ])('finds %s', (_what, html, expected) => expect(classicScripts(html)).toEqual(expected));
});
