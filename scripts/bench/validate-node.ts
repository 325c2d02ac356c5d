/**
 * `tsx scripts/bench/validate-node.ts [--sizes 10000,100000] [--reps N] [--inline] [--impl path/to/validate.ts]`
 *
 * Speed of `validateDataset` in Node on the dataset as the app receives it: `benchDataset(n)` split into the main
 * file and its text chunks (`splitTexts`), serialized and parsed again (so the input is plain parsed JSON, as after
 * `fetch().json()`). `--inline` validates the single-file form instead (texts and evidence inline). Prints the
 * median, min and max of `--reps` timed runs after a few warm-up runs, and the number of errors and warnings (both 0
 * for a bench dataset). `--impl` times another copy of validate.ts (a saved older version, to compare). Not a test:
 * figures are printed, never checked.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { benchDataset } from './datasets.ts';
import { splitTexts } from '../dataset-files.ts';
import type { ValidationResult } from '../../src/lib/dataset/validate.ts';

const args = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const SIZES = (arg('--sizes') ?? '10000,100000').split(',').map(Number);
const REPS = Number(arg('--reps') ?? 15);
const INLINE = args.includes('--inline');
const impl = arg('--impl');

const { validateDataset } = (await import(
  impl ? pathToFileURL(resolve(impl)).href : '../../src/lib/dataset/validate.ts'
)) as { validateDataset: (data: unknown) => ValidationResult };

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};

console.log(`validateDataset${impl ? ` (${impl})` : ''}, ${INLINE ? 'inline' : 'stored (split)'} form, ${REPS} reps`);
for (const n of SIZES) {
  const dataset = benchDataset(n);
  const stored = INLINE ? dataset : splitTexts(dataset, `bench-${n}.texts`).main;
  const json = JSON.stringify(stored);
  const data: unknown = JSON.parse(json);
  let result = validateDataset(data);
  for (let i = 0; i < 3; i++) result = validateDataset(data);
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
    result = validateDataset(data);
    times.push(performance.now() - t0);
  }
  console.log(
    `${String(n).padStart(7)} events: median ${median(times).toFixed(2)} ms, min ${Math.min(...times).toFixed(2)}, ` +
      `max ${Math.max(...times).toFixed(2)} (${(json.length / 1e6).toFixed(1)} MB JSON; ` +
      `${result.errors.length} errors, ${result.warnings.length} warnings)`,
  );
}
