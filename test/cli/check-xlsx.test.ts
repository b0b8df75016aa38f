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
import { issueCell, issueTitle, issueWhere, orderIssues, SEVERITY_LABEL } from '../../core/validate/index.ts';
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
  const report = (JSON.parse(json) as CheckDocument).files[0]!.tables.flatMap((t) => t.issues.map((i) => ({ ...i, sheet: t.sheet })));

  it('exits 1 (errors), writes the copy and leaves the input untouched', async () => {
    expect(code).toBe(1);
    expect(await readFile(input)).toEqual(before);
  });

  it('highlights a problem cell and attaches the message as a note, without its code', () => {
    const c = wb.getWorksheet('Phụ lục I')!.getCell('E41');
    expect((c.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFC7CE');
    const note = JSON.stringify(c.note);
    expect(note).toContain('Nhiệm vụ chưa có thời gian hoàn thành.');
    expect(note).not.toContain('deadline-missing');
  });

  it('opens on the results sheet: counts by severity, then every issue, errors first, each linked to its cell', () => {
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe(RESULTS_SHEET);
    expect(ws.getCell('A1').value).toBe('KẾT QUẢ KIỂM TRA PHỤ LỤC KẾ HOẠCH');
    const count = (s: string) => report.filter((i) => i.severity === s).length;
    expect([4, 5, 6, 7].map((r) => [ws.getCell(`B${r}`).value, ws.getCell(`C${r}`).value])).toEqual([
      ['Lỗi', count('error')],
      ['Cảnh báo', count('warning')],
      ['Lưu ý', count('info')],
      ['Tổng cộng', report.length],
    ]);
    const header = 9;
    expect(ws.getRow(header).values).toEqual([
      undefined,
      'STT',
      'Mức độ',
      'Nội dung kiểm tra',
      'Trang tính',
      'Vị trí',
      'Mô tả',
      'Sửa an toàn',
    ]);
    expect(report.length).toBeGreaterThan(10);
    expect(ws.rowCount).toBe(header + report.length);
    const ordered = orderIssues(report);
    const rows = ws.getRows(header + 1, report.length)!.map((r) => {
      const place = r.getCell(5).value as { text: string } | string | null;
      return [r.getCell(2).value, r.getCell(3).value, r.getCell(6).value, typeof place === 'object' && place ? place.text : place];
    });
    // Every issue in the order that matters: its severity, the rule's title, its message and its place in words.
    expect(rows).toEqual(
      ordered.map((i) => [
        SEVERITY_LABEL[i.severity].vi,
        issueTitle(i.code, 'vi'),
        i.message,
        issueWhere({ sheet: i.sheet, cell: i.cell ?? undefined, row: i.row ?? undefined }, 'vi'),
      ]),
    );
    // Links are the workbook's own kind (a location inside the workbook, no relationship): read them from the XML.
    const parts = unzipSync(new Uint8Array(readFileSync(out)));
    const rid = /<sheet name="Kết quả kiểm tra" sheetId="\d+" r:id="(rId\d+)"\/>/.exec(strFromU8(parts['xl/workbook.xml']!))![1];
    const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(strFromU8(parts['xl/_rels/workbook.xml.rels']!))![1];
    const xml = strFromU8(parts[`xl/${target}`]!);
    const links = [...xml.matchAll(/<hyperlink ref="E(\d+)" location="([^"]+)"/g)].map((m) => [
      Number(m[1]),
      m[2]!.replace(/&apos;|&#39;/g, "'"),
    ]);
    expect(links).toEqual(
      ordered.map((i, n) => [header + 1 + n, `'Phụ lục I'!${issueCell({ cell: i.cell ?? undefined, row: i.row ?? undefined })}`]),
    );
  });
});
