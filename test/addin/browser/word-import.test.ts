// "Nhập từ tệp Word" end to end in headless Chromium against the strict fake Excel: choose a .docx written by
// LibreOffice, see the preview, write — the new sheet is the template's (ids hidden, dropdowns), two syncs for the write,
// and the Check tab reads the appendix. Screenshots at the pane's width and 390×844; no English word or code shown.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { appendixSheets } from '../../../addin/src/logic/appendix-sheets.ts';
import { readPlan } from '../../../core/read/index.ts';
import { readDocx } from '../../../workbook/docx/index.ts';
import type { FakeExcel } from '../../support/fake-excel/fake-host.ts';
import { TEST_FIXTURES } from '../../support/paths.ts';
import { PANE_VIEWPORT, PHONE_VIEWPORT, WIDE_VIEWPORT, openPane, shot } from './support/browser.ts';
import { paneLeaks } from './support/leaks.ts';
import { servedPane } from './support/served-pane.ts';

const DOCX = path.join(TEST_FIXTURES, 'docx/cam-giang-danh-sach.docx');

const harness = servedPane({ fakeHost: true, data: ['quang-son-phu-luc.xlsx'], timeout: 240_000 });

async function workbook(page: Page) {
  return page.evaluate(() => {
    const fake = (window as unknown as { __PHULUC_FAKE__: FakeExcel }).__PHULUC_FAKE__;
    const wb = fake.workbook;
    return {
      sheets: wb.sheetNames(),
      values: Object.fromEntries(wb.sheetNames().map((n) => [n, wb.values(n)])),
      merges: Object.fromEntries(wb.sheetNames().map((n) => [n, wb.merges(n)])),
      payloads: [...fake.stats.payloadBytes],
      syncs: fake.stats.syncs,
      runs: fake.stats.runs,
      hidden: Object.fromEntries(wb.sheetNames().map((n) => [n, wb.columnHidden(n, 'J')])),
      validations: Object.fromEntries(wb.sheetNames().map((n) => [n, wb.validations(n).map((v) => v.range)])),
    };
  });
}

