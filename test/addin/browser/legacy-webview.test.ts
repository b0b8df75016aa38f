// The pane's entry page in legacy webviews (Office up to 2019): Internet Explorer (Trident) and legacy Edge (EdgeHTML)
// get the Vietnamese message with the link to /kiem-tra from the first paint, never the "Đang tải…" line, whether the
// ES2022 bundle fails to parse (as it does there) or runs (as in Chromium); a modern webview starts the pane.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EDGEHTML_UA, PHONE_VIEWPORT, TRIDENT_UA, WEBVIEW2_UA, WIDE_VIEWPORT, openPane, shot } from './support/browser.ts';
import { paneLeaks } from './support/leaks.ts';
import { servedPane } from './support/served-pane.ts';

const harness = servedPane();

const MESSAGE =
  'Excel trên máy này chưa chạy được phuluc\n' +
  'Excel trên máy này hiển thị ngăn tác vụ bằng trình duyệt cũ (Internet Explorer hoặc Microsoft Edge bản cũ), nên không mở được phuluc.\n' +
  'Bạn vẫn kiểm tra được phụ lục bằng một trong hai cách:\n' +
  'tải tệp lên trang Kiểm tra phụ lục (/kiem-tra) của máy chủ đồng bộ;\n' +
  'hoặc dùng dòng lệnh: phuluc check ke-hoach.xlsx.\n' +
  'Để dùng phuluc ngay trong Excel: cập nhật lên Microsoft 365 hoặc Office 2021 trở lên, hoặc dùng Excel trên web.\n' +
  'English: this Excel shows add-ins with an old browser engine (Internet Explorer or legacy Edge), which cannot run phuluc. ' +
  "Upload the file on the sync server's /kiem-tra page or run phuluc check plan.xlsx; to use the pane, update to Microsoft 365 " +
  'or Office 2021 or later, or use Excel on the web.';

/** What an official sees: the message (text and link), the loading line, the pane's tabs. */
async function seen(page: Page) {
  const message = page.locator('#unsupported');
  const visible = await message.isVisible();
  return {
    message: visible
      ? (await message.innerText())
          .replace(/[ \t]+/g, ' ')
          .replace(/\n+/g, '\n')
          .trim()
      : null,
    link: visible
      ? await page.getByRole('link', { name: 'Kiểm tra phụ lục (/kiem-tra)' }).evaluate((a) => (a as HTMLAnchorElement).href)
      : null,
    loading: await page.getByText('Đang tải phuluc…').isVisible(),
    tabs: await page.getByRole('tab').allInnerTexts(),
    flagged: await page.evaluate(() => (window as { __PHULUC_UNSUPPORTED__?: boolean }).__PHULUC_UNSUPPORTED__ === true),
  };
}

/** The bundle as an old engine sees it: a script it cannot parse (there, ES2022 syntax), so nothing of the app runs. */
const unparsable = (url: string) =>
  /\/addin\/static\/[^/]+\.js$/.test(url) ? { contentType: 'text/javascript', body: 'export const app = ;' } : undefined;

describe('legacy webviews see the message before the bundle, never the loading line', () => {
  for (const [engine, ua] of [
    ['Trident', TRIDENT_UA],
    ['EdgeHTML', EDGEHTML_UA],
  ] as const) {
    it(`${engine}: the bundle cannot parse → the message with the /kiem-tra link, no "Đang tải…"`, async () => {
      const errors: string[] = [];
      const page = await openPane(harness.browser, `${harness.server.origin}/addin/taskpane.html`, {
        userAgent: ua,
        override: unparsable,
        errors,
      });
      expect(await seen(page)).toEqual({
        message: MESSAGE,
        link: `${harness.server.origin}/kiem-tra`,
        loading: false,
        tabs: [],
        flagged: true,
      });
      // The bundle was requested and failed to parse: what the pane hung on before.
      expect(errors).toEqual(["Unexpected token ';'"]);
      await page.context().close();
    });

    it(`${engine}: the bundle runs (as in Chromium) → it does not start the app; screenshots at 1366 and 390`, async () => {
      for (const [suffix, viewport] of [
        ['1366', WIDE_VIEWPORT],
        ['390', PHONE_VIEWPORT],
      ] as const) {
        const errors: string[] = [];
        const page = await openPane(harness.browser, `${harness.server.origin}/addin/taskpane.html`, { userAgent: ua, viewport, errors });
        await page.waitForLoadState('load');
        expect(await seen(page)).toEqual({
          message: MESSAGE,
          link: `${harness.server.origin}/kiem-tra`,
          loading: false,
          tabs: [],
          flagged: true,
        });
        expect(errors).toEqual([]);
        // The Vietnamese part speaks an official's words (the English paragraph is marked lang="en").
        expect(await paneLeaks(page)).toEqual([]);
        await shot(page, `10-legacy-${engine.toLowerCase()}-${suffix}`);
        await page.context().close();
      }
    });
  }

  it('an engine without ES2020 basics (no Promise.allSettled) is judged by features, whatever its user agent says', async () => {
    const page = await openPane(harness.browser, `${harness.server.origin}/addin/taskpane.html`, {
      userAgent: WEBVIEW2_UA,
      initScripts: ['delete Promise.allSettled;'],
    });
    expect(await seen(page)).toEqual({
      message: MESSAGE,
      link: `${harness.server.origin}/kiem-tra`,
      loading: false,
      tabs: [],
      flagged: true,
    });
    await page.context().close();
  });

  it('a modern webview (WebView2, "Edg/") starts the pane: tabs, no message', async () => {
    const errors: string[] = [];
    const page = await openPane(harness.browser, `${harness.server.origin}/addin/taskpane.html`, { userAgent: WEBVIEW2_UA, errors });
    await page.getByRole('tab', { name: 'Kiểm tra' }).waitFor();
    expect(await seen(page)).toEqual({
      message: null,
      link: null,
      loading: false,
      tabs: ['Kiểm tra', 'Điền', 'Đồng bộ', 'Tiến độ'],
      flagged: false,
    });
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
