/**
 * Embedding and exports in real Chromium: an iframe on a host page of another origin, the host script's resizing,
 * foreign messages ignored, SVG/PNG/CSV exports of the current view, print, and the single-file edition from file://.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { csvParse } from 'd3-dsv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Download, Page } from 'playwright-core';
import { launchBrowser, openPage, serveDist } from './harness.ts';
import { startStaticServer, type RunningServer } from '../../scripts/serve/static-server.ts';
import { compileTexts } from '../../scripts/compiler/testing/context.ts';
import type { Dataset } from '../../src/lib/dataset/types.ts';

let browser: Browser;
let site: RunningServer;
let host: RunningServer;
const SHOTS = 'test-results/screenshots';
const FIXTURE = 'data/test-embed.json';

// A dataset with contacts in several forums, compiled from made-up articles by the real compiler.
const { dataset } = compileTexts([
  {
    file: 'a.txt',
    text: ' date 2024-10-22\n\nAm Rande des BRICS-Gipfels in Kasan trafen sich Lawrow und Wang Yi am Dienstag.',
  },
  {
    file: 'b.txt',
    text: ' date 2023-08-23\n\nAm Rande des BRICS-Gipfels in Johannesburg traf Lawrow den chinesischen Außenminister Wang Yi.',
  },
  {
    file: 'c.txt',
    text: ' date 2024-07-03\n\nAm Rande des SOZ-Gipfels in Astana trafen sich Putin und Xi Jinping am Mittwoch.',
  },
  { file: 'd.txt', text: ' date 2023-03-21\n\nPutin und Xi Jinping trafen sich am Dienstag in Moskau zu Gesprächen.' },
]);
const brics = dataset.events
  .filter((e) => e.forum === 'brics')
  .map((e) => e.id)
  .sort();

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  writeFileSync(join('dist', FIXTURE), JSON.stringify(dataset));
  browser = await launchBrowser();
  site = await serveDist();
  const hostDir = mkdtempSync(join(tmpdir(), 'host-'));
  writeFileSync(
    join(hostDir, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title></head><body>
<h1>A report</h1>
<iframe id="timeline" data-contact-timeline src="${site.url}?embed=1&forum=brics&data=${FIXTURE}&lang=en" width="100%" height="150" title="Timeline" style="border:0"></iframe>
<iframe id="other" src="about:blank" title="Other"></iframe>
<script src="${site.url}embed.js"></script>
</body></html>`,
  );
  host = await startStaticServer({ root: hostDir });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await host?.close();
});

describe('embedding', () => {
  it('an iframe on another origin shows only the BRICS events and is resized by embed.js', async () => {
    expect(new URL(host.url).port).not.toBe(new URL(site.url).port);
    expect(brics.length).toBe(2);
    const { page } = await openPage(browser, host.url, undefined, [site.url]);
    await page.goto(host.url);
    const frame = page.frameLocator('#timeline');
    await frame.getByTestId('result-count').waitFor();
    await expect
      .poll(() =>
        frame
          .locator('.rows button[data-event-id], svg [data-event-id]')
          .evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-event-id')))].sort()),
      )
      .toEqual(brics);
    expect(await frame.getByTestId('open-full-view').count()).toBe(1);
    expect(await frame.getByTestId('source-line').textContent()).toContain('Contact Timeline');
    await expect
      .poll(() => page.locator('#timeline').evaluate((f) => (f as HTMLIFrameElement).getBoundingClientRect().height))
      .toBeGreaterThan(160);
    await page.screenshot({ path: `${SHOTS}/embed.png`, fullPage: true });
  });

  it('ignores resize messages that do not come from the embedded timeline', async () => {
    const { page } = await openPage(browser, host.url, undefined, [site.url]);
    await page.goto(host.url);
    await page.frameLocator('#timeline').getByTestId('result-count').waitFor();
    await page.waitForTimeout(300);
    const before = await page.locator('#timeline').evaluate((f) => (f as HTMLIFrameElement).style.height);
    await page.evaluate(() => {
      window.postMessage({ type: 'contact-timeline:resize', height: 4321 }, '*');
      const other = document.getElementById('other') as HTMLIFrameElement;
      // A message from another (unmarked) frame on the host page, sent from that frame's own context.
      const frameWindow = other.contentWindow as unknown as { eval: (code: string) => void };
      frameWindow.eval('parent.postMessage({ type: "contact-timeline:resize", height: 4321 }, "*")');
      window.postMessage({ type: 'contact-timeline:resize', height: 'javascript:alert(1)' }, '*');
    });
    await page.waitForTimeout(300);
    expect(await page.locator('#timeline').evaluate((f) => (f as HTMLIFrameElement).style.height)).toBe(before);
  });

  it('selecting inside the iframe updates its own URL and the "open full view" link', async () => {
    const { page } = await openPage(browser, host.url, undefined, [site.url]);
    await page.goto(host.url);
    const frame = page.frameLocator('#timeline');
    await frame.locator(`svg [data-event-id="${brics[0]}"]`).click();
    await expect.poll(() => frame.getByTestId('open-full-view').getAttribute('href')).toContain(`event=${brics[0]}`);
    const href = (await frame.getByTestId('open-full-view').getAttribute('href'))!;
    expect(href).not.toContain('embed=1');
    // The iframe's own history entry (read through the automation API: the host page may not read it).
    await expect
      .poll(() =>
        page
          .frames()
          .find((f) => f.url().includes('embed=1'))
          ?.url(),
      )
      .toContain(`event=${brics[0]}`);
  });
});

describe('exports', () => {
  async function fullView(query = '') {
    const { page } = await openPage(browser, site.url);
    await page.goto(`${site.url}?data=${FIXTURE}${query}`);
    await page.getByTestId('title-line').waitFor();
    return page;
  }
  async function download(page: Page, format: string): Promise<{ name: string; body: Buffer }> {
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator(`button[data-export="${format}"]`).click(),
    ]);
    const path = await (file as Download).path();
    return { name: (file as Download).suggestedFilename(), body: readFileSync(path!) };
  }

  it('the SVG export parses as SVG and contains every visible event and the source line', async () => {
    const page = await fullView('&forum=brics');
    const { name, body } = await download(page, 'svg');
    expect(name).toMatch(/^contacts-brics-\d{4}-\d{4}\.svg$/);
    const svg = body.toString('utf8');
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { root: doc.documentElement.nodeName, errors: doc.getElementsByTagName('parsererror').length };
    }, svg);
    expect(parsed).toEqual({ root: 'svg', errors: 0 });
    for (const id of brics) expect(svg).toContain(`data-event-id="${id}"`);
    expect(svg).toContain('Contact Timeline');
    expect(svg).not.toMatch(/href="http|@import|url\(/);
  });

  it('the PNG export is the SVG at twice the size', async () => {
    const page = await fullView();
    const { body: svg } = await download(page, 'svg');
    const { body } = await download(page, 'png');
    writeFileSync(`${SHOTS}/export.png`, body);
    expect(body.subarray(1, 4).toString('ascii')).toBe('PNG');
    const width = body.readUInt32BE(16);
    const height = body.readUInt32BE(20);
    const svgWidth = Number(/width="(\d+)"/.exec(svg.toString('utf8'))![1]);
    const svgHeight = Number(/height="(\d+)"/.exec(svg.toString('utf8'))![1]);
    expect([width, height]).toEqual([svgWidth * 2, svgHeight * 2]);
  });

  it('the CSV export round-trips through d3-dsv to the same events', async () => {
    const page = await fullView('&forum=brics');
    const { name, body } = await download(page, 'csv');
    expect(name.endsWith('.csv')).toBe(true);
    const rows = csvParse(body.toString('utf8'));
    expect(rows.map((r) => r.id).sort()).toEqual(brics);
    const first = dataset.events.find((e) => e.id === rows[0]!.id)!;
    expect(rows[0]!.date_start).toBe(first.date.start);
    expect(rows[0]!.date_precision).toBe(first.date.precision);
    expect(rows[0]!.participants).toContain('Lawrow');
  });

  it('print shows the table of events and hides the controls', async () => {
    const page = await fullView();
    // On screen the table does not exist at all: rebuilding it on every keystroke cost seconds at 10,000 events.
    expect(await page.getByTestId('print-table').count()).toBe(0);
    await page.emulateMedia({ media: 'print' });
    await page.getByTestId('print-table').waitFor({ state: 'visible' });
    expect(await page.getByTestId('print-table').locator('tbody tr').count()).toBe(dataset.events.length);
    expect(await page.locator('#search-input').isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Alles zeigen' }).isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await page.getByTestId('print-table').waitFor({ state: 'detached' });
  });

  it('offers a citation and an embed snippet for the current view', async () => {
    const page = await fullView('&forum=brics');
    await page.getByRole('button', { name: 'Diese Ansicht zitieren' }).click();
    expect(await page.getByTestId('citation').textContent()).toMatch(/Datenstand .*forum=brics/);
    await page.getByTestId('open-embed').click();
    const snippet = await page.getByTestId('embed-snippet').inputValue();
    expect(snippet).toContain('<iframe src="');
    expect(snippet).toContain('embed=1');
    expect(snippet).toContain('forum=brics');
    expect(snippet).toContain('embed.js');
  });
});

describe('single-file edition', () => {
  it('opens from file:// with no network and shows all events', async () => {
    const out = resolve('test-results/single/contact-timeline.html');
    execFileSync(process.execPath, [
      '--import',
      'tsx',
      'scripts/build-single.ts',
      '--out',
      out,
      '--data',
      join('dist', FIXTURE),
    ]);
    const context = await browser.newContext({ locale: 'de-DE' });
    const requests: string[] = [];
    await context.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      requests.push(url);
      return route.abort();
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`file://${out}`);
    await page.getByTestId('title-line').waitFor();
    for (const event of dataset.events)
      expect(await page.locator(`[data-event-id="${event.id}"]`).count()).toBeGreaterThan(0);
    // The parts the web edition loads on use are inside the one file: search (in the page, no worker from disk),
    // the detail panel, the export code and wheel zoom.
    await page.locator('#search-input').fill('BRICS');
    await expect
      .poll(() => page.getByTestId('result-count').textContent())
      .not.toMatch(new RegExp(`^${dataset.events.length} `));
    await page.locator('#search-input').fill('');
    await page.locator('[data-event-id]').first().click();
    await page.getByTestId('event-detail').waitFor();
    await page.getByRole('button', { name: 'Diese Ansicht zitieren' }).click();
    await page.getByTestId('citation').waitFor();
    await page.locator('svg[role="listbox"][data-zoom-ready="true"]').waitFor();
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});

void ({} as Dataset);
