// `phuluc consolidate`: communes found by file-name code or title block; skipped files, the duplicate kept, communes of
// another province and the communes not submitted reported (whole outputs); exit codes; rows = union of tasks.
import { existsSync } from 'node:fs';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { communeOfFile } from '../../cli/commands/consolidate.ts';
import { phuluc } from '../support/cli.ts';
import { fixture } from '../support/paths.ts';

let dir = '';
/** Outputs go beside the inputs' folder, never into it (a later run would read them). */
let outDir = '';

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
  outDir = await mkdtemp(path.join(tmpdir(), 'phuluc-consolidate-out-'));
  await copyFile(fixture('cam-giang-phu-luc.xlsx'), path.join(dir, '10903-cam-giang.xlsx'));
  await copyFile(fixture('quang-son-phu-luc.xlsx'), path.join(dir, 'quang-son.xlsx'));
  await writeFile(path.join(dir, 'hong.xlsx'), 'không phải tệp xlsx');
  // The same commune sent twice: the file first by name is used.
  await copyFile(fixture('cam-giang-phu-luc.xlsx'), path.join(dir, '10903-cam-giang-ban-2.xlsx'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

/** The text of every cell of the sheet named `name`, row by row. */
async function sheetText(file: string, name: string): Promise<string | undefined> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await readFile(file)) as unknown as ArrayBuffer);
  const ws = wb.getWorksheet(name);
  if (!ws) return undefined;
  const lines: string[] = [];
  ws.eachRow((row) =>
    lines.push(
      (row.values as unknown[])
        .slice(1)
        .map((v) => (v === null || v === undefined ? '' : String(v)))
        .join(' | '),
    ),
  );
  return lines.join('\n');
}

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

  it('finds a commune of another province by its name, for the caller to say where it is (not "not in the list")', () => {
    expect(communeOfFile('/x/qs.xlsx', 'Quang Sơn', '31')).toMatchObject({ code: '05674', provinceName: 'Tỉnh Thái Nguyên' });
    // Two "Cẩm Giàng" elsewhere, none in Lâm Đồng: both named, with their provinces.
    expect(communeOfFile('/x/cg.xlsx', 'Cẩm Giàng', '68')).toEqual({
      error: expect.stringMatching(/^Tỉnh Lâm Đồng không có xã “Cẩm Giàng”; có 2 xã tên này ở tỉnh khác \(\d{5} .+, \d{5} .+\)$/),
    });
  });
});

