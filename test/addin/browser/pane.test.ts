// The task pane in real headless Chromium: built with vite, served by the phuluc server's static route, driven
// against a fake Excel host injected before the app script runs (office.js's CDN request is stubbed).
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { gridFromValues, type CellValue, type Grid } from '../../../core/model/index.ts';
import { allIssues } from '../../../core/validate/index.ts';
import { validateGrids } from '../../../core/validate/index.ts';
import type { FakeExcel } from '../../support/fake-excel/fake-host.ts';
import { PHONE_VIEWPORT, PANE_VIEWPORT, WIDE_VIEWPORT, openPane, shot } from './support/browser.ts';
import { paneLeaks } from './support/leaks.ts';
import { servedPane } from './support/served-pane.ts';

const harness = servedPane({ fakeHost: true, data: ['quang-son-phu-luc.xlsx', 'cam-giang-phu-luc.xlsx'] });

interface FakeView {
  sheets: string[];
  /** Each sheet's values as a core Grid (dates as serial numbers), for checking with core in Node. */
  grids: Grid[];
  selection: { sheet: string; address: string } | null;
  notes: number;
  validations: Record<string, { range: string }[]>;
}

/** What the fake workbook holds now, read through its inspector. */
async function fake(page: Page): Promise<FakeView> {
  const raw = await page.evaluate(() => {
    const wb = (window as unknown as { __PHULUC_FAKE__: FakeExcel }).__PHULUC_FAKE__.workbook;
    const sheets = wb.sheetNames();
    return {
      sheets,
      values: sheets.map((n) => [n, wb.values(n)] as const),
      selection: wb.selection(),
      notes: sheets.reduce((k, n) => k + Object.keys(wb.notes(n)).length, 0),
      validations: Object.fromEntries(sheets.map((n) => [n, wb.validations(n).map((v) => ({ range: v.range }))])),
    };
  });
  return { ...raw, grids: raw.values.map(([n, v]) => gridFromValues(n, v as CellValue[][])) };
}

const SIZES = [
  ['', PANE_VIEWPORT],
  ['-1366', WIDE_VIEWPORT],
  ['-390', PHONE_VIEWPORT],
] as const;

async function open(
  name: 'quangSon' | 'camGiang',
  errors: string[] = [],
  viewport: { width: number; height: number } = PANE_VIEWPORT,
): Promise<Page> {
  const page = await openPane(harness.browser, `${harness.server.origin}/addin/taskpane.html`, {
    initScripts: [harness.data[name === 'quangSon' ? 'quang-son-phu-luc.xlsx' : 'cam-giang-phu-luc.xlsx']!, harness.fakeHost],
    errors,
    viewport,
  });
  await page.getByRole('tab', { name: 'Kiểm tra' }).waitFor();
  return page;
}

async function runCheck(page: Page): Promise<void> {
  await page.getByRole('button', { name: /^Kiểm tra( lại)?$/ }).click();
  await page.getByTestId('plan-summary').waitFor();
  await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/Đã kiểm tra|Đã áp dụng/);
}

const codesShown = (page: Page) =>
  page.locator('[data-code]').evaluateAll((els) => [...new Set(els.map((e) => e.getAttribute('data-code')))]);

/** Open the notes behind their summary line ("40 lưu ý — Xem"). */
async function showNotes(page: Page): Promise<void> {
  await page
    .getByTestId('notes-summary')
    .getByRole('button', { name: /^Xem \d+ lưu ý$/ })
    .click();
  await page.locator('section[data-severity="info"]').waitFor();
}

