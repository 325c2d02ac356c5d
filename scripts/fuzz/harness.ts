/**
 * Runs the build on a seeds folder that holds the real articles plus something bad, and judges the result: did it
 * crash, did the real articles lose data, does the output validate, did a message name the bad file and say what to
 * do. Shared by tests/robustness and `scripts/fuzz/cli.ts`.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { Dataset } from '../../src/lib/dataset/types.ts';
import { validateDataset } from '../../src/lib/dataset/validate.ts';
import { compileSeeds, createContext } from '../compiler/compile.ts';
import type { ExtractorContext } from '../compiler/extract.ts';
import { DEFAULT_KNOWLEDGE_DIR, loadKnowledge, type KnowledgeEntry } from '../compiler/knowledge.ts';
import { readDatasetWithTexts } from '../dataset-files.ts';
import { readSeeds } from '../seeds-reader.ts';
import type { BadCase, CaseOutcome } from './inputs.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SEEDS = join(ROOT, 'seeds');

/** The real articles (and their sidecars) that every bad input is put beside. */
export function goodSeedNames(): string[] {
  const names = readdirSync(SEEDS).sort();
  return names.filter(
    (n) => n.endsWith('.txt') || (n.endsWith('.meta.yaml') && names.includes(n.replace(/\.meta\.yaml$/, '.txt'))),
  );
}
export const goodArticles = (): string[] => goodSeedNames().filter((n) => n.endsWith('.txt'));

export function copyGoodSeeds(dir: string) {
  mkdirSync(dir, { recursive: true });
  for (const name of goodSeedNames()) copyFileSync(join(SEEDS, name), join(dir, name));
}

let context: ExtractorContext | null = null;
/** The same knowledge base and cues the CLI loads. */
export function buildContext(): ExtractorContext {
  if (!context) {
    const cues = parse(readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'cues.yaml'), 'utf8')) as Record<
      string,
      KnowledgeEntry
    >;
    context = createContext(loadKnowledge(), cues);
  }
  return context;
}

/** Ids of the events an article reports as its news (what must survive a bad neighbour). */
export function reportedIds(dataset: Dataset, file: string): string[] {
  const doc = dataset.documents.find((d) => d.file === file);
  if (!doc) return [];
  return dataset.events
    .filter((e) => e.sources.some((s) => s.document === doc.id && s.status === 'reported'))
    .map((e) => e.id)
    .sort();
}

export type Baseline = Map<string, string[]>;

/** What a clean build of the real articles reports, per article. */
export function baseline(dataset: Dataset): Baseline {
  return new Map(goodArticles().map((f) => [f, reportedIds(dataset, f)]));
}

export interface RunResult {
  /** Why the build failed as a whole (exception, non-zero exit, signal, timeout), or null. */
  crash: string | null;
  /** Internal failures the compiler caught per article ("could not be analysed"): bugs, not input problems. */
  analyserFailures: string[];
  outcome: CaseOutcome | null;
}

/** readSeeds + compileSeeds in this process: fast, for the bulk of the cases. */
export function runInProcess(seedsDir: string): RunResult {
  try {
    const { seeds, problems } = readSeeds(seedsDir);
    const result = compileSeeds(seeds, buildContext());
    const messages = [...problems, ...result.files.flatMap((f) => [...f.warnings, ...f.errors])];
    const dataset = JSON.parse(JSON.stringify(result.dataset)) as Dataset;
    const analyserFailures = result.errors.filter(
      (e) => e.includes('could not be analysed') || e.startsWith('dataset:'),
    );
    return { crash: null, analyserFailures, outcome: { dataset, messages } };
  } catch (e) {
    return { crash: `threw ${(e as Error).stack ?? String(e)}`, analyserFailures: [], outcome: null };
  }
}

/** The real command, as a user runs it (no --strict: bad files must not stop the build). */
export function runCli(seedsDir: string, outDir: string, timeoutMs = 30_000): Promise<RunResult> {
  const out = join(outDir, 'contacts.json');
  const report = join(outDir, 'report.json');
  return new Promise((resolvePromise) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'scripts/build-data.ts', '--seeds', seedsDir, '--out', out, '--report', report],
      { cwd: ROOT, env: { ...process.env, TZ: 'UTC' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      let crash: string | null = null;
      if (timedOut) crash = `timed out after ${timeoutMs} ms (hang)`;
      else if (code !== 0) crash = `exit ${code ?? signal}: ${stderr.slice(0, 2000)}`;
      else if (!existsSync(out)) crash = 'exit 0 but no output written';
      let dataset: Dataset | null = null;
      try {
        if (!crash) dataset = readDatasetWithTexts(out); // the texts back from their chunk files
      } catch (e) {
        crash = `exit 0 but the output cannot be read back: ${(e as Error).message}`;
      }
      if (crash || !dataset) return resolvePromise({ crash, analyserFailures: [], outcome: null });
      const reportJson = JSON.parse(readFileSync(report, 'utf8')) as { errors: string[] };
      resolvePromise({
        crash: null,
        analyserFailures: reportJson.errors.filter(
          (e) => e.includes('could not be analysed') || e.startsWith('dataset:'),
        ),
        outcome: { dataset, messages: `${stdout}\n${stderr}`.split('\n').filter(Boolean) },
      });
    });
  });
}

/** Words that tell the curator what to do about a problem. */
const ACTION =
  /\b(fix|remove|delete|re-save|rename|check|add|find|write|save|report|see|set|use|should)\b|known( keys)?:/i;

export interface Verdict {
  /** The real articles' reported events changed or vanished. */
  dataLost: string[];
  /** Output invalid, message missing, case-specific check failed. */
  failures: string[];
}

export function judge(c: Pick<BadCase, 'message' | 'check'>, run: RunResult, clean: Baseline): Verdict {
  const dataLost: string[] = [];
  const failures: string[] = [];
  if (!run.outcome) return { dataLost: ['build produced no dataset'], failures };
  const { dataset, messages } = run.outcome;
  for (const [file, ids] of clean) {
    const doc = dataset.documents.find((d) => d.file === file);
    if (!doc) {
      dataLost.push(`${file}: missing from the dataset`);
      continue;
    }
    if (!doc.relevant) dataLost.push(`${file}: no longer relevant`);
    const now = reportedIds(dataset, file);
    if (now.join() !== ids.join())
      dataLost.push(`${file}: reported events ${ids.join()} became ${now.join() || 'none'}`);
  }
  const validation = validateDataset(dataset);
  if (validation.errors.length) failures.push(`dataset invalid: ${validation.errors.slice(0, 3).join('; ')}`);
  failures.push(...run.analyserFailures.map((f) => `compiler failure: ${f}`));
  if (c.message) {
    const { file, line } = c.message;
    const naming = messages.filter((m) => m.includes(line === undefined ? file : `${file}:${line}`));
    if (naming.length === 0)
      failures.push(
        `no message names ${file}${line === undefined ? '' : `:${line}`}; got: ${messages.slice(0, 5).join(' | ') || 'nothing'}`,
      );
    else if (!naming.some((m) => ACTION.test(m))) failures.push(`message does not say what to do: ${naming[0]}`);
  }
  const extra = c.check?.(run.outcome);
  if (extra) failures.push(extra);
  return { dataLost, failures };
}
