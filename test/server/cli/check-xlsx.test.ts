// `phuluc check --format xlsx`: an annotated copy with highlighted cells, notes and a linked results sheet.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { RESULTS_SHEET } from '../../../server/export/annotate.ts';
import { fixture, REPO_ROOT } from '../../support/paths.ts';

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, 'bin', 'phuluc');

describe('check --format xlsx on cam-giang-phu-luc.xlsx', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-annot-'));
  const input = path.join(dir, 'cam-giang.xlsx');
  await copyFile(fixture('cam-giang-phu-luc.xlsx'), input);
  const before = await readFile(input);
  const out = path.join(dir, 'ket-qua.xlsx');
  const code = await run(process.execPath, [BIN, 'check', '--format', 'xlsx', '--out', out, input]).then(() => 0, (e: { code: number }) => e.code);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);

  it('exits 1 (errors), writes the copy and leaves the input untouched', async () => {
    expect(code).toBe(1);
    expect(await readFile(input)).toEqual(before);
  });

  it('highlights a problem cell and attaches the message as a note', () => {
    const c = wb.worksheets[0]!.getCell('E41');
    expect((c.fill as ExcelJS.FillPattern).fgColor?.argb).toBeTruthy();
    expect(JSON.stringify(c.note)).toMatch(/deadline-missing/);
  });

  it('lists every issue on a results sheet, each linked to its cell', () => {
    const ws = wb.getWorksheet(RESULTS_SHEET)!;
    expect(ws.rowCount).toBeGreaterThan(10);
    const codes = ws.getColumn(5).values.filter((v): v is string => typeof v === 'string');
    expect(codes).toEqual(expect.arrayContaining(['group-number-gap', 'deadline-missing', 'lead-multiple', 'continuation-row']));
    const link = ws.getRow(2).getCell(3).value as { hyperlink: string };
    expect(link.hyperlink).toMatch(/^#'.+'!A?[A-Z]+\d+$/);
  });
});
