// .xls and .ods through the command line: LibreOffice makes them from a fixture here, and check, fix and consolidate
// treat them as they treat the .xlsx; without LibreOffice the message says how to save as .xlsx by hand.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CheckDocument } from '../../core/validate/index.ts';
import { BIN } from '../support/cli.ts';
import { fixture } from '../support/paths.ts';

const run = promisify(execFile);
const SLOW = 150_000;
let dir = '';
const original = fixture('cam-giang-phu-luc.xlsx');
const legacy = (ext: 'xls' | 'ods') => path.join(dir, `cam-giang-phu-luc.${ext}`);

/** `phuluc ARGS…` with extra environment variables. */
async function phuluc(env: Record<string, string>, ...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env: { ...process.env, ...env }, maxBuffer: 64 << 20 });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'phuluc-legacy-formats-'));
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  for (const ext of ['xls', 'ods']) {
    await run('soffice', ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', ext, '--outdir', dir, original], {
      timeout: 170_000,
      killSignal: 'SIGKILL',
    });
  }
}, 180_000);
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('check', () => {
  it(
    'reports on an .xls exactly what it reports on the .xlsx it was made from',
    async () => {
      const [xls, xlsx] = await Promise.all([phuluc({}, 'check', legacy('xls')), phuluc({}, 'check', original)]);
      expect(xlsx.code).toBe(1);
      expect(xlsx.stdout).toMatch(/^Lỗi \(1\)$/m);
      expect({ ...xls, stdout: xls.stdout.replace(legacy('xls'), 'TỆP') }).toEqual({
        ...xlsx,
        stdout: xlsx.stdout.replace(original, 'TỆP'),
      });
    },
    SLOW,
  );

  it(
    'gives an .ods the same JSON report as the .xlsx',
    async () => {
      const [ods, xlsx] = await Promise.all([
        phuluc({}, 'check', '--format', 'json', '--as-of', '2025-12-31', legacy('ods')),
        phuluc({}, 'check', '--format', 'json', '--as-of', '2025-12-31', original),
      ]);
      expect(ods.code).toBe(1);
      expect(ods.stderr).toBe('');
      const a = JSON.parse(ods.stdout) as CheckDocument;
      const b = JSON.parse(xlsx.stdout) as CheckDocument;
      expect(a.files[0]!.path).toBe(legacy('ods'));
      expect(a.files[0]!.tables.flatMap((t) => t.issues).length).toBeGreaterThan(50);
      expect({ ...a, files: a.files.map((f) => ({ ...f, path: '' })) }).toEqual({ ...b, files: b.files.map((f) => ({ ...f, path: '' })) });
    },
    SLOW,
  );

  it('says how to save as .xlsx when LibreOffice is not installed', async () => {
    const r = await phuluc({ PHULUC_SOFFICE: path.join(dir, 'khong-co', 'soffice') }, 'check', legacy('xls'), legacy('ods'));
    expect(r).toEqual({
      stdout: '',
      stderr: [
        'cam-giang-phu-luc.xls: Tệp .xls (Excel 97-2003) cần chuyển sang .xlsx: mở tệp trong Excel hoặc LibreOffice, chọn Lưu thành… (Save As) → Sổ làm việc Excel (.xlsx).',
        'cam-giang-phu-luc.ods: Tệp .ods (bảng tính OpenDocument) cần chuyển sang .xlsx: mở tệp trong Excel hoặc LibreOffice, chọn Lưu thành… (Save As) → Sổ làm việc Excel (.xlsx).',
        '',
      ].join('\n'),
      code: 2,
    });
  });
});

describe('fix and consolidate', () => {
  it(
    'fix writes the repaired .xlsx of an .xls, the same changes as for the .xlsx',
    async () => {
      const outXls = path.join(dir, 'tu-xls.da-sua.xlsx');
      const outXlsx = path.join(dir, 'tu-xlsx.da-sua.xlsx');
      const [a, b] = await Promise.all([phuluc({}, 'fix', legacy('xls'), '-o', outXls), phuluc({}, 'fix', original, '-o', outXlsx)]);
      expect(b.code).toBe(0);
      expect({ ...a, stdout: a.stdout.replace(outXls, 'RA') }).toEqual({ ...b, stdout: b.stdout.replace(outXlsx, 'RA') });
      expect(existsSync(outXls)).toBe(true);
    },
    SLOW,
  );

  it(
    "consolidate reads a commune's .ods from a folder",
    async () => {
      const folder = path.join(dir, 'cac-xa');
      await mkdir(folder);
      await copyFile(legacy('ods'), path.join(folder, '10903-cam-giang.ods'));
      const out = path.join(dir, 'tong-hop.xlsx');
      expect(await phuluc({}, 'consolidate', folder, '-o', out, '--as-of', '2025-12-31')).toEqual({
        stdout: '',
        stderr: `Đã tổng hợp 1 xã, phường: 34 nhiệm vụ, 0 chỉ tiêu → ${out}.\n`,
        code: 0,
      });
    },
    SLOW,
  );
});
