/**
 * Deeper robustness runs than CI can afford:
 *
 *   tsx scripts/fuzz/cli.ts [--seed S] [--rounds N] [--big] [--catalogue]
 *
 * Each round puts a randomly damaged copy of a real seed (bit flips, truncation, control characters, re-encoding,
 * spliced bytes; sometimes a damaged sidecar too) beside the real articles and compiles the folder in-process.
 * `--catalogue` first runs every case of scripts/fuzz/inputs.ts, `--big` with the real 50 MB file. Prints totals;
 * exits 1 on any crash, data loss, invalid dataset or compiler failure, naming the seed and round to replay.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import {
  FIFTY_MB,
  badInputs,
  materialize,
  mojibake,
  mulberry32,
  pick,
  randInt,
  randomBytes,
  restorePermissions,
  type Rng,
} from './inputs.ts';
import { SEEDS, baseline, copyGoodSeeds, goodSeedNames, judge, runInProcess, type Baseline } from './harness.ts';

const USAGE = 'Usage: tsx scripts/fuzz/cli.ts [--seed S] [--rounds N] [--big] [--catalogue]';

interface Options {
  seed: number;
  rounds: number;
  big: boolean;
  catalogue: boolean;
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { seed: 1, rounds: 200, big: false, catalogue: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const number = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n < 0) throw new Error(`${arg} needs a whole number`);
      return n;
    };
    try {
      if (arg === '--seed') options.seed = number();
      else if (arg === '--rounds') options.rounds = number();
      else if (arg === '--big') options.big = true;
      else if (arg === '--catalogue') options.catalogue = true;
      else if (arg === '--help' || arg === '-h') return 'help';
      else return `unknown option ${arg}`;
    } catch (e) {
      return (e as Error).message;
    }
  }
  return options;
}

// ---------------------------------------------------------------------------------------------------------
// Mutations

type Mutation = (bytes: Uint8Array, rng: Rng) => [Uint8Array, string];

const CONTROLS = [
  [0x00],
  [0x07],
  [0x08],
  [0x0b],
  [0x0c],
  [0x0d],
  [0x1b],
  [0x7f],
  [0xc2, 0x85], // NEL
  [0xe2, 0x80, 0x8b], // zero-width space
  [0xe2, 0x80, 0xae], // right-to-left override
  [0xe2, 0x80, 0xa8], // line separator
  [0xef, 0xbb, 0xbf], // BOM
  [0xef, 0xbf, 0xbd], // replacement character
];

const MUTATIONS: Record<string, Mutation> = {
  flip: (b, rng) => {
    const out = Uint8Array.from(b);
    const n = 1 + randInt(rng, 16);
    for (let i = 0; i < n && out.length; i++) out[randInt(rng, out.length)]! ^= 1 << randInt(rng, 8);
    return [out, `flip ${n} bits`];
  },
  truncate: (b, rng) => {
    const at = randInt(rng, b.length + 1);
    return [b.subarray(0, at), `truncate at ${at}`];
  },
  control: (b, rng) => {
    const parts: number[] = Array.from(b);
    const n = 1 + randInt(rng, 50);
    for (let i = 0; i < n; i++) parts.splice(randInt(rng, parts.length + 1), 0, ...pick(rng, CONTROLS));
    return [Uint8Array.from(parts), `insert ${n} control characters`];
  },
  reencode: (b, rng) => {
    const text = new TextDecoder().decode(b);
    const target = pick(rng, ['latin1', 'windows-1252', 'cp437', 'cp850', 'cp866', 'utf16le', 'utf16be', 'mojibake']);
    if (target === 'mojibake') {
      const page = pick(rng, ['windows-1252', 'latin1', 'cp437', 'cp850', 'cp852', 'cp866'] as const);
      return [new TextEncoder().encode(mojibake(text, page)), `mojibake through ${page}`];
    }
    return [Uint8Array.from(iconv.encode(text, target)), `re-encode as ${target}`];
  },
  splice: (b, rng) => {
    const at = randInt(rng, b.length + 1);
    const what = randInt(rng, 3);
    if (what === 0) {
      const junk = randomBytes(rng, 1 + randInt(rng, 256));
      return [
        Uint8Array.from([...b.subarray(0, at), ...junk, ...b.subarray(at)]),
        `insert ${junk.length} random bytes`,
      ];
    }
    const len = randInt(rng, Math.min(512, b.length - at) + 1);
    if (what === 1) return [Uint8Array.from([...b.subarray(0, at), ...b.subarray(at + len)]), `delete ${len} bytes`];
    const chunk = b.subarray(at, at + len);
    const times = 1 + randInt(rng, 200);
    const copies = Array.from({ length: times }, () => [...chunk]).flat();
    return [Uint8Array.from([...b.subarray(0, at), ...copies, ...b.subarray(at)]), `repeat ${len} bytes ${times}×`];
  },
};

function mutate(bytes: Uint8Array, rng: Rng): [Uint8Array, string[]] {
  let out = bytes;
  const steps: string[] = [];
  const n = 1 + randInt(rng, 3);
  for (let i = 0; i < n; i++) {
    const name = pick(rng, Object.keys(MUTATIONS));
    const [next, what] = MUTATIONS[name]!(out, rng);
    out = next;
    steps.push(what);
  }
  return [out, steps];
}

// ---------------------------------------------------------------------------------------------------------
// Runs

interface Totals {
  tried: number;
  crashes: number;
  dataLost: number;
  failures: number;
}

function tally(totals: Totals, label: string, run: ReturnType<typeof runInProcess>, verdict: ReturnType<typeof judge>) {
  totals.tried++;
  const problems = [
    ...(run.crash ? [`CRASH ${run.crash}`] : []),
    ...verdict.dataLost.map((d) => `DATA LOST ${d}`),
    ...verdict.failures.map((f) => `FAILED ${f}`),
  ];
  if (run.crash) totals.crashes++;
  if (verdict.dataLost.length) totals.dataLost++;
  if (verdict.failures.length) totals.failures++;
  for (const p of problems) console.log(`${label}: ${p.slice(0, 400)}`);
}

function main(): number {
  const options = parseArgs(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (typeof options === 'string') {
    console.error(`fuzz: ${options}\n${USAGE}`);
    return 2;
  }
  const started = performance.now();
  const work = mkdtempSync(join(tmpdir(), 'fuzz-'));
  const fresh = (name: string) => {
    const dir = join(work, name, 'seeds');
    copyGoodSeeds(dir);
    return dir;
  };
  try {
    const clean = runInProcess(fresh('clean'));
    if (!clean.outcome) throw new Error(`the clean seeds do not compile: ${clean.crash}`);
    const expected: Baseline = baseline(clean.outcome.dataset);
    const totals: Totals = { tried: 0, crashes: 0, dataLost: 0, failures: 0 };

    if (options.catalogue || options.big) {
      const cases = badInputs({ seed: options.seed, bigBytes: options.big ? FIFTY_MB : undefined }).filter(
        (c) => !c.cliOnly && (options.catalogue || c.id === 'huge-file'),
      );
      for (const c of cases) {
        const dir = fresh(`case-${c.id}`);
        const prepared = materialize(c, dir);
        const t = performance.now();
        const run = runInProcess(dir);
        restorePermissions(c, dir);
        tally(totals, `case ${c.id}`, run, judge(prepared, run, expected));
        const ms = performance.now() - t;
        if (ms > 2000) console.log(`case ${c.id}: ${(ms / 1000).toFixed(1)} s`);
      }
    }

    const rng = mulberry32(options.seed);
    const names = goodSeedNames();
    const originals = new Map(names.map((n) => [n, readFileSync(join(SEEDS, n))]));
    const articles = names.filter((n) => n.endsWith('.txt'));
    for (let round = 0; round < options.rounds; round++) {
      const dir = fresh(`round-${round}`);
      const source = pick(rng, articles);
      const [bytes, steps] = mutate(originals.get(source)!, rng);
      writeFileSync(join(dir, 'mutant.txt'), bytes);
      const sidecar = source.replace(/\.txt$/, '.meta.yaml');
      if (originals.has(sidecar) && rng() < 0.5) {
        const [yaml, yamlSteps] = mutate(originals.get(sidecar)!, rng);
        writeFileSync(join(dir, 'mutant.meta.yaml'), yaml);
        steps.push(...yamlSteps.map((s) => `sidecar: ${s}`));
      }
      const run = runInProcess(dir);
      tally(totals, `round ${round} (${source}: ${steps.join(', ')})`, run, judge({}, run, expected));
      rmSync(join(work, `round-${round}`), { recursive: true, force: true });
      if ((round + 1) % 100 === 0) console.error(`fuzz: ${round + 1}/${options.rounds} rounds`);
    }

    console.log(
      `fuzz: seed ${options.seed}: ${totals.tried} inputs tried, ${totals.crashes} crashes, ${totals.dataLost} data lost, ` +
        `${totals.failures} other failures in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return totals.crashes + totals.dataLost + totals.failures > 0 ? 1 : 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

process.exitCode = main();