describe('Kiểm tra (Quang Sơn)', () => {
  it('lists issues, selects an issue cell, previews and applies every safe fix, then undoes', async () => {
    const errors: string[] = [];
    const page = await open('quangSon', errors);
    await shot(page, '01-kiem-tra-mo');
    await runCheck(page);

    const before = await fake(page);
    const expected = validateGrids(before.grids).report;
    // Each marked cell carries its message as a note (ExcelApi 1.18 here).
    expect(before.notes).toBeGreaterThan(10);
    // Every code of the report is shown, and no other (the report's every issue: test/cli/check.test.ts).
    // Notes wait behind their summary line: only the warnings' rules are listed until "Xem".
    expect(await page.getByTestId('notes-summary').textContent()).toBe('40 lưu ý—Xem');
    expect([...(await codesShown(page))].sort()).toEqual(['continuation-row', 'lead-multiple', 'repeated-header-row', 'result-missing']);
    await showNotes(page);
    const codes = await codesShown(page);
    expect([...codes].sort()).toEqual([...new Set(allIssues(expected).map((i) => i.code))].sort());
    expect([...codes].sort()).toEqual([
      'agency-variant',
      'continuation-row',
      'deadline-format',
      'group-number-style',
      'lead-multiple',
      'repeated-header-row',
      'result-missing',
      'tone-style-mixed',
    ]);
    await expect.poll(() => page.getByTestId('plan-summary').textContent()).toContain('Quang Sơn');
    await shot(page, '02-kiem-tra-ket-qua');

    // Warnings are listed open: click the first issue of "Dòng tiêu đề lặp lại" ("Dòng 33"): Excel selects that cell.
    const first = page.locator('li[data-code="repeated-header-row"]').first();
    const cell = await first.getAttribute('data-cell');
    await first.getByRole('button').first().click();
    await expect
      .poll(async () => (await fake(page)).selection)
      .toEqual({ sheet: 'PL II - Nhiệm vụ', address: `'PL II - Nhiệm vụ'!${cell}` });
    await shot(page, '03-kiem-tra-mo-nhom');

    expect(await first.getByRole('button').first().textContent()).toMatch(/^Ô A\d+Dòng tiêu đề cột bị lặp lại/);
    // "Sửa … chỗ an toàn": the label counts what the preview lists (every round); nothing is written before "Áp dụng".
    expect(await page.getByTestId('fix-all').textContent()).toBe('Sửa 55 chỗ an toàn (9 cảnh báo, 39 lưu ý)');
    await page.getByTestId('fix-all').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect.poll(() => dialog.textContent()).toMatch(/Xóa dòng \d+/);
    expect(await dialog.getByTestId('preview-intro').textContent()).toBe(
      '55 thay đổi sẽ được ghi vào bảng tính, giải quyết 9 cảnh báo, 39 lưu ý. Có thể hoàn tác.',
    );
    expect(await dialog.locator('[data-testid="preview-list"] li').count()).toBe(55);
    expect(await dialog.textContent()).toContain('Sửa tiếp (số dòng đã tính lại sau các thay đổi ở trên)');
    expect((await fake(page)).grids).toEqual(before.grids);
    await shot(page, '04-xem-truoc-sua');
    await dialog.getByRole('button', { name: 'Áp dụng' }).click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/^Đã áp dụng 55 thay đổi/);

    const after = await fake(page);
    const report = validateGrids(after.grids).report;
    const left = allIssues(report);
    expect(left.some((i) => i.code === 'repeated-header-row')).toBe(false);
    expect(report.stats.fixable).toBe(0);
    expect(left.length).toBeLessThan(allIssues(expected).length);
    await expect.poll(() => codesShown(page)).not.toContain('repeated-header-row');
    expect(await page.getByTestId('fix-all').textContent()).toBe('Không còn chỗ nào sửa an toàn được');
    await expect(page.getByTestId('fix-all').isDisabled()).resolves.toBe(true);
    await shot(page, '05-kiem-tra-sau-sua');

    // "Hoàn tác" undoes the whole fix (both rounds), and the pane checks again.
    await page.getByRole('button', { name: 'Hoàn tác' }).click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('Đã hoàn tác');
    expect((await fake(page)).grids).toEqual(before.grids);
    await expect.poll(() => codesShown(page)).toContain('repeated-header-row');

    await page.getByRole('button', { name: 'Xóa đánh dấu' }).click();
    await expect.poll(async () => (await fake(page)).notes).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describe('Kiểm tra (Cẩm Giàng)', () => {
  it('shows the plan reference and fixes one issue with its own "Sửa" button', async () => {
    const page = await open('camGiang');
    await runCheck(page);
    const summary = await page.getByTestId('plan-summary').textContent();
    expect(summary).toContain('03/KH-UBND');
    expect(summary).toContain('Cẩm Giàng');
    expect(summary).toContain('1 lỗi cần sửa');
    // Every code of the report is shown once the notes are open, and no other (the report's every issue: test/cli/check.test.ts).
    await showNotes(page);
    const codes = [...(await codesShown(page))].sort();
    expect(codes).toEqual([...new Set(allIssues(validateGrids((await fake(page)).grids).report).map((i) => i.code))].sort());
    expect(codes).toEqual([
      'agency-variant',
      'continuation-row',
      'deadline-conditional',
      'deadline-format',
      'deadline-missing',
      'group-number-gap',
      'group-number-style',
      'lead-generic',
      'lead-multiple',
      'missing-column',
      'partners-missing',
      'tone-style-mixed',
    ]);

    const group = page.locator('[data-code="deadline-format"]').first();
    await group.getByRole('button').first().click();
    // The cell in words, as the marks and the web page say it.
    expect(await page.locator('li[data-code="deadline-format"]').first().getByRole('button').first().textContent()).toMatch(/^Ô [A-Z]+\d+/);
    const item = page.locator('li[data-code="deadline-format"]').first();
    const cell = (await item.getAttribute('data-cell'))!;
    const before = await fake(page);
    const target = validateGrids(before.grids)
      .report.tables.flatMap((t) => t.issues)
      .find((i) => i.code === 'deadline-format' && i.cell === cell)!;
    await item.getByRole('button', { name: /^Sửa / }).click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/Đã áp dụng 1 thay đổi/);
    const edit = target.fix!.ops[0]!;
    const to = edit.op === 'set-cells' ? edit.edits[0]!.to : null;
    const now = await page.evaluate(
      ([sheet, a1]) => (window as unknown as { __PHULUC_FAKE__: FakeExcel }).__PHULUC_FAKE__.workbook.cell(sheet!, a1!).value,
      [target.sheet, cell],
    );
    expect(now).toBe(to);
    await page.context().close();
  });
});

describe('Điền', () => {
  it('inserts a template, adds dropdowns, converts list-form text into rows under the table', async () => {
    const page = await open('camGiang');
    await page.getByRole('tab', { name: 'Điền' }).click();
    await page.getByRole('button', { name: 'Đọc bảng' }).click();
    await expect.poll(() => page.getByLabel('Bảng', { exact: true }).inputValue()).toBe('0');
    await shot(page, '06-dien');
    await shot(page, '06-dien-toan-trang', true);

    const validationsBefore = (await fake(page)).validations['Phụ lục I']!.length;
    await page.getByRole('button', { name: 'Thêm danh sách chọn' }).click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/Đã thêm danh sách chọn cho dòng \d+–\d+/);
    expect((await fake(page)).validations['Phụ lục I']!.length).toBeGreaterThan(validationsBefore);

    const text = [
      'I. NHÓM MỚI',
      '1. Tổ chức tập huấn kỹ năng số cho cán bộ',
      '- Cơ quan chủ trì: Văn phòng HĐND và UBND',
      '- Thời gian hoàn thành: Quý IV/2025',
    ].join('\n');
    await page.getByLabel('Dán nội dung dạng danh sách').fill(text);
    await page.getByRole('button', { name: 'Chuyển thành dòng' }).click();
    await expect.poll(() => page.getByTestId('list-section').textContent()).toContain('1 nhóm, 1 nhiệm vụ');
    await shot(page, '07-dien-danh-sach');
    await page.getByRole('button', { name: 'Ghi vào cuối bảng' }).click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/Đã ghi 2 dòng/);
    const grid = (await fake(page)).grids.find((g) => g.sheet === 'Phụ lục I')!;
    const tail = grid.rows.slice(48 - 1, 49).map((r) => r.map((c) => c?.v ?? null));
    expect(tail[0]).toContain('NHÓM MỚI');
    expect(tail[1]).toEqual(expect.arrayContaining([1, 'Tổ chức tập huấn kỹ năng số cho cán bộ', 'Văn phòng HĐND và UBND', 'Quý IV/2025']));

    await page.getByRole('button', { name: 'Chèn trang mẫu' }).click();
    await expect.poll(() => page.getByTestId('notice').textContent()).toContain('Đã chèn trang tính');
    expect((await fake(page)).sheets).toContain('Phụ lục nhiệm vụ');
    await page.context().close();
  });
});