describe('Nhập từ tệp Word', () => {
  for (const [suffix, viewport] of [
    ['', PANE_VIEWPORT],
    ['-390', PHONE_VIEWPORT],
    ['-1366', WIDE_VIEWPORT],
  ] as const) {
    it(`previews a Word plan's appendix and writes it into a new sheet the Check tab reads${suffix}`, async () => {
      const errors: string[] = [];
      const page = await openPane(harness.browser, `${harness.server.origin}/addin/taskpane.html`, {
        initScripts: [harness.data['quang-son-phu-luc.xlsx']!, harness.fakeHost],
        errors,
        viewport,
      });
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

      const beforeWrite = await workbook(page);
      await page.getByRole('button', { name: 'Ghi vào bảng tính' }).click();
      await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/Đã ghi 1 trang tính mới: “Phụ lục II”/);
      await shot(page, `word-02-da-ghi${suffix}`);
      expect(await paneLeaks(page)).toEqual([]);

      const after = await workbook(page);
      const { plan } = readPlan(readDocx(new Uint8Array(await readFile(DOCX)), { name: 'x.docx' }).grids, { format: 'docx' });
      const expected = appendixSheets(plan)[0]!;
      const ids = (v: unknown[][]) => v.map((r) => r.slice(0, -1));
      expect(after.sheets).toEqual([...before.sheets, 'Phụ lục II', 'Danh mục']);
      // The layout, ids aside (new ones each time): the id column holds one per group and item, hidden.
      expect(ids(after.values['Phụ lục II']!)).toEqual(ids(expected.values));
      expect(after.values['Phụ lục II']!.map((r) => r.at(-1) !== null)).toEqual(expected.values.map((r) => r.at(-1) !== null));
      expect(after.hidden['Phụ lục II']).toBe(true);
      expect(after.validations['Phụ lục II']).toEqual(['C6:C110', 'D6:D110', 'F6:F110', 'G6:G110', 'H6:H110']);
      expect(after.merges['Phụ lục II']).toEqual(expected.merges);
      // The write: one Excel.run, a sync for the names in use and one for the whole sheet (a small plan is far under
      // the 5 MB limit), then the workbook read again so Check sees the sheet (one run: the sheets' extents, their cells).
      const syncs = after.payloads.slice(beforeWrite.payloads.length);
      expect([after.runs - beforeWrite.runs, syncs.length]).toEqual([2, 4]);
      expect(syncs[0]).toBeLessThan(100);
      expect(syncs[1]).toBeGreaterThan(5_000);
      expect(syncs.every((n) => n <= 0.9 * 5 * 1024 * 1024)).toBe(true);

      // The Check tab reads the new sheet (the active one) as an appendix.
      await page.getByRole('tab', { name: 'Kiểm tra' }).click();
      await page.getByRole('button', { name: /^Kiểm tra( lại)?$/ }).click();
      await page.getByTestId('plan-summary').waitFor();
      await expect.poll(() => page.getByTestId('plan-summary').textContent()).toContain('Phụ lục II · A5:I10 · 3 nhiệm vụ');
      await shot(page, `word-03-kiem-tra${suffix}`);
      expect(errors).toEqual([]);
    }, 180_000);
  }

  it('names a table it cannot read (nested in a cell) by table, row and cell; a document with no appendix says so', async () => {
    const tc = (t: string) => `<w:tc><w:p><w:r><w:t>${t}</w:t></w:r></w:p></w:tc>`;
    const header = `<w:tr>${tc('TT')}${tc('Nội dung')}${tc('Cơ quan chủ trì')}${tc('Thời gian hoàn thành')}</w:tr>`;
    const task = (cell2: string) => `<w:tr>${tc('1')}${cell2}${tc('Công an xã')}${tc('Năm 2026')}</w:tr>`;
    const nested = `<w:tc><w:p><w:r><w:t>Việc có bảng con</w:t></w:r></w:p><w:tbl><w:tr>${tc('a')}${tc('b')}</w:tr></w:tbl><w:p/></w:tc>`;
    const title = (n: string) => `<w:p><w:r><w:t>PHỤ LỤC ${n}</w:t></w:r></w:p>`;
    const parts = unzipSync(new Uint8Array(await readFile(DOCX)));
    const docx = (body: string) =>
      Buffer.from(
        zipSync({
          ...parts,
          'word/document.xml': strToU8(
            `<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
          ),
        }),
      );
    const page = await openPane(harness.browser, `${harness.server.origin}/addin/taskpane.html`, {
      initScripts: [harness.data['quang-son-phu-luc.xlsx']!, harness.fakeHost],
    });
    await page.getByRole('tab', { name: 'Điền' }).click();
    const choose = page.getByLabel('Chọn tệp Word (.docx)');
    await choose.setInputFiles({
      name: 'bang-long.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx(
        `${title('I')}<w:tbl>${header}${task(nested)}</w:tbl><w:p/>${title('II')}<w:tbl>${header}${task(tc('Việc thường'))}</w:tbl>`,
      ),
    });
    const refused = page.getByTestId('word-refused');
    await refused.waitFor();
    expect(await page.getByTestId('word-preview').locator('li > strong').allTextContents()).toEqual(['PHỤ LỤC II']);
    expect(await refused.innerText()).toBe(
      '1 bảng trong tệp không đọc được (có bảng lồng trong ô) nên không được ghi.\n\nBảng thứ 1, hàng thứ 2, ô thứ 2: có bảng lồng trong bảng (một ô chứa cả một bảng khác) nên bảng này không đọc được. Hãy bỏ bảng lồng trong ô đó, chép nội dung ra thành các hàng của bảng chính.',
    );
    await page.getByTestId('word-section').scrollIntoViewIfNeeded();
    await shot(page, 'word-05-bang-long');
    expect(await paneLeaks(page)).toEqual([]);

    const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    await choose.setInputFiles({
      name: 'cong-van.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: docx(`${para('Kính gửi các phòng, ban.')}${para('Đề nghị thực hiện nghiêm túc.')}`),
    });
    const bar = page.getByTestId('word-section').locator('.fui-MessageBar');
    await expect.poll(() => bar.first().textContent()).toBe('Tệp không có phụ lục nào.');
    expect(await page.getByTestId('word-preview').count()).toBe(0);
    expect(await paneLeaks(page)).toEqual([]);
  }, 120_000);

  it('says so when the file is not a Word document', async () => {
    const page = await openPane(harness.browser, `${harness.server.origin}/addin/taskpane.html`, {
      initScripts: [harness.data['quang-son-phu-luc.xlsx']!, harness.fakeHost],
    });
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
