import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, openPage, serveDist } from './harness.ts';
import type { RunningServer } from '../../scripts/serve/static-server.ts';
import { summarizeDataset } from '../../src/lib/dataset/summary.ts';
import type { Dataset } from '../../src/lib/dataset/types.ts';

let browser: Browser;
let server: RunningServer;
const dataset = JSON.parse(readFileSync('dist/data/contacts.json', 'utf8')) as Dataset;
const summary = summarizeDataset(dataset);

beforeAll(async () => {
  browser = await launchBrowser();
  // Mounted under a sub-path on purpose: the build must be relocatable.
  server = await serveDist({ basePath: '/reports/contacts/' });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('app shell', () => {
  it('shows the title line computed from the dataset, fetched at run time from a sub-path', async () => {
    const { page, problems } = await openPage(browser, server.url);
    const dataRequests: string[] = [];
    const order: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('contacts.json')) dataRequests.push(r.url());
      order.push(r.url());
    });
    await page.goto(server.url);
    const line = page.getByTestId('title-line');
    await line.waitFor();
    const text = await line.textContent();
    expect(text).toContain(`${summary.contacts} Kontakt`);
    expect(text).toContain(`${summary.articles} Artikel`);
    expect(summary.years).not.toBeNull();
    expect(text).toContain(String(summary.years![0]));
    expect(dataRequests).toEqual([`${server.url}data/contacts.json`]);
    // The dataset is requested by the page's first script, before the app's code is: both travel in parallel.
    const appCode = order.findIndex((u) => /\/assets\/mount-app-[^/]+\.js$/.test(u));
    expect(appCode).toBeGreaterThan(-1);
    expect(order.indexOf(dataRequests[0]!)).toBeLessThan(appCode);
    // The build's gzip copy is what travelled (the test server sends precompressed copies, as many static hosts do).
    const sizes = await page.evaluate((url) => {
      const entry = performance.getEntriesByName(url)[0] as PerformanceResourceTiming | undefined;
      return entry ? { encoded: entry.encodedBodySize, decoded: entry.decodedBodySize } : null;
    }, dataRequests[0]!);
    expect(sizes).not.toBeNull();
    expect(sizes!.encoded).toBeLessThan(sizes!.decoded / 2);
    expect(problems).toEqual({
      consoleErrors: [],
      pageErrors: [],
      foreignRequests: [],
      cspViolations: [],
      dialogs: [],
    });
  });

  it('speaks English with lang=en', async () => {
    const { page } = await openPage(browser, server.url);
    await page.goto(`${server.url}?lang=en`);
    await expect.poll(() => page.getByTestId('title-line').textContent()).toContain('from');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
  });

  it('says so in both languages, with a reload button, when the app code cannot be downloaded', async () => {
    const { page } = await openPage(browser, server.url);
    await page.route(/\/assets\/mount-app-[^/]+\.js$/, (route) => route.abort());
    await page.goto(server.url);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('The app could not be loaded');
    expect(await alert.textContent()).toContain('Die Anwendung konnte nicht geladen werden');
    await page.unroute(/\/assets\/mount-app-[^/]+\.js$/);
    await page.getByRole('button', { name: 'Neu laden / Reload' }).click();
    await page.getByTestId('title-line').waitFor();
  });

  it('says when a part of the page cannot be fetched (offline, or the site redeployed), without an uncaught error', async () => {
    const { page, problems } = await openPage(browser, server.url);
    const searchCode = /\/assets\/(client|search|export-actions)[-.][^/]*\.js$/;
    await page.route(searchCode, (route) => route.abort());
    await page.goto(server.url);
    await page.getByTestId('title-line').waitFor();
    const total = await page.getByTestId('result-count').textContent();
    await page.locator('#search-input').fill('Lawrow');
    const notice = page.getByTestId('load-failure');
    await notice.waitFor();
    expect(await notice.getAttribute('role')).toBe('alert');
    expect(await notice.textContent()).toContain('Ein Teil der Seite konnte nicht geladen werden');
    // An export whose code cannot be fetched does nothing more than that either.
    await page.locator('[data-export="csv"]').click();
    await page.waitForTimeout(200);
    expect(problems.pageErrors).toEqual([]);
    // Once the files can be fetched again, the reload it offers brings search back (the query is kept in the URL).
    await page.unroute(searchCode);
    await page.getByRole('button', { name: 'Seite neu laden' }).click();
    await expect.poll(() => page.getByTestId('result-count').textContent()).not.toBe(total);
    expect(await page.locator('#search-input').inputValue()).toBe('Lawrow');
    expect(await notice.count()).toBe(0);
    expect(problems.pageErrors).toEqual([]);
  });

  it('switches language with the network gone: both languages come with the first view', async () => {
    const { page, problems } = await openPage(browser, server.url);
    await page.goto(server.url);
    await page.getByTestId('title-line').waitFor();
    await page.context().setOffline(true);
    try {
      await page.getByRole('button', { name: 'English' }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('en');
      expect(await page.getByTestId('title-line').textContent()).toContain('contacts');
      await page.getByRole('button', { name: 'Deutsch' }).click();
      await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('de');
      // Parts the page fetches when idle (search, print table) may fail to download now: the page says so (next
      // test) without an uncaught error.
      expect(problems.pageErrors).toEqual([]);
    } finally {
      await page.context().setOffline(false);
    }
  });

  it('explains a missing dataset and offers a retry instead of a blank page', async () => {
    const { page } = await openPage(browser, server.url);
    await page.route('**/data/contacts.json', (route) => route.fulfill({ status: 404, body: 'nope' }));
    await page.goto(server.url);
    const alert = page.getByTestId('load-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('npm run build:data');
    await page.unroute('**/data/contacts.json');
    await page.getByRole('button', { name: 'Erneut versuchen' }).click();
    await page.getByTestId('title-line').waitFor();
  });
});
