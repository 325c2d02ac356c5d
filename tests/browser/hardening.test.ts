/**
 * Hostile input and every reader: nothing from an article runs as script, the strict CSP holds, no request leaves
 * the origin, bad datasets and URLs are explained instead of crashing, and axe-core finds no accessibility violation.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, serveDist, type PageProblems } from './harness.ts';
import type { RunningServer } from '../../scripts/serve/static-server.ts';
import { compileTexts } from '../../scripts/compiler/testing/context.ts';
import type { Dataset } from '../../src/lib/dataset/types.ts';
import { mulberry32 } from '../../src/lib/random.ts';
import { PARAM_ORDER } from '../../src/lib/url/state.ts';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
let server: RunningServer;
const seeds = JSON.parse(readFileSync('dist/data/contacts.json', 'utf8')) as Dataset;

const PAYLOAD = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2;alert(1)">';
const hostile = compileTexts([
  {
    file: 'evil.txt',
    text: ` date 2024-05-16 von javascript:alert(1)\n\nPutin traf Xi Jinping am Donnerstag in Peking. ${PAYLOAD} „Wir werden ${PAYLOAD} gemeinsam \u202Eegdirb\u202C arbeiten und alles tun“, sagte Putin.`,
    sidecar: 'url: javascript:alert(2)\npublisher: "<b onmouseover=alert(3)>Evil</b>"\n',
  },
]).dataset;

beforeAll(async () => {
  writeFileSync('dist/data/test-hostile.json', JSON.stringify(hostile));
  // A dataset whose events name entities it does not define: they must still render.
  const dangling = structuredClone(seeds);
  dangling.events[0]!.participants = [...dangling.events[0]!.participants, 'ghost-person'];
  dangling.events[0]!.place = 'atlantis';
  writeFileSync('dist/data/test-dangling.json', JSON.stringify(dangling));
  browser = await launchBrowser();
  server = await serveDist();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const clean = (p: PageProblems) => ({
  ...p,
  consoleErrors: p.consoleErrors.filter((e) => !/Failed to load resource.*(404|net::ERR_FAILED)/.test(e)),
});

async function open(query: string, viewport?: { width: number; height: number }) {
  const { page, problems } = await openPage(browser, server.url, viewport);
  await page.goto(server.url + query);
  return { page, problems };
}

async function axe(page: Page) {
  await page.addScriptTag({ content: axeSource }).catch(async () => {
    // The CSP forbids inline scripts, including ours: evaluate the source instead (only in the test).
    await page.evaluate(axeSource);
  });
  return page.evaluate(async () => {
    const result = await (
      window as unknown as {
        axe: {
          run: (ctx: Document, o: object) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
        };
      }
    ).axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
    });
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(' '))
          .slice(0, 3)
          .join(', ')}`,
    );
  });
}

describe('hostile article content', () => {
  it('renders <script>, onerror handlers, javascript: URLs and bidi overrides as inert text', async () => {
    const { page, problems } = await open('?data=data/test-hostile.json');
    await page.getByTestId('title-line').waitFor();
    const event = hostile.events.find((e) => e.status === 'reported')!;
    await page.locator(`section[aria-label] button[data-event-id="${event.id}"]`).click();
    const detail = page.getByTestId('event-detail');
    await detail.waitFor();
    expect(await detail.textContent()).toContain('<script>window.__pwned=1</script>');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await detail.locator('img, script, b').count()).toBe(0);
    expect(hostile.documents[0]!.text).not.toMatch(/[\u202a-\u202e]/);
    expect(hostile.documents[0]!.url).toBeUndefined();
    expect(clean(problems)).toEqual({
      consoleErrors: [],
      pageErrors: [],
      foreignRequests: [],
      cspViolations: [],
      dialogs: [],
    });
  });
});

describe('strict CSP and the origin', () => {
  it('a full session (search, facets, select, zoom, exports, embed dialog) has no CSP violation, console error or foreign request', async () => {
    const { page, problems } = await open('?lang=de');
    await page.getByTestId('title-line').waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('Wang');
    await page.keyboard.press('Escape');
    await page.locator('details.filters > summary').click();
    await page.locator('fieldset[data-facet="status"] input[value="reported"]').check();
    await page.locator('section[aria-label] .rows button[data-event-id]').first().click();
    await page.getByRole('button', { name: '5 Jahre' }).click();
    for (const format of ['svg', 'png', 'csv', 'json']) {
      await Promise.all([page.waitForEvent('download'), page.locator(`button[data-export="${format}"]`).click()]);
    }
    await page.getByTestId('open-embed').click();
    await page.frameLocator('dialog iframe').getByTestId('result-count').waitFor();
    expect(problems).toEqual({
      consoleErrors: [],
      pageErrors: [],
      foreignRequests: [],
      cspViolations: [],
      dialogs: [],
    });
  });

  it.each([
    ['https://evil.example/data.json'],
    ['//evil.example/data.json'],
    ['../../secret.json'],
    ['data/contacts.js'],
  ])('refuses data=%s with a message and never requests it', async (value) => {
    const { page, problems } = await open(`?data=${encodeURIComponent(value)}`);
    await page.getByTestId('title-line').waitFor();
    expect(await page.locator('.notices').textContent()).toContain('data');
    expect(problems.foreignRequests).toEqual([]);
  });
});

describe('bad datasets and URLs', () => {
  it.each([
    ['truncated', '{"schemaVersion":1,"title":"x","ev', 'kein gültiges JSON'],
    ['not JSON', '<html>oops</html>', 'kein gültiges JSON'],
    ['wrong schema', '{"schemaVersion":1,"title":5}', 'passt nicht'],
    ['newer schema version', '{"schemaVersion":99}', 'passt nicht'],
  ])('a %s dataset shows a message with a retry', async (_name, body, message) => {
    const { page } = await openPage(browser, server.url);
    await page.route('**/data/contacts.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    await page.goto(server.url);
    const alert = page.getByTestId('load-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(message);
    expect(await alert.getByRole('button').count()).toBe(1);
  });

  it('events naming unknown entities render with what they have, and a notice', async () => {
    const { page, problems } = await open('?data=data/test-dangling.json');
    await page.getByTestId('title-line').waitFor();
    for (const event of seeds.events)
      expect(await page.locator(`[data-event-id="${event.id}"]`).count()).toBeGreaterThan(0);
    expect(await page.locator('details.warnings summary').textContent()).toMatch(/Hinweis/);
    await page.locator(`section[aria-label] button[data-event-id="${seeds.events[0]!.id}"]`).click();
    expect(await page.getByTestId('event-detail').textContent()).toContain('ghost-person');
    expect(problems.pageErrors).toEqual([]);
  });

  it('survives 60 random and hostile query strings (seeded) without an uncaught exception', async () => {
    const random = mulberry32(20251123);
    const keys = [...PARAM_ORDER, 'x'];
    const values = [
      '',
      '%',
      '%%',
      '<script>',
      '2021-13',
      '9999-99',
      '..',
      'sco,,brics',
      '1',
      '0',
      'javascript:alert(1)',
      '\u202e',
      'Ω'.repeat(600),
      '2021-01-01..2020-01-01',
      'de',
      'xx',
    ];
    const { page, problems } = await openPage(browser, server.url);
    for (let i = 0; i < 60; i++) {
      const n = 1 + Math.floor(random() * 5);
      const parts = Array.from(
        { length: n },
        () =>
          `${keys[Math.floor(random() * keys.length)]}=${encodeURIComponent(values[Math.floor(random() * values.length)]!)}`,
      );
      await page.goto(`${server.url}?${parts.join('&')}`);
      await page.waitForSelector('[data-testid="result-count"], [data-testid="load-error"]');
    }
    expect(problems.pageErrors).toEqual([]);
    expect(problems.dialogs).toEqual([]);
  });
});

