/**
 * `npm test`: every check in one command, in the order a failure is cheapest to read — types, lint, formatting, unit
 * and component tests, the date tests again under a far-off time zone, the production build, browser tests, then the
 * benchmark's quick mode as a smoke test.
 * All stages run even after a failure (so one run shows every problem); the exit code is non-zero if any failed.
 *
 * Ends with one plain line `N passed, N failed` totalled over all stages: each Vitest test counts once, and each
 * non-Vitest stage (type check, lint, format, build) counts as one test.
 *
 * Usage: tsx scripts/run-tests.ts [--skip-browser]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';

interface Stage {
  name: string;
  command: string[];
  env?: Record<string, string>;
  /** Vitest JSON report to read the counts from. */
  report?: string;
  /** Skip when an earlier stage of this name failed. */
  needs?: string;
}

const skipBrowser = process.argv.includes('--skip-browser');
const vitest = (name: string, args: string[], env?: Record<string, string>): Stage => ({
  name,
  command: [
    'npx',
    'vitest',
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=test-results/${name}.json`,
  ],
  report: `test-results/${name}.json`,
  env,
});

const stages: Stage[] = [
  { name: 'typecheck', command: ['npx', 'svelte-check', '--tsconfig', './tsconfig.json', '--fail-on-warnings'] },
  { name: 'lint', command: ['npx', 'eslint', '.', '--max-warnings=0'] },
  { name: 'format', command: ['npx', 'prettier', '--check', '.'] },
  vitest('unit', ['--project', 'unit', '--project', 'component']),
  // The same date and compiler tests in a zone 14 hours ahead of UTC and one 8 hours behind: date logic must not
  // depend on where the build runs.
  vitest('unit-tz-kiritimati', ['--project', 'unit', 'scripts/compiler'], { TEST_TZ: 'Pacific/Kiritimati' }),
  vitest('unit-tz-los-angeles', ['--project', 'unit', 'scripts/compiler'], { TEST_TZ: 'America/Los_Angeles' }),
  // The build side against bad, hostile and huge input, and a build killed mid-write (bounded and seeded).
  vitest('robustness', ['--project', 'robustness']),
  { name: 'build', command: ['npm', 'run', 'build', '--silent'] },
];
if (!skipBrowser) {
  stages.push({ ...vitest('browser', ['--project', 'browser']), needs: 'build' });
  // The benchmark's quick mode as a smoke test (~1 minute): it fails only when the benchmark itself breaks (no
  // render, gestures that move nothing, keystrokes not seen), never on timings — CI machines are shared and noisy.
  stages.push({
    name: 'bench-quick',
    command: ['npx', 'tsx', 'scripts/bench/run.ts', '--quick', '--out', 'test-results/bench-quick.json'],
    needs: 'build',
  });
}

rmSync('test-results', { recursive: true, force: true });
mkdirSync('test-results', { recursive: true });

let passed = 0;
let failed = 0;
const failedStages: string[] = [];
const rows: string[] = [];

for (const stage of stages) {
  if (stage.needs && failedStages.includes(stage.needs)) {
    console.log(`\n▶ ${stage.name}: skipped because ${stage.needs} failed`);
    failed += 1;
    failedStages.push(stage.name);
    rows.push(`${stage.name}: skipped`);
    continue;
  }
  console.log(`\n▶ ${stage.name}: ${stage.command.join(' ')}`);
  const started = Date.now();
  const run = spawnSync(stage.command[0]!, stage.command.slice(1), {
    stdio: 'inherit',
    env: { ...process.env, ...stage.env },
  });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  let p = ok ? 1 : 0;
  let f = ok ? 0 : 1;
  if (stage.report) {
    const counts = readVitestCounts(stage.report);
    if (counts) {
      p = counts.passed;
      // A crashed run (e.g. a file that fails to import) can have failed tests: 0 but a non-zero exit.
      f = Math.max(counts.failed, ok ? 0 : 1);
    }
  }
  passed += p;
  failed += f;
  if (!ok) failedStages.push(stage.name);
  rows.push(`${stage.name}: ${p} passed, ${f} failed (${seconds} s)`);
}

console.log('\nSummary');
for (const row of rows) console.log(`  ${row}`);
if (failedStages.length) console.log(`  failed stages: ${failedStages.join(', ')}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);

function readVitestCounts(file: string): { passed: number; failed: number } | null {
  try {
    const report = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number };
    return { passed: report.numPassedTests, failed: report.numFailedTests };
  } catch {
    return null;
  }
}
