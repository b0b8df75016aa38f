// A folder given to `phuluc inspect`, `check` and `consolidate`: its workbooks and Word plans (.docx read, an old .doc
// converted or explained), never the ~$ owner files Word and Excel leave beside an open file, nor other files.
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandInputs, PLAN_EXTS } from '../../cli/walk.ts';
import { phuluc } from '../support/cli.ts';
import { fixture, TEST_FIXTURES } from '../support/paths.ts';

const DOCX = path.join(TEST_FIXTURES, 'docx');
let dir = '';
let outDir = '';
let soffice: string | undefined;
const at = (...p: string[]) => path.join(dir, ...p);

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'phuluc-walk-'));
  outDir = await mkdtemp(path.join(tmpdir(), 'phuluc-walk-out-'));
  await mkdir(at('xa-khac'));
  await copyFile(path.join(DOCX, 'cam-giang-ke-hoach.docx'), at('10903-cam-giang.docx'));
  await copyFile(path.join(DOCX, 'cam-giang-ke-hoach.doc'), at('ban-cu.doc'));
  await copyFile(fixture('quang-son-phu-luc.xlsx'), at('xa-khac', 'quang-son.xlsx'));
  // Word's owner file while "10903-cam-giang.docx" is open: the name's first two letters replaced by ~$, 162 bytes.
  await writeFile(at('~$903-cam-giang.docx'), new Uint8Array(162).fill(0x20));
  await writeFile(at('xa-khac', '~$ang-son.xlsx'), new Uint8Array(165).fill(0x20));
  await writeFile(at('ghi-chu.txt'), 'Ghi chú của văn phòng.\n');
  // No LibreOffice for these runs: the .doc answers with how to save it as .docx (its conversion is tested in docx.test.ts).
  soffice = process.env.PHULUC_SOFFICE;
  process.env.PHULUC_SOFFICE = '/khong-co/soffice';
});
afterAll(async () => {
  if (soffice === undefined) delete process.env.PHULUC_SOFFICE;
  else process.env.PHULUC_SOFFICE = soffice;
  if (dir) await rm(dir, { recursive: true, force: true });
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const DOC_MESSAGE =
  'ban-cu.doc: Đây là tệp Word 97–2003 (.doc), cần chuyển sang .docx: mở tệp trong Word hoặc LibreOffice, chọn Lưu thành… (Save As) → Tài liệu Word (.docx).';

describe('a folder of plans', () => {
  it('expandInputs lists its workbooks and Word files, sorted, without the ~$ owner files', async () => {
    expect(await expandInputs([dir], PLAN_EXTS)).toEqual([at('10903-cam-giang.docx'), at('ban-cu.doc'), at('xa-khac', 'quang-son.xlsx')]);
  });

  it('check reads the .docx, explains the .doc and reads the workbook', async () => {
    const run = await phuluc('check', '--format', 'json', dir);
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.stdout) as {
      files: { path: string; stats: { tables: number; tasks: number; indicators: number }; error?: { code: string; message: string } }[];
    };
    expect(doc.files.map((f) => [f.path, f.stats.tables, f.stats.tasks, f.stats.indicators, f.error ?? null])).toEqual([
      [at('10903-cam-giang.docx'), 1, 34, 0, null],
      [at('ban-cu.doc'), 0, 0, 0, { code: 'legacy-doc', message: DOC_MESSAGE, messageEn: expect.any(String) as string }],
      [at('xa-khac', 'quang-son.xlsx'), 2, 53, 23, null],
    ]);
  });

  it('inspect takes a folder as check does', async () => {
    const run = await phuluc('inspect', '--json', dir);
    expect(run.code).toBe(2);
    const doc = JSON.parse(run.stdout) as { files: { path: string; tables: { kind: string }[]; error?: { code: string } }[] };
    expect(doc.files.map((f) => [f.path, f.tables.map((t) => t.kind), f.error?.code ?? null])).toEqual([
      [at('10903-cam-giang.docx'), ['tasks'], null],
      [at('ban-cu.doc'), [], 'legacy-doc'],
      [at('xa-khac', 'quang-son.xlsx'), ['indicators', 'tasks'], null],
    ]);
  });

  it('consolidate uses the Word plan as its commune, and says why the .doc was left out', async () => {
    const out = path.join(outDir, 'tong-hop.xlsx');
    expect(await phuluc('consolidate', dir, '-o', out, '--plan-key', 'NQ57-2026', '--as-of', '2026-06-30')).toEqual({
      code: 1,
      stdout: '',
      stderr: [
        'Bỏ qua 1 tệp:',
        `  ${at('ban-cu.doc')}: ${DOC_MESSAGE.replace('ban-cu.doc: ', '')}`,
        `Đã tổng hợp 2 xã, phường: 87 nhiệm vụ, 23 chỉ tiêu → ${out}.`,
        '',
      ].join('\n'),
    });
  });

  it('with LibreOffice, an old .doc in a folder is converted and read by check and consolidate', async () => {
    const only = await mkdtemp(path.join(outDir, 'doc-'));
    await copyFile(path.join(DOCX, 'cam-giang-ke-hoach.doc'), path.join(only, '10903-cam-giang.doc'));
    const out = path.join(outDir, 'tong-hop-doc.xlsx');
    if (soffice === undefined) delete process.env.PHULUC_SOFFICE;
    else process.env.PHULUC_SOFFICE = soffice;
    try {
      const check = JSON.parse((await phuluc('check', '--format', 'json', only)).stdout) as {
        files: { path: string; stats: { tasks: number } }[];
      };
      expect(check.files.map((f) => [f.path, f.stats.tasks])).toEqual([[path.join(only, '10903-cam-giang.doc'), 34]]);
      expect(await phuluc('consolidate', only, '-o', out, '--plan-key', 'NQ57-2026', '--as-of', '2026-06-30')).toEqual({
        code: 0,
        stdout: '',
        stderr: `Đã tổng hợp 1 xã, phường: 34 nhiệm vụ, 0 chỉ tiêu → ${out}.\n`,
      });
    } finally {
      process.env.PHULUC_SOFFICE = '/khong-co/soffice';
    }
    // LibreOffice's first start on a loaded machine takes most of a minute, twice here.
  }, 180_000);

  it('a folder with none of them says which files it looks for', async () => {
    const empty = await mkdtemp(path.join(outDir, 'trong-'));
    await writeFile(path.join(empty, '~$phu-luc.docx'), new Uint8Array(162));
    expect(await phuluc('inspect', empty)).toEqual({
      code: 2,
      stdout: '',
      stderr: `Không có tệp phụ lục nào (.xlsx, .xls, .ods, .docx, .doc) để đọc trong “${empty}”.\n`,
    });
  });
});
