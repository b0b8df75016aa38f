// Acceptance: `phuluc check --format json` on the shared fixtures reports the issues a careful reviewer would.
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CheckDocument } from '../../../server/cli/check-json.ts';
import { fixture, REPO_ROOT } from '../../support/paths.ts';

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

/** Flattened report: "sheet-index|code|cell-or-row". */
function flat(doc: CheckDocument): { code: string; cell: string | null; row: number | null; sheet: string }[] {
  return doc.files[0]!.tables.flatMap((t) => t.issues.map((i) => ({ code: i.code, cell: i.cell, row: i.row, sheet: t.sheet })));
}

describe('check cam-giang-phu-luc.xlsx', async () => {
  const { doc, code } = await check(fixture('cam-giang-phu-luc.xlsx'));
  const issues = flat(doc);
  const has = (c: string, where: string | number) => issues.some((i) => i.code === c && (typeof where === 'number' ? i.row === where : i.cell === where));

  it('exits 1 (errors found) with a well-formed document', () => {
    expect(code).toBe(1);
    expect(doc.format).toBe('phuluc-check/1');
    expect(doc.valid).toBe(false);
    expect(doc.stats.errors).toBeGreaterThan(0);
  });

  it.each([
    ['group-number-gap', 44], ['deadline-missing', 'E41'], ['partners-missing', 'D47'], ['lead-multiple', 'C27'],
    ['lead-generic', 'C46'], ['agency-variant', 'C17'], ['agency-variant', 'C20'], ['continuation-row', 14], ['continuation-row', 23],
    ['continuation-row', 30], ['continuation-row', 36], ['deadline-conditional', 'E16'], ['deadline-conditional', 'E29'],
  ] as const)('reports %s at %s', (c, where) => {
    expect(has(c, where)).toBe(true);
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

  it.each([['result-missing', 'E56'], ['result-missing', 'E68'], ['result-missing', 'E70'], ['lead-multiple', 'C69']])('reports %s at %s', (c, cell) => {
    expect(tasks.some((i) => i.code === c && i.cell === cell)).toBe(true);
  });

  it('reports no duplicate task: rows 28 and 29 share a beginning, but 29 goes on with a scope of its own', () => {
    // 28 "… theo quy định." / 29 "… theo danh mục đã được các cơ quan trung ương ban hành bảo đảm …" (22 more words):
    // a short task contained in a longer one is not the same task written twice (issue 13, item 6).
    expect(issues.filter((i) => i.code === 'duplicate-task')).toEqual([]);
  });

  it('reports the mixed group number style and the continuation rows 15, 54 (sheet 2) and 30 (sheet 1)', () => {
    expect(tasks.some((i) => i.code === 'group-number-style')).toBe(true);
    expect(tasks.filter((i) => i.code === 'continuation-row').map((i) => i.row)).toEqual([15, 54]);
    expect(indicators.filter((i) => i.code === 'continuation-row').map((i) => i.row)).toEqual([30]);
  });

  it('reads the continuous numbering 1…53 as the plan\'s own scheme (no gap, no mixed scheme)', () => {
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
