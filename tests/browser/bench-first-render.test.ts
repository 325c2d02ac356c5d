/**
 * The benchmark's first-render measurement on pages whose marks appear a known time after navigation: the figure
 * must be that time plus about a frame, and a page that never draws a mark must come back as an error, not hang.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAndMeasure, type Target } from '../../scripts/bench/browser.ts';
import { launchBrowser } from './harness.ts';

const ORIGIN = 'http://bench.test';
const TARGET: Target = {
  marks: 'svg g.events > *',
  clusters: 'svg g.clusters > *',
  gestureArea: 'svg',
  windowExpr: '[]',
};

/** A page that adds its first mark `delayMs` after its script runs (never, for null). */
function pageDrawingAfter(delayMs: number | null): string {
  return `<!doctype html><svg><g class="events"></g></svg><script>
    window.__scriptAt = performance.now();
    ${delayMs === null ? '' : `setTimeout(() => document.querySelector('g.events').append(document.createElementNS('http://www.w3.org/2000/svg', 'circle')), ${delayMs});`}
  </script>`;
}

describe('benchmark first-render measurement', () => {
  let browser: Browser;
  let context: BrowserContext;
  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext();
    await context.route(`${ORIGIN}/**`, (route) => {
      const delay = new URL(route.request().url()).searchParams.get('delay');
      return route.fulfill({ contentType: 'text/html', body: pageDrawingAfter(delay === null ? null : Number(delay)) });
    });
  });
  afterAll(async () => browser?.close());

  it('reports the frame that first shows a mark, measured from navigation', async () => {
    const { page, first } = await openAndMeasure(context, `${ORIGIN}/?delay=200`, TARGET, 10_000);
    const scriptAt = (await page.evaluate('window.__scriptAt')) as number;
    expect(first.error).toBeUndefined();
    expect(first.marks).toBe(1);
    expect(first.ms).toBeGreaterThanOrEqual(scriptAt + 200);
    // 200 ms + a frame (+ a loaded machine's slack)
    expect(first.ms).toBeLessThan(scriptAt + 200 + 150);
    await page.close();
  });

  it('returns an error for a page that never draws a mark', async () => {
    const { page, first } = await openAndMeasure(context, `${ORIGIN}/`, TARGET, 1_500);
    expect(first.ms).toBeNull();
    expect(first.error).toMatch(/timeout/i);
    await page.close();
  });
});
