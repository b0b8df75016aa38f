// The consolidated .xlsx, read back with exceljs: sheets, header, rows, frozen pane, filter, fonts, dates, no formulas.
import ExcelJS from 'exceljs';
import { unzipSync, strFromU8 } from 'fflate';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { consolidate } from '../../../core/consolidate/index.ts';
import { HEADER_ROW } from '../../../workbook/export/consolidated-sheet.ts';
import { writeConsolidatedXlsx } from '../../../workbook/export/consolidated.ts';
import { inputOf } from '../../core/consolidate/plan-builder.ts';

const TRICKY = ['=HYPERLINK("http://x","y")', '+1', '@SUM(A1)', '-2+3'];

const c = consolidate(
  [
    inputOf(
      '10903',
      {
        groups: [
          {
            heading: 'Nâng cao nhận thức, đột phá về đổi mới tư duy',
            tasks: [
              { content: 'Tuyên truyền Nghị quyết 57', lead: 'Phòng VH- XH xã', result: 'Bài viết', deadline: 'Thường xuyên' },
              { content: 'Hội nghị quán triệt', lead: 'Văn phòng HĐND & UBND xã', result: 'Hội nghị', deadline: 'Quý II/2025' },
            ],
          },
          {
            heading: 'NHÓM NHIỆM VỤ VỀ HẠ TẦNG',
            tasks: TRICKY.map((content) => ({ content, lead: '=cmd|" /C calc"!A0', deadline: '31/12/2025' })),
          },
        ],
        indicators: [
          {
            heading: 'Đến năm 2025',
            items: [{ content: 'Tỷ lệ hồ sơ trực tuyến', unit: '%', target: '=80', monitor: 'Văn phòng HĐND và UBND' }],
          },
        ],
      },
      3,
    ),
    inputOf('10888', {
      groups: [
        { heading: 'Hoàn thiện thể chế, chính sách', tasks: [{ content: 'Góp ý dự thảo', lead: 'UBND xã', deadline: 'Tháng 9/2025' }] },
      ],
    }),
    inputOf('10525', { groups: [{ heading: 'Các nhiệm vụ khác', tasks: [{ content: 'Sơ kết', lead: '', deadline: '' }] }] }, 2),
  ],
  { asOf: '2025-08-15' },
);

