/**
 * The timeline in real Chromium against the built site and the seed dataset: every event rendered, wheel zoom,
 * list → detail with quotes and evidence, keyboard-only navigation, layouts from phone to desktop, screenshots.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, serveDist } from './harness.ts';
import type { RunningServer } from '../../scripts/serve/static-server.ts';
import type { StoredDataset } from '../../src/lib/dataset/types.ts';
import { readDatasetWithTexts } from '../../scripts/dataset-files.ts';

let browser: Browser;
let server: RunningServer;
const dataset = JSON.parse(readFileSync('dist/data/contacts.json', 'utf8')) as StoredDataset;
const SHOTS = 'test-results/screenshots';

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launchBrowser();
  server = await serveDist();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function ready(width = 1280, height = 900, colorScheme: 'light' | 'dark' = 'light') {
  const { page, problems } = await openPage(browser, server.url, { width, height });
  await page.emulateMedia({ colorScheme });
  await page.goto(server.url);
  await page.getByTestId('title-line').waitFor();
  return { page, problems };
}

const windowOf = async (page: Page) =>
  (await page.locator('svg[role="listbox"]').getAttribute('data-window'))!.split(',').map(Number) as [number, number];

describe('timeline view', () => {
  it('renders every event of the seed dataset', async () => {
    const { page, problems } = await ready();
    for (const event of dataset.events)
      expect(await page.locator(`[data-event-id="${event.id}"]`).count(), event.id).toBeGreaterThan(0);
    expect(await page.getByTestId('result-count').textContent()).toContain(String(dataset.events.length));
    expect(problems).toEqual({
      consoleErrors: [],
      pageErrors: [],
      foreignRequests: [],
      cspViolations: [],
      dialogs: [],
    });
  });

  it('zooms with the mouse wheel and shows the new window', async () => {
    const { page } = await ready();
    // Wheel and drag handling loads right after the first view (it is not needed to draw it).
    await page.locator('svg[role="listbox"][data-zoom-ready="true"]').waitFor();
    const before = await windowOf(page);
    const box = (await page.locator('svg[role="listbox"] .catcher').boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
    for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -240);
    await expect
      .poll(async () => (await windowOf(page))[1] - (await windowOf(page))[0])
      .toBeLessThan((before[1] - before[0]) / 2);
  });

  it('selecting a list item opens its detail with quotes and evidence (texts fetched only then)', async () => {
    const chunkRequests: string[] = [];
    const { page, problems } = await openPage(browser, server.url, { width: 1280, height: 900 });
    page.on('request', (r) => {
      if (r.url().includes('/contacts.texts/')) chunkRequests.push(r.url());
    });
    await page.goto(server.url);
    await page.getByTestId('title-line').waitFor();
    expect(chunkRequests, 'the first view loads no article text').toEqual([]);
    const reported = dataset.events.find((e) => e.status === 'reported' && e.quotes.length > 0)!;
    await page.locator(`section[aria-label] button[data-event-id="${reported.id}"]`).click();
    const detail = page.getByTestId('event-detail');
    await detail.waitFor();
    expect(await detail.locator('blockquote').count()).toBe(reported.quotes.length);
    await detail.locator('.evidence mark').first().waitFor();
    expect(await detail.locator('.evidence mark').count()).toBeGreaterThan(0);
    // The evidence sentence is the article's own words, from the chunk its document names.
    const doc = dataset.documents.find((d) => d.id === reported.sources[0]!.document)!;
    expect(chunkRequests).toEqual([`${server.url}data/${doc.textFile}`]);
    expect(reported.sources[0]!.evidence, 'the evidence is in the chunk, not the main file').toBeUndefined();
    const full = readDatasetWithTexts('dist/data/contacts.json');
    const text = full.documents.find((d) => d.id === doc.id)!.text;
    const evidence = full.events.find((e) => e.id === reported.id)!.sources[0]!.evidence;
    // The panel lists the sentences in text order.
    const span = evidence.map((e) => e.span).sort((a, b) => a[0] - b[0])[0]!;
    await expect
      .poll(() => detail.locator('.evidence li').first().textContent())
      .toContain(text.slice(span[0], span[1]).trim().slice(0, 40));
    expect(problems.consoleErrors).toEqual([]);
    expect(problems.foreignRequests).toEqual([]);
    await page.screenshot({ path: `${SHOTS}/detail-light.png`, fullPage: true });
  });

  it('reaches and opens every event with the keyboard alone', async () => {
    const { page } = await ready();
    const chart = page.locator('svg[role="listbox"]');
    // Tab into the chart the way a keyboard user would.
    for (let i = 0; i < 60 && !(await chart.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    expect(await chart.evaluate((el) => el === document.activeElement)).toBe(true);
    const dated = dataset.events.filter((e) => e.date.start !== null).map((e) => e.id);
    const reached: string[] = [];
    await page.keyboard.press('Home');
    for (let i = 0; i < dated.length; i++) {
      const active = (await chart.getAttribute('aria-activedescendant'))!.replace(/^mark-/, '');
      reached.push(active);
      await page.keyboard.press('Enter');
      expect(await page.getByTestId('event-detail').locator('h2').textContent()).toBeTruthy();
      expect(await page.getByTestId('announcement').textContent()).toContain(
        await page.getByTestId('event-detail').locator('h2').textContent(),
      );
      await page.keyboard.press('ArrowRight');
    }
    expect(reached.sort()).toEqual([...dated].sort());
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('event-detail').count()).toBe(0);
    // Undated events are buttons in the tray and the list: reachable with Tab and Enter.
    for (const event of dataset.events.filter((e) => e.date.start === null)) {
      const button = page.locator(`.tray button[data-event-id="${event.id}"]`);
      await button.focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('event-detail').waitFor();
    }
  });

  for (const [name, width, height, scheme] of [
    ['phone', 360, 780, 'light'],
    ['desktop', 1440, 900, 'light'],
    ['dark', 1280, 900, 'dark'],
  ] as const) {
    it(`holds its layout at ${width} px (${name}) without horizontal scrolling`, async () => {
      const { page } = await ready(width, height, scheme);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const chartWidth = (await page.locator('svg[role="listbox"]').boundingBox())!.width;
      expect(chartWidth).toBeGreaterThan(width * 0.8);
      await page.screenshot({ path: `${SHOTS}/main-${name}.png`, fullPage: true });
    });
  }
});
