// "Nhập từ tệp Word" end to end in headless Chromium against the strict fake Excel: choose a .docx written by
// LibreOffice, see the preview, write — the new sheet holds the template layout, every sync under the payload limit,
// and the Check tab reads the appendix. Screenshots at the pane's width and 390×844; no English word or code shown.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendixSheets } from '../../../addin/src/logic/appendix-sheets.ts';
import { readPlan } from '../../../core/read/index.ts';
import { readDocx } from '../../../workbook/docx/index.ts';
import type { FakeExcel } from '../../support/fake-excel/fake-host.ts';
import { TEST_FIXTURES } from '../../support/paths.ts';
import { PANE_VIEWPORT, PHONE_VIEWPORT, launch, openPane, shot } from './support/browser.ts';
import { buildPane, bundleScript } from './support/build.ts';
import { fakeDataScript } from './support/fixtures.ts';
import { paneLeaks } from './support/leaks.ts';
import { startPaneServer, type PaneServer } from './support/server.ts';

const DOCX = path.join(TEST_FIXTURES, 'docx/cam-giang-danh-sach.docx');

let dir = '';
let server: PaneServer;
let browser: Browser;
let fakeHost = '';
let snapshot = '';

beforeAll(async () => {
  [dir, fakeHost, snapshot] = await Promise.all([
    buildPane(),
    bundleScript('test/addin/browser/support/fake-entry.ts'),
    fakeDataScript('quang-son-phu-luc.xlsx'),
  ]);
  server = await startPaneServer(dir);
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function workbook(page: Page) {
  return page.evaluate(() => {
    const fake = (window as unknown as { __PHULUC_FAKE__: FakeExcel }).__PHULUC_FAKE__;
    const wb = fake.workbook;
    return {
      sheets: wb.sheetNames(),
      values: Object.fromEntries(wb.sheetNames().map((n) => [n, wb.values(n)])),
      merges: Object.fromEntries(wb.sheetNames().map((n) => [n, wb.merges(n)])),
      payloads: [...fake.stats.payloadBytes],
    };
  });
}

describe('Nhập từ tệp Word', () => {
  for (const [suffix, viewport] of [
    ['', PANE_VIEWPORT],
    ['-390', PHONE_VIEWPORT],
  ] as const) {
    it(`previews a Word plan's appendix and writes it into a new sheet the Check tab reads${suffix}`, async () => {
      const errors: string[] = [];
      const page = await openPane(browser, `${server.origin}/addin/taskpane.html`, { initScripts: [snapshot, fakeHost], errors, viewport });
      await page.getByRole('tab', { name: 'Điền' }).click();
      const before = await workbook(page);
      await page.getByLabel('Chọn tệp Word (.docx)').setInputFiles(DOCX);
      const preview = page.getByTestId('word-preview');
      await preview.waitFor();
      expect(await preview.locator('li > strong').allTextContents()).toEqual([
        'PHỤ LỤC II – DANH MỤC NHIỆM VỤ PHÁT TRIỂN HẠ TẦNG SỐ NĂM 2025',
      ]);
      expect(await preview.textContent()).toContain('3 nhiệm vụ');
      await page.getByTestId('word-section').scrollIntoViewIfNeeded();
      await shot(page, `word-01-xem-truoc${suffix}`);
      expect(await paneLeaks(page)).toEqual([]);

      await page.getByRole('button', { name: 'Ghi vào bảng tính' }).click();
      await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/Đã ghi 1 trang tính mới: “PL II”/);
      await shot(page, `word-02-da-ghi${suffix}`);
      expect(await paneLeaks(page)).toEqual([]);

      const after = await workbook(page);
      const { plan } = readPlan(readDocx(new Uint8Array(await readFile(DOCX)), { name: 'x.docx' }).grids, { format: 'docx' });
      const expected = appendixSheets(plan)[0]!;
      expect(after.sheets).toEqual([...before.sheets, 'PL II']);
      expect(after.values['PL II']).toEqual(expected.values);
      expect(after.merges['PL II']).toEqual(expected.merges);
      // Every batch the pane sent stayed under Excel on the web's 5 MB.
      expect(after.payloads.every((n) => n <= 5 * 1024 * 1024)).toBe(true);

      // The Check tab reads the new sheet (the active one) as an appendix.
      await page.getByRole('tab', { name: 'Kiểm tra' }).click();
      await page.getByRole('button', { name: /^Kiểm tra( lại)?$/ }).click();
      await page.getByTestId('plan-summary').waitFor();
      await expect.poll(() => page.getByTestId('plan-summary').textContent()).toContain('PL II · A5:I10 · 3 nhiệm vụ');
      await shot(page, `word-03-kiem-tra${suffix}`);
      expect(errors).toEqual([]);
    }, 180_000);
  }

  it('says so when the file is not a Word document', async () => {
    const page = await openPane(browser, `${server.origin}/addin/taskpane.html`, { initScripts: [snapshot, fakeHost] });
    await page.getByRole('tab', { name: 'Điền' }).click();
    await page
      .getByLabel('Chọn tệp Word (.docx)')
      .setInputFiles({ name: 'ke-hoach.docx', mimeType: 'text/plain', buffer: Buffer.from('không phải Word') });
    const bar = page.getByTestId('word-section').locator('.fui-MessageBar');
    await bar.waitFor();
    expect(await bar.textContent()).toBe('Tệp không phải tài liệu Word (.docx).');
    await shot(page, 'word-04-loi');
    expect(await paneLeaks(page)).toEqual([]);
  }, 120_000);
});