const dir = mkdtempSync(path.join(os.tmpdir(), 'phuluc-consolidated-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function written(lang: 'vi' | 'en' = 'vi'): Promise<{ wb: ExcelJS.Workbook; file: string }> {
  const file = path.join(dir, `tong-hop-${lang}.xlsx`);
  await writeConsolidatedXlsx(c, file, { lang });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return { wb, file };
}

const rowValues = (ws: ExcelJS.Worksheet, r: number): unknown[] => (ws.getRow(r).values as unknown[]).slice(1);

describe('writeConsolidatedXlsx', () => {
  it('writes the three sheets with their headers, one row per task', async () => {
    const { wb } = await written();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Thống kê', 'Chỉ tiêu']);
    const ws = wb.getWorksheet('Tổng hợp')!;
    expect(rowValues(ws, HEADER_ROW)).toEqual([
      'Mã xã',
      'Xã/phường',
      'Nhóm NQ57',
      'Nhóm (theo kế hoạch)',
      'TT',
      'Nội dung',
      'Cơ quan chủ trì',
      'Cơ quan chủ trì (chuẩn hóa)',
      'Cơ quan phối hợp',
      'Kết quả/sản phẩm',
      'Thời gian hoàn thành',
      'Hạn',
      'Tình trạng',
      'Phiên bản',
    ]);
    expect(ws.rowCount - HEADER_ROW).toBe(c.rows.length);
    expect(c.rows.length).toBe(8);
    expect(String(ws.getCell(1, 1).value)).toMatch(/^TỔNG HỢP KẾ HOẠCH .* THÀNH PHỐ HẢI PHÒNG\n.*15\/08\/2025/);
    const first = rowValues(ws, HEADER_ROW + 1);
    expect(first.slice(0, 6)).toEqual(['10525', 'Phường Hải Dương', 'Khác', 'Các nhiệm vụ khác', '1', 'Sơ kết']);
    const third = ws.getRow(HEADER_ROW + 3);
    expect(third.getCell(6).value).toBe('Tuyên truyền Nghị quyết 57');
    expect(third.getCell(8).value).toBe('Phòng Văn hóa - Xã hội xã');
    expect(third.getCell(13).value).toBe('Đang thực hiện/Thường xuyên');
    expect(third.getCell(14).value).toBe(3);
  });

  it('freezes the header, filters on it, and sets Times New Roman, bold wrapped bordered headers and widths', async () => {
    const { wb } = await written();
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: HEADER_ROW });
      expect(ws.autoFilter, ws.name).toBeTruthy();
      const head = ws.getCell(HEADER_ROW, 1);
      expect(head.font).toMatchObject({ name: 'Times New Roman', size: 12, bold: true });
      expect(head.alignment).toMatchObject({ wrapText: true });
      expect(head.border?.top?.style).toBe('thin');
      expect(ws.getCell(HEADER_ROW + 1, 2).font).toMatchObject({ name: 'Times New Roman', size: 12 });
      expect(ws.getColumn(2).width).toBeGreaterThan(10);
    }
    const tasks = wb.getWorksheet('Tổng hợp')!;
    expect(tasks.autoFilter).toBe(`A${HEADER_ROW}:N${HEADER_ROW + c.rows.length}`);
    expect(tasks.getColumn(6).width).toBe(60);
  });

  it('writes due dates as date cells shown dd/mm/yyyy, and leaves unknown ones empty', async () => {
    const { wb } = await written();
    const ws = wb.getWorksheet('Tổng hợp')!;
    const overdue = ws.getRow(HEADER_ROW + 4);
    expect(overdue.getCell(6).value).toBe('Hội nghị quán triệt');
    const due = overdue.getCell(12);
    expect(due.type).toBe(ExcelJS.ValueType.Date);
    expect(due.value).toEqual(new Date(Date.UTC(2025, 5, 30)));
    expect(due.numFmt).toBe('dd/mm/yyyy');
    expect(overdue.getCell(13).value).toBe('Quá hạn');
    expect(ws.getRow(HEADER_ROW + 1).getCell(12).type).toBe(ExcelJS.ValueType.Null);
  });

  it('writes formula-looking text as apostrophe-escaped strings, never as formulas', async () => {
    const { wb, file } = await written();
    const ws = wb.getWorksheet('Tổng hợp')!;
    const tricky = [...Array(TRICKY.length).keys()].map((k) => ws.getRow(HEADER_ROW + 5 + k));
    expect(tricky.map((r) => r.getCell(6).value)).toEqual(TRICKY.map((t) => `'${t}`));
    for (const row of tricky) {
      for (const col of [6, 7]) {
        const cell = row.getCell(col);
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(typeof cell.value).toBe('string');
        expect(String(cell.value).startsWith("'")).toBe(true);
      }
    }
    expect(wb.getWorksheet('Chỉ tiêu')!.getCell(HEADER_ROW + 1, 7).value).toBe("'=80");
    // No cell anywhere in the package carries a formula element.
    const zip = unzipSync(readFileSync(file));
    const sheets = Object.keys(zip).filter((n) => n.startsWith('xl/worksheets/sheet'));
    expect(sheets).toHaveLength(3);
    for (const name of sheets) expect(strFromU8(zip[name]!)).not.toMatch(/<f[ >]/);
  });

  it('escapes a leading tab or carriage return too, in any sheet', async () => {
    // consolidate() trims cells, so these can only come from a Consolidated built elsewhere.
    const odd = {
      ...c,
      rows: c.rows.map((r, i) => (i === 0 ? { ...r, content: '\tcmd', partners: '\r=1' } : r)),
      indicators: c.indicators.map((x) => ({ ...x, unit: '@x' })),
    };
    const file = path.join(dir, 'odd.xlsx');
    await writeConsolidatedXlsx(odd, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const row = wb.getWorksheet('Tổng hợp')!.getRow(HEADER_ROW + 1);
    expect(row.getCell(6).value).toBe("'\tcmd");
    // XML reads a stored CR back as LF; what matters is the apostrophe in front.
    expect(String(row.getCell(9).value)).toMatch(/^'[\r\n]=1$/);
    expect(wb.getWorksheet('Chỉ tiêu')!.getCell(HEADER_ROW + 1, 6).value).toBe("'@x");
  });

  it('counts communes × groups on "Thống kê", with a totals row', async () => {
    const { wb } = await written();
    const ws = wb.getWorksheet('Thống kê')!;
    expect(rowValues(ws, HEADER_ROW)).toEqual([
      'Mã xã',
      'Xã/phường',
      '1. Nhận thức, tư duy',
      '2. Thể chế, chính sách',
      '3. Hạ tầng',
      '4. Nhân lực, nhân tài',
      '5. Chuyển đổi số trong hệ thống chính trị',
      '6. Doanh nghiệp, kinh tế số',
      '7. Hợp tác quốc tế',
      'Khác',
      'Tổng số nhiệm vụ',
      'Thiếu cơ quan chủ trì',
      'Thiếu thời hạn',
      'Thiếu kết quả/sản phẩm',
      'Quá hạn',
    ]);
    expect(rowValues(ws, HEADER_ROW + 1)).toEqual(['10525', 'Phường Hải Dương', 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0]);
    expect(rowValues(ws, HEADER_ROW + 3)).toEqual(['10903', 'Xã Cẩm Giàng', 2, 0, 4, 0, 0, 0, 0, 0, 6, 0, 0, 4, 1]);
    // A blank row, then the totals, in bold, outside the filter.
    expect(ws.getRow(HEADER_ROW + 4).hasValues).toBe(false);
    const totals = ws.getRow(HEADER_ROW + 5);
    expect(rowValues(ws, HEADER_ROW + 5).slice(1)).toEqual(['Tổng cộng', 2, 1, 4, 0, 0, 0, 0, 1, 8, 1, 1, 6, 1]);
    expect(totals.getCell(2).font).toMatchObject({ bold: true, name: 'Times New Roman' });
    expect(ws.autoFilter).toBe(`A${HEADER_ROW}:O${HEADER_ROW + 3}`);
  });

  it('lists indicators on "Chỉ tiêu"', async () => {
    const { wb } = await written();
    const ws = wb.getWorksheet('Chỉ tiêu')!;
    expect(ws.rowCount - HEADER_ROW).toBe(c.indicators.length);
    expect(rowValues(ws, HEADER_ROW + 1)).toEqual([
      '10903',
      'Xã Cẩm Giàng',
      'Đến năm 2025',
      '1',
      'Tỷ lệ hồ sơ trực tuyến',
      '%',
      "'=80",
      'Văn phòng HĐND và UBND',
      3,
    ]);
  });

  it('writes English labels and a given title', async () => {
    const file = path.join(dir, 'en-title.xlsx');
    await writeConsolidatedXlsx(c, file, { lang: 'en', title: '=Provincial summary' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tasks', 'Statistics', 'Indicators']);
    const ws = wb.getWorksheet('Tasks')!;
    expect(ws.getCell(1, 1).value).toMatch(/^'=Provincial summary\nTasks of all communes \(status as of 15\/08\/2025\)$/);
    expect(ws.getCell(HEADER_ROW, 3).value).toBe('NQ57 group');
    expect(ws.getCell(HEADER_ROW + 1, 3).value).toBe('Other');
    expect(ws.getCell(HEADER_ROW + 4, 13).value).toBe('Overdue');
  });

  it('writes to a stream', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (b: Buffer) => chunks.push(b));
    await writeConsolidatedXlsx(c, stream);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    expect(wb.getWorksheet('Tổng hợp')!.rowCount - HEADER_ROW).toBe(c.rows.length);
  });

  it('rejects when the file cannot be written', async () => {
    await expect(writeConsolidatedXlsx(c, path.join(dir, 'no-such-dir', 'x.xlsx'))).rejects.toThrow(/ENOENT/);
  });
});
