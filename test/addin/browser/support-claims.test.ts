// What phuluc says it runs on, read from the three places an IT team reads it: the README, the help page the manifest
// links to (as Chromium renders it from the built pane), and the manifest's requirement sets. They must agree, say
// nothing of Office 2019 working, and the help page must describe every tab the pane has (none "sắp có").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../../../manifest/manifest.ts';
import { REPO_ROOT } from '../../support/paths.ts';
import { PHONE_VIEWPORT, WEBVIEW2_UA, WIDE_VIEWPORT, openPane, shot } from './support/browser.ts';
import { paneLeaks } from './support/leaks.ts';
import { servedPane } from './support/served-pane.ts';

const harness = servedPane();

const manifest = readFileSync(MANIFEST_FILE, 'utf8');
const readme = readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
const oneLine = (s: string) => s.replace(/\s+/g, ' ');

/** The claim as written in a text: the Vietnamese and English "runs on …; needs ExcelApi n" sentences. */
function claims(text: string) {
  const t = oneLine(text);
  const vi = [...t.matchAll(/[Cc]hạy trên (.+?); cần ExcelApi (\d+\.\d+)/g)].map((m) => ({ on: m[1], excelApi: m[2] }));
  const en = [...t.matchAll(/[Rr]uns on (.+?); needs ExcelApi (\d+\.\d+)/g)].map((m) => ({ on: m[1], excelApi: m[2] }));
  return { vi, en };
}

const CLAIM = {
  vi: [{ on: 'Microsoft 365, Office 2021 trở lên (Windows, Mac) và Excel trên web', excelApi: '1.9' }],
  en: [{ on: 'Microsoft 365, Office 2021 or later (Windows, Mac) and Excel on the web', excelApi: '1.9' }],
};

/** The URL a manifest element names (resolved through bt:Url when it is a resid), on the test server. */
function served(url: string): string {
  return `${harness.server.origin}${new URL(url).pathname}`;
}

describe('support claims agree', () => {
  it('the manifest needs ExcelApi 1.9, in both requirement blocks', () => {
    expect([...manifest.matchAll(/<(?:bt:)?Set Name="(\w+)" MinVersion="([\d.]+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`)).toEqual([
      'ExcelApi 1.9',
      'ExcelApi 1.9',
    ]);
  });

  it('the README says the same as the manifest, in Vietnamese and English, and never that Office 2019 works', () => {
    expect(claims(readme)).toEqual(CLAIM);
    expect(oneLine(readme).match(/(?:Excel|Office) 2019 (?:trở lên|or later)|(?:Excel|Office) 2019\+/g)).toBeNull();
  });

  it('the help page the manifest links to (SupportUrl, LearnMoreUrl) says the same, as Chromium renders it', async () => {
    const support = /<SupportUrl DefaultValue="([^"]+)"\/>/.exec(manifest)![1]!;
    const learnMore = /<bt:Url id="Help.Url" DefaultValue="([^"]+)"\/>/.exec(manifest)![1]!;
    expect(learnMore).toBe(support);
    for (const [suffix, viewport] of [
      ['1366', WIDE_VIEWPORT],
      ['390', PHONE_VIEWPORT],
    ] as const) {
      const page = await openPane(harness.browser, served(support), { userAgent: WEBVIEW2_UA, viewport });
      const text = await page.locator('body').innerText();
      expect(claims(text)).toEqual(CLAIM);
      expect(text).not.toMatch(/sắp có|coming/i);
      expect(await paneLeaks(page)).toEqual([]);
      await shot(page, `11-help-${suffix}`, true);
      await page.context().close();
    }
  });

  it('the help page describes every tab the pane shows, in the pane’s order', async () => {
    const pane = await openPane(harness.browser, `${harness.server.origin}/addin/taskpane.html`, { userAgent: WEBVIEW2_UA });
    await pane.getByRole('tab', { name: 'Kiểm tra' }).waitFor();
    const tabs = await pane.getByRole('tab').allInnerTexts();
    await pane.context().close();
    const help = await openPane(harness.browser, served(/<SupportUrl DefaultValue="([^"]+)"\/>/.exec(manifest)![1]!), {
      userAgent: WEBVIEW2_UA,
    });
    const described = await help
      .locator('#tabs > li')
      .evaluateAll((items) =>
        items.map((li) => ({ tab: li.getAttribute('data-tab'), title: li.querySelector('b')?.textContent, words: li.textContent!.length })),
      );
    await help.context().close();
    expect(tabs).toEqual(['Kiểm tra', 'Điền', 'Đồng bộ', 'Tiến độ']);
    expect(described.map((d) => ({ tab: d.tab, title: d.title }))).toEqual(tabs.map((t) => ({ tab: t, title: t })));
    // Each a sentence of what the tab does, not a placeholder.
    for (const d of described) expect(d.words, d.tab!).toBeGreaterThan(120);
  });
});
