// No internal code or English system word in what the CLI shows an official in Vietnamese: the help of every command,
// its usage and file errors, check's text report on several workbooks, consolidate's and report's summaries.
//
// Exempt on purpose, because the official types them as they are: the usage line after "Cách dùng:", the left column
// of help's lists (command and option names), example command lines ("phuluc …" at the start of a line, or quoted
// “phuluc …”), flags (--out, -o) and lists of values to type ("text | json | xlsx"). Everything else is checked.
import { execFile } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../support/cli.ts';
import { TCVN3_WORKBOOK, writeLegacyWorkbook } from '../support/legacy-workbook.ts';
import { fixture, REAL } from '../support/paths.ts';
import { englishLeaks } from '../support/user-words.ts';

const run = promisify(execFile);
/** Many runs of the real CLI, each a second or more to start. */
const MANY = 300_000;

/** f over xs, four at a time, results in order. */
async function inBatches<T, R>(xs: readonly T[], f: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < xs.length; i += 4) out.push(...(await Promise.all(xs.slice(i, i + 4).map(f))));
  return out;
}

/** Every command path, for its help. */
const COMMANDS = [
  [],
  ['inspect'],
  ['check'],
  ['fix'],
  ['template'],
  ['import'],
  ['consolidate'],
  ['report'],
  ['serve'],
  ['token'],
  ['token', 'create'],
  ['token', 'list'],
  ['token', 'revoke'],
  ['plan'],
  ['plan', 'add'],
  ['plan', 'list'],
];

async function phuluc(...args: string[]): Promise<{ out: string; code: number }> {
  const env = { ...process.env, PHULUC_LANG: '', PHULUC_SOFFICE: '/khong-co/soffice' };
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { env, maxBuffer: 64 << 20 });
    return { out: stdout + stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { out: e.stdout + e.stderr, code: e.code };
  }
}

