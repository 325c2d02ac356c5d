/**
 * In-page measurement helpers for the benchmark. The in-page parts are plain JavaScript strings (not functions
 * handed to page.evaluate): tsx/esbuild may rewrite functions with helpers that do not exist in the page.
 *
 * Definitions (all times are the page's own clock, performance.now(), whose zero is the navigation start):
 *   - first render: navigation start → the end of the first frame whose DOM holds the chart with at least one
 *     mark. A requestAnimationFrame loop (installed before any page script) checks the DOM every frame; the frame
 *     that first sees marks posts a MessageChannel task, which runs after that frame's style, layout and paint;
 *     its performance.now() is the result.
 *   - frame times: deltas between consecutive requestAnimationFrame timestamps while the gesture script runs.
 *   - keystroke: keydown event timestamp → the end of the first frame after the input event and after the result
 *     count's last change (a change up to 150 ms after the previous one still counts, so a deferred update is not
 *     missed; the wait itself is not counted).
 *   - heap: CDP HeapProfiler.collectGarbage, then Runtime.getHeapUsage().usedSize.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { max, percentile } from './stats.ts';
import { LOAD_PHASES, loadMarkName, type LoadPhase } from '../../src/lib/perf/load-marks.ts';

/** The app's User Timing entry per search (src/lib/state/search-sync.svelte.ts; kept in step by a unit test). */
export const SEARCH_MEASURE = 'contact-timeline:search';
export const SEARCH_COMPUTE_MEASURE = 'contact-timeline:search-compute';

export interface Target {
  /** Selector of the rendered marks (events or clusters). */
  marks: string;
  /** Selector of cluster marks (counted after load, to show whether clustering is in effect). */
  clusters: string;
  /** Selector of the element that takes wheel and drag gestures. */
  gestureArea: string;
  /** In-page expression returning the visible window as [t0, t1] (ms), to prove the gestures did something. */
  windowExpr: string;
  /** Selector present once wheel and drag are handled (the app loads that code right after the first view). */
  ready?: string;
}

export const APP_TARGET: Target = {
  marks: 'svg[role="listbox"] g.events > *, svg[role="listbox"] g.clusters > *',
  clusters: 'svg[role="listbox"] g.clusters > *',
  gestureArea: 'svg[role="listbox"] .catcher',
  windowExpr: `(document.querySelector('svg[role="listbox"]')?.getAttribute('data-window') ?? '').split(',').map(Number)`,
  ready: 'svg[role="listbox"][data-zoom-ready="true"]',
};

export const PEER_TARGET: Target = {
  marks: '.vis-timeline .vis-item',
  clusters: '.vis-timeline .vis-item.vis-cluster',
  gestureArea: '.vis-panel.vis-center',
  windowExpr: `window.__peer ? window.__peer.getWindow() : []`,
};

export const VIEWPORT = { width: 1280, height: 800 } as const;

/**
 * The console message the page logs once it has measured its first render. The harness waits for this message
 * rather than polling with page.waitForFunction: Playwright evaluates its own injected script (~15 ms of script on a
 * 2-core machine) in the page the moment waitForFunction is called, i.e. in the middle of the load being measured;
 * that delayed the page's own scripts and requests by 15–25 ms. A console message needs nothing in the page.
 */
export const FIRST_RENDER_SIGNAL = 'bench:first-render';

function firstRenderScript(marks: string): string {
  return `(() => {
  const SEL = ${JSON.stringify(marks)};
  const bench = (window.__bench = { firstRender: null, detected: null, marks: 0 });
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    bench.firstRender = performance.now();
    console.debug(${JSON.stringify(FIRST_RENDER_SIGNAL)});
  };
  function poll() {
    const n = document.querySelectorAll(SEL).length;
    if (n > 0) {
      bench.detected = performance.now();
      bench.marks = n;
      channel.port2.postMessage(0);
      return;
    }
    requestAnimationFrame(poll);
  }
  requestAnimationFrame(poll);
})();`;
}

const START_FRAMES = `(() => {
  const f = (window.__frames = { deltas: [], running: true, last: 0 });
  const tick = (t) => {
    if (f.last) f.deltas.push(t - f.last);
    f.last = t;
    if (f.running) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})()`;

const STOP_FRAMES = `(() => { window.__frames.running = false; return window.__frames.deltas; })()`;

