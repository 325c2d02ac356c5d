/**
 * `tsx scripts/bench/run.ts [--quick] [--runs N] [--compile-runs N] [--out FILE] [--rebuild] [--no-peer]`
 *
 * Measures the product against its targets and against vis-timeline 8.5.4 in one run; prints a Markdown table and
 * writes JSON (default bench-results/bench.json). Targets are reported, never enforced: the exit code is 1 only
 * when the benchmark itself did not work (no render, gestures that moved nothing, keystrokes that were not seen).
 *
 *   1. build:data on generated corpora (1,000 and 10,000 articles; --quick: 200): the CLI runs as a child
 *      (`node --import tsx scripts/build-data.ts`) under /usr/bin/time -v for its peak RSS (else ./rss-wrapper.ts).
 *      Throughput uses the compile time build:data prints itself (Node/tsx start-up excluded); the child's wall
 *      time is reported too. The 10,000-article corpus runs --compile-runs times (default 1: ≈ 2 min a run).
 *   2. dist/assets, each file gzipped with zlib (level 9); JS and CSS summed. dist is rebuilt with `npx vite build`
 *      when missing, older than the sources, or with --rebuild.
 *   3. headless Chromium 1280×800 on dist with dist/data/bench-N.json (1,000 / 10,000 / 100,000 events; --quick:
 *      1,000): first render, frame times during a fixed wheel/drag script, per-keystroke search time, JS heap.
 *      Definitions: ./browser.ts.
 *   4. the same first render and gestures on vis-timeline (./peer.html), groups = forum lanes, without and with
 *      `cluster: { maxItems: 1 }` (--quick: 1,000 events only).
 * Medians over --runs runs (default 3; --quick: 1).
 */
import { spawn } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { cpus, platform, release, tmpdir, totalmem, arch } from 'node:os';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';
import { startStaticServer, type RunningServer } from '../serve/static-server.ts';
import {
  APP_TARGET,
  PEER_TARGET,
  VIEWPORT,
  heapAfterGc,
  loadPhases,
  measureGestures,
  measureTyping,
  newBenchContext,
  openAndMeasure,
  settle,
  type FrameStats,
  type KeyStats,
  type LoadPhases,
  type Target,
} from './browser.ts';
import { LOAD_PHASES } from '../../src/lib/perf/load-marks.ts';
import { writeBenchDataset } from './datasets.ts';
import { buildPeer, linkPeerData } from './peer.ts';
import { fmt, medianOf, ratio } from './stats.ts';
import { CHROMIUM_ARGS, findChromium } from '../serve/chromium.ts';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// Resolved once; a missing browser is reported with advice where the browser part starts.
const CHROMIUM = (() => {
  try {
    return findChromium();
  } catch {
    return '/usr/bin/chromium';
  }
})();
const SEARCH_QUERY = 'Lavrov Wan'; // 10 characters: a person and the start of another
const USAGE =
  'Usage: tsx scripts/bench/run.ts [--quick] [--runs N] [--compile-runs N] [--out FILE] [--rebuild] [--no-peer]';

export const TARGETS = {
  compileArticlesPerS: 2000,
  jsGzipBytes: 60 * 1024,
  firstRenderMs: { 10000: 300, 100000: 1500 } as Record<number, number>,
  zoomP95Ms: { 10000: 17, 100000: 33 } as Record<number, number>,
  searchP95Ms: { 10000: 16 } as Record<number, number>,
};

interface Options {
  quick: boolean;
  runs: number;
  compileRuns: number;
  out: string;
  rebuild: boolean;
  peer: boolean;
}

function parseArgs(argv: string[]): Options | string {
  const o: Options = {
    quick: false,
    runs: 0,
    compileRuns: 1,
    out: 'bench-results/bench.json',
    rebuild: false,
    peer: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const int = () => {
      const v = argv[++i];
      if (!v || !/^\d+$/.test(v) || Number(v) < 1) throw new Error(`${arg} needs a positive integer`);
      return Number(v);
    };
    try {
      if (arg === '--quick') o.quick = true;
      else if (arg === '--runs') o.runs = int();
      else if (arg === '--compile-runs') o.compileRuns = int();
      else if (arg === '--out') {
        const v = argv[++i];
        if (!v || v.startsWith('--')) throw new Error('--out needs a file');
        o.out = v;
      } else if (arg === '--rebuild') o.rebuild = true;
      else if (arg === '--no-peer') o.peer = false;
      else if (arg === '--help' || arg === '-h') return 'help';
      else return `unknown option ${arg}`;
    } catch (e) {
      return (e as Error).message;
    }
  }
  if (o.runs === 0) o.runs = o.quick ? 1 : 3;
  if (o.quick) o.compileRuns = 1;
  return o;
}

