// The command line as typed: --version, help in Vietnamese and English, commander's usage errors in the reader's
// language, an unknown command, a missing file; whole outputs and exit codes.
import { mkdtemp, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phuluc } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

const VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;

const COMMANDS_VI = [
  '  inspect      Đọc phụ lục và in những gì đọc được: bảng, dòng tiêu đề, cột, từng dòng',
  '  check        Kiểm tra phụ lục trước khi nộp. Mã thoát: 0 = không có lỗi, 1 = có lỗi, 2 = không chạy được',
  '  fix          Ghi một bản đã sửa các chỗ sửa an toàn, giữ nguyên định dạng (không ghi đè tệp gốc)',
  '  import       Ghi phụ lục theo mẫu (.xlsx) từ văn bản kế hoạch Word, văn bản dạng danh sách hoặc bảng tính. Mã thoát: 0 = đã ghi, 1 = có phần không đọc được, 2 = không ghi được',
  '  template     Tạo phụ lục mẫu trống',
  '  consolidate  Tổng hợp phụ lục của nhiều xã, phường thành bảng của tỉnh (.xlsx: Tổng hợp, Thống kê, Chỉ tiêu)',
  '  report       Lập báo cáo kết quả của một kỳ (.xlsx để in) từ các cột tiến độ của phụ lục. Mã thoát: 0 = đã ghi, 1 = có ô tiến độ ghi sai, 2 = không chạy được',
  '  serve        Chạy máy chủ đồng bộ: dữ liệu trong một thư mục (PGlite), hoặc PostgreSQL qua biến môi trường DATABASE_URL',
  '  backup       Sao lưu dữ liệu máy chủ (kế hoạch, mọi phiên bản, mã truy cập, tiến độ) vào một tệp .gz',
  '  restore      Khôi phục bản sao lưu vào thư mục dữ liệu hoặc cơ sở dữ liệu PostgreSQL trống',
  '  token        Quản lý mã truy cập máy chủ: tạo, liệt kê, thu hồi',
  '  plan         Quản lý danh sách kế hoạch mà các xã nộp: thêm, liệt kê',
  '  help         In hướng dẫn của một lệnh',
];

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'phuluc-usage-'));
});
afterAll(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('phuluc --version', () => {
  it.each(['--version', '-V'])('%s prints the version of package.json and nothing else', async (flag) => {
    expect(await phuluc(flag)).toEqual({ stdout: `${VERSION}\n`, stderr: '', code: 0 });
  });
});

describe('an unknown command', () => {
  it('says there is no such command and lists the commands, one line each; exit 2', async () => {
    expect(await phuluc('bogus')).toEqual({
      stdout: '',
      stderr: ['Không có lệnh “bogus”.', '', 'Các lệnh của “phuluc”:', ...COMMANDS_VI, ''].join('\n'),
      code: 2,
    });
  });

  it('suggests the nearest command for a slip', async () => {
    expect(await phuluc('chek', 'x.xlsx')).toEqual({
      stdout: '',
      stderr: ['Không có lệnh “chek”.', 'Có phải bạn muốn gõ “check”?', '', 'Các lệnh của “phuluc”:', ...COMMANDS_VI, ''].join('\n'),
      code: 2,
    });
  });

  it('is said in English with --lang en', async () => {
    const r = await phuluc('--lang', 'en', 'consolidat');
    expect(r.code).toBe(2);
    expect(r.stderr.split('\n').slice(0, 4)).toEqual([
      'There is no command "consolidat".',
      'Did you mean "consolidate"?',
      '',
      'Commands of "phuluc":',
    ]);
  });
});

describe("commander's usage errors", () => {
  it('a missing required option names the option and what it is for, in Vietnamese', async () => {
    expect(await phuluc('fix', 'x.xlsx')).toEqual({
      stdout: '',
      stderr: 'Thiếu tùy chọn bắt buộc -o, --out <tệp>: tệp .xlsx kết quả (khác tệp gốc).\nXem hướng dẫn: “phuluc fix --help”.\n',
      code: 2,
    });
  });

  it('a missing file argument', async () => {
    expect(await phuluc('check')).toEqual({
      stdout: '',
      stderr:
        'Thiếu <tệp-hoặc-thư-mục...>: tệp .xlsx, .xls, .ods, .docx, .doc, hoặc thư mục chứa các tệp đó.\nXem hướng dẫn: “phuluc check --help”.\n',
      code: 2,
    });
  });

  it('an unknown option, with the nearest one', async () => {
    expect(await phuluc('check', '--form', 'json', 'x.xlsx')).toEqual({
      stdout: '',
      stderr: 'Lệnh “phuluc check” không có tùy chọn “--form”. Có phải bạn muốn gõ “--format”?\nXem hướng dẫn: “phuluc check --help”.\n',
      code: 2,
    });
  });

  it('too many arguments', async () => {
    expect(await phuluc('fix', 'a.xlsx', 'b.xlsx', '-o', 'c.xlsx')).toEqual({
      stdout: '',
      stderr: 'Thừa “b.xlsx”: lệnh “phuluc fix” chỉ nhận <tệp>.\nXem hướng dẫn: “phuluc fix --help”.\n',
      code: 2,
    });
  });

  it('an option without its value', async () => {
    expect(await phuluc('check', 'x.xlsx', '--as-of')).toEqual({
      stdout: '',
      stderr:
        'Tùy chọn --as-of <ngày> cần một giá trị: ngày đối chiếu thời hạn, dạng YYYY-MM-DD (mặc định: hôm nay).\nXem hướng dẫn: “phuluc check --help”.\n',
      code: 2,
    });
  });

  it('in English with PHULUC_LANG=en', async () => {
    const { execFile } = await import('node:child_process');
    const { BIN } = await import('../support/cli.ts');
    const r = await new Promise<{ stderr: string; code: number }>((resolve) =>
      execFile(process.execPath, [BIN, 'fix', 'x.xlsx'], { env: { ...process.env, PHULUC_LANG: 'en' } }, (err, _out, stderr) =>
        resolve({ stderr, code: (err as { code?: number } | null)?.code ?? 0 }),
      ),
    );
    expect(r).toEqual({
      stderr: 'Missing required option -o, --out <file>: the .xlsx file to write (not the input).\nSee the help: "phuluc fix --help".\n',
      code: 2,
    });
  });

  it('a language other than vi or en is refused', async () => {
    expect(await phuluc('--lang', 'fr', 'check', 'x.xlsx')).toEqual({
      stdout: '',
      stderr: 'Ngôn ngữ phải là vi hoặc en (nhận được “fr”). / The language must be vi or en (got "fr").\n',
      code: 2,
    });
  });
});

describe('files that cannot be read', () => {
  it('a missing file: “Không tìm thấy tệp …”, no errno code; exit 2', async () => {
    const missing = path.join(dir, 'khong-co.xlsx');
    expect(await phuluc('check', missing)).toEqual({
      stdout: '',
      stderr: `Không tìm thấy tệp “${missing}”.\n`,
      code: 2,
    });
  });

  it('a folder given where a file is expected', async () => {
    const r = await phuluc('fix', dir, '-o', path.join(dir, 'ra.xlsx'));
    expect(r).toEqual({ stdout: '', stderr: `“${dir}” là một thư mục, không phải tệp.\n`, code: 2 });
  });

  it('a missing file in English', async () => {
    const missing = path.join(dir, 'khong-co.xlsx');
    expect(await phuluc('--lang', 'en', 'inspect', missing)).toEqual({
      stdout: `# ${missing}\n  Error: File not found: "${missing}".\n`,
      stderr: '',
      code: 2,
    });
  });

  it('a folder with no spreadsheet nor Word file', async () => {
    expect(await phuluc('check', dir)).toEqual({
      stdout: '',
      stderr: `Không có tệp phụ lục nào (.xlsx, .xls, .ods, .docx, .doc) để kiểm tra trong “${dir}”.\n`,
      code: 2,
    });
  });
});

describe('help', () => {
  it('phuluc alone prints the help in Vietnamese on stdout, exit 0', async () => {
    const r = await phuluc();
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout.split('\n').slice(0, 2)).toEqual(['Cách dùng: phuluc [tùy-chọn] [lệnh]', '']);
  });

  it('--lang en --help prints the whole help in English', async () => {
    expect(await phuluc('--lang', 'en', '--help')).toEqual({
      stdout: `Usage: phuluc [options] [command]

Fill, check and consolidate the appendices of commune plans implementing
Resolution 57-NQ/TW.

Options:
  -V, --version                                print the version of phuluc
  --lang <lang>                                language of messages: vi | en (default vi, or the PHULUC_LANG environment variable)
  -h, --help                                   print this help

Commands:
  inspect [options] <files-or-folders...>      Read appendices and print what was read: tables, header rows, columns, every row
  check [options] <files-or-folders...>        Check appendices before submitting. Exit code: 0 = no errors, 1 = errors found, 2 = could not run
  fix [options] <file>                         Write a copy with the safe fixes applied, formatting kept (never overwrites the input)
  import [options] <file>                      Write the standard appendix workbook (.xlsx) from a plan's Word document, a list-form text or a workbook. Exit code: 0 = written, 1 = part could not be read, 2 = nothing written
  template [options]                           Write a blank standard appendix
  consolidate [options] <files-or-folders...>  Consolidate many communes' appendices into the province's table (.xlsx: Tasks, Statistics, Indicators)
  report [options] <file>                      Make a period's report (an .xlsx to print) from the appendix's progress columns. Exit code: 0 = written, 1 = some progress cells are wrong, 2 = could not run
  serve [options]                              Run the sync server: data in a folder (PGlite), or PostgreSQL through the DATABASE_URL environment variable
  backup [options]                             Back up the server's data (plans, every revision, tokens, progress) into one .gz file
  restore [options] [file]                     Restore a backup into an empty data folder or PostgreSQL database
  token                                        Manage server access tokens: create, list, revoke
  plan                                         Manage the plans communes submit to: add, list
  help [command]                               Print the help of a command
`,
      stderr: '',
      code: 0,
    });
  });

  it("a command's help in Vietnamese: headings, placeholders and defaults", async () => {
    expect(await phuluc('fix', '--help')).toEqual({
      stdout: `Cách dùng: phuluc fix [tùy-chọn] <tệp>

Ghi một bản đã sửa các chỗ sửa an toàn, giữ nguyên định dạng (không ghi đè tệp
gốc)

Cần nêu:
  tệp                  tệp .xlsx cần sửa

Tùy chọn:
  -o, --out <tệp>      tệp .xlsx kết quả (khác tệp gốc)
  --only <mã-quy-tắc>  chỉ sửa theo các quy tắc này, cách nhau bằng dấu phẩy (mã
                       như trong docs/rules.md)
  -h, --help           in hướng dẫn này

Tùy chọn chung:
  -V, --version        in số phiên bản của phuluc
  --lang <ngôn-ngữ>    ngôn ngữ của thông báo: vi | en (mặc định vi, hoặc biến
                       môi trường PHULUC_LANG)
`,
      stderr: '',
      code: 0,
    });
  });

  it('help <command> is the same as <command> --help', async () => {
    const a = await phuluc('help', 'consolidate');
    const b = await phuluc('consolidate', '--help');
    expect(a.code).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stdout).toMatch(/^Cách dùng: phuluc consolidate \[tùy-chọn\] <tệp-hoặc-thư-mục\.\.\.>\n/);
  });
});