describe('Đồng bộ, English, Internet Explorer', () => {
  it('opens the sync tab on a workbook not bound yet: the binding form, its own origin suggested', async () => {
    const page = await open('camGiang');
    await page.getByRole('tab', { name: 'Đồng bộ' }).click();
    await expect.poll(() => page.getByTestId('sync-panel').textContent()).toContain('Xã và kế hoạch');
    // Sign-in comes first: the plans are listed to a signed-in user only.
    expect(await page.getByLabel('Địa chỉ máy chủ').inputValue()).toBe(harness.server.origin);
    expect(await page.getByTestId('plans-sign-in').textContent()).toBe('Đăng nhập để chọn kế hoạch.');
    expect(await page.getByRole('button', { name: 'Ghi nhớ cho bảng tính này' }).isDisabled()).toBe(true);
    // The tables were read for the table list; Cẩm Giàng's name is shared by three communes: the user searches.
    await expect
      .poll(() => page.getByLabel('Bảng gửi đi').locator('option').allTextContents())
      .toEqual(['Tất cả các bảng', expect.stringContaining('nhiệm vụ')]);
    expect(await page.getByRole('searchbox', { name: 'Xã/phường' }).inputValue()).toBe('');
    await shot(page, '08-dong-bo');
    await page.context().close();
  });

  it('switches to English, issue messages included', async () => {
    const page = await open('quangSon');
    await page.getByRole('button', { name: /Switch to English/ }).click();
    await page.getByRole('tab', { name: 'Check' }).waitFor();
    await page.getByRole('button', { name: 'Check', exact: true }).click();
    await page.getByTestId('plan-summary').waitFor();
    await expect.poll(() => page.getByTestId('notice').textContent()).toMatch(/Checked: \d+ errors?/);
    const group = page.locator('[data-code="repeated-header-row"]').first();
    expect(await group.textContent()).toContain('Repeated header row');
    expect(await page.locator('li[data-code="repeated-header-row"]').first().textContent()).toContain('The column header is repeated');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await shot(page, '09-english');
    await page.getByRole('button', { name: /Switch to Vietnamese/ }).click();
    await page.getByRole('tab', { name: 'Kiểm tra' }).waitFor();
    await page.context().close();
  });
});