const log = (msg: string) => process.stderr.write(`bench: ${msg}\n`);

// ------------------------------------------------------------------------------------------------ 1. compile

interface CompileRun {
  compileS: number | null;
  wallS: number;
  peakRssMb: number | null;
  exitCode: number | null;
}

interface CompileResult {
  articles: number;
  corpusBytes: number;
  runs: CompileRun[];
  median: {
    compileS: number | null;
    wallS: number | null;
    articlesPerS: number | null;
    mbPerS: number | null;
    peakRssMb: number | null;
  };
}

function dirBytes(dir: string): number {
  return readdirSync(dir).reduce((sum, f) => sum + statSync(join(dir, f)).size, 0);
}

function runChild(
  cmd: string,
  args: string[],
): Promise<{ code: number | null; stdout: string; stderr: string; wallS: number }> {
  return new Promise((ok, fail) => {
    const started = performance.now();
    const child = spawn(cmd, args, {
      cwd: REPO,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, FORCE_COLOR: '0' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', fail);
    child.on('close', (code) => ok({ code, stdout, stderr, wallS: (performance.now() - started) / 1000 }));
  });
}

async function benchCompile(articles: number, runs: number, work: string): Promise<CompileResult> {
  const corpus = join(work, `corpus-${articles}`);
  log(`generating ${articles} articles…`);
  const gen = await runChild(process.execPath, [
    '--import',
    'tsx',
    'scripts/corpus/cli.ts',
    '--count',
    String(articles),
    '--out',
    corpus,
    '--seed',
    '1',
  ]);
  if (gen.code !== 0) throw new Error(`corpus generation failed: ${gen.stderr}`);
  const corpusBytes = dirBytes(corpus);
  const gnuTime = existsSync('/usr/bin/time');
  const results: CompileRun[] = [];
  for (let r = 0; r < runs; r++) {
    log(`build:data on ${articles} articles, run ${r + 1}/${runs}…`);
    const script = ['scripts/build-data.ts', '--seeds', corpus, '--out', join(work, `out-${articles}.json`), '--quiet'];
    const child = gnuTime
      ? await runChild('/usr/bin/time', ['-v', process.execPath, '--import', 'tsx', ...script])
      : await runChild(process.execPath, ['--import', 'tsx', 'scripts/bench/rss-wrapper.ts', ...script]);
    const secs = /in ([\d.]+) s/.exec(child.stdout);
    const rss = gnuTime
      ? /Maximum resident set size \(kbytes\): (\d+)/.exec(child.stderr)
      : /bench:maxrss-kb=(\d+)/.exec(child.stderr);
    if (child.code !== 0) log(`build:data exited with ${child.code}: ${child.stderr.slice(-500)}`);
    results.push({
      compileS: secs ? Number(secs[1]) : null,
      wallS: child.wallS,
      peakRssMb: rss ? Number(rss[1]) / 1024 : null,
      exitCode: child.code,
    });
  }
  const compileS = medianOf(results.map((r) => r.compileS));
  return {
    articles,
    corpusBytes,
    runs: results,
    median: {
      compileS,
      wallS: medianOf(results.map((r) => r.wallS)),
      articlesPerS: compileS ? articles / compileS : null,
      mbPerS: compileS ? corpusBytes / 1e6 / compileS : null,
      peakRssMb: medianOf(results.map((r) => r.peakRssMb)),
    },
  };
}

// ------------------------------------------------------------------------------------------------ 2. bundle

interface BundleResult {
  rebuilt: boolean;
  files: { file: string; bytes: number; gzipBytes: number; initial: boolean }[];
  /**
   * JS the first view loads (the target): the page's classic script, its module script with what that imports, and
   * the app's code (with both languages' interface texts).
   */
  jsBytes: number;
  jsGzipBytes: number;
  /** JS fetched only on use (search worker, exports, embed dialog, print table). */
  lazyJsBytes: number;
  lazyJsGzipBytes: number;
  cssBytes: number;
  cssGzipBytes: number;
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const s = statSync(path);
  if (!s.isDirectory()) return s.mtimeMs;
  return readdirSync(path).reduce((m, f) => Math.max(m, newestMtime(join(path, f))), 0);
}

function distIsFresh(): boolean {
  const assets = join(REPO, 'dist/assets');
  if (!existsSync(join(REPO, 'dist/index.html')) || !existsSync(assets)) return false;
  const built = Math.min(
    ...readdirSync(assets).map((f) => statSync(join(assets, f)).mtimeMs),
    statSync(join(REPO, 'dist/index.html')).mtimeMs,
  );
  const sources = Math.max(
    ...['src', 'index.html', 'vite.config.ts', 'svelte.config.js', 'public/favicon.svg'].map((p) =>
      newestMtime(join(REPO, p)),
    ),
  );
  return built >= sources;
}

/**
 * What the page loads before any interaction, from Vite's manifest (dist/.vite/manifest.json): the entry of
 * index.html with its static imports, plus the app it imports at start-up (src/mount-app.ts: main.ts starts the
 * dataset request first, then loads the app) with its static imports and CSS, plus the interface texts it loads before
 * mounting: German, the default and the larger of the two (an English page loads src/lib/i18n/en.ts instead). Names
 * are file names in dist/assets.
 */
function firstViewAssets(): Set<string> {
  type Chunk = { file: string; imports?: string[]; css?: string[] };
  const manifest = JSON.parse(readFileSync(join(REPO, 'dist/.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;
  const names = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || names.has(basename(chunk.file))) return;
    names.add(basename(chunk.file));
    for (const css of chunk.css ?? []) names.add(basename(css));
    for (const next of chunk.imports ?? []) visit(next);
  };
  for (const key of ['index.html', 'src/mount-app.ts']) {
    if (!manifest[key]) throw new Error(`dist/.vite/manifest.json lacks ${key}: the app's entry points moved`);
    visit(key);
  }
  // The page's classic script (the early dataset request, scripts/vite/boot-script.ts) is in no manifest entry.
  for (const src of classicScripts(readFileSync(join(REPO, 'dist/index.html'), 'utf8'))) names.add(basename(src));
  return names;
}

/** The files of a page's classic scripts (`<script src>` without type="module"), as written in the page. */
export function classicScripts(html: string): string[] {
  return [...html.matchAll(/<script\b([^>]*)>/gi)]
    .map((m) => m[1]!)
    .filter((attrs) => !/\btype\s*=\s*["']?module/i.test(attrs))
    .flatMap((attrs) => /\bsrc\s*=\s*["']?([^"'\s>]+)/i.exec(attrs)?.[1] ?? []);
}

async function benchBundle(rebuild: boolean): Promise<BundleResult> {
  let rebuilt = false;
  if (rebuild || !distIsFresh()) {
    log('building the app (npx vite build)…');
    const child = await runChild('npx', ['vite', 'build']);
    if (child.code !== 0) throw new Error(`vite build failed:\n${child.stderr.slice(-2000)}`);
    rebuilt = true;
  }
  const assets = join(REPO, 'dist/assets');
  const named = firstViewAssets();
  const files = readdirSync(assets)
    .sort()
    .map((f) => {
      const data = readFileSync(join(assets, f));
      const gzipBytes = gzipSync(data, { level: 9 }).byteLength;
      return { file: `dist/assets/${f}`, bytes: data.byteLength, gzipBytes, initial: named.has(f) };
    });
  const sum = (ext: string, key: 'bytes' | 'gzipBytes', initial: boolean) =>
    files.filter((f) => f.file.endsWith(ext) && f.initial === initial).reduce((s, f) => s + f[key], 0);
  return {
    rebuilt,
    files,
    jsBytes: sum('.js', 'bytes', true),
    jsGzipBytes: sum('.js', 'gzipBytes', true),
    lazyJsBytes: sum('.js', 'bytes', false),
    lazyJsGzipBytes: sum('.js', 'gzipBytes', false),
    // All CSS, lazy chunks' included: small either way.
    cssBytes: sum('.css', 'bytes', true) + sum('.css', 'bytes', false),
    cssGzipBytes: sum('.css', 'gzipBytes', true) + sum('.css', 'gzipBytes', false),
  };
}

// ------------------------------------------------------------------------------------------------ 3 + 4. browser

interface PageRun {
  firstRenderMs: number | null;
  marks: number;
  /** Cluster marks on screen after load (settled). */
  clusters?: number;
  heapBytes: number | null;
  frames: FrameStats | null;
  keys?: KeyStats | null;
  /** The app's load, phase by phase (the peer has no such marks). */
  phases?: LoadPhases | null;
  error?: string;
}

interface Scenario {
  events: number;
  runs: PageRun[];
  median: {
    firstRenderMs: number | null;
    frameP50: number | null;
    frameP95: number | null;
    frameMax: number | null;
    keyP50?: number | null;
    keyP95?: number | null;
    searchP50?: number | null;
    searchP95?: number | null;
    computeP50?: number | null;
    computeP95?: number | null;
    heapMb: number | null;
    phases?: Partial<Record<keyof LoadPhases, number | null>>;
  };
}

function summarize(events: number, runs: PageRun[], withKeys: boolean): Scenario {
  return {
    events,
    runs,
    median: {
      firstRenderMs: medianOf(runs.map((r) => r.firstRenderMs)),
      frameP50: medianOf(runs.map((r) => r.frames?.p50)),
      frameP95: medianOf(runs.map((r) => r.frames?.p95)),
      frameMax: medianOf(runs.map((r) => r.frames?.max)),
      ...(withKeys
        ? {
            keyP50: medianOf(runs.map((r) => r.keys?.p50)),
            keyP95: medianOf(runs.map((r) => r.keys?.p95)),
            searchP50: medianOf(runs.map((r) => r.keys?.search?.p50)),
            searchP95: medianOf(runs.map((r) => r.keys?.search?.p95)),
            computeP50: medianOf(runs.map((r) => r.keys?.searchCompute?.p50)),
            computeP95: medianOf(runs.map((r) => r.keys?.searchCompute?.p95)),
          }
        : {}),
      heapMb: medianOf(runs.map((r) => (r.heapBytes == null ? null : r.heapBytes / 1048576))),
      ...(runs.some((r) => r.phases)
        ? {
            phases: Object.fromEntries(
              PHASE_KEYS.map((k) => [k, medianOf(runs.map((r) => r.phases?.[k]))]),
            ) as Scenario['median']['phases'],
          }
        : {}),
    },
  };
}

const PHASE_KEYS = [
  'requested',
  'received',
  ...LOAD_PHASES,
  'encodedBytes',
  'decodedBytes',
] as const satisfies readonly (keyof LoadPhases)[];

async function pageRun(
  browser: Browser,
  url: string,
  target: Target,
  opts: { timeoutMs: number; gestureBudgetMs: number; typing: boolean; dataFile?: string },
): Promise<PageRun> {
  const context = await newBenchContext(browser);
  try {
    const { page, first } = await openAndMeasure(context, url, target, opts.timeoutMs);
    if (first.ms === null)
      return { firstRenderMs: null, marks: 0, heapBytes: null, frames: null, keys: null, error: first.error };
    await settle(page);
    const phases = opts.dataFile ? await loadPhases(page, opts.dataFile).catch(() => null) : undefined;
    const clusters = (await page.evaluate(
      `document.querySelectorAll(${JSON.stringify(target.clusters)}).length`,
    )) as number;
    const heapBytes = await heapAfterGc(page).catch(() => null);
    let frames: FrameStats | null = null;
    let keys: KeyStats | null = null;
    let error: string | undefined;
    try {
      frames = await measureGestures(page, target, opts.gestureBudgetMs);
      if (opts.typing) {
        await settle(page, 300);
        keys = await measureTyping(page, SEARCH_QUERY);
      }
    } catch (e) {
      error = (e as Error).message.split('\n')[0];
    }
    return {
      firstRenderMs: first.ms,
      marks: first.marks,
      clusters,
      heapBytes,
      frames,
      ...(opts.typing ? { keys } : {}),
      ...(phases !== undefined ? { phases } : {}),
      error,
    };
  } finally {
    await context.close().catch(() => undefined);
  }
}

// ------------------------------------------------------------------------------------------------ report

interface Results {
  command: string;
  startedAt: string;
  durationS: number;
  mode: 'quick' | 'full';
  runs: number;
  machine: Record<string, unknown>;
  definitions: Record<string, string>;
  targets: typeof TARGETS;
  compile: CompileResult[];
  bundle: BundleResult;
  app: Scenario[];
  peer: { cluster: Scenario[]; plain: Scenario[] };
  problems: string[];
}

const ms = (v: number | null | undefined) => (v == null ? '–' : `${fmt(v, v < 100 ? 1 : 0)} ms`);
const meets = (v: number | null | undefined, limit: number | undefined, higherIsBetter = false) =>
  v == null || limit === undefined ? '' : (higherIsBetter ? v >= limit : v <= limit) ? 'yes' : 'no';
const x = (r: number | null) => (r == null ? '–' : `${r.toFixed(2)}×`);

export function markdownTable(res: Results): string {
  const rows: string[][] = [];
  const row = (...cells: string[]) => rows.push(cells);
  // A measure the peer has no counterpart for (compiler, bundle): its peer and ratio cells stay empty.
  const ownRow = (name: string, value: string, target = '', met = '') => row(name, value, target, met, '', '', '', '');
  for (const c of res.compile) {
    const n = fmt(c.articles);
    ownRow(
      `build:data ${n} articles: throughput`,
      `${fmt(c.median.articlesPerS, 0)} articles/s`,
      `≥ ${fmt(TARGETS.compileArticlesPerS)} articles/s`,
      meets(c.median.articlesPerS, TARGETS.compileArticlesPerS, true),
    );
    ownRow(`build:data ${n} articles: MB/s (${fmt(c.corpusBytes / 1e6, 1)} MB)`, `${fmt(c.median.mbPerS, 3)} MB/s`);
    ownRow(
      `build:data ${n} articles: compile / child wall time`,
      `${fmt(c.median.compileS, 2)} s / ${fmt(c.median.wallS, 2)} s`,
    );
    ownRow(`build:data ${n} articles: peak RSS`, `${fmt(c.median.peakRssMb, 0)} MB`);
  }
  const b = res.bundle;
  ownRow(
    'Bundle JS of the first view (gzip, raw)',
    `${fmt(b.jsGzipBytes / 1024, 1)} KB (${fmt(b.jsBytes / 1024, 1)} KB)`,
    '≤ 60 KB',
    meets(b.jsGzipBytes, TARGETS.jsGzipBytes),
  );
  ownRow(
    'Bundle JS loaded on use: search worker, exports, embed, print (gzip, raw)',
    `${fmt(b.lazyJsGzipBytes / 1024, 1)} KB (${fmt(b.lazyJsBytes / 1024, 1)} KB)`,
  );
  ownRow('Bundle CSS (gzip, raw)', `${fmt(b.cssGzipBytes / 1024, 1)} KB (${fmt(b.cssBytes / 1024, 1)} KB)`);
  for (const s of res.app) {
    const n = s.events;
    const plain = res.peer.plain.find((p) => p.events === n);
    const cl = res.peer.cluster.find((p) => p.events === n);
    const label = `${fmt(n)} events`;
    type Median = Scenario['median'];
    // A measure taken on ours and on the peer, with its ratios; and one only the app has (search).
    const compared = (name: string, pick: (m: Median) => number | null | undefined, target?: number, show = ms) => {
      const ours = pick(s.median);
      const vis = plain ? pick(plain.median) : null;
      const visCluster = cl ? pick(cl.median) : null;
      row(
        `${label}: ${name}`,
        show(ours),
        target ? `≤ ${fmt(target)} ms` : '',
        meets(ours, target),
        show(vis),
        show(visCluster),
        x(ratio(ours, vis)),
        x(ratio(ours, visCluster)),
      );
    };
    const appOnly = (name: string, value: string, target?: number, measured?: number | null) =>
      row(`${label}: ${name}`, value, target ? `≤ ${target} ms` : '', meets(measured, target), 'n/a', 'n/a', '', '');
    compared('first render', (m) => m.firstRenderMs, TARGETS.firstRenderMs[n]);
    const ph = s.median.phases;
    if (ph) {
      const at = (k: keyof LoadPhases) => fmt(ph[k], 0);
      appOnly(
        'first render, where the time went (ms since navigation): dataset requested / received / parsed / validated / state built / chart drawn',
        `${at('requested')} / ${at('received')} / ${at('parsed')} / ${at('validated')} / ${at('state')} / ${at('mounted')}`,
      );
      appOnly(
        'dataset over the wire / decoded',
        `${fmt((ph.encodedBytes ?? 0) / 1e6, 2)} MB / ${fmt((ph.decodedBytes ?? 0) / 1e6, 1)} MB`,
      );
    }
    compared('zoom/drag frame p50', (m) => m.frameP50);
    compared('zoom/drag frame p95', (m) => m.frameP95, TARGETS.zoomP95Ms[n]);
    compared('zoom/drag frame max', (m) => m.frameMax);
    const sp = TARGETS.searchP95Ms[n];
    appOnly('keystroke to updated view p50', ms(s.median.keyP50));
    appOnly('keystroke to updated view p95', ms(s.median.keyP95), sp, s.median.keyP95);
    appOnly(
      'search in the worker p50 / p95',
      `${ms(s.median.computeP50)} / ${ms(s.median.computeP95)}`,
      sp,
      s.median.computeP95,
    );
    appOnly(
      'search round trip, query → hits in the page, p50 / p95',
      `${ms(s.median.searchP50)} / ${ms(s.median.searchP95)}`,
      sp,
      s.median.searchP95,
    );
    compared(
      'JS heap after load (after GC)',
      (m) => m.heapMb,
      undefined,
      (v) => `${fmt(v, 1)} MB`,
    );
  }
  const header = [
    'Measure',
    'Ours (median)',
    'Target',
    'Meets',
    'vis-timeline',
    'vis-timeline + cluster',
    'ours/vis',
    'ours/vis+cluster',
  ];
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

// ------------------------------------------------------------------------------------------------ main

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  if (options === 'help') {
    console.log(USAGE);
    return 0;
  }
  if (typeof options === 'string') {
    console.error(`bench: ${options}\n${USAGE}`);
    return 2;
  }
  if (!existsSync(CHROMIUM)) {
    console.error(`bench: no Chromium at ${CHROMIUM}; the benchmark never downloads a browser.`);
    return 2;
  }
  process.chdir(REPO);
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'contact-timeline-bench-'));
  const problems: string[] = [];
  const sizes = options.quick ? [1000] : [1000, 10000, 100000];
  const peerSizes = options.peer ? (options.quick ? [1000] : sizes) : [];
  const articleCounts = options.quick ? [200] : [1000, 10000];
  let browser: Browser | undefined;
  const servers: RunningServer[] = [];
  const datasetFiles: string[] = [];
  try {
    // 1. compile
    const compile: CompileResult[] = [];
    for (const n of articleCounts) {
      const c = await benchCompile(n, n >= 10000 ? options.compileRuns : options.runs, work);
      if (c.runs.some((r) => r.exitCode !== 0 || r.compileS === null))
        problems.push(`build:data on ${n} articles failed or printed no time`);
      compile.push(c);
    }
    // 2. bundle (before the datasets: vite build empties dist/)
    const bundle = await benchBundle(options.rebuild);
    // 3. datasets, servers, browser
    for (const n of sizes) {
      const file = join(REPO, 'dist/data', `bench-${n}.json`);
      log(`writing ${relative(REPO, file)}…`);
      writeBenchDataset(file, n, 1);
      datasetFiles.push(file);
    }
    const app = await startStaticServer({ root: join(REPO, 'dist') });
    servers.push(app);
    let peerUrl = '';
    if (peerSizes.length) {
      log('bundling the vis-timeline peer page…');
      const peerDir = join(work, 'peer');
      const page = await buildPeer(peerDir);
      linkPeerData(peerDir, datasetFiles);
      const peer = await startStaticServer({ root: peerDir });
      servers.push(peer);
      peerUrl = `${peer.url}${page}`;
    }
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    const chromiumVersion = browser.version();

    const appScenarios: Scenario[] = [];
    const plain: Scenario[] = [];
    const cluster: Scenario[] = [];
    for (const n of sizes) {
      const appRuns: PageRun[] = [];
      const peerRuns: Record<'plain' | 'cluster', PageRun[]> = { plain: [], cluster: [] };
      const timeoutMs = n >= 100000 ? 180_000 : 60_000;
      for (let r = 0; r < options.runs; r++) {
        log(`${n} events, run ${r + 1}/${options.runs}: app…`);
        const a = await pageRun(browser, `${app.url}?data=data/bench-${n}.json`, APP_TARGET, {
          timeoutMs,
          gestureBudgetMs: 60_000,
          typing: true,
          dataFile: `data/bench-${n}.json`,
        });
        appRuns.push(a);
        if (!peerSizes.includes(n)) continue;
        for (const mode of ['plain', 'cluster'] as const) {
          const previous = peerRuns[mode];
          // A peer configuration that took over 30 s (or failed) once is not repeated: the runs would not fit.
          if (previous.length && (previous[0]!.firstRenderMs === null || previous[0]!.firstRenderMs > 30_000)) continue;
          log(`${n} events, run ${r + 1}/${options.runs}: vis-timeline${mode === 'cluster' ? ' + cluster' : ''}…`);
          const url = `${peerUrl}?data=data/bench-${n}.json${mode === 'cluster' ? '&cluster=1' : ''}`;
          previous.push(
            await pageRun(browser, url, PEER_TARGET, { timeoutMs, gestureBudgetMs: 60_000, typing: false }),
          );
        }
      }
      appScenarios.push(summarize(n, appRuns, true));
      if (peerSizes.includes(n)) {
        plain.push(summarize(n, peerRuns.plain, false));
        cluster.push(summarize(n, peerRuns.cluster, false));
      }
      // Functional checks: the benchmark must have measured something real.
      appRuns.forEach((run, i) => {
        const where = `app, ${n} events, run ${i + 1}`;
        if (run.firstRenderMs === null) problems.push(`${where}: no first render (${run.error ?? 'unknown'})`);
        else {
          if (run.error) problems.push(`${where}: ${run.error}`);
          if (run.frames && !run.frames.windowChanged)
            problems.push(`${where}: the gestures did not change data-window`);
          if (run.keys && run.keys.keys !== SEARCH_QUERY.length)
            problems.push(`${where}: ${run.keys.keys}/${SEARCH_QUERY.length} keystrokes measured`);
        }
      });
      for (const [mode, list] of Object.entries(peerRuns))
        list.forEach((run, i) => {
          const where = `vis-timeline ${mode}, ${n} events, run ${i + 1}`;
          if (run.firstRenderMs === null || run.error) problems.push(`${where}: ${run.error ?? 'no first render'}`);
          else if (run.frames && run.frames.steps < run.frames.totalSteps)
            problems.push(
              `${where}: gesture script cut short after ${run.frames.steps}/${run.frames.totalSteps} steps (60 s budget)`,
            );
          else if (run.frames && !run.frames.windowChanged)
            problems.push(`${where}: the gestures did not change the window`);
        });
    }

    const cpu = cpus();
    const results: Results = {
      command: ['tsx', relative(REPO, fileURLToPath(import.meta.url)), ...process.argv.slice(2)].join(' '),
      startedAt: new Date(started).toISOString(),
      durationS: (Date.now() - started) / 1000,
      mode: options.quick ? 'quick' : 'full',
      runs: options.runs,
      machine: {
        cpu: cpu[0]?.model ?? 'unknown',
        cores: cpu.length,
        memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
        os: `${platform()} ${release()} ${arch()}`,
        node: process.version,
        chromium: chromiumVersion,
        viewport: `${VIEWPORT.width}×${VIEWPORT.height}`,
        visTimeline: readPackageVersion('vis-timeline'),
        peakRssTool: existsSync('/usr/bin/time') ? '/usr/bin/time -v' : 'process.resourceUsage (rss-wrapper.ts)',
      },
      definitions: {
        firstRender:
          'navigation start → end of the first frame (MessageChannel task after the rAF that first sees ≥1 mark) whose DOM holds the chart with a mark',
        frames:
          'deltas between consecutive requestAnimationFrame timestamps during the fixed wheel/drag script (browser.ts GESTURES)',
        keystroke: `keydown timestamp → end of the first frame after the input event and the result count's last change (a change counts while it comes within 150 ms of the previous frame measured; the wait is not counted); query "${SEARCH_QUERY}" typed one key at a time`,
        search:
          "round trip: the app's User Timing entry from sending the query to the hits arriving in the page (worker messaging included); in the worker: the search alone",
        heap: 'CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage usedSize, 500 ms after first render',
        compile:
          'articles / compile seconds printed by build:data (excludes Node + tsx start-up); MB = corpus bytes incl. sidecars',
        bundle:
          'dist/assets files gzipped with zlib level 9, each on its own; JS split into what index.html loads (the target) and chunks loaded on use; dataset excluded',
      },
      targets: TARGETS,
      compile,
      bundle,
      app: appScenarios,
      peer: { plain, cluster },
      problems,
    };
    mkdirSync(dirname(resolve(options.out)), { recursive: true });
    writeFileSync(options.out, `${JSON.stringify(results, null, 2)}\n`);

    const m = results.machine;
    console.log(`## Benchmark (${results.mode}, median of ${options.runs} run${options.runs === 1 ? '' : 's'})\n`);
    console.log(
      `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, ${m.os}, Node ${m.node}, Chromium ${m.chromium}, vis-timeline ${m.visTimeline}. Command: \`${results.command}\`\n`,
    );
    console.log(markdownTable(results));
    console.log(
      `\nRatios: ours ÷ vis-timeline (below 1 = ours is faster/smaller). Targets are reported, not enforced. JSON: ${options.out} (${fmt(results.durationS, 0)} s).`,
    );
    const clustersOf = (list: Scenario[], n: number) =>
      fmt(medianOf(list.find((x) => x.events === n)?.runs.map((r) => r.clusters) ?? []));
    console.log(
      `Cluster marks on screen after load (ours / vis-timeline + cluster): ${sizes.map((n) => `${fmt(n)} events: ${clustersOf(appScenarios, n)} / ${clustersOf(cluster, n)}`).join('; ')}.`,
    );
    for (const [mode, list] of [
      ['vis-timeline', plain],
      ['vis-timeline + cluster', cluster],
    ] as const)
      for (const sc of list)
        if (sc.runs.length < options.runs)
          console.log(
            `${mode} at ${fmt(sc.events)} events ran ${sc.runs.length}× (a first render over 30 s is not repeated).`,
          );
    if (compile.some((c) => c.articles >= 10000 && c.runs.length === 1))
      console.log('The 10,000-article compile ran once (--compile-runs).');
    if (problems.length)
      console.log(
        `\nProblems (the benchmark did not measure everything):\n${problems.map((p) => `- ${p}`).join('\n')}`,
      );
    return problems.some((p) => p.startsWith('app') || p.startsWith('build:data')) || (options.quick && problems.length)
      ? 1
      : 0;
  } finally {
    await browser?.close().catch(() => undefined);
    for (const s of servers) await s.close();
    // The dataset and its text chunks folder (bench-N.texts/ beside bench-N.json).
    for (const f of datasetFiles) {
      rmSync(f, { force: true });
      rmSync(`${f}.gz`, { force: true });
      rmSync(f.replace(/\.json$/, '.texts'), { recursive: true, force: true });
    }
    rmSync(work, { recursive: true, force: true });
  }
}

function readPackageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(REPO, 'node_modules', name, 'package.json'), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'not installed';
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  main().then(
    (code) => (process.exitCode = code),
    (e: unknown) => {
      console.error(`bench: ${(e as Error).stack ?? String(e)}`);
      process.exitCode = 1;
    },
  );
