// The fast reader must see exactly what the exceljs reader sees: fixtures (openpyxl), exceljs-written workbooks
// with every value kind, and LibreOffice re-saves (shared strings, its own styles).
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Grid } from '../../../core/model/index.ts';
import { readWorkbookWithExceljs as readWorkbook, WorkbookReadError } from '../../../workbook/xlsx/index.ts';
import { readWorkbookFast } from '../../../workbook/xlsx/fast/read-fast.ts';
import { generateAppendix } from '../../../bench/gen/appendix.ts';
import { fixture } from '../../support/paths.ts';

const run = promisify(execFile);

/**
 * Cells as comparable data: value (dates as ISO), font, and whether the number shows as a percentage. Cells hidden
 * under a merge are left out: exceljs repeats the master's value there, the fast reader reports what the file holds,
 * and every consumer (core/read/text-grid.ts) treats them as empty.
 */
function cells(grids: Grid[]): unknown[] {
  return grids.map((g) => {
    const covered = (r: number, c: number) =>
      g.merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
    const rows = g.rows.map((r, i) =>
      r.map((c, j) =>
        c && !covered(i + 1, j + 1)
          ? { v: c.v instanceof Date ? c.v.toISOString() : c.v, font: c.font ?? null, pct: (c.fmt ?? '').includes('%') }
          : null,
      ),
    );
    // Trailing empties (a row of covered cells) say nothing either.
    const trimmed = rows.map((r) => {
      const out = [...r];
      while (out.length && out[out.length - 1] === null) out.pop();
      return out;
    });
    while (trimmed.length && trimmed[trimmed.length - 1]!.length === 0) trimmed.pop();
    return {
      sheet: g.sheet,
      hidden: g.hidden ?? false,
      merges: [...g.merges].sort((a, b) => a.top - b.top || a.left - b.left),
      rows: trimmed,
    };
  });
}

async function both(bytes: Uint8Array): Promise<[unknown[], unknown[]]> {
  const slow = (await readWorkbook(bytes)).sheets;
  const fast = readWorkbookFast(bytes).sheets;
  // exceljs leaves out the font of cells in the workbook's default style; the fast reader names it. Compare fonts
  // only where exceljs has one.
  fast.forEach((g, s) =>
    g.rows.forEach((r, i) =>
      r.forEach((c, j) => {
        if (c && !slow[s]?.rows[i]?.[j]?.font) delete c.font;
      }),
    ),
  );
  return [cells(slow), cells(fast)];
}

async function kitchenSink(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Phụ lục & "ghi chú"');
  ws.getCell('A1').value = 'PHỤ LỤC I';
  ws.mergeCells('A1:F1');
  ws.getCell('A2').value = { richText: [{ text: 'Ph\u00f2ng ', font: { name: '.VnTime' } }, { text: 'V\u0103n h\u00f3a <&> "x"' }] };
  ws.getCell('A3').value = new Date(Date.UTC(2025, 11, 31));
  ws.getCell('B3').value = 0.75;
  ws.getCell('B3').numFmt = '0%';
  ws.getCell('C3').value = { formula: 'B3*2', result: 1.5 };
  ws.getCell('D3').value = { formula: 'A2', result: 'chuỗi' };
  ws.getCell('E3').value = true;
  ws.getCell('F3').value = { text: 'Cổng', hyperlink: 'https://example.invalid' };
  ws.getCell('A4').value = 'Dòng 1\r\nDòng 2\t_x000D_';
  ws.getCell('B4').value = 12345.678;
  ws.getCell('B4').font = { name: 'VNI-Times' };
  ws.getCell('C4').value = '';
  ws.getCell('Z40').value = 'xa';
  wb.addWorksheet('Trống');
  wb.addWorksheet('Danh mục', { state: 'hidden' }).getCell('A1').value = 'Cơ quan';
  wb.addWorksheet('Ẩn hẳn', { state: 'veryHidden' }).getCell('A1').value = 'x';
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('readWorkbookFast agrees with the exceljs reader', () => {
  it.each(['cam-giang-phu-luc.xlsx', 'quang-son-phu-luc.xlsx'])('%s (openpyxl)', async (name) => {
    const [slow, fast] = await both(new Uint8Array(await readFile(fixture(name))));
    expect(fast).toEqual(slow);
  });

  it('an exceljs workbook with rich text, dates, percentages, formulas, booleans, links, escapes, merges and hidden sheets', async () => {
    const [slow, fast] = await both(await kitchenSink());
    expect(fast).toEqual(slow);
    expect(readWorkbookFast(await kitchenSink()).sheets.map((g) => [g.sheet, g.hidden ?? false])).toEqual([
      ['Phụ lục & "ghi chú"', false],
      ['Trống', false],
      ['Danh mục', true],
      ['Ẩn hẳn', true],
    ]);
  });

  it('a generated 2,000-task appendix', async () => {
    const grid = generateAppendix({ tasks: 2000, seed: 3, repeatHeaderEvery: 40 });
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(grid.sheet);
    grid.rows.forEach((r, i) =>
      r.forEach((c, j) => {
        if (c) ws.getCell(i + 1, j + 1).value = c.v as ExcelJS.CellValue;
      }),
    );
    const [slow, fast] = await both(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect(fast).toEqual(slow);
  });

  it('LibreOffice re-saves of the fixtures and of the kitchen sink (shared strings, other style tables)', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-fast-'));
    const sink = path.join(dir, 'sink.xlsx');
    await writeFile(sink, await kitchenSink());
    const inputs = [fixture('cam-giang-phu-luc.xlsx'), fixture('quang-son-phu-luc.xlsx'), sink];
    const out = path.join(dir, 'lo');
    await run('soffice', ['--headless', '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, ...inputs], { timeout: 180_000 });
    for (const f of inputs) {
      const bytes = new Uint8Array(await readFile(path.join(out, path.basename(f))));
      const [slow, fast] = await both(bytes);
      expect(fast, path.basename(f)).toEqual(slow);
    }
  });

  it('refuses the same hostile files with the same codes', async () => {
    const code = (f: () => unknown) => {
      try {
        f();
      } catch (err) {
        return err instanceof WorkbookReadError ? err.code : String(err);
      }
      return 'ok';
    };
    const real = await readFile(fixture('cam-giang-phu-luc.xlsx'));
    expect(code(() => readWorkbookFast(new Uint8Array(0)))).toBe('empty');
    expect(code(() => readWorkbookFast(new Uint8Array(real.subarray(0, real.length >> 1))))).toBe('corrupt');
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(code(() => readWorkbookFast(ole))).toBe('legacy-xls');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('S').getCell('A1048576').value = 'x';
    const far = new Uint8Array(await wb.xlsx.writeBuffer());
    expect(code(() => readWorkbookFast(far))).toBe('too-large');
  });
});