describe('accessibility (axe-core)', () => {
  const event = seeds.events.find((e) => e.quotes.length > 0)!;
  it.each([
    ['full view, German', `?lang=de`, 'light'],
    ['full view, English', `?lang=en`, 'light'],
    ['detail open', `?lang=de&event=${event.id}`, 'light'],
    ['dark theme with detail', `?lang=en&event=${event.id}`, 'dark'],
    ['embed view', `?embed=1&lang=de`, 'light'],
  ] as const)('%s has no violations', async (_name, query, scheme) => {
    const { page } = await openPage(browser, server.url);
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(server.url + query);
    await page.getByTestId('result-count').waitFor();
    expect(await axe(page)).toEqual([]);
  });
});

describe('keyboard-only walkthrough', () => {
  it('search, facets, timeline, detail and export without a mouse', async () => {
    const { page, problems } = await open('?lang=de');
    await page.getByTestId('title-line').waitFor();
    await page.keyboard.press('/');
    await page.keyboard.type('Lawrow');
    await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/von/);
    await page.keyboard.press('Escape');
    // Facets: open the panel and tick a status with the keyboard.
    await page.locator('details.filters > summary').focus();
    await page.keyboard.press('Enter');
    await page.locator('fieldset[data-facet="status"] input[value="reported"]').focus();
    await page.keyboard.press('Space');
    await expect.poll(() => new URL(page.url()).searchParams.get('status')).toBe('reported');
    // Timeline: focus the chart, step to a contact, open it, close it.
    await page.locator('svg[role="listbox"]').focus();
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await page.getByTestId('event-detail').waitFor();
    await page.keyboard.press('Escape');
    expect(await page.getByTestId('event-detail').count()).toBe(0);
    // Export: focus the CSV button and press Enter.
    await page.locator('button[data-export="csv"]').focus();
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    expect(problems.pageErrors).toEqual([]);
  });
});