describe('issues by what matters, outside Office, words an official uses', () => {
  it('lists the error, then the warnings open, the notes behind one line; rule titles in words, places as "Dòng"/"Ô"', async () => {
    for (const [suffix, viewport] of SIZES) {
      const page = await open('camGiang', [], viewport);
      await runCheck(page);
      expect(await page.locator('section[data-severity]').evaluateAll((els) => els.map((e) => e.getAttribute('data-severity')))).toEqual([
        'error',
        'warning',
      ]);
      expect(await page.getByTestId('notes-summary').textContent()).toBe('47 lưu ý—Xem');
      expect(await page.getByTestId('fix-all').textContent()).toBe('Sửa 55 chỗ an toàn (4 cảnh báo, 44 lưu ý)');
      // The error's rule is open at once, titled in words; its code only in the title's tooltip.
      const error = page.locator('section[data-severity="error"] [data-code="deadline-missing"]');
      expect(await error.locator('[data-rule-tooltip]').textContent()).toBe('Thiếu thời gian hoàn thành');
      expect(await error.locator('[data-rule-tooltip]').getAttribute('title')).toMatch(/\(mã quy tắc: deadline-missing\)$/);
      expect(await error.locator('li').first().textContent()).toBe('Ô E41Nhiệm vụ chưa có thời gian hoàn thành.');
      await shot(page, `11-van-de-theo-muc-do${suffix}`);
      await showNotes(page);
      expect(await page.getByTestId('notes-summary').textContent()).toBe('47 lưu ý—Ẩn');
      await shot(page, `12-luu-y-mo${suffix}`, true);
      await page.context().close();
    }
  }, 120_000);

  it('outside Office: says where the pane belongs, every button off, a link to check a file in the browser', async () => {
    for (const [suffix, viewport] of SIZES) {
      const errors: string[] = [];
      // No fake host: office.js (stubbed empty, as when it cannot load) leaves no Office, as in a plain browser tab.
      const page = await openPane(harness.browser, `${harness.server.origin}/addin/taskpane.html`, { errors, viewport });
      const outside = page.getByTestId('outside-office');
      await outside.waitFor();
      expect(await outside.textContent()).toBe(
        'Trang này chạy trong Excel. Hãy mở Excel, chọn Trang đầu › phuluc. Các nút dưới đây chỉ dùng được trong Excel. ' +
          'Muốn kiểm tra một tệp ngay trong trình duyệt? Mở trang Kiểm tra tệp',
      );
      expect(await outside.getByRole('link', { name: 'Mở trang Kiểm tra tệp' }).getAttribute('href')).toBe('/kiem-tra');
      expect(await page.getByRole('button', { name: 'Kiểm tra', exact: true }).isDisabled()).toBe(true);
      expect(await page.getByRole('switch').isDisabled()).toBe(true);
      await shot(page, `13-ngoai-office${suffix}`);
      for (const tab of ['Điền', 'Đồng bộ', 'Tiến độ']) {
        await page.getByRole('tab', { name: tab }).click();
        const buttons = page.locator('main button');
        await expect.poll(() => buttons.count()).toBeGreaterThan(0);
        expect(await buttons.evaluateAll((els) => els.filter((b) => !(b as HTMLButtonElement).disabled).map((b) => b.textContent))).toEqual(
          [],
        );
        if (tab === 'Đồng bộ') await shot(page, `13-ngoai-office-dong-bo${suffix}`);
        expect(await paneLeaks(page)).toEqual([]);
      }
      await shot(page, `13-ngoai-office-tien-do${suffix}`);
      expect(errors).toEqual([]);
      await page.context().close();
    }
  }, 120_000);

  it('shows no internal code or English system word in Vietnamese: check results, notes, preview, fill, sync', async () => {
    const page = await open('quangSon');
    expect(await paneLeaks(page)).toEqual([]);
    await runCheck(page);
    await showNotes(page);
    for (const item of await page.locator('section[data-severity="info"] [data-code]').all())
      await item.getByRole('button').first().click();
    expect(await paneLeaks(page)).toEqual([]);
    await page.getByTestId('fix-all').click();
    await page.getByRole('dialog').waitFor();
    expect(await paneLeaks(page)).toEqual([]);
    await page.getByRole('button', { name: 'Hủy' }).click();
    await page.getByRole('tab', { name: 'Điền' }).click();
    await page.getByRole('button', { name: 'Đọc bảng' }).click();
    await expect.poll(() => page.getByLabel('Bảng', { exact: true }).locator('option').count()).toBe(2);
    expect(await paneLeaks(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Đồng bộ' }).click();
    await page.getByTestId('sync-panel').waitFor();
    expect(await paneLeaks(page)).toEqual([]);
    await page.context().close();
  }, 120_000);
});
