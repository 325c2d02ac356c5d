/**
 * The build never crashes on bad or hostile seed folders, never loses the real articles beside a bad file, and
 * tells the curator which file is bad and what to do. Every case is a temporary seeds folder holding the real
 * articles (with their sidecar) plus one bad input from scripts/fuzz/inputs.ts; the bulk runs in-process
 * (readSeeds + compileSeeds), a representative subset through the real command.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { badInputs, FIFTY_MB, materialize, restorePermissions, type BadCase } from '../../scripts/fuzz/inputs.ts';
import {
  baseline,
  buildContext,
  copyGoodSeeds,
  goodArticles,
  judge,
  runCli,
  runInProcess,
  type Baseline,
  type RunResult,
} from '../../scripts/fuzz/harness.ts';

/** Fixed seed: the same inputs on every run and machine. */
const SEED = 20250713;
/**
 * The "huge file" case: a real 50 MB file. The compiler analyses only the first million characters of a file (with a
 * warning), so this runs in seconds.
 */
const BIG_BYTES = FIFTY_MB;
/** Cases also run through the real command (plus every case that could block a process: FIFOs, devices). */
const CLI_SUBSET = new Set(['png', 'mojibake-cp1252', 'sidecar-unclosed-bracket', 'symlink-missing', 'name-cyrillic']);

const cases = badInputs({ seed: SEED, bigBytes: BIG_BYTES });
const totals = { tried: 0, viaCli: 0, crashes: 0, dataLost: 0, failures: 0, conditionsSkipped: [] as string[] };
const temps: string[] = [];
let clean: Baseline;

function setUp(c: BadCase): { seedsDir: string; outDir: string; prepared: BadCase } {
  const root = mkdtempSync(join(tmpdir(), `fuzz-${c.id}-`));
  temps.push(root);
  const seedsDir = join(root, 'seeds');
  copyGoodSeeds(seedsDir);
  const prepared = materialize(c, seedsDir);
  if (prepared.skipped) totals.conditionsSkipped.push(`${c.id}: ${prepared.skipped}`);
  return { seedsDir, outDir: join(root, 'out'), prepared };
}

function record(c: BadCase, run: RunResult, seedsDir: string, cli: boolean) {
  restorePermissions(c, seedsDir);
  totals.tried++;
  if (cli) totals.viaCli++;
  if (run.crash) totals.crashes++;
  const verdict = judge(c, run, clean);
  if (verdict.dataLost.length) totals.dataLost++;
  if (verdict.failures.length) totals.failures++;
  expect(run.crash, `${c.id} crashed`).toBeNull();
  expect(verdict.dataLost, `${c.id} lost good data`).toEqual([]);
  expect(verdict.failures, c.id).toEqual([]);
}

beforeAll(() => {
  const root = mkdtempSync(join(tmpdir(), 'fuzz-clean-'));
  temps.push(root);
  copyGoodSeeds(join(root, 'seeds'));
  const run = runInProcess(join(root, 'seeds'));
  expect(run.crash).toBeNull();
  clean = baseline(run.outcome!.dataset);
  // The premise: every real article reports a contact, so "same reported events" is a meaningful check.
  for (const file of goodArticles()) expect(clean.get(file)?.length, file).toBeGreaterThan(0);
  buildContext();
});

afterAll(() => {
  for (const t of temps) rmSync(t, { recursive: true, force: true });
  console.log(
    `robustness: ${totals.tried} bad inputs tried (${totals.viaCli} through the CLI), ${totals.crashes} crashes, ` +
      `${totals.dataLost} data lost, ${totals.failures} other failures` +
      (totals.conditionsSkipped.length ? `; not testable here: ${totals.conditionsSkipped.join('; ')}` : ''),
  );
});

describe('build on bad seed folders (in-process)', () => {
  it('has enough bad inputs', () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
  });

  it('generates the same inputs from the same seed', () => {
    const again = badInputs({ seed: SEED, bigBytes: BIG_BYTES });
    const bytes = (cs: BadCase[]) =>
      cs.flatMap((c) => c.entries.map((e) => Buffer.from(e.bytes ?? new Uint8Array(0)).toString('base64')));
    expect(bytes(again)).toEqual(bytes(cases));
    expect(bytes(badInputs({ seed: SEED + 1, bigBytes: BIG_BYTES }))).not.toEqual(bytes(cases));
  });

  for (const c of cases.filter((c) => !c.cliOnly)) {
    it(c.id, () => {
      const { seedsDir, prepared } = setUp(c);
      record(prepared, runInProcess(seedsDir), seedsDir, false);
    });
  }
});

describe.concurrent('build on bad seed folders (the real command)', () => {
  for (const c of cases.filter((c) => c.cliOnly || CLI_SUBSET.has(c.id))) {
    it(`${c.id} (CLI)`, { timeout: 60_000 }, async () => {
      const { seedsDir, outDir, prepared } = setUp(c);
      record(prepared, await runCli(seedsDir, outDir, 30_000), seedsDir, true);
    });
  }
});
