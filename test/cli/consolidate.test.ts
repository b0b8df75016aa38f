// `phuluc consolidate`: communes found by file-name code or title block, broken files reported, rows = union of tasks.
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeOfFile } from '../../cli/commands/consolidate.ts';
import { phuluc } from '../support/cli.ts';
import { fixture } from '../support/paths.ts';

let dir = '';

/** Data rows of the first sheet ("Tổng hợp"): every row after the header whose commune-code cell is filled. */
async function consolidatedRows(file: string): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  const ws = wb.worksheets[0]!;
  const rows: string[][] = [];
  ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
  return rows;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'phuluc-consolidate-'));
  await copyFile(fixture('cam-giang-phu-luc.xlsx'), path.join(dir, '10903-cam-giang.xlsx'));
  await copyFile(fixture('quang-son-phu-luc.xlsx'), path.join(dir, 'quang-son.xlsx'));
  await writeFile(path.join(dir, 'hong.xlsx'), 'không phải tệp xlsx');
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('communeOfFile', () => {
  it('takes the 5-digit code at the start of the file name', () => {
    expect(communeOfFile('/x/10903-cam-giang.xlsx', undefined)).toMatchObject({ code: '10903', provinceCode: '31' });
    expect(communeOfFile('/x/99999.xlsx', 'Cẩm Giàng')).toEqual({ error: expect.stringContaining('99999') });
  });

  it('prefers the exact spelling of the title block over names that only fold alike', () => {
    // "Quảng Sơn" (Lâm Đồng) folds like "Quang Sơn" (Thái Nguyên); the title block says "Quang Sơn".
    expect(communeOfFile('/x/qs.xlsx', 'Quang Sơn')).toMatchObject({ code: '05674' });
  });

  it('asks for a code or --province when two communes share the name', () => {
    const r = communeOfFile('/x/cg.xlsx', 'Cẩm Giàng');
    expect(r).toEqual({ error: expect.stringMatching(/2 xã tên “Cẩm Giàng”.*--province/) });
    expect(communeOfFile('/x/cg.xlsx', 'Cẩm Giàng', '31')).toMatchObject({ code: '10903' });
  });
});

describe('phuluc consolidate', () => {
  it('consolidates every readable commune and names each file it skipped', async () => {
    const out = path.join(dir, 'tong-hop.xlsx');
    const r = await phuluc('consolidate', dir, '-o', out, '--plan-key', 'NQ57-2025', '--as-of', '2025-12-31');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('hong.xlsx');
    expect(r.stderr).toMatch(/Đã tổng hợp 2 xã, 87 nhiệm vụ, 23 chỉ tiêu/);
    const rows = await consolidatedRows(out);
    const codes = rows.map((row) => row.find((v) => /^\d{5}$/.test(v))).filter(Boolean);
    expect(codes.filter((c) => c === '10903')).toHaveLength(34);
    expect(codes.filter((c) => c === '05674')).toHaveLength(53);
  });

  it('keeps only the communes of --province', async () => {
    const out = path.join(dir, 'hai-phong.xlsx');
    const r = await phuluc('consolidate', dir, '-o', out, '--plan-key', 'NQ57-2025', '--as-of', '2025-12-31', '--province', '31');
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Đã tổng hợp 1 xã, 34 nhiệm vụ/);
  });

  it('fails with exit code 2 when no file could be read', async () => {
    const only = await mkdtemp(path.join(tmpdir(), 'phuluc-consolidate-bad-'));
    await writeFile(path.join(only, 'a.xlsx'), 'rác');
    const r = await phuluc('consolidate', only, '-o', path.join(only, 'o.xlsx'), '--plan-key', 'K', '--as-of', '2025-12-31');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a.xlsx');
    await rm(only, { recursive: true, force: true });
  });
});
