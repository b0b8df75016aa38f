// `phuluc check --format xlsx`: an annotated copy with highlighted cells, notes and a linked results sheet.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { copyFile, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { CheckDocument } from '../../core/validate/index.ts';
import { RESULTS_SHEET } from '../../workbook/export/annotate.ts';
import { fixture, REPO_ROOT } from '../support/paths.ts';

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, 'bin', 'phuluc');

describe('check --format xlsx on cam-giang-phu-luc.xlsx', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-annot-'));
  const input = path.join(dir, 'cam-giang.xlsx');
  await copyFile(fixture('cam-giang-phu-luc.xlsx'), input);
  const before = await readFile(input);
  const out = path.join(dir, 'ket-qua.xlsx');
  const code = await run(process.execPath, [BIN, 'check', '--format', 'xlsx', '--out', out, input]).then(
    () => 0,
    (e: { code: number }) => e.code,
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(out);
  // The same check as JSON: its issues are the whole list the results sheet must hold (check.test.ts pins that list).
  const json = await run(process.execPath, [BIN, 'check', '--format', 'json', input], { maxBuffer: 64 << 20 }).then(
    (r) => r.stdout,
    (e: { stdout: string }) => e.stdout,
  );
  const report = (JSON.parse(json) as CheckDocument).files[0]!.tables.flatMap((t) => t.issues);

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
    expect(report.length).toBeGreaterThan(10);
    expect(ws.rowCount).toBe(report.length + 1);
    const rows = ws.getRows(2, ws.rowCount - 1)!.map((r) => {
      const cell = r.getCell(3).value as { text: string } | string | null;
      return [r.getCell(5).value, typeof cell === 'object' && cell ? cell.text : cell];
    });
    // Every issue, in report order: its code, and its own cell when it has one (a row-level issue links to its row).
    expect(rows.map(([code]) => code)).toEqual(report.map((i) => i.code));
    expect(rows.filter((_, n) => report[n]!.cell).map(([, cell]) => cell)).toEqual(report.filter((i) => i.cell).map((i) => i.cell));
    expect(rows.filter((_, n) => !report[n]!.cell).map(([, cell]) => String(cell).replace(/^[A-Z]+/, ''))).toEqual(
      report.filter((i) => !i.cell).map((i) => String(i.row)),
    );
    // Links are the workbook's own kind (a location inside the workbook, no relationship): read them from the XML.
    const parts = unzipSync(new Uint8Array(readFileSync(out)));
    const rid = /<sheet name="Kết quả kiểm tra" sheetId="\d+" r:id="(rId\d+)"\/>/.exec(strFromU8(parts['xl/workbook.xml']!))![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(strFromU8(parts['xl/_rels/workbook.xml.rels']!))![1];
    const xml = strFromU8(parts[`xl/${target}`]!);
    const links = [...xml.matchAll(/<hyperlink ref="C(\d+)" location="([^"]+)"/g)].map((m) => [
      Number(m[1]),
      m[2]!.replace(/&apos;|&#39;/g, "'"),
    ]);
    expect(links).toHaveLength(rows.filter(([, cell]) => cell).length);
    for (const [r, location] of links) expect(location).toBe(`'${ws.getRow(r as number).getCell(2).value}'!${rows[(r as number) - 2]![1]}`);
  });
});
