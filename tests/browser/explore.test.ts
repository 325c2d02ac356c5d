/**
 * Search, facets and the URL as the view's state, in real Chromium against the built site and the seed dataset.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, serveDist } from './harness.ts';
import type { RunningServer } from '../../scripts/serve/static-server.ts';
import type { Dataset } from '../../src/lib/dataset/types.ts';
import { readDatasetWithTexts } from '../../scripts/dataset-files.ts';

let browser: Browser;
let server: RunningServer;
const dataset = JSON.parse(readFileSync('dist/data/contacts.json', 'utf8')) as Dataset;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await serveDist();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(query = '') {
  const { page, problems } = await openPage(browser, server.url);
  await page.goto(server.url + query);
  await page.getByTestId('title-line').waitFor();
  return { page, problems };
}

/** The events in the list, once a short list has filled up (it renders the rows in view first). */
const listedIds = async (page: Page) => {
  await page.locator('section[aria-label] .viewport:not(:has(.rows[aria-busy="true"]))').waitFor({ state: 'attached' });
  return page
    .locator('section[aria-label] .rows button[data-event-id]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('data-event-id')!).sort());
};

describe('explore', () => {
  it('typing "Lavrov" finds the events whose articles say "Lawrow"', async () => {
    const { page, problems } = await open();
    const lawrow = dataset.events
      .filter((e) => e.participants.includes('lavrov'))
      .map((e) => e.id)
      .sort();
    expect(lawrow.length).toBeGreaterThan(0);
    const texts = readDatasetWithTexts('dist/data/contacts.json').documents.map((d) => d.text);
    expect(texts.every((t) => !t.includes('Lavrov'))).toBe(true); // the articles spell it Lawrow
    await page.keyboard.press('/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.type('Lavrov');
    await expect.poll(() => listedIds(page)).toEqual(lawrow);
    expect(await page.getByTestId('result-count').textContent()).toBe(
      `${lawrow.length} von ${dataset.events.length} Kontakten`,
    );
    // Typing replaces the address once it pauses (not on every key).
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('Lavrov');
    // Served over http, the search runs in its worker (it falls back to the page only where workers cannot run).
    expect(page.workers().some((w) => w.url().includes('search.worker'))).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => listedIds(page)).toHaveLength(dataset.events.length);
    expect(problems).toEqual({
      consoleErrors: [],
      pageErrors: [],
      foreignRequests: [],
      cspViolations: [],
      dialogs: [],
    });
  });

  it("offers one clear control for the search, not also the browser's own inside the input", async () => {
    const { page } = await open();
    await page.locator('#search-input').fill('Lavrov');
    // Chromium exposes no computed style of that pseudo-element: look for the rule that hides it from this input.
    const hidden = await page.evaluate(() => {
      const input = document.querySelector('#search-input')!;
      const pseudo = '::-webkit-search-cancel-button';
      return [...document.styleSheets]
        .flatMap((sheet) => [...sheet.cssRules])
        .some(
          (rule) =>
            rule instanceof CSSStyleRule &&
            rule.selectorText.endsWith(pseudo) &&
            input.matches(rule.selectorText.slice(0, -pseudo.length)) &&
            rule.style.appearance === 'none',
        );
    });
    expect(hidden).toBe(true);
    await expect.poll(() => page.locator('.search button:visible').count()).toBe(1);
  });

  it('?forum=sco shows only SCO-venue events and the facet shows it checked', async () => {
    const { page } = await open('?forum=sco');
    const sco = dataset.events
      .filter((e) => e.forum === 'sco')
      .map((e) => e.id)
      .sort();
    await expect.poll(() => listedIds(page)).toEqual(sco);
    expect(await page.locator('fieldset[data-facet="forum"] input[value="sco"]').isChecked()).toBe(true);
  });

  it('a copied URL opened in a new page shows the same events, window and selection', async () => {
    const { page } = await open();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('details.filters > summary').click();
    await page.locator('fieldset[data-facet="status"] input[value="reported"]').check();
    const target = dataset.events.find((e) => e.status === 'reported')!;
    await page.locator(`section[aria-label] button[data-event-id="${target.id}"]`).click();
    await page.getByRole('button', { name: '5 Jahre' }).click();
    await page.getByTestId('copy-link').click();
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe(page.url());
    const ids = await listedIds(page);
    const window = await page.locator('svg[role="listbox"]').getAttribute('data-window');

    const other = await openPage(browser, server.url);
    await other.page.goto(copied);
    await other.page.getByTestId('event-detail').waitFor();
    expect(await listedIds(other.page)).toEqual(ids);
    expect(await other.page.getByTestId('event-detail').locator('h2').textContent()).toBe(
      target.titles?.de ?? target.title,
    );
    // Days are the URL's unit: the window matches to the day.
    const [a0, a1] = window!.split(',').map(Number);
    const [b0, b1] = (await other.page.locator('svg[role="listbox"]').getAttribute('data-window'))!
      .split(',')
      .map(Number);
    expect(Math.abs(a0! - b0!)).toBeLessThan(86_400_000 * 1.01);
    expect(Math.abs(a1! - b1!)).toBeLessThan(86_400_000 * 1.01);
  });

  it('back and forward restore earlier states', async () => {
    const { page } = await open();
    const all = await listedIds(page);
    await page.locator('details.filters > summary').click();
    await page.locator('fieldset[data-facet="status"] input[value="mentioned"]').check();
    await expect.poll(() => listedIds(page)).not.toEqual(all);
    const mentioned = await listedIds(page);
    const first = dataset.events.find((e) => mentioned.includes(e.id))!;
    await page.locator(`section[aria-label] button[data-event-id="${first.id}"]`).click();
    await page.getByTestId('event-detail').waitFor();
    await page.goBack();
    await expect.poll(() => page.getByTestId('event-detail').count()).toBe(0);
    expect(await listedIds(page)).toEqual(mentioned);
    await page.goBack();
    await expect.poll(() => listedIds(page)).toEqual(all);
    await page.goForward();
    await expect.poll(() => listedIds(page)).toEqual(mentioned);
  });

  it('lang=en and lang=de switch every UI string and date format', async () => {
    const month = dataset.events.find((e) => e.date.precision === 'month')!;
    const { page: en } = await open('?lang=en');
    const enText = await en.locator('body').innerText();
    const { page: de } = await open('?lang=de');
    const deText = await de.locator('body').innerText();
    expect(enText).toContain('Show all');
    expect(enText).toContain(`July ${month.date.start!.slice(0, 4)}`);
    expect(deText).toContain('Alles zeigen');
    expect(deText).toContain(`Juli ${month.date.start!.slice(0, 4)}`);
    for (const german of ['Alles zeigen', 'Kontakte', 'Spuren nach', 'Suche', 'Filter zurücksetzen', 'Ohne Datum'])
      expect(enText).not.toContain(german);
    for (const english of ['Show all', 'contacts', 'Lanes by', 'Search', 'Reset all', 'Undated'])
      expect(deText).not.toContain(english);
    expect(await en.evaluate(() => document.documentElement.lang)).toBe('en');
    // Switching in the UI rewrites the URL too.
    await de.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => new URL(de.url()).searchParams.get('lang')).toBe('en');
    expect(await de.locator('body').innerText()).toContain('Show all');
  });

  it('ignores unknown and malformed parameters with a notice instead of failing', async () => {
    const { page, problems } = await open('?lanes=diagonal&from=2021-13&zzz=1&forum=sco');
    expect(await page.getByText(/lanes=diagonal/).count()).toBeGreaterThan(0);
    expect(await page.getByTestId('result-count').textContent()).toBeTruthy();
    expect(problems.pageErrors).toEqual([]);
  });

  it('explains an empty result and offers to relax it', async () => {
    const { page } = await open('?q=xqzvwk');
    await page.getByTestId('empty-results').waitFor();
    await page.getByTestId('empty-results').getByRole('button', { name: 'Suche löschen' }).click();
    await expect.poll(() => listedIds(page)).toHaveLength(dataset.events.length);
  });
});
