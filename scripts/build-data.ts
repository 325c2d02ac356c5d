/**
 * `npm run build:data -- [--seeds DIR] [--out FILE] [--strict] [--report FILE] [--quiet]`
 *
 * Compiles every article in the seeds folder into the dataset. Exit codes: 0 = written (warnings allowed);
 * 1 = errors found and --strict given (nothing written); 2 = usage error (bad flag, missing seeds folder).
 * The dataset is the main file plus its article texts in per-year chunks beside it (`contacts.texts/`, see
 * ./dataset-files.ts); every file is written atomically (temporary file + rename), the main file last, so an
 * interrupted build leaves the old dataset intact.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compileSeeds, createContext } from './compiler/compile.ts';
import { readSeeds, writeAtomically } from './seeds-reader.ts';
import { textsFolderName, writeDatasetFiles } from './dataset-files.ts';
import { loadKnowledge, parseYamlCached, DEFAULT_KNOWLEDGE_DIR, type KnowledgeEntry } from './compiler/knowledge.ts';

const USAGE = 'Usage: npm run build:data -- [--seeds DIR] [--out FILE] [--strict] [--report FILE] [--quiet]';

interface Options {
  seeds: string;
  out: string;
  strict: boolean;
  report?: string;
  quiet: boolean;
}

function parseArgs(argv: string[]): Options | string {
  const options: Options = { seeds: 'seeds', out: 'public/data/contacts.json', strict: false, quiet: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined || v.startsWith('--')) throw new Error(`${arg} needs a value`);
      return v;
    };
    try {
      if (arg === '--seeds') options.seeds = value();
      else if (arg === '--out') options.out = value();
      else if (arg === '--report') options.report = value();
      else if (arg === '--strict') options.strict = true;
      else if (arg === '--quiet') options.quiet = true;
      else if (arg === '--help' || arg === '-h') return 'help';
      else return `unknown option ${arg}`;
    } catch (e) {
      return (e as Error).message;
    }
  }
  return options;
}

function main(): number {
  const options = parseArgs(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (typeof options === 'string') {
    console.error(`build:data: ${options}\n${USAGE}`);
    return 2;
  }
  if (!existsSync(options.seeds) || !statSync(options.seeds).isDirectory()) {
    console.error(
      `build:data: the seeds folder "${options.seeds}" does not exist; create it and put articles (*.txt) in it.\n${USAGE}`,
    );
    return 2;
  }
  for (const [flag, path] of [
    ['--out', options.out],
    ['--report', options.report],
  ] as const)
    if (path !== undefined && existsSync(path) && statSync(path).isDirectory()) {
      console.error(
        `build:data: ${flag} "${path}" is a folder; give a file name instead, e.g. ${flag} ${join(path, flag === '--out' ? 'contacts.json' : 'report.json')}.\n${USAGE}`,
      );
      return 2;
    }
  const started = performance.now();
  const knowledge = loadKnowledge();
  // Through the same content-hashed parse cache as the knowledge tables (a cold YAML parse is 20–40 ms).
  const cues = parseYamlCached(readFileSync(join(DEFAULT_KNOWLEDGE_DIR, 'cues.yaml'), 'utf8'), 'cues') as Record<
    string,
    KnowledgeEntry
  >;
  const ctx = createContext(knowledge, cues);
  const { seeds, problems } = readSeeds(options.seeds);
  const result = compileSeeds(seeds, ctx, {
    onProgress: options.quiet || !process.stderr.isTTY ? undefined : (done, total) => progress(done, total),
  });
  const errors = [...problems, ...result.errors];

  if (!options.quiet) {
    for (const f of result.files) {
      const state = f.errors.length ? 'ERROR' : f.relevant ? 'relevant' : 'not relevant';
      console.log(
        `${f.file}: ${state}, ${f.events} event${f.events === 1 ? '' : 's'}, ${f.warnings.length} warning${f.warnings.length === 1 ? '' : 's'}`,
      );
      for (const w of f.warnings) console.log(`  warning: ${w}`);
      for (const e of f.errors) console.log(`  error: ${e}`);
    }
    for (const p of problems) console.log(`error: ${p}`);
  }
  const { dataset } = result;
  const summary = `${dataset.events.length} events from ${dataset.documents.length} articles (${dataset.documents.filter((d) => d.relevant).length} relevant) in ${((performance.now() - started) / 1000).toFixed(2)} s`;
  if (options.report) writeAtomically(options.report, `${JSON.stringify({ files: result.files, errors }, null, 2)}\n`);
  if (options.strict && errors.length > 0) {
    console.error(`build:data: ${errors.length} error(s) and --strict: ${options.out} was not written.`);
    return 1;
  }
  if (result.errors.some((e) => e.startsWith('dataset:'))) {
    console.error(
      `build:data: the compiled dataset failed validation; ${options.out} was not written:\n${result.errors.join('\n')}`,
    );
    return 1;
  }
  const { mainBytes, textBytes } = writeDatasetFiles(options.out, dataset);
  console.log(
    `build:data: wrote ${options.out} (${kb(mainBytes)}; article texts ${kb(textBytes)} in ${textsFolderName(options.out)}/): ${summary}${errors.length ? `, ${errors.length} error(s)` : ''}`,
  );
  return 0;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

function progress(done: number, total: number) {
  if (total < 50) return;
  const width = 30;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}${done === total ? '\n' : ''}`,
  );
}

process.exitCode = main();
