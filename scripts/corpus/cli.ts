/**
 * `tsx scripts/corpus/cli.ts --count N --out DIR [--seed S]`
 *
 * Writes a deterministic SYNTHETIC corpus (see ./generate.ts) into DIR: `synthetic_000001.txt` … plus
 * `.meta.yaml` sidecars for the articles dated by a sidecar. Never writes into the repository's seeds/ folder.
 * Exit codes: 0 = written; 2 = usage error or refused output folder.
 */
import { existsSync, mkdirSync, realpathSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadKnowledge } from '../compiler/knowledge.ts';
import { generateCorpus } from './generate.ts';

const USAGE = 'Usage: tsx scripts/corpus/cli.ts --count N --out DIR [--seed S]   (S defaults to 1)';
const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

interface Options {
  count: number;
  out: string;
  seed: number;
}

export function parseArgs(argv: string[]): Options | 'help' | string {
  let count: number | undefined;
  let out: string | undefined;
  let seed = 1;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') return 'help';
    if (arg !== '--count' && arg !== '--out' && arg !== '--seed') return `unknown option ${arg}`;
    const value = argv[++i];
    if (value === undefined || value.startsWith('--')) return `${arg} needs a value`;
    if (arg === '--out') out = value;
    else {
      if (!/^\d+$/.test(value)) return `${arg} must be a non-negative integer, got "${value}"`;
      const n = Number(value);
      if (arg === '--count') count = n;
      else if (n > 0xffffffff) return '--seed must fit in 32 bits';
      else seed = n;
    }
  }
  if (count === undefined) return '--count is required';
  if (count < 1 || count > 1_000_000) return '--count must be between 1 and 1000000';
  if (!out) return '--out is required';
  return { count, out, seed };
}

/** The folder's real path, resolving symlinks of the part that already exists. */
function realish(path: string): string {
  let existing = resolve(path);
  const rest: string[] = [];
  while (!existsSync(existing) && dirname(existing) !== existing) {
    rest.unshift(existing.slice(dirname(existing).length).replace(/^[/\\]/, ''));
    existing = dirname(existing);
  }
  return join(realpathSync(existing), ...rest);
}

/** Whether `dir` is the repository's seeds/ folder or inside it. */
export function insideSeeds(dir: string, repo = REPO): boolean {
  const seeds = realish(join(repo, 'seeds'));
  const rel = relative(seeds, realish(dir));
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function main(): number {
  const options = parseArgs(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (typeof options === 'string') {
    console.error(`corpus: ${options}\n${USAGE}`);
    return 2;
  }
  if (insideSeeds(options.out)) {
    console.error(
      `corpus: refusing to write into the repository's seeds/ folder (${options.out}): synthetic articles must never mix with real ones. Choose another --out, e.g. /tmp/corpus.`,
    );
    return 2;
  }
  const articles = generateCorpus({ count: options.count, seed: options.seed, knowledge: loadKnowledge() });
  mkdirSync(options.out, { recursive: true });
  let files = 0;
  let bytes = 0;
  for (const a of articles) {
    const data = typeof a.text === 'string' ? Buffer.from(a.text, 'utf8') : a.text;
    writeFileSync(join(options.out, a.file), data);
    files++;
    bytes += data.byteLength;
    if (a.sidecar) {
      const sidecar = Buffer.from(a.sidecar, 'utf8');
      writeFileSync(join(options.out, a.file.replace(/\.txt$/, '.meta.yaml')), sidecar);
      files++;
      bytes += sidecar.byteLength;
    }
  }
  console.log(
    `corpus: wrote ${files} files (${articles.length} articles, ${files - articles.length} sidecars), ${bytes} bytes to ${options.out} (seed ${options.seed})`,
  );
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