/** In-page: times each keystroke into `#search-input` (see the definitions above), results in `window.__keys.done`. */
export const INSTALL_KEY_TIMER = `(() => {
  const input = document.querySelector('#search-input');
  const count = document.querySelector('[data-testid="result-count"]');
  if (!input || !count) throw new Error('search input or result count not found');
  const s = (window.__keys = { done: [], pending: null });
  const channel = new MessageChannel();
  let framesAwaited = 0;
  let quiet = 0;
  // A task posted from a requestAnimationFrame callback runs after that frame's style, layout and paint.
  const endOfNextFrame = () => {
    framesAwaited++;
    requestAnimationFrame(() => channel.port2.postMessage(0));
  };
  channel.port1.onmessage = () => {
    framesAwaited--;
    const p = s.pending;
    if (!p) return;
    p.end = performance.now();
    clearTimeout(quiet);
    // Done once 150 ms pass with no further change of the result count (a deferred update is not missed) and no
    // frame still awaited; the time is that of the last frame that showed a change, not of this wait.
    const settle = () => {
      if (s.pending !== p) return;
      if (framesAwaited > 0) return; // the awaited frame's message re-arms this wait
      s.done.push({ ms: p.end - p.t0, changed: p.changed, count: count.textContent.trim() });
      s.pending = null;
    };
    quiet = setTimeout(settle, 150);
  };
  new MutationObserver(() => {
    if (!s.pending) return;
    s.pending.changed = true;
    endOfNextFrame();
  }).observe(count, { childList: true, characterData: true, subtree: true });
  input.addEventListener('keydown', (e) => {
    s.pending = { t0: Math.min(e.timeStamp, performance.now()), changed: false, end: 0 };
    endOfNextFrame(); // a key that changes nothing (no input event) is done after one frame
  }, true);
  input.addEventListener('input', () => {
    if (s.pending) endOfNextFrame();
  });
})()`;

export interface FirstRender {
  ms: number | null;
  marks: number;
  error?: string;
}

export interface FrameStats {
  frames: number;
  p50: number;
  p95: number;
  max: number;
  /** The visible window moved/zoomed as scripted (sanity check, not a timing). */
  windowChanged: boolean;
  /** Gesture steps completed before the time budget ran out. */
  steps: number;
  totalSteps: number;
}

export interface KeyStats {
  keys: number;
  p50: number;
  p95: number;
  max: number;
  /** Query to hits (worker messaging and waiting for the page included), from the app's User Timing entries. */
  search: { n: number; p50: number; p95: number; max: number } | null;
  /** The search's own time in the worker, from the app's User Timing entries. */
  searchCompute: { n: number; p50: number; p95: number; max: number } | null;
  /** Keystrokes after which the result count changed. */
  changed: number;
  finalCount: string;
}

export async function newBenchContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ viewport: VIEWPORT, locale: 'en-US', timezoneId: 'UTC', deviceScaleFactor: 1 });
}

/** Opens `url` in a fresh page and waits for the first render (or the timeout). */
export async function openAndMeasure(
  context: BrowserContext,
  url: string,
  target: Target,
  timeoutMs: number,
): Promise<{ page: Page; first: FirstRender; pageErrors: string[] }> {
  const page = await context.newPage();
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.addInitScript({ content: firstRenderScript(target.marks) });
  // Listening before the navigation: the message may come before goto returns.
  const rendered = page.waitForEvent('console', {
    predicate: (m) => m.text() === FIRST_RENDER_SIGNAL,
    timeout: timeoutMs,
  });
  rendered.catch(() => {}); // a failed goto is reported below; this promise must not reject unobserved
  try {
    await page.goto(url, { waitUntil: 'commit', timeout: timeoutMs });
    await rendered;
    const r = (await page.evaluate('window.__bench')) as { firstRender: number; marks: number };
    return { page, first: { ms: r.firstRender, marks: r.marks }, pageErrors };
  } catch (e) {
    const why = pageErrors.length ? `; page errors: ${pageErrors.slice(0, 2).join(' | ')}` : '';
    return { page, first: { ms: null, marks: 0, error: `${(e as Error).message.split('\n')[0]}${why}` }, pageErrors };
  }
}

/** Where the first view's time went, in ms since navigation (null: not reached or not marked). */
export type LoadPhases = Record<'requested' | 'received' | LoadPhase, number | null> & {
  /** Bytes of the dataset over the wire and after decoding (gzip copy vs JSON). */
  encodedBytes: number | null;
  decodedBytes: number | null;
};

/** The app's load marks (src/lib/perf/load-marks.ts) and the dataset request's resource timing. */
export async function loadPhases(page: Page, dataFile: string): Promise<LoadPhases> {
  const script = `(() => {
  const marks = ${JSON.stringify(Object.fromEntries(LOAD_PHASES.map((p) => [p, loadMarkName(p)])))};
  const out = {};
  for (const [phase, name] of Object.entries(marks)) {
    const list = performance.getEntriesByName(name, 'mark');
    out[phase] = list.length ? list[list.length - 1].startTime : null;
  }
  const data = performance.getEntriesByType('resource').find((e) => e.name.split('?')[0].endsWith(${JSON.stringify(dataFile)}));
  out.requested = data ? data.requestStart || data.startTime : null;
  out.received = data ? data.responseEnd : null;
  out.encodedBytes = data ? data.encodedBodySize : null;
  out.decodedBytes = data ? data.decodedBodySize : null;
  return out;
})()`;
  return (await page.evaluate(script)) as LoadPhases;
}

