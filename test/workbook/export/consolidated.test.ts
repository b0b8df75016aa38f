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

/** A row's values by their column's header. */
function byHeader(ws: ExcelJS.Worksheet, r: number): Record<string, unknown> {
  const head = rowValues(ws, HEADER_ROW) as string[];
  return Object.fromEntries(head.map((h, i) => [h, ws.getRow(r).getCell(i + 1).value ?? null]));
}

/** The table's rows: from under the header to the first row with no cell in the first column. */
function dataRows(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows: ExcelJS.Row[] = [];
  for (let r = HEADER_ROW + 1; ws.getRow(r).getCell(1).value !== null && ws.getRow(r).getCell(1).value !== undefined; r++)
    rows.push(ws.getRow(r));
  return rows;
}

describe('writeConsolidatedXlsx', () => {
  it('writes the three sheets with their headers, one row per task: printed columns first, the rest on screen only', async () => {
    const { wb } = await written();
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tổng hợp', 'Thống kê', 'Chỉ tiêu']);
    const ws = wb.getWorksheet('Tổng hợp')!;
    expect(rowValues(ws, HEADER_ROW)).toEqual([
      'Xã/phường',
      'Nhóm NQ57',
      'TT',
      'Nội dung',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Kết quả/sản phẩm',
      'Thời gian hoàn thành',
      'Tình trạng',
      'Mã xã',
      'Nhóm (theo kế hoạch)',
      'Cơ quan chủ trì (chuẩn hóa)',
      'Hạn',
    ]);
    expect(dataRows(ws)).toHaveLength(c.rows.length);
    expect(c.rows.length).toBe(8);
    // The heading block: authority and motto, date line, title, subtitle, the line to fill; no cell starts blank.
    expect([ws.getCell('A1').value, ws.getCell('E1').value]).toEqual(['UBND THÀNH PHỐ HẢI PHÒNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
    expect(ws.getCell('E2').value).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(ws.getCell('E4').value).toBe('Hải Phòng, ngày …… tháng …… năm 2025');
    expect(ws.getCell('A6').value).toBe('TỔNG HỢP KẾ HOẠCH THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW CỦA CẤP XÃ TRÊN ĐỊA BÀN THÀNH PHỐ HẢI PHÒNG');
    expect(ws.getCell('A7').value).toBe('Danh mục nhiệm vụ của các xã, phường (tình trạng tính đến ngày 15/08/2025)');
    expect(ws.getCell('A8').value).toBe('(Kèm theo ………… số ……/…… ngày …… tháng …… năm ……)');
    for (let r = 1; r < HEADER_ROW; r++) for (const v of rowValues(ws, r)) if (typeof v === 'string') expect(v).not.toMatch(/^\s/);
    const first = byHeader(ws, HEADER_ROW + 1);
    expect([first['Mã xã'], first['Xã/phường'], first['Nhóm NQ57'], first['Nhóm (theo kế hoạch)'], first['TT'], first['Nội dung']]).toEqual(
      ['10525', 'Phường Hải Dương', 'Khác', 'Các nhiệm vụ khác', '1', 'Sơ kết'],
    );
    const third = byHeader(ws, HEADER_ROW + 3);
    expect(third['Nội dung']).toBe('Tuyên truyền Nghị quyết 57');
    expect(third['Cơ quan chủ trì (chuẩn hóa)']).toBe('Phòng Văn hóa - Xã hội xã');
    expect(third['Tình trạng']).toBe('Đang thực hiện/Thường xuyên');
    // No internal column: the revision number is the server's.
    expect(rowValues(ws, HEADER_ROW)).not.toContain('Phiên bản');
    expect(rowValues(wb.getWorksheet('Chỉ tiêu')!, HEADER_ROW)).not.toContain('Phiên bản');
    // The signature block closes the sheet.
    const sign = (r: number) => [ws.getCell(`A${r}`).value, ws.getCell(`E${r}`).value];
    const after = HEADER_ROW + c.rows.length;
    expect([sign(after + 1), sign(after + 2), sign(after + 3)]).toEqual([
      [null, null],
      ['NGƯỜI LẬP BIỂU', 'THỦ TRƯỞNG ĐƠN VỊ'],
      ['(Ký, ghi rõ họ tên)', '(Ký tên, đóng dấu)'],
    ]);
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
    expect(tasks.autoFilter).toBe(`A${HEADER_ROW}:M${HEADER_ROW + c.rows.length}`);
    expect(tasks.getColumn(4).width).toBe(50);
  });

  it('writes due dates as date cells shown dd/mm/yyyy, and leaves unknown ones empty', async () => {
    const { wb } = await written();
    const ws = wb.getWorksheet('Tổng hợp')!;
    const overdue = ws.getRow(HEADER_ROW + 4);
    expect(overdue.getCell(4).value).toBe('Hội nghị quán triệt');
    const due = overdue.getCell(13);
    expect(due.type).toBe(ExcelJS.ValueType.Date);
    expect(due.value).toEqual(new Date(Date.UTC(2025, 5, 30)));
    expect(due.numFmt).toBe('dd/mm/yyyy');
    expect(overdue.getCell(9).value).toBe('Quá hạn');
    expect(ws.getRow(HEADER_ROW + 1).getCell(13).type).toBe(ExcelJS.ValueType.Null);
  });

  it('writes formula-looking text as apostrophe-escaped strings, never as formulas', async () => {
    const { wb, file } = await written();
    const ws = wb.getWorksheet('Tổng hợp')!;
    const tricky = [...Array(TRICKY.length).keys()].map((k) => ws.getRow(HEADER_ROW + 5 + k));
    expect(tricky.map((r) => r.getCell(4).value)).toEqual(TRICKY.map((t) => `'${t}`));
    for (const row of tricky) {
      for (const col of [4, 5]) {
        const cell = row.getCell(col);
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        expect(typeof cell.value).toBe('string');
        expect(String(cell.value).startsWith("'")).toBe(true);
      }
    }
    expect(wb.getWorksheet('Chỉ tiêu')!.getCell(HEADER_ROW + 1, 6).value).toBe("'=80");
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
    expect(row.getCell(4).value).toBe("'\tcmd");
    // XML reads a stored CR back as LF; what matters is the apostrophe in front.
    expect(String(row.getCell(6).value)).toMatch(/^'[\r\n]=1$/);
    expect(wb.getWorksheet('Chỉ tiêu')!.getCell(HEADER_ROW + 1, 5).value).toBe("'@x");
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
    expect(dataRows(ws)).toHaveLength(c.indicators.length);
    expect(rowValues(ws, HEADER_ROW + 1)).toEqual([
      'Xã Cẩm Giàng',
      'Đến năm 2025',
      '1',
      'Tỷ lệ hồ sơ trực tuyến',
      '%',
      "'=80",
      'Văn phòng HĐND và UBND',
      '10903',
    ]);
  });

  it('writes English labels and a given title', async () => {
    const file = path.join(dir, 'en-title.xlsx');
    await writeConsolidatedXlsx(c, file, { lang: 'en', title: '=Provincial summary' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Tasks', 'Statistics', 'Indicators']);
    const ws = wb.getWorksheet('Tasks')!;
    expect(ws.getCell('A1').value).toBe("PEOPLE'S COMMITTEE OF THÀNH PHỐ HẢI PHÒNG");
    expect(ws.getCell('A6').value).toBe("'=Provincial summary");
    expect(ws.getCell('A7').value).toBe('Tasks of all communes (status as of 15/08/2025)');
    expect(ws.getCell(HEADER_ROW, 2).value).toBe('NQ57 group');
    expect(ws.getCell(HEADER_ROW + 1, 2).value).toBe('Other');
    expect(ws.getCell(HEADER_ROW + 4, 9).value).toBe('Overdue');
  });

  it('writes to a stream', async () => {
    const stream = new PassThrough();
    const chunks: Buffer[] = [];
    stream.on('data', (b: Buffer) => chunks.push(b));
    await writeConsolidatedXlsx(c, stream);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
    expect(dataRows(wb.getWorksheet('Tổng hợp')!)).toHaveLength(c.rows.length);
  });

  it('rejects when the file cannot be written', async () => {
    await expect(writeConsolidatedXlsx(c, path.join(dir, 'no-such-dir', 'x.xlsx'))).rejects.toThrow(/ENOENT/);
  });
});
