/**
 * The dataset is replaced atomically: a build killed at any moment leaves the previous file byte-identical, never
 * half a file; a missing output folder is created; an output path that is a folder is refused without damage.
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
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateDataset } from '../../src/lib/dataset/validate.ts';
import { copyGoodSeeds, goodArticles, goodSeedNames, ROOT, SEEDS } from '../../scripts/fuzz/harness.ts';

const COPIES = 3000;
/** Small enough to finish in a few seconds, so the kill can land while the dataset is being written. */
const SMALL_COPIES = 300;
const temps: string[] = [];
let corpus: string;
let smallCorpus: string;
let previous: Buffer;

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

/** A folder holding the previous, valid dataset. */
function outputWithPrevious(): { dir: string; out: string } {
  const dir = tempDir('atomic-out-');
  const out = join(dir, 'contacts.json');
  writeFileSync(out, previous);
  return { dir, out };
}

/** Starts the build and SIGKILLs it after `ms`, or as soon as a temporary file appears beside `out` (inotify). */
function killDuringBuild(seeds: string, out: string, ms: number, onTempFile = false): Promise<{ killed: boolean }> {
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, cliArgs(seeds, out), { cwd: ROOT, stdio: 'ignore' });
    let killed = false;
    const kill = () => {
      if (child.exitCode === null && child.signalCode === null) killed = child.kill('SIGKILL');
    };
    const timer = setTimeout(kill, ms);
    const watcher = onTempFile
      ? watch(dirname(out), (_event, name) => {
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
}

beforeAll(() => {
  // The previous dataset: a clean build of the real seeds.
  const seeds = tempDir('atomic-seeds-');
  copyGoodSeeds(join(seeds, 'seeds'));
  const out = join(seeds, 'previous.json');
  const r = runSync(cliArgs(join(seeds, 'seeds'), out));
  expect(r.status, r.stderr).toBe(0);
  previous = readFileSync(out);
  expect(validateDataset(JSON.parse(previous.toString('utf8'))).errors).toEqual([]);

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
      expect(readdirSync(dir), 'no partial or temporary file beside the output').toEqual(['contacts.json']);
    }
  }, 30_000);

  it('never exposes half a file at the output path, even when killed while writing', async () => {
    const { dir, out } = outputWithPrevious();
    // Kill the moment the temporary file appears, i.e. while the new dataset is being written. This is a race the
    // kill may lose (the write takes milliseconds); both outcomes are checked.
    const { killed } = await killDuringBuild(smallCorpus, out, 25_000, true);
    // Whatever happened, the output path holds a whole dataset: the old one, or (if the rename won the race against
    // the kill) the complete new one, never a fragment.
    const now = readFileSync(out);
    let state = 'previous dataset kept';
    if (!now.equals(previous)) {
      const data = JSON.parse(now.toString('utf8'));
      expect(validateDataset(data).errors).toEqual([]);
      expect(data.documents).toHaveLength(SMALL_COPIES * goodArticles().length);
      state = 'complete new dataset';
    }
    console.log(
      `atomic-write: kill while writing ${killed ? 'landed' : 'missed (the build finished first)'}: ${state}`,
    );
    expect(readdirSync(dir).filter((n) => !n.endsWith('.tmp'))).toEqual(['contacts.json']);
  }, 30_000);

  it('creates a missing output folder', () => {
    const seeds = tempDir('atomic-newdir-');
    copyGoodSeeds(join(seeds, 'seeds'));
    const out = join(seeds, 'does', 'not', 'exist', 'contacts.json');
    const r = runSync(cliArgs(join(seeds, 'seeds'), out));
    expect(r.status, r.stderr).toBe(0);
    expect(validateDataset(JSON.parse(readFileSync(out, 'utf8'))).errors).toEqual([]);
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
