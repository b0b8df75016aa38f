// Acceptance: `phuluc check --format json` on the shared fixtures reports the issues a careful reviewer would.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CheckDocument } from '../../core/validate/index.ts';
import { phuluc } from '../support/cli.ts';
import { fixture, REPO_ROOT } from '../support/paths.ts';

const run = promisify(execFile);
const BIN = path.join(REPO_ROOT, 'bin', 'phuluc');

async function check(file: string): Promise<{ doc: CheckDocument; code: number }> {
  try {
    const { stdout } = await run(process.execPath, [BIN, 'check', '--format', 'json', file], { maxBuffer: 64 << 20 });
    return { doc: JSON.parse(stdout) as CheckDocument, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; code: number };
    return { doc: JSON.parse(e.stdout) as CheckDocument, code: e.code };
  }
}

/** Flattened report: each issue's code, cell, row and sheet. */
function flat(doc: CheckDocument): { code: string; cell: string | null; row: number | null; sheet: string }[] {
  return doc.files[0]!.tables.flatMap((t) => t.issues.map((i) => ({ code: i.code, cell: i.cell, row: i.row, sheet: t.sheet })));
}

/** The whole report, table by table, one line per issue: "cell-or-row code severity". */
function lines(doc: CheckDocument): Record<string, string[]> {
  return Object.fromEntries(
    doc.files[0]!.tables.map((t) => [`${t.sheet}!${t.range}`, t.issues.map((i) => `${i.cell ?? i.row} ${i.code} ${i.severity}`)]),
  );
}

describe('check cam-giang-phu-luc.xlsx', async () => {
  const { doc, code } = await check(fixture('cam-giang-phu-luc.xlsx'));

  it('exits 1 (errors found) with a well-formed document', () => {
    expect(code).toBe(1);
    expect(doc.format).toBe('phuluc-check/1');
    expect(doc.valid).toBe(false);
    expect(doc.stats.errors).toBeGreaterThan(0);
  });

  // Each finding checked against the sheet by hand: the group numbers skip III → VI. (row 44, a dot where I, II, III
  // have none); task 20 has no deadline (E41), task 3 of group VI no partner (D47); "Phòng Văn hoá – Xã hội xã; Phòng
  // kinh tế xã" leads together (C27), "Các phòng, ban, ngành, đơn vị có liên quan" leads nobody in particular (C46);
  // rows 14, 23, 30 and 36 are the rest of the task above, split by a page break; E16 and E29 have no date; the table
  // has no result column; "Hàng năm", "Trong năm 2025", "Tháng 7,8 /2025" have a canonical form; the old and new
  // tone-mark styles are mixed about half and half. A new false alarm or a lost finding changes this list.
  it('reports exactly the findings a careful reviewer would', () => {
    expect(lines(doc)).toMatchInlineSnapshot(`
      {
        "Phụ lục I!A5:E47": [
          "5 missing-column warning",
          "B7 tone-style-mixed info",
          "C8 agency-variant info",
          "E9 deadline-format info",
          "C10 agency-variant info",
          "E10 deadline-format info",
          "C11 agency-variant info",
          "E11 deadline-format info",
          "C12 agency-variant info",
          "E12 deadline-format info",
          "C13 agency-variant info",
          "A14 continuation-row warning",
          "C16 agency-variant info",
          "E16 deadline-conditional info",
          "C17 agency-variant info",
          "E17 deadline-format info",
          "E19 deadline-format info",
          "C20 agency-variant info",
          "E20 deadline-format info",
          "C21 agency-variant info",
          "E21 deadline-format info",
          "C22 agency-variant info",
          "E22 deadline-format info",
          "A23 continuation-row warning",
          "C24 agency-variant info",
          "E24 deadline-format info",
          "C25 agency-variant info",
          "C26 agency-variant info",
          "C27 lead-multiple warning",
          "C27 agency-variant info",
          "C27 agency-variant info",
          "E27 deadline-format info",
          "C28 agency-variant info",
          "E28 deadline-format info",
          "C29 agency-variant info",
          "E29 deadline-conditional info",
          "A30 continuation-row warning",
          "C31 agency-variant info",
          "E31 deadline-format info",
          "C32 agency-variant info",
          "E32 deadline-format info",
          "C33 agency-variant info",
          "E33 deadline-format info",
          "C34 agency-variant info",
          "E34 deadline-format info",
          "C35 agency-variant info",
          "D35 agency-variant info",
          "E35 deadline-format info",
          "A36 continuation-row warning",
          "D37 agency-variant info",
          "C38 agency-variant info",
          "C39 agency-variant info",
          "E41 deadline-missing error",
          "A44 group-number-gap warning",
          "A44 group-number-style info",
          "C46 lead-generic warning",
          "D47 partners-missing warning",
        ],
      }
    `);
  });

  it('offers a fix for the variant "Phòng VH- XH xã"', () => {
    const i = doc.files[0]!.tables[0]!.issues.find((x) => x.code === 'agency-variant' && x.cell === 'C17')!;
    expect(i.message).toContain('Phòng VH- XH xã');
    expect(i.fix?.ops[0]).toMatchObject({ op: 'set-cells', edits: [{ cell: 'C17', from: 'Phòng VH- XH xã' }] });
  });
});

