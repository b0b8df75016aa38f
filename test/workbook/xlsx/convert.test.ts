// convertToXlsx: .xls and .ods made by LibreOffice from a fixture read back to the same report; no LibreOffice, a
// file it cannot load, a file too large and a LibreOffice that hangs each give their own message, and leave nothing.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPlan } from '../../../core/read/index.ts';
import { allIssues, validate } from '../../../core/validate/index.ts';
import { ConvertError, convertToXlsx, findSoffice, readWorkbook, WorkbookReadError } from '../../../workbook/xlsx/index.ts';
import { fixture } from '../../support/paths.ts';

const run = promisify(execFile);
let dir = '';
/** Where convertToXlsx makes its temporary folders during these tests (os.tmpdir() follows TMPDIR). */
let scratch = '';
const savedTmp = process.env.TMPDIR;

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'phuluc-convert-test-'));
  scratch = path.join(dir, 'scratch');
  await run('mkdir', ['-p', scratch]);
  const profile = `file://${path.join(dir, 'lo-profile')}`;
  for (const ext of ['xls', 'ods']) {
    await run(
      'soffice',
      ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', ext, '--outdir', dir, fixture('cam-giang-phu-luc.xlsx')],
      {
        timeout: 170_000,
        killSignal: 'SIGKILL',
      },
    );
  }
  process.env.TMPDIR = scratch;
}, 180_000);

afterAll(async () => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
  if (dir) await rm(dir, { recursive: true, force: true });
});

/** Every issue of a workbook, one line each: "sheet!cell code severity". */
async function report(bytes: Uint8Array): Promise<string[]> {
  const grids = (await readWorkbook(bytes)).sheets;
  const { plan, sheets } = readPlan(grids, { file: 'x', format: 'xlsx' });
  return allIssues(validate({ plan, grids, sheets }, { asOf: '2025-12-31' })).map(
    (i) => `${i.sheet}!${i.cell ?? i.row} ${i.code} ${i.severity}`,
  );
}

async function failure(p: Promise<unknown>): Promise<ConvertError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(err instanceof ConvertError)) throw new Error(`expected a ConvertError, got ${String(err)}`);
  return err;
}

describe('convertToXlsx', () => {
  it('finds the LibreOffice installed here', () => {
    expect(findSoffice({ PATH: process.env.PATH })).toMatch(/(soffice|libreoffice)(\.exe)?$/);
    expect(findSoffice({ PATH: '', PHULUC_SOFFICE: '/x/soffice' })).toBe('/x/soffice');
  });

  it.each(['xls', 'ods'] as const)('reads a .%s made from a fixture to the same report as the .xlsx', async (ext) => {
    const original = new Uint8Array(await readFile(fixture('cam-giang-phu-luc.xlsx')));
    const legacy = new Uint8Array(await readFile(path.join(dir, `cam-giang-phu-luc.${ext}`)));
    // The reader alone refuses it, with the code the callers convert on.
    await expect(readWorkbook(legacy)).rejects.toMatchObject({ code: ext === 'xls' ? 'legacy-xls' : 'ods' });
    const converted = await convertToXlsx(legacy, ext);
    const expected = await report(original);
    expect(expected.length).toBeGreaterThan(50);
    expect(await report(converted)).toEqual(expected);
    expect(await readdir(scratch)).toEqual([]);
  });

  it('says how to save as .xlsx by hand when there is no LibreOffice', async () => {
    const bytes = new Uint8Array(await readFile(path.join(dir, 'cam-giang-phu-luc.xls')));
    const err = await failure(convertToXlsx(bytes, 'xls', { soffice: path.join(dir, 'khong-co', 'soffice') }));
    expect(err.code).toBe('no-libreoffice');
    expect(err.message).toBe(
      'Tệp .xls (Excel 97-2003) cần chuyển sang .xlsx: mở tệp trong Excel hoặc LibreOffice, chọn Lưu thành… (Save As) → Sổ làm việc Excel (.xlsx).',
    );
    expect(err.messageEn).toBe(
      'An .xls file (Excel 97-2003) needs converting to .xlsx: open it in Excel or LibreOffice, choose Save As… → Excel Workbook (.xlsx).',
    );
    expect(await readdir(scratch)).toEqual([]);
  });

  it('refuses a file past the size limit before starting LibreOffice', async () => {
    const err = await failure(convertToXlsx(new Uint8Array(2048), 'ods', { maxBytes: 1024, soffice: '/khong-co/soffice' }));
    expect(err.code).toBe('too-large');
    expect(err.message).toBe(
      'Tệp .ods (bảng tính OpenDocument) quá lớn để chuyển sang .xlsx an toàn (2 KB > 1 KB). Hãy tách bớt dữ liệu, hoặc mở tệp trong Excel hoặc LibreOffice, chọn Lưu thành… (Save As) → Sổ làm việc Excel (.xlsx).',
    );
  });

  it('reports a file LibreOffice cannot load as failed', async () => {
    const err = await failure(convertToXlsx(new TextEncoder().encode('không phải bảng tính'), 'ods'));
    expect(err.code).toBe('failed');
    expect(err.message).toMatch(/^LibreOffice không chuyển được tệp \.ods \(bảng tính OpenDocument\) sang \.xlsx/);
    expect(await readdir(scratch)).toEqual([]);
  }, 120_000);

  it('kills a LibreOffice that does not finish in time, with its own profile and headless', async () => {
    // A stand-in that records how it was called and its process id, then hangs.
    const fake = path.join(dir, 'fake-soffice.sh');
    const log = path.join(dir, 'fake-soffice.log');
    await writeFile(fake, `#!/bin/sh\nprintf '%s\\n' "$$" "$@" > '${log}'\nexec sleep 600\n`);
    await chmod(fake, 0o755);
    const err = await failure(convertToXlsx(new Uint8Array([1, 2, 3]), 'xls', { soffice: fake, timeoutMs: 300 }));
    expect(err.code).toBe('timeout');
    expect(err.message).toMatch(/^Chuyển tệp \.xls \(Excel 97-2003\) sang \.xlsx mất quá 1 giây nên đã dừng\./);
    const [pid, ...args] = (await readFile(log, 'utf8')).trim().split('\n');
    expect(() => process.kill(Number(pid), 0)).toThrow(/ESRCH/);
    expect(args).toContain('--headless');
    expect(args.find((a) => a.startsWith('-env:UserInstallation=file://'))).toMatch(/\/phuluc-lo-[^/]+\/profile$/);
    expect(args.slice(-4, -1)).toEqual(['xlsx:Calc MS Excel 2007 XML', '--outdir', expect.stringMatching(/\/out$/)]);
    expect(await readdir(scratch)).toEqual([]);
  });

  it('is not a WorkbookReadError: callers tell a conversion failure from a reading one', async () => {
    const err = await failure(convertToXlsx(new Uint8Array(1), 'xls', { soffice: '/khong-co/soffice' }));
    expect(err).not.toBeInstanceOf(WorkbookReadError);
    expect(err.name).toBe('ConvertError');
  });
});