/** Used JS heap after a forced garbage collection, in bytes. */
export async function heapAfterGc(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
    return usage.usedSize;
  } finally {
    await cdp.detach();
  }
}

/** Lets the page go idle: two frames plus a short pause, so measurements do not overlap the load's tail. */
export async function settle(page: Page, ms = 500): Promise<void> {
  await page.evaluate('new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)))');
  await page.waitForTimeout(ms);
}

type Step = { wheel: number } | { drag: number } | { pause: number };

/**
 * The fixed gesture script, the same for the app and the peer, at the centre of the plot area: 8 wheel steps in,
 * a drag left and back right, 12 wheel steps out, 4 back in. Wheel steps are 120 px (one mouse-wheel notch) 60 ms
 * apart; drags move 20 px per mouse event.
 */
export const GESTURES: Step[] = [
  ...Array.from({ length: 8 }, () => ({ wheel: -120 })),
  { pause: 200 },
  { drag: -300 },
  { pause: 100 },
  { drag: 500 },
  { pause: 200 },
  ...Array.from({ length: 12 }, () => ({ wheel: 120 })),
  { pause: 200 },
  ...Array.from({ length: 4 }, () => ({ wheel: -120 })),
  { pause: 300 },
];

/** Runs GESTURES while recording frame deltas in the page. Steps after `budgetMs` are skipped (and reported). */
export async function measureGestures(page: Page, target: Target, budgetMs: number): Promise<FrameStats> {
  if (target.ready) await page.locator(target.ready).first().waitFor({ timeout: 30_000 });
  const area = page.locator(target.gestureArea).first();
  const box = await area.boundingBox();
  if (!box) throw new Error(`gesture area ${target.gestureArea} has no box`);
  const cx = Math.round(box.x + box.width / 2);
  const cy = Math.round(box.y + Math.min(box.height / 2, 200));
  const before = JSON.stringify(await page.evaluate(target.windowExpr));
  await page.mouse.move(cx, cy);
  await page.evaluate(START_FRAMES);
  const started = Date.now();
  let steps = 0;
  for (const step of GESTURES) {
    if (Date.now() - started > budgetMs) break;
    if ('wheel' in step) {
      await page.mouse.wheel(0, step.wheel);
      await page.waitForTimeout(60);
    } else if ('drag' in step) {
      await page.mouse.move(cx, cy);
      await page.mouse.down();
      const n = Math.max(1, Math.round(Math.abs(step.drag) / 20));
      for (let i = 1; i <= n; i++) await page.mouse.move(cx + (step.drag * i) / n, cy);
      await page.mouse.up();
      await page.mouse.move(cx, cy);
    } else await page.waitForTimeout(step.pause);
    steps++;
  }
  const deltas = (await page.evaluate(STOP_FRAMES)) as number[];
  const after = JSON.stringify(await page.evaluate(target.windowExpr));
  return {
    frames: deltas.length,
    p50: percentile(deltas, 50),
    p95: percentile(deltas, 95),
    max: max(deltas),
    windowChanged: before !== after,
    steps,
    totalSteps: GESTURES.length,
  };
}

/** Types `query` into the app's search box one key at a time, timing each keystroke in the page. */
export async function measureTyping(page: Page, query: string): Promise<KeyStats> {
  await page.locator('#search-input').click();
  await page.evaluate(INSTALL_KEY_TIMER);
  await page.evaluate(
    `performance.clearMeasures(${JSON.stringify(SEARCH_MEASURE)}); performance.clearMeasures(${JSON.stringify(SEARCH_COMPUTE_MEASURE)})`,
  );
  for (let i = 0; i < query.length; i++) {
    await page.keyboard.press(query[i] === ' ' ? 'Space' : query[i]!);
    await page.waitForFunction(`window.__keys.done.length >= ${i + 1}`, undefined, { timeout: 30_000, polling: 20 });
    await page.waitForTimeout(50);
  }
  const done = (await page.evaluate('window.__keys.done')) as { ms: number; changed: boolean; count: string }[];
  const ms = done.map((d) => d.ms);
  const durations = async (name: string) =>
    (await page.evaluate(`performance.getEntriesByName(${JSON.stringify(name)}).map((e) => e.duration)`)) as number[];
  const stats = (ms: number[]) =>
    ms.length ? { n: ms.length, p50: percentile(ms, 50), p95: percentile(ms, 95), max: max(ms) } : null;
  const searchMs = await durations(SEARCH_MEASURE);
  const computeMs = await durations(SEARCH_COMPUTE_MEASURE);
  return {
    keys: done.length,
    p50: percentile(ms, 50),
    p95: percentile(ms, 95),
    max: max(ms),
    search: stats(searchMs),
    searchCompute: stats(computeMs),
    changed: done.filter((d) => d.changed).length,
    finalCount: done.at(-1)?.count ?? '',
  };
}