describe('check quang-son-phu-luc.xlsx', async () => {
  const { doc } = await check(fixture('quang-son-phu-luc.xlsx'));
  const issues = flat(doc);
  const tasks = issues.filter((i) => i.sheet === 'PL II - Nhiệm vụ');
  const indicators = issues.filter((i) => i.sheet === 'PL I - Chỉ tiêu');

  it('reports the repeated header rows 14, 22, 33, 41, 53, 65 of sheet 2', () => {
    expect(tasks.filter((i) => i.code === 'repeated-header-row').map((i) => i.row)).toEqual([14, 22, 33, 41, 53, 65]);
  });

  // Each finding checked against the sheets by hand: tasks 39, 49 and 51 state no result (E56, E68, E70); task 50
  // has two leads (C69); groups I., III., VII. carry a dot that II, IV, V, VI do not; "Trung tâm phục vụ hành chính
  // công" is the catalog's "Trung tâm Phục vụ hành chính công"; "Tháng 01/2026", "Quý I /2026", "2025 - 2026" have a
  // canonical form; two words in the tasks ("xoá", "hoá") use the style the other 54 do not. A new false alarm or a
  // lost finding changes this list.
  it('reports exactly the findings a careful reviewer would', () => {
    expect(lines(doc)).toMatchInlineSnapshot(`
            {
              "PL I - Chỉ tiêu!A5:E44": [
                "E10 agency-variant info",
                "E11 agency-variant info",
                "E12 agency-variant info",
                "E13 agency-variant info",
                "E18 agency-variant info",
                "E19 agency-variant info",
                "E20 agency-variant info",
                "E21 agency-variant info",
                "E22 agency-variant info",
                "E27 agency-variant info",
                "E28 agency-variant info",
                "E29 agency-variant info",
                "A30 continuation-row warning",
                "E35 agency-variant info",
                "E36 agency-variant info",
                "E41 agency-variant info",
                "E42 agency-variant info",
              ],
              "PL II - Nhiệm vụ!A5:F73": [
                "A6 group-number-style info",
                "C11 agency-variant info",
                "A14 repeated-header-row warning",
                "A15 continuation-row warning",
                "F17 deadline-format info",
                "B18 tone-style-mixed info",
                "C19 agency-variant info",
                "D19 agency-variant info",
                "C20 agency-variant info",
                "C21 agency-variant info",
                "A22 repeated-header-row warning",
                "A23 group-number-style info",
                "F28 deadline-format info",
                "F29 deadline-format info",
                "F31 deadline-format info",
                "A33 repeated-header-row warning",
                "F35 deadline-format info",
                "D36 agency-variant info",
                "F39 deadline-format info",
                "A41 repeated-header-row warning",
                "C42 agency-variant info",
                "F44 deadline-format info",
                "D45 agency-variant info",
                "C48 agency-variant info",
                "F51 deadline-format info",
                "A53 repeated-header-row warning",
                "A54 continuation-row warning",
                "C55 agency-variant info",
                "E56 result-missing warning",
                "C56 agency-variant info",
                "F56 deadline-format info",
                "A65 repeated-header-row warning",
                "E68 result-missing warning",
                "C69 lead-multiple warning",
                "E70 result-missing warning",
                "A71 group-number-style info",
              ],
            }
          `);
  });

  it('reports no duplicate task: rows 28 and 29 share a beginning, but 29 goes on with a scope of its own', () => {
    // 28 "… theo quy định." / 29 "… theo danh mục đã được các cơ quan trung ương ban hành bảo đảm …" (22 more words):
    // a short task contained in a longer one is not the same task written twice (issue 13, item 6).
    expect(issues.filter((i) => i.code === 'duplicate-task')).toEqual([]);
  });

  it('reports the mixed group number style and the continuation rows 15, 54 (sheet 2) and 30 (sheet 1)', () => {
    expect(tasks.filter((i) => i.code === 'group-number-style').map((i) => i.cell)).toEqual(['A6', 'A23', 'A71']);
    expect(tasks.filter((i) => i.code === 'continuation-row').map((i) => i.row)).toEqual([15, 54]);
    expect(indicators.filter((i) => i.code === 'continuation-row').map((i) => i.row)).toEqual([30]);
  });

  it("reads the continuous numbering 1…53 as the plan's own scheme (no gap, no mixed scheme)", () => {
    expect(tasks.filter((i) => ['task-number-gap', 'numbering-scheme-mixed', 'task-number-duplicate'].includes(i.code))).toEqual([]);
  });
});

