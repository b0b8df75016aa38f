// Chromium for the page tests: a page that records CSP violations, uncaught errors, dialogs and requests leaving the
// server's origin — so a test can assert there were none.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../support/paths.ts';

export const SCREENSHOTS = path.join(REPO_ROOT, 'test-artifacts', 'screenshots', 'web');
export const DESKTOP = { width: 1366, height: 768 };
export const PHONE = { width: 390, height: 844 };

/**
 * Launch Debian's Chromium headless.
 * @example const browser = await launchBrowser()
 */
export async function launchBrowser(): Promise<Browser> {
  await mkdir(SCREENSHOTS, { recursive: true });
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
}

export interface Watched {
  context: BrowserContext;
  page: Page;
  /** CSP violations (event and console), uncaught page errors. */
  problems: string[];
  /** alert/confirm/prompt that fired (an XSS payload that ran would show here). */
  dialogs: string[];
  /** Requests to anywhere but the server (a CDN, a tracker). */
  external: string[];
}

/**
 * A fresh context and page at `viewport`, signed in with `token` when given (stored as the page stores it).
 * @example const w = await watchedPage(browser, server.url, DESKTOP, editorToken)
 */
export async function watchedPage(
  browser: Browser,
  origin: string,
  viewport: { width: number; height: number },
  token?: string,
): Promise<Watched> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  await context.addInitScript((tok: string | null) => {
    if (tok && !sessionStorage.getItem('phuluc.test.init')) {
      localStorage.setItem('phuluc.token', tok);
      sessionStorage.setItem('phuluc.test.init', '1');
    }
    document.addEventListener('securitypolicyviolation', (e) => {
      console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
    });
  }, token ?? null);
  const page = await context.newPage();
  const w: Watched = { context, page, problems: [], dialogs: [], external: [] };
  page.on('console', (m) => {
    const text = m.text();
    if (/CSP violation|Content Security Policy|Refused to/i.test(text)) w.problems.push(text);
  });
  page.on('pageerror', (e) => w.problems.push(`pageerror: ${e.message}`));
  page.on('dialog', (d) => {
    w.dialogs.push(`${d.type()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) w.external.push(u);
  });
  return w;
}

/**
 * A full-page screenshot under test-artifacts/screenshots/web/.
 * @example await screenshot(page, 'kiem-tra-1366')
 */
export async function screenshot(page: Page, name: string): Promise<string> {
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Wait until the locator is visible, then its text (playwright-core has no web-first assertions).
 * @example expect(await seen(page.locator('.outcome.ok'))).toContain('phiên bản số 1')
 */
export async function seen(locator: Locator, timeout = 15_000): Promise<string> {
  await locator.first().waitFor({ state: 'visible', timeout });
  return locator.first().innerText();
}
