// Headless Chromium (Debian's) with pages sized like the Excel task pane; office.js's CDN request is answered
// with an empty script (the fake host provides Office), and nothing else leaves 127.0.0.1.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../../../support/paths.ts';

export const PANE_VIEWPORT = { width: 350, height: 700 };
/** The sizes every changed view is also looked at: a wide desktop window and a phone-sized one. */
export const WIDE_VIEWPORT = { width: 1366, height: 768 };
export const PHONE_VIEWPORT = { width: 390, height: 844 };
export const SCREENSHOTS = path.join(REPO_ROOT, 'test-artifacts/screenshots/addin');
export const TRIDENT_UA = 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; .NET4.0E; rv:11.0) like Gecko';
/** Office 2019's legacy Edge webview (EdgeHTML 18) on Windows 10: Chromium Edge would say "Edg/", not "Edge/". */
export const EDGEHTML_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64; WebView/3.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19041';
/** Microsoft 365's WebView2 (Chromium Edge). */
export const WEBVIEW2_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0';

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.PHULUC_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
}

export interface OpenOptions {
  /** Init scripts run before any page script, in order (the snapshot, then the fake host). */
  initScripts?: string[];
  userAgent?: string;
  /** The page's size (the pane's, 350×700, unless given). */
  viewport?: { width: number; height: number };
  /** Collected console errors and page errors, for assertions. */
  errors?: string[];
  /** Answers chosen requests itself (e.g. the bundle as an old engine sees it); undefined lets the request through. */
  override?: (url: string) => { contentType: string; body: string } | undefined;
}

/**
 * A fresh context and page at the pane's URL.
 * @example const page = await openPane(browser, `${origin}/addin/taskpane.html`, { initScripts: [snapshot, fake] })
 */
export async function openPane(browser: Browser, url: string, opts: OpenOptions = {}): Promise<Page> {
  const context = await browser.newContext({
    viewport: opts.viewport ?? PANE_VIEWPORT,
    ...(opts.userAgent ? { userAgent: opts.userAgent } : {}),
    locale: 'vi-VN',
  });
  const origin = new URL(url).origin;
  await context.route('**/*', (route) => {
    const u = route.request().url();
    const answer = opts.override?.(u);
    if (answer) return route.fulfill({ status: 200, ...answer });
    if (u.startsWith('https://appsforoffice.microsoft.com/'))
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: '/* office.js stub: the test host provides Office */' });
    if (u.startsWith(origin) || u.startsWith('data:') || u.startsWith('blob:')) return route.continue();
    return route.abort();
  });
  for (const content of opts.initScripts ?? []) await context.addInitScript({ content });
  const page = await context.newPage();
  if (opts.errors) {
    const errors = opts.errors;
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
  }
  await page.goto(url);
  return page;
}

/** Save a screenshot of the pane under test-artifacts/screenshots/addin/. */
export async function shot(page: Page, name: string, fullPage = false): Promise<string> {
  await mkdir(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  // Let Fluent's motion (accordion, dialog) settle before the picture.
  await page.waitForTimeout(350);
  await page.screenshot({ path: file, fullPage });
  return file;
}
