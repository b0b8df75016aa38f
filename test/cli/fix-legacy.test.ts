// Acceptance: `phuluc fix` on TCVN3 and VNI workbooks written by openpyxl turns every legacy text cell — title block,
// header, body, note, a column no role reads — into exact Unicode in a Unicode font, capitals fonts into capitals,
// and the copy reads back as the same table.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Appendix } from '../../core/model/index.ts';
import { encodingFromFont } from '../../core/text/index.ts';
import type { CheckDocument } from '../../core/validate/index.ts';
import { loadPlan } from '../../cli/load-plan.ts';
import { expectedFont, readCells, TCVN3_WORKBOOK, VNI_WORKBOOK, writeLegacyWorkbook } from '../support/legacy-workbook.ts';
import { phuluc } from '../support/cli.ts';

/** What a reader makes of a table, without the record of which cells were decoded from a legacy encoding. */
function table(a: Appendix): unknown {
  return { ...a, rows: a.rows.map(({ encoding: _decoded, ...row }) => row) };
}

describe.each([TCVN3_WORKBOOK, VNI_WORKBOOK])('fix a $encoding workbook', async (wb) => {
  const dir = await mkdtemp(path.join(tmpdir(), `phuluc-fix-${wb.encoding}-`));
  const input = path.join(dir, `${wb.encoding}.xlsx`);
  const out = path.join(dir, `${wb.encoding}.da-sua.xlsx`);
  writeLegacyWorkbook(wb, input);
  const fixed = await phuluc('fix', input, '-o', out);

  it('reports every legacy cell of the sheet as converted', () => {
    expect(fixed.code).toBe(0);
    expect(fixed.stdout).toMatch(new RegExp(`^Chữ mã cũ \\(TCVN3/VNI\\): ${wb.text.length} chỗ `, 'm'));
  });

  it('writes every text cell as exact NFC Unicode in a Unicode font; capitals fonts become capitals; numbers stay as they were', () => {
    const cells = readCells(out, wb.sheet);
    for (const [ref, , font, unicode] of wb.text) {
      expect({ ref, value: cells[ref]?.[0] }).toEqual({ ref, value: unicode });
      expect({ ref, font: cells[ref]?.[1] }).toEqual({ ref, font: expectedFont(font) });
      expect(unicode.normalize('NFC')).toBe(unicode);
    }
    expect(cells.A1![0]).toBe('PHỤ LỤC I');
    expect(cells.B6![0]).toBe('HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH');
    expect(cells.B9![0]).toBe('ỨNG DỤNG CÔNG NGHỆ SỐ');
    expect(cells.A3![0]).toBe('(Kèm theo Kế hoạch số 03/KH-UBND ngày 07/7/2025 của UBND xã Cẩm Giàng)');
    expect(['A5', 'B5', 'C5', 'D5', 'E5', 'F5'].map((c) => cells[c]![0])).toEqual([
      'TT',
      'Nội dung',
      'Cơ quan chủ trì',
      'Cơ quan phối hợp',
      'Kết quả',
      'Thời gian hoàn thành',
    ]);
    // Numbers read the same in any font and are left alone — font included, though openpyxl gave them the style of
    // the converted text (exceljs shares one style object among such cells: a fix must not rename them all).
    for (const [ref, value, font] of wb.numbers) expect({ ref, cell: cells[ref] }).toEqual({ ref, cell: [value, font] });
    // Nothing else in the sheet: no cell added, none lost, no string left in a legacy font.
    expect(Object.keys(cells).sort()).toEqual([...wb.text.map(([c]) => c), ...wb.numbers.map(([c]) => c)].sort());
    expect(Object.entries(cells).filter(([, [v, f]]) => typeof v === 'string' && encodingFromFont(f ?? undefined))).toEqual([]);
  });

  it('reads back as the same table: title block, header, groups, tasks and texts', async () => {
    const before = await loadPlan(input);
    const after = await loadPlan(out);
    expect(after.plan.appendices.map(table)).toEqual(before.plan.appendices.map(table));
    const [a] = after.plan.appendices;
    expect(after.plan.appendices).toHaveLength(1);
    expect(a!.title.appendix).toBe('I');
    expect(a!.title.reference).toMatchObject({ documentNumber: '03/KH-UBND', date: '2025-07-07' });
    expect(a!.header.labels).toMatchObject({ tt: 'TT', content: 'Nội dung', lead: 'Cơ quan chủ trì', deadline: 'Thời gian hoàn thành' });
    expect(a!.rows.filter((r) => r.kind === 'group').map((r) => r.fields.content)).toEqual([
      'HOÀN THIỆN THỂ CHẾ, CHÍNH SÁCH',
      'ỨNG DỤNG CÔNG NGHỆ SỐ',
    ]);
    expect(a!.rows.filter((r) => r.kind === 'task').map((r) => r.fields.content)).toEqual([
      'Rà soát, sửa đổi quy chế làm việc của UBND xã',
      'Xây dựng kế hoạch chuyển đổi số của xã',
      'Triển khai dịch vụ công trực tuyến toàn trình',
      'Số hóa hồ sơ, tài liệu lưu trữ của xã',
    ]);
    expect(a!.rows.some((r) => r.encoding)).toBe(false);
  });

  it('leaves nothing legacy for check to report', async () => {
    const { stdout } = await phuluc('check', '--format', 'json', out);
    const doc = JSON.parse(stdout) as CheckDocument;
    const issues = doc.files[0]!.tables.flatMap((t) => t.issues);
    expect(issues.filter((i) => i.code === 'legacy-encoding' || i.fix?.safe)).toEqual([]);
  });
});
