/**
 * The dataset is replaced atomically: a build killed at any moment leaves the previous file byte-identical, never
 * half a file, and the text chunks it points at still there; a missing output folder is created; an output path that
 * is a folder is refused without damage.
 */
import { spawn, spawnSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  watch,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/lib/dataset/validate.ts';
import { inlineTexts, readDatasetWithTexts } from '../../scripts/dataset-files.ts';
import { copyGoodSeeds, goodArticles, goodSeedNames, ROOT, SEEDS } from '../../scripts/fuzz/harness.ts';

const COPIES = 3000;
/** Small enough to finish in a few seconds, so the kill can land while the dataset is being written. */
const SMALL_COPIES = 300;
const temps: string[] = [];
let corpus: string;
let smallCorpus: string;
let previous: Buffer;
/** The previous dataset's text chunks: file name → bytes. */
let previousChunks: Map<string, Buffer>;

const cliArgs = (seeds: string, out: string) => [
  '--import',
  'tsx',
  'scripts/build-data.ts',
  '--seeds',
  seeds,
  '--out',
  out,
];
const runSync = (args: string[]) => spawnSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8' });

function tempDir(prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  temps.push(dir);
  return dir;
}

/** A folder holding the previous, valid dataset: the main file and its text chunks. */
function outputWithPrevious(): { dir: string; out: string } {
  const dir = tempDir('atomic-out-');
  const out = join(dir, 'contacts.json');
  writeFileSync(out, previous);
  writeFileSync(`${out}.gz`, gzipSync(previous));
  mkdirSync(join(dir, 'contacts.texts'));
  for (const [name, bytes] of previousChunks) writeFileSync(join(dir, 'contacts.texts', name), bytes);
  return { dir, out };
}

const chunksIn = (dir: string) => readdirSync(join(dir, 'contacts.texts')).sort();

/** Starts the build and SIGKILLs it after `ms`, or as soon as a temporary file appears in `watchDir` (inotify). */
function killDuringBuild(seeds: string, out: string, ms: number, watchDir?: string): Promise<{ killed: boolean }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, cliArgs(seeds, out), { cwd: ROOT, stdio: 'ignore' });
    let killed = false;
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) killed = child.kill('SIGKILL');
    };
    const timer = setTimeout(kill, ms);
    const watcher = watchDir
      ? watch(watchDir, (_event, name) => {
          if (name?.endsWith('.tmp')) kill();
        })
      : undefined;
    child.on('exit', () => {
      clearTimeout(timer);
      watcher?.close();
      resolvePromise({ killed });
    });
  });
}

function expectPreviousIntact(dir: string, out: string) {
  const now = readFileSync(out);
  expect(now.equals(previous), 'the previous dataset must be byte-identical').toBe(true);
  expect(validateDataset(JSON.parse(now.toString('utf8'))).errors).toEqual([]);
  for (const [name, bytes] of previousChunks)
    expect(readFileSync(join(dir, 'contacts.texts', name)).equals(bytes), `chunk ${name} intact`).toBe(true);
  expect(readDatasetWithTexts(out).documents.every((d) => d.text.length > 0)).toBe(true);
}

/**
 * The gzip copy is the main file, or (a kill between writing the two) a whole dataset of its own whose chunks are
 * all there: a server that sends it regardless never shows half a dataset.
 */
function expectGzipCopyWhole(dir: string, out: string) {
  const copy = gunzipSync(readFileSync(`${out}.gz`));
  if (copy.equals(readFileSync(out))) return;
  const data = inlineTexts(JSON.parse(copy.toString('utf8')), (path) => readFileSync(join(dir, path), 'utf8'));
  expect(validateDataset(data).errors).toEqual([]);
}

beforeAll(() => {
  // The previous dataset: a clean build of the real seeds.
  const seeds = tempDir('atomic-seeds-');
  copyGoodSeeds(join(seeds, 'seeds'));
  const out = join(seeds, 'previous', 'contacts.json');
  const r = runSync(cliArgs(join(seeds, 'seeds'), out));
  expect(r.status, r.stderr).toBe(0);
  previous = readFileSync(out);
  expect(validateDataset(JSON.parse(previous.toString('utf8'))).errors).toEqual([]);
  const folder = join(seeds, 'previous', 'contacts.texts');
  previousChunks = new Map(readdirSync(folder).map((name) => [name, readFileSync(join(folder, name))]));
  expect(previousChunks.size).toBeGreaterThan(0);

  // A corpus that takes far longer to compile than the kills below wait, and a small one that finishes quickly.
  corpus = makeCorpus(COPIES);
  smallCorpus = makeCorpus(SMALL_COPIES);
}, 60_000);