describe('check on a workbook with nothing to check', async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-empty-'));
  const file = path.join(dir, 'trong.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1');
  wb.addWorksheet('Danh mục', { state: 'hidden' }).getCell('A1').value = 'Cơ quan';
  await wb.xlsx.writeFile(file);

  it('is not valid: exit 1, one no-table error and nothing about the hidden sheet', async () => {
    const { doc, code } = await check(file);
    expect(code).toBe(1);
    expect(doc.valid).toBe(false);
    expect(flat(doc)).toEqual([{ code: 'no-table', cell: null, row: null, sheet: 'Sheet1' }]);
  });

  it('says so in Vietnamese in the text report', async () => {
    const out = await run(process.execPath, [BIN, 'check', file]).catch((e: { stdout: string; code: number }) => e);
    expect('code' in out ? out.code : 0).toBe(1);
    expect(out.stdout).toContain('Không tìm thấy bảng nhiệm vụ hay bảng chỉ tiêu nào trong tệp: không có gì để kiểm tra.');
    expect(out.stdout).toContain('Chưa hợp lệ.');
  });
});

describe('the text report', () => {
  const file = fixture('cam-giang-phu-luc.xlsx');

  it('puts the error first, then the warnings, and counts the notes behind one line; titles and places in words, no rule codes', async () => {
    expect(await phuluc('check', '--as-of', '2025-12-31', file)).toEqual({
      stdout: `# ${file}
Lỗi (1)
  Phụ lục I · Ô E41   Thiếu thời gian hoàn thành — Nhiệm vụ chưa có thời gian hoàn thành.
Cảnh báo (9)
  Phụ lục I · Dòng 5  Thiếu cột — Bảng thiếu cột “Kết quả” (nên có).
  Phụ lục I · Ô A14   Dòng bị tách trang — Dòng này là phần tiếp theo của dòng 13 (bị tách trang); nên nối vào dòng 13. (có thể sửa an toàn)
  Phụ lục I · Ô A23   Dòng bị tách trang — Dòng này là phần tiếp theo của dòng 22 (bị tách trang); nên nối vào dòng 22. (có thể sửa an toàn)
  Phụ lục I · Ô C27   Nhiều cơ quan chủ trì — Có 2 cơ quan chủ trì (Phòng Văn hoá – Xã hội xã; Phòng kinh tế xã); nên chỉ giao một cơ quan chủ trì, các cơ quan khác là phối hợp.
  Phụ lục I · Ô A30   Dòng bị tách trang — Dòng này là phần tiếp theo của dòng 29 (bị tách trang); nên nối vào dòng 29. (có thể sửa an toàn)
  Phụ lục I · Ô A36   Dòng bị tách trang — Dòng này là phần tiếp theo của dòng 35 (bị tách trang); nên nối vào dòng 35. (có thể sửa an toàn)
  Phụ lục I · Ô A44   Số thứ tự nhóm bị nhảy — Số thứ tự nhóm “VI.” không liên tục: mong đợi “IV.”.
  Phụ lục I · Ô C46   Cơ quan chủ trì chung chung — Cơ quan chủ trì “Các phòng, ban, ngành, đơn vị có liên quan” là chung chung; nên giao cho một cơ quan cụ thể.
  Phụ lục I · Ô D47   Thiếu cơ quan phối hợp — Nhiệm vụ chưa ghi cơ quan phối hợp.
49 lưu ý (dùng --notes để xem)
Tóm tắt: 1 bảng, 34 nhiệm vụ, 0 chỉ tiêu; 1 lỗi, 9 cảnh báo, 49 lưu ý. 41 chỗ có thể sửa an toàn bằng “phuluc fix”. Chưa hợp lệ.

`,
      stderr: '',
      code: 1,
    });
  });

  it('--notes lists the 49 notes after the warnings, in the order of the sheet', async () => {
    const { stdout } = await phuluc('check', '--notes', '--as-of', '2025-12-31', file);
    const lines = stdout.split('\n');
    const at = lines.indexOf('Lưu ý (49)');
    expect(at).toBe(lines.indexOf('Cảnh báo (9)') + 10);
    const notes = lines.slice(at + 1, at + 50);
    expect(notes.every((l) => l.startsWith('  Phụ lục I · '))).toBe(true);
    expect(notes[0]).toBe('  Phụ lục I · Ô B7    Lẫn kiểu đặt dấu — Bảng dùng lẫn kiểu đặt dấu cũ (16 từ) và mới (17 từ), ví dụ “hóa”.');
    expect(lines[at + 50]).toMatch(/^Tóm tắt: /);
  });
});
