/**
 * Browser test harness: finds a Chromium that is already installed (never downloads one), serves the built `dist/`
 * on a free localhost port, and opens pages that record console errors, page errors and any request that leaves
 * the site's origin.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/serve/chromium.ts';
import { startStaticServer, type RunningServer, type StaticServerOptions } from '../../scripts/serve/static-server.ts';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS, headless: true });
}

/**
 * The Content-Security-Policy the README recommends for hosting the site. Every browser test runs under it, so a
 * violation (which Chromium reports as a console error) fails the tests that check for console errors.
 */
export const RECOMMENDED_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

export async function serveDist(options: Partial<StaticServerOptions> = {}): Promise<RunningServer> {
  const root = options.root ?? 'dist';
  if (!existsSync(`${root}/index.html`))
    throw new Error(`${root}/index.html is missing: run \`npm run build\` before the browser tests (npm test does).`);
  return startStaticServer({
    ...options,
    root,
    headers: { 'Content-Security-Policy': RECOMMENDED_CSP, ...options.headers },
  });
}

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  foreignRequests: string[];
  cspViolations: string[];
  dialogs: string[];
}

/** A page that records what went wrong; foreign requests are aborted so a test can never leak to the network. */
export async function openPage(
  browser: Browser,
  siteUrl: string,
  viewport = { width: 1280, height: 800 },
  /** Further origins the page may load from (an embedding test's host page and the embedded site). */
  alsoAllowed: string[] = [],
): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport, locale: 'de-DE', timezoneId: 'UTC' });
  const page = await context.newPage();
  const origins = new Set([siteUrl, ...alsoAllowed].map((u) => new URL(u).origin));
  const problems: PageProblems = {
    consoleErrors: [],
    pageErrors: [],
    foreignRequests: [],
    cspViolations: [],
    dialogs: [],
  };
  // A dialog (alert/confirm/prompt) can only come from script we did not write: record and dismiss it.
  page.on('dialog', (dialog) => {
    problems.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.exposeFunction('__reportCspViolation', (text: string) => problems.cspViolations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __reportCspViolation: (t: string) => void }).__reportCspViolation(
        `${e.violatedDirective} ${e.blockedURI}`,
      );
    });
  });
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.consoleErrors.push(msg.text());
  });
  page.on('pageerror', (err) => problems.pageErrors.push(err.message));
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank' || origins.has(new URL(url).origin))
      return route.continue();
    problems.foreignRequests.push(url);
    return route.abort();
  });
  return { page, problems };
}