function makeCorpus(copies: number): string {
  const dir = tempDir('atomic-corpus-');
  const names = goodSeedNames();
  for (let i = 0; i < copies; i++) {
    const sub = join(dir, String(Math.floor(i / 500)));
    if (i % 500 === 0) mkdirSync(sub);
    for (const name of names) copyFileSync(join(SEEDS, name), join(sub, `${String(i).padStart(4, '0')}_${name}`));
  }
  return dir;
}

afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
});

describe('atomic dataset write', () => {
  it(`leaves the previous dataset intact when the build is killed (${COPIES} copies of the seeds)`, async () => {
    // ~300 ms: still starting up; 2.5 s: reading or compiling the corpus.
    for (const ms of [300, 2500]) {
      const { dir, out } = outputWithPrevious();
      const { killed } = await killDuringBuild(corpus, out, ms);
      expect(killed, `the build finished within ${ms} ms; make the corpus bigger`).toBe(true);
      expectPreviousIntact(dir, out);
      // Killed while still compiling: the gzip copy, written just before the main file, is the previous one too.
      expect(gunzipSync(readFileSync(`${out}.gz`)).equals(previous), 'the gzip copy still matches it').toBe(true);
      expect(readdirSync(dir).sort(), 'no partial or temporary file beside the output').toEqual([
        'contacts.json',
        'contacts.json.gz',
        'contacts.texts',
      ]);
      expect(chunksIn(dir)).toEqual([...previousChunks.keys()].sort());
    }
  }, 30_000);

  // Kill the moment a temporary file appears: in the chunk folder (while the new texts are written) or beside the
  // output (while the new main file is written). A race the kill may lose (writes take milliseconds); both outcomes
  // are checked.
  it.each([
    ['a text chunk', 'contacts.texts'],
    ['the main file or its gzip copy', '.'],
  ])(
    'never exposes half a dataset, even when killed while writing %s',
    async (what, watched) => {
      const { dir, out } = outputWithPrevious();
      const { killed } = await killDuringBuild(smallCorpus, out, 25_000, join(dir, watched));
      // Whatever happened, the output path holds a whole dataset whose chunks are all there: the old one, or (if the
      // rename won the race against the kill) the complete new one, never a fragment.
      const now = readFileSync(out);
      let state = 'previous dataset kept';
      if (now.equals(previous)) expectPreviousIntact(dir, out);
      else {
        const data = readDatasetWithTexts(out);
        expect(validateDataset(data).errors).toEqual([]);
        expect(data.documents).toHaveLength(SMALL_COPIES * goodArticles().length);
        state = 'complete new dataset';
      }
      console.log(
        `atomic-write: kill while writing ${what} ${killed ? 'landed' : 'missed (the build finished first)'}: ${state}`,
      );
      expectGzipCopyWhole(dir, out);
      expect(
        readdirSync(dir)
          .filter((n) => !n.endsWith('.tmp'))
          .sort(),
      ).toEqual(['contacts.json', 'contacts.json.gz', 'contacts.texts']);
    },
    30_000,
  );

  it('creates a missing output folder', () => {
    const seeds = tempDir('atomic-newdir-');
    copyGoodSeeds(join(seeds, 'seeds'));
    const out = join(seeds, 'does', 'not', 'exist', 'contacts.json');
    const r = runSync(cliArgs(join(seeds, 'seeds'), out));
    expect(r.status, r.stderr).toBe(0);
    expect(validateDataset(readDatasetWithTexts(out)).errors).toEqual([]);
  }, 30_000);

  it('refuses an output path that is a folder, clearly and without touching anything', () => {
    const dir = tempDir('atomic-isdir-');
    copyGoodSeeds(join(dir, 'seeds'));
    const target = join(dir, 'contacts.json');
    mkdirSync(target);
    writeFileSync(join(target, 'keep.txt'), 'precious');
    const before = readdirSync(dir).sort();
    const r = runSync(cliArgs(join(dir, 'seeds'), target));
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('is a folder');
    expect(r.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(readdirSync(dir).sort()).toEqual(before);
    expect(readdirSync(target)).toEqual(['keep.txt']);
    expect(readFileSync(join(target, 'keep.txt'), 'utf8')).toBe('precious');
    expect(existsSync(join(dir, 'seeds', '000_6a64a41c4db9d813.txt'))).toBe(true);
  }, 30_000);
});