describe('phuluc consolidate', () => {
  it('consolidates every readable commune, names each file it skipped and the duplicate it dropped; exit 1', async () => {
    const out = path.join(outDir, 'tong-hop.xlsx');
    const r = await phuluc('consolidate', dir, '-o', out, '--plan-key', 'NQ57-2025', '--as-of', '2025-12-31');
    expect(r).toEqual({
      stdout: '',
      stderr: [
        'Bỏ qua 1 tệp:',
        `  ${dir}/hong.xlsx: Tệp không phải bảng tính Excel (.xlsx).`,
        'Trùng xã, phường (mỗi xã chỉ lấy một tệp: tệp đứng trước theo tên; bỏ 1 tệp):',
        `  Xã Cẩm Giàng (10903): dùng ${dir}/10903-cam-giang-ban-2.xlsx, bỏ ${dir}/10903-cam-giang.xlsx`,
        `Đã tổng hợp 2 xã, phường: 87 nhiệm vụ, 23 chỉ tiêu → ${out}.`,
        '',
      ].join('\n'),
      code: 1,
    });
    const rows = await consolidatedRows(out);
    const codes = rows.map((row) => row.find((v) => /^\d{5}$/.test(v))).filter(Boolean);
    expect(codes.filter((c) => c === '10903')).toHaveLength(34);
    expect(codes.filter((c) => c === '05674')).toHaveLength(53);
  });

  it('exits 0 when every file is used', async () => {
    const clean = await mkdtemp(path.join(tmpdir(), 'phuluc-consolidate-clean-'));
    await copyFile(fixture('cam-giang-phu-luc.xlsx'), path.join(clean, '10903-cam-giang.xlsx'));
    const out = path.join(clean, 'o.xlsx');
    const r = await phuluc('consolidate', clean, '-o', out, '--plan-key', 'K', '--as-of', '2025-12-31');
    expect(r).toEqual({ stdout: '', stderr: `Đã tổng hợp 1 xã, phường: 34 nhiệm vụ, 0 chỉ tiêu → ${out}.\n`, code: 0 });
    await rm(clean, { recursive: true, force: true });
  });

  it('with --province, says a commune of another province is in that province (by name), and lists who has not submitted', async () => {
    const out = path.join(outDir, 'hai-phong.xlsx');
    const r = await phuluc('consolidate', dir, '-o', out, '--plan-key', 'NQ57-2025', '--as-of', '2025-12-31', '--province', '31');
    expect(r).toEqual({
      stdout: '',
      stderr: [
        'Bỏ qua 1 tệp:',
        `  ${dir}/hong.xlsx: Tệp không phải bảng tính Excel (.xlsx).`,
        'Trùng xã, phường (mỗi xã chỉ lấy một tệp: tệp đứng trước theo tên; bỏ 1 tệp):',
        `  Xã Cẩm Giàng (10903): dùng ${dir}/10903-cam-giang-ban-2.xlsx, bỏ ${dir}/10903-cam-giang.xlsx`,
        'Không thuộc Thành phố Hải Phòng, không tính vào bảng (1 tệp):',
        `  ${dir}/quang-son.xlsx: Xã Quang Sơn (05674) thuộc Tỉnh Thái Nguyên.`,
        'Chưa nộp: 113 xã, phường của Thành phố Hải Phòng (danh sách ở trang tính “Chưa nộp”).',
        `Đã tổng hợp 1 xã, phường: 34 nhiệm vụ, 0 chỉ tiêu → ${out}.`,
        '',
      ].join('\n'),
      code: 1,
    });
    // The writer's "Chưa nộp" sheet holds the province's other 113 communes, not the one that submitted.
    const notSubmitted = await sheetText(out, 'Chưa nộp');
    const codes = new Set(notSubmitted?.match(/\b\d{5}\b/g) ?? []);
    expect(codes.has('10903')).toBe(false);
    expect(codes.size).toBe(113);
  });

  it('refuses a province code that does not exist', async () => {
    expect(await phuluc('consolidate', dir, '-o', path.join(outDir, 'x.xlsx'), '--province', '99')).toEqual({
      stdout: '',
      stderr: 'Không có tỉnh/thành phố mã “99”; --province nhận mã 2 chữ số, ví dụ 31 (Thành phố Hải Phòng).\n',
      code: 2,
    });
  });

  it('refuses a plan code the server could not store (the same canonical form as the server)', async () => {
    expect(await phuluc('consolidate', dir, '-o', path.join(outDir, 'x.xlsx'), '--plan-key', 'kế hoạch 2026')).toEqual({
      stdout: '',
      stderr: 'Mã kế hoạch “kế hoạch 2026” không dùng được: chỉ gồm chữ cái không dấu, chữ số và dấu . _ - (ví dụ NQ57-2026).\n',
      code: 2,
    });
  });

  it('fails with exit code 2 and writes nothing when no file could be read', async () => {
    const only = await mkdtemp(path.join(tmpdir(), 'phuluc-consolidate-bad-'));
    await writeFile(path.join(only, 'a.xlsx'), 'rác');
    const out = path.join(only, 'o.xlsx');
    const r = await phuluc('consolidate', only, '-o', out, '--plan-key', 'K', '--as-of', '2025-12-31');
    expect(r).toEqual({
      stdout: '',
      stderr: [
        'Bỏ qua 1 tệp:',
        `  ${only}/a.xlsx: Tệp không phải bảng tính Excel (.xlsx).`,
        `Không có tệp nào dùng được; chưa ghi “${out}”.`,
        '',
      ].join('\n'),
      code: 2,
    });
    expect(existsSync(out)).toBe(false);
    await rm(only, { recursive: true, force: true });
  });

  it('says plainly when the output cannot be written', async () => {
    const out = path.join(outDir, 'khong-co-thu-muc', 'o.xlsx');
    const r = await phuluc('consolidate', path.join(dir, '10903-cam-giang.xlsx'), '-o', out, '--as-of', '2025-12-31');
    expect(r).toEqual({ stdout: '', stderr: `Không ghi được “${out}”: không có thư mục “${path.dirname(out)}”.\n`, code: 2 });
  });
});