/** The words of an output an official reads, without what they type (see the header). */
function wordsShown(output: string): string {
  return output
    .split('\n')
    .filter((line) => !/^(Cách dùng|Usage):/.test(line) && !/^\s*phuluc\s/.test(line))
    .map((line) =>
      line
        // The left column of a help list: "  check [tùy-chọn] <tệp...>   Kiểm tra …" → "Kiểm tra …".
        .replace(/^ {2}(?=[-a-z[<])\S.*?(?: {2,}|$)/, '')
        .replace(/“phuluc [^”]*”/g, '')
        .replace(/(?<![\p{L}\p{N}])--?[a-zA-Z][\w-]*/gu, '')
        .replace(/[\w-]+(?: \| [\w-]+)+/g, ''),
    )
    .join('\n');
}

let dir = '';
/** The files the commands run on, made or found in beforeAll. */
const inputs = {
  camGiang: '',
  quangSon: '',
  haNoi: '',
  bacNinh: '',
  tcvn3: '',
  empty: '',
  text: '',
  broken: '',
  xls: '',
  folder: '',
  progress: '',
};

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'phuluc-loi-van-'));
  inputs.camGiang = fixture('cam-giang-phu-luc.xlsx');
  inputs.quangSon = fixture('quang-son-phu-luc.xlsx');
  inputs.haNoi = path.join(REAL, 'ha-noi-310.xlsx');
  inputs.bacNinh = path.join(REAL, 'bac-ninh-144.xlsx');
  inputs.tcvn3 = path.join(dir, 'tcvn3.xlsx');
  writeLegacyWorkbook(TCVN3_WORKBOOK, inputs.tcvn3);
  inputs.empty = path.join(dir, 'trong.xlsx');
  const wb = new ExcelJS.Workbook();
  wb.addWorksheet('Sheet1');
  await wb.xlsx.writeFile(inputs.empty);
  inputs.text = path.join(dir, 'ke-hoach.txt');
  await writeFile(inputs.text, 'I. NHÓM NHIỆM VỤ\n1. Xây dựng kế hoạch chuyển đổi số.\n- Cơ quan chủ trì: Phòng Văn hóa - Xã hội\n');
  inputs.broken = path.join(dir, 'hong.xlsx');
  await writeFile(inputs.broken, 'không phải bảng tính');
  inputs.xls = path.join(dir, 'cu.xls');
  await writeFile(inputs.xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(600).fill(0)]));
  // A task table with progress columns, some cells wrong (a status not in the list, a pause without a reason).
  inputs.progress = path.join(dir, 'tien-do.xlsx');
  const pw = new ExcelJS.Workbook();
  pw.addWorksheet('Phụ lục I').addRows([
    ['PHỤ LỤC I'],
    ['(Kèm theo Kế hoạch số 03/KH-UBND ngày 07/01/2026 của UBND xã Cẩm Giàng)'],
    [],
    ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian hoàn thành', 'Tình trạng thực hiện', 'Ngày hoàn thành', 'Kết quả đạt được', 'Lý do'],
    ['I', 'NÂNG CAO NHẬN THỨC, ĐỘT PHÁ VỀ ĐỔI MỚI TƯ DUY'],
    [1, 'Tuyên truyền Nghị quyết 57', 'Phòng Văn hóa - Xã hội', 'Quý I/2026', 'Đã hoàn thành', '31/02/2026', ''],
    [2, 'Hội nghị quán triệt', 'Văn phòng HĐND và UBND', 'Tháng 2/2026', 'Tạm dừng'],
    [3, 'Số hóa hồ sơ', 'Công an xã', 'Tháng 5/2026', 'xong rồi?'],
    [4, 'Lắp wifi', 'Công an xã', 'Quý IV/2026', 'Đã hoàn thành', '01/02/2027', 'Lắp 5 điểm'],
  ]);
  await pw.xlsx.writeFile(inputs.progress);
  inputs.folder = path.join(dir, 'cac-xa');
  await run('mkdir', ['-p', inputs.folder]);
  await copyFile(inputs.camGiang, path.join(inputs.folder, '10903-cam-giang.xlsx'));
  await copyFile(inputs.camGiang, path.join(inputs.folder, '10903-cam-giang-2.xlsx'));
  await copyFile(inputs.quangSon, path.join(inputs.folder, 'quang-son.xlsx'));
  await copyFile(inputs.broken, path.join(inputs.folder, 'hong.xlsx'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('wordsShown', () => {
  it('drops what is typed and keeps what is read', () => {
    expect(
      wordsShown(
        'Cách dùng: phuluc token create [tùy-chọn]\n  token   Quản lý token\n  --role <quyền>  quyền: editor | admin, xem “phuluc token --help”',
      ),
    ).toBe('Quản lý token\nquyền: , xem ');
    expect(englishLeaks(wordsShown('  --role <quyền>  quyền: editor | admin; error'))).toEqual(['error']);
  });
});

describe('the CLI in Vietnamese shows no internal code or English system word', () => {
  it(
    'in the help of every command',
    async () => {
      const outputs = await inBatches(COMMANDS, (cmd) => phuluc(...cmd, '--help'));
      outputs.forEach(({ out, code }, i) => {
        const cmd = COMMANDS[i]!.join(' ');
        expect(code, cmd).toBe(0);
        expect(out.length, cmd).toBeGreaterThan(100);
        expect({ cmd, leaks: englishLeaks(wordsShown(out)) }).toEqual({ cmd, leaks: [] });
      });
    },
    MANY,
  );

  it(
    'in usage and file errors',
    async () => {
      const cases: string[][] = [
        ['bogus'],
        ['chek', 'x.xlsx'],
        ['token', 'bogus'],
        ['fix', 'x.xlsx'],
        ['check'],
        ['check', '--form', 'json', 'x.xlsx'],
        ['fix', 'a.xlsx', 'b.xlsx', '-o', 'c.xlsx'],
        ['check', 'x.xlsx', '--as-of'],
        ['check', '--format', 'pdf', 'x.xlsx'],
        ['check', '--as-of', 'hom-nay', inputs.camGiang],
        ['check', path.join(dir, 'khong-co.xlsx')],
        ['fix', dir, '-o', path.join(dir, 'ra.xlsx')],
        ['check', inputs.broken, inputs.xls],
        ['inspect', inputs.broken],
        ['fix', inputs.camGiang, '-o', inputs.camGiang],
        ['fix', inputs.camGiang, '-o', path.join(dir, 'ra.xlsx'), '--only', 'khong-co-quy-tac'],
        ['template', '--kind', 'bang', '-o', path.join(dir, 'mau.xlsx')],
        ['import', inputs.camGiang, '-o', inputs.camGiang],
        ['import', inputs.camGiang, '-o', path.join(dir, 'ra.csv')],
        ['import', inputs.empty, '-o', path.join(dir, 'trong-chuan.xlsx')],
        ['import', inputs.broken, '-o', path.join(dir, 'hong-chuan.xlsx')],
        ['consolidate', inputs.folder, '-o', path.join(dir, 'x.xlsx'), '--province', '99'],
        ['consolidate', inputs.folder, '-o', path.join(dir, 'khong-co', 'x.xlsx')],
        ['report', inputs.camGiang],
        ['report', inputs.camGiang, '--period', 'nửa đầu năm'],
        ['report', inputs.camGiang, '--period', '2026-H1', '--as-of', '2026-02-30'],
        ['report', path.join(dir, 'khong-co.xlsx'), '--period', '2026-H1'],
        ['report', inputs.camGiang, '--period', '2026-H1', '-o', inputs.camGiang],
        ['report', inputs.empty, '--period', '2026-H1'],
        ['token', 'create', '--role', 'bogus'],
        ['token', 'revoke', 'a b'],
      ];
      const outputs = await inBatches(cases, (args) => phuluc(...args));
      outputs.forEach(({ out, code }, i) => {
        const args = cases[i]!.join(' ');
        expect(code, args).toBe(2);
        expect(out.length, args).toBeGreaterThan(10);
        expect({ args, leaks: englishLeaks(wordsShown(out)) }).toEqual({ args, leaks: [] });
      });
    },
    MANY,
  );

  it(
    "in check's text report on several workbooks, notes listed too",
    async () => {
      const names = ['camGiang', 'quangSon', 'haNoi', 'bacNinh', 'tcvn3', 'empty', 'text'] as const;
      const outputs = await inBatches(names, (name) => phuluc('check', '--notes', '--as-of', '2025-12-31', inputs[name]));
      outputs.forEach(({ out, code }, i) => {
        const name = names[i]!;
        expect(code, name).toBeLessThan(2);
        expect(out, name).toMatch(/^Tóm tắt: /m);
        expect({ name, leaks: englishLeaks(wordsShown(out)) }).toEqual({ name, leaks: [] });
      });
    },
    MANY,
  );

  it(
    "in import's summary of what it found",
    async () => {
      const names = ['quangSon', 'bacNinh', 'tcvn3', 'text'] as const;
      const outputs = await inBatches(names, (name) => phuluc('import', inputs[name], '-o', path.join(dir, `${name}-chuan.xlsx`)));
      outputs.forEach(({ out, code }, i) => {
        const name = names[i]!;
        expect(code, name).toBe(0);
        expect(out, name).toMatch(/^Đã ghi /m);
        expect({ name, leaks: englishLeaks(wordsShown(out)) }).toEqual({ name, leaks: [] });
      });
    },
    MANY,
  );

  it(
    "in consolidate's and fix's reports",
    async () => {
      const outputs = await Promise.all([
        phuluc('consolidate', inputs.folder, '-o', path.join(dir, 'tong-hop.xlsx'), '--province', '31', '--as-of', '2025-12-31'),
        phuluc('fix', inputs.quangSon, '-o', path.join(dir, 'qs.da-sua.xlsx')),
        phuluc('fix', inputs.tcvn3, '-o', path.join(dir, 'tcvn3.da-sua.xlsx')),
      ]);
      expect(outputs.map((o) => o.code)).toEqual([1, 0, 0]);
      expect(outputs[0]!.out).toMatch(/^Không thuộc Thành phố Hải Phòng/m);
      expect(outputs.flatMap((o) => englishLeaks(wordsShown(o.out)))).toEqual([]);
    },
    MANY,
  );

  it(
    "in report's summary and the progress cells it lists",
    async () => {
      const outputs = await Promise.all([
        phuluc('report', inputs.progress, '--period', '2026-H1', '--as-of', '2026-06-30', '-o', path.join(dir, 'bao-cao.xlsx')),
        phuluc('report', inputs.camGiang, '--period', 'Quý II/2026', '--as-of', '2026-06-30', '-o', path.join(dir, 'cg-bao-cao.xlsx')),
      ]);
      expect(outputs.map((o) => o.code)).toEqual([1, 0]);
      expect(outputs[0]!.out).toMatch(/^Ô tiến độ cần xem \(\d+\):$/m);
      expect(outputs.flatMap((o) => englishLeaks(wordsShown(o.out)))).toEqual([]);
    },
    MANY,
  );
});
