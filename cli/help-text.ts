// The words of `phuluc --help`: every command's description, argument and option, in Vietnamese and English.
// A flag's placeholder is in the reader's language too ("<tệp>"); what the user types (commands, flags, the values of
// "a | b" lists) stays as typed.
import type { Lang } from './labels.ts';

/** An option: its flags (with the placeholder) and what it does. */
export type Opt = readonly [flags: string, description: string];

const vi = {
  program: 'Điền, kiểm tra và tổng hợp phụ lục kế hoạch thực hiện Nghị quyết 57-NQ/TW của cấp xã.',
  lang: ['--lang <ngôn-ngữ>', 'ngôn ngữ của thông báo: vi | en (mặc định vi, hoặc biến môi trường PHULUC_LANG)'],
  version: ['-V, --version', 'in số phiên bản của phuluc'],
  help: ['-h, --help', 'in hướng dẫn này'],
  helpCommand: ['help [lệnh]', 'In hướng dẫn của một lệnh'],
  inspect: {
    description: 'Đọc phụ lục và in những gì đọc được: bảng, dòng tiêu đề, cột, từng dòng',
    files: ['<tệp-hoặc-thư-mục...>', 'tệp .xlsx, .xls, .ods, .docx, .doc, .txt hoặc .md, hoặc thư mục chứa các tệp bảng tính, Word'],
    json: ['--json', 'in một tài liệu JSON cho chương trình khác đọc (xem docs/inspect-json.md)'],
  },
  check: {
    description: 'Kiểm tra phụ lục trước khi nộp. Mã thoát: 0 = không có lỗi, 1 = có lỗi, 2 = không chạy được',
    inputs: ['<tệp-hoặc-thư-mục...>', 'tệp .xlsx, .xls, .ods, .docx, .doc, hoặc thư mục chứa các tệp đó'],
    format: ['--format <dạng>', 'dạng kết quả: text | json | xlsx (xlsx: bản có đánh dấu các ô cần xem)'],
    out: ['--out <tệp-hoặc-thư-mục>', 'ghi kết quả vào tệp (hoặc thư mục, khi kiểm tra nhiều tệp) này'],
    asOf: ['--as-of <ngày>', 'ngày đối chiếu thời hạn, dạng YYYY-MM-DD (mặc định: hôm nay)'],
    notes: ['--notes', 'in cả các lưu ý (mặc định chỉ in số lưu ý)'],
  },
  fix: {
    description: 'Ghi một bản đã sửa các chỗ sửa an toàn, giữ nguyên định dạng (không ghi đè tệp gốc)',
    file: ['<tệp>', 'tệp .xlsx cần sửa'],
    out: ['-o, --out <tệp>', 'tệp .xlsx kết quả (khác tệp gốc)'],
    only: ['--only <mã-quy-tắc>', 'chỉ sửa theo các quy tắc này, cách nhau bằng dấu phẩy (mã như trong docs/rules.md)'],
  },
  import: {
    description:
      'Ghi phụ lục theo mẫu (.xlsx) từ văn bản kế hoạch Word, văn bản dạng danh sách hoặc bảng tính. Mã thoát: 0 = đã ghi, 1 = có phần không đọc được, 2 = không ghi được',
    file: ['<tệp>', 'văn bản kế hoạch .docx, .doc, .txt, .md, hoặc bảng tính .xlsx, .xls, .ods'],
    out: ['-o, --out <tệp>', 'tệp .xlsx sẽ ghi (khác tệp gốc)'],
  },
  template: {
    description: 'Tạo phụ lục mẫu trống',
    kind: ['--kind <loại>', 'loại phụ lục: tasks | indicators (nhiệm vụ hoặc chỉ tiêu)'],
    out: ['-o, --out <tệp>', 'tệp .xlsx sẽ tạo'],
    year: ['--year <năm>', 'năm của kế hoạch ghi trên phụ lục (mặc định: năm ghi trong mã kế hoạch, nếu không thì năm nay)'],
    planKey: ['--plan-key <mã>', 'mã kế hoạch, ví dụ NQ57-2027 (cho biết năm khi không có --year)'],
  },
  consolidate: {
    description: 'Tổng hợp phụ lục của nhiều xã, phường thành bảng của tỉnh (.xlsx: Tổng hợp, Thống kê, Chỉ tiêu)',
    inputs: [
      '<tệp-hoặc-thư-mục...>',
      'thư mục hoặc tệp .xlsx, .xls, .ods, .docx, .doc; mã xã 5 chữ số ở đầu tên tệp (10903-cam-giang.xlsx) hoặc tên xã trong tiêu đề phụ lục',
    ],
    out: ['-o, --out <tệp>', 'tệp .xlsx kết quả'],
    planKey: ['--plan-key <mã>', 'mã kế hoạch'],
    asOf: ['--as-of <ngày>', 'ngày tính tình trạng nhiệm vụ, dạng YYYY-MM-DD'],
    province: ['--province <mã-tỉnh>', 'chỉ lấy các xã, phường của tỉnh/thành phố này (mã 2 chữ số, ví dụ 31)'],
  },
  report: {
    description:
      'Lập báo cáo kết quả của một kỳ (.xlsx để in) từ các cột tiến độ của phụ lục. Mã thoát: 0 = đã ghi, 1 = có ô tiến độ ghi sai, 2 = không chạy được',
    file: ['<tệp>', 'phụ lục .xlsx, .xls, .ods có các cột tiến độ (Tình trạng thực hiện, Ngày hoàn thành, Kết quả đạt được …)'],
    period: ['--period <kỳ>', 'kỳ báo cáo: 2026-H1, 2026-Q2, 2026-M03, 2026-9M, 2026, hoặc bằng chữ như “6 tháng đầu năm 2026”'],
    out: ['-o, --out <tệp>', 'tệp .xlsx sẽ ghi (mặc định: tên phụ lục thêm “-bao-cao-” và kỳ, cạnh phụ lục)'],
    asOf: ['--as-of <ngày>', 'ngày tính phân loại nhiệm vụ, dạng YYYY-MM-DD (mặc định: ngày cuối kỳ, hoặc hôm nay khi kỳ chưa hết)'],
  },
  serve: {
    description: 'Chạy máy chủ đồng bộ: dữ liệu trong một thư mục (PGlite), hoặc PostgreSQL qua biến môi trường DATABASE_URL',
    port: ['--port <cổng>', 'cổng (biến môi trường PORT)'],
    host: ['--host <địa-chỉ>', 'địa chỉ lắng nghe (biến môi trường HOST)'],
    data: ['--data <thư-mục>', 'thư mục dữ liệu (biến môi trường PHULUC_DATA_DIR)'],
  },
  backup: {
    description: 'Sao lưu dữ liệu máy chủ (kế hoạch, mọi phiên bản, mã truy cập, tiến độ) vào một tệp .gz',
    data: ['--data <thư-mục>', 'thư mục dữ liệu PGlite, khi máy chủ đã dừng (biến môi trường PHULUC_DATA_DIR)'],
    databaseUrl: ['--database-url <url>', 'sao lưu từ PostgreSQL này, cả khi máy chủ đang chạy (biến môi trường DATABASE_URL)'],
    out: ['-o, --out <tệp>', 'tệp sao lưu sẽ ghi (mặc định: ra đầu ra chuẩn, để nối sang phuluc restore)'],
  },
  restore: {
    description: 'Khôi phục bản sao lưu vào thư mục dữ liệu hoặc cơ sở dữ liệu PostgreSQL trống',
    file: ['[tệp]', 'tệp sao lưu (mặc định hoặc “-”: đọc từ đầu vào chuẩn)'],
    data: ['--data <thư-mục>', 'thư mục dữ liệu PGlite trống sẽ ghi vào (biến môi trường PHULUC_DATA_DIR)'],
    databaseUrl: ['--database-url <url>', 'cơ sở dữ liệu PostgreSQL trống sẽ ghi vào (biến môi trường DATABASE_URL)'],
  },
  plan: {
    description: 'Quản lý danh sách kế hoạch mà các xã nộp: thêm, liệt kê',
    add: {
      description: 'Thêm một kế hoạch (mã viết hoa, không phân biệt hoa thường)',
      key: ['<mã-kế-hoạch>', 'mã kế hoạch, ví dụ NQ57-2027'],
      name: ['--name <tên>', 'tên kế hoạch, ví dụ "Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2027"'],
      year: ['--year <năm>', 'năm của kế hoạch (mặc định: năm trong mã kế hoạch)'],
      due: ['--due <ngày>', 'hạn nộp, dạng YYYY-MM-DD'],
    },
    list: { description: 'Liệt kê các kế hoạch: mã, năm, hạn nộp, tên' },
  },
  token: {
    description: 'Quản lý mã truy cập máy chủ: tạo, liệt kê, thu hồi',
    data: ['--data <thư-mục>', 'thư mục dữ liệu của máy chủ (biến môi trường PHULUC_DATA_DIR)'],
    server: ['--server <địa-chỉ>', 'làm qua máy chủ đang chạy ở địa chỉ này (biến môi trường PHULUC_SERVER)'],
    adminToken: ['--token <mã-truy-cập>', 'mã truy cập quản trị, dùng với --server (biến môi trường PHULUC_ADMIN_TOKEN)'],
    json: ['--json', 'in JSON cho chương trình khác đọc'],
    create: {
      description: 'Tạo một mã truy cập và in ra một lần duy nhất (hãy chép lại ngay: không xem lại được)',
      examples: [
        ['phuluc token create --role editor --commune 10903 --label "Nguyễn Văn A"', 'cán bộ xã'],
        ['phuluc token create --role consolidator --province 31', 'cán bộ tỉnh'],
        ['phuluc token create --role admin', 'quản trị'],
      ],
      role: ['--role <quyền>', 'quyền: editor | consolidator | admin (cán bộ xã, cán bộ tỉnh, quản trị)'],
      commune: ['--commune <mã-xã>', 'mã xã/phường, 5 chữ số (cán bộ xã)'],
      province: ['--province <mã-tỉnh>', 'mã tỉnh/thành phố, 2 chữ số (cán bộ tỉnh)'],
      label: ['--label <người-giữ>', 'người giữ mã, ví dụ "Nguyễn Văn A, Văn phòng UBND xã"'],
      expires: ['--expires <hạn>', 'hạn dùng: 90d, 12w, 1y hoặc YYYY-MM-DD (mặc định 180 ngày; quản trị 365 ngày; tối đa 5 năm)'],
    },
    list: {
      description:
        'Liệt kê các mã truy cập: số hiệu, quyền, phạm vi, người giữ, còn dùng được không, hạn dùng, lần dùng cuối (không in mã bí mật)',
    },
    revoke: {
      description: 'Thu hồi một mã truy cập theo số hiệu (xem lệnh list); máy chủ từ chối mã đó từ đây',
      id: ['<số-hiệu>', 'số hiệu của mã truy cập'],
    },
  },
} as const;

type Words = typeof vi;
type Widen<T> = T extends string ? string : { readonly [K in keyof T]: Widen<T[K]> };

const en: Widen<Words> = {
  program: 'Fill, check and consolidate the appendices of commune plans implementing Resolution 57-NQ/TW.',
  lang: ['--lang <lang>', 'language of messages: vi | en (default vi, or the PHULUC_LANG environment variable)'],
  version: ['-V, --version', 'print the version of phuluc'],
  help: ['-h, --help', 'print this help'],
  helpCommand: ['help [command]', 'Print the help of a command'],
  inspect: {
    description: 'Read appendices and print what was read: tables, header rows, columns, every row',
    files: ['<files-or-folders...>', '.xlsx, .xls, .ods, .docx, .doc, .txt or .md files, or folders of spreadsheets and Word files'],
    json: ['--json', 'print one JSON document for other programs (see docs/inspect-json.md)'],
  },
  check: {
    description: 'Check appendices before submitting. Exit code: 0 = no errors, 1 = errors found, 2 = could not run',
    inputs: ['<files-or-folders...>', '.xlsx, .xls, .ods, .docx, .doc files, or folders holding them'],
    format: ['--format <format>', 'output: text | json | xlsx (xlsx: a copy with the cells to look at marked)'],
    out: ['--out <file-or-folder>', 'write the result to this file (or folder, when checking several files)'],
    asOf: ['--as-of <date>', 'date deadlines are compared with, YYYY-MM-DD (default: today)'],
    notes: ['--notes', 'print the notes too (by default only their number)'],
  },
  fix: {
    description: 'Write a copy with the safe fixes applied, formatting kept (never overwrites the input)',
    file: ['<file>', 'the .xlsx file to fix'],
    out: ['-o, --out <file>', 'the .xlsx file to write (not the input)'],
    only: ['--only <rules>', 'fix only by these rules, comma-separated (codes as in docs/rules.md)'],
  },
  import: {
    description:
      "Write the standard appendix workbook (.xlsx) from a plan's Word document, a list-form text or a workbook. Exit code: 0 = written, 1 = part could not be read, 2 = nothing written",
    file: ['<file>', "the plan's document .docx, .doc, .txt, .md, or a workbook .xlsx, .xls, .ods"],
    out: ['-o, --out <file>', 'the .xlsx file to write (not the input)'],
  },
  template: {
    description: 'Write a blank standard appendix',
    kind: ['--kind <kind>', 'kind of appendix: tasks | indicators'],
    out: ['-o, --out <file>', 'the .xlsx file to write'],
    year: ['--year <year>', "the plan's year written on the appendix (default: the year in the plan code, else this year)"],
    planKey: ['--plan-key <code>', 'plan code, e.g. NQ57-2027 (gives the year when --year is not given)'],
  },
  consolidate: {
    description: "Consolidate many communes' appendices into the province's table (.xlsx: Tasks, Statistics, Indicators)",
    inputs: [
      '<files-or-folders...>',
      'folders or .xlsx, .xls, .ods, .docx, .doc files; a 5-digit commune code at the start of the file name (10903-cam-giang.xlsx) or the commune named in the title',
    ],
    out: ['-o, --out <file>', 'the .xlsx file to write'],
    planKey: ['--plan-key <code>', 'plan code'],
    asOf: ['--as-of <date>', 'date task status is worked out for, YYYY-MM-DD'],
    province: ['--province <code>', 'keep only the communes of this province (2-digit code, e.g. 31)'],
  },
  report: {
    description:
      "Make a period's report (an .xlsx to print) from the appendix's progress columns. Exit code: 0 = written, 1 = some progress cells are wrong, 2 = could not run",
    file: ['<file>', 'an .xlsx, .xls or .ods appendix with progress columns (Tình trạng thực hiện, Ngày hoàn thành, Kết quả đạt được …)'],
    period: [
      '--period <period>',
      'reporting period: 2026-H1, 2026-Q2, 2026-M03, 2026-9M, 2026, or in words such as "6 tháng đầu năm 2026"',
    ],
    out: ['-o, --out <file>', 'the .xlsx file to write (default: the appendix\'s name with "-bao-cao-" and the period, beside it)'],
    asOf: ['--as-of <date>', "date tasks are categorised for, YYYY-MM-DD (default: the period's last day, or today when it has not ended)"],
  },
  serve: {
    description: 'Run the sync server: data in a folder (PGlite), or PostgreSQL through the DATABASE_URL environment variable',
    port: ['--port <port>', 'port (PORT environment variable)'],
    host: ['--host <host>', 'address to listen on (HOST environment variable)'],
    data: ['--data <dir>', 'data folder (PHULUC_DATA_DIR environment variable)'],
  },
  backup: {
    description: "Back up the server's data (plans, every revision, tokens, progress) into one .gz file",
    data: ['--data <dir>', 'PGlite data folder, with the server stopped (PHULUC_DATA_DIR environment variable)'],
    databaseUrl: ['--database-url <url>', 'back up this PostgreSQL, also while the server runs (DATABASE_URL environment variable)'],
    out: ['-o, --out <file>', 'the backup file to write (default: standard output, to pipe into phuluc restore)'],
  },
  restore: {
    description: 'Restore a backup into an empty data folder or PostgreSQL database',
    file: ['[file]', 'the backup file (default or "-": standard input)'],
    data: ['--data <dir>', 'the empty PGlite data folder to write (PHULUC_DATA_DIR environment variable)'],
    databaseUrl: ['--database-url <url>', 'the empty PostgreSQL database to write (DATABASE_URL environment variable)'],
  },
  plan: {
    description: 'Manage the plans communes submit to: add, list',
    add: {
      description: 'Add a plan (its code in upper case, compared without regard to case)',
      key: ['<plan-code>', 'plan code, e.g. NQ57-2027'],
      name: ['--name <name>', 'plan name, e.g. "Plan implementing Resolution 57-NQ/TW in 2027"'],
      year: ['--year <year>', "the plan's year (default: the year in its code)"],
      due: ['--due <date>', 'submission due date, YYYY-MM-DD'],
    },
    list: { description: 'List the plans: code, year, submission due date, name' },
  },
  token: {
    description: 'Manage server access tokens: create, list, revoke',
    data: ['--data <dir>', "the server's data folder (PHULUC_DATA_DIR environment variable)"],
    server: ['--server <url>', 'work through the server running at this address (PHULUC_SERVER environment variable)'],
    adminToken: ['--token <token>', 'admin token for --server (PHULUC_ADMIN_TOKEN environment variable)'],
    json: ['--json', 'print JSON for other programs'],
    create: {
      description: 'Create a token and print it once (copy it now: it cannot be shown again)',
      examples: [
        ['phuluc token create --role editor --commune 10903 --label "Nguyen Van A"', 'commune officer'],
        ['phuluc token create --role consolidator --province 31', 'province officer'],
        ['phuluc token create --role admin', 'administrator'],
      ],
      role: ['--role <role>', 'role: editor | consolidator | admin'],
      commune: ['--commune <code>', 'commune code, 5 digits (editor)'],
      province: ['--province <code>', 'province code, 2 digits (consolidator)'],
      label: ['--label <holder>', 'who holds the token, e.g. "Nguyen Van A, commune office"'],
      expires: ['--expires <when>', 'expiry: 90d, 12w, 1y or YYYY-MM-DD (default 180 days; admin 365 days; at most 5 years)'],
    },
    list: { description: 'List tokens: id, role, scope, holder, state, expiry, last use (never the secret)' },
    revoke: {
      description: 'Revoke a token by id (see token list); the server refuses it from now on',
      id: ['<id>', 'the token id'],
    },
  },
};

/** @example helpText('vi').check.format // ['--format <dạng>', 'dạng kết quả: …'] */
export function helpText(lang: Lang): Widen<Words> {
  return lang === 'en' ? en : vi;
}

/** The words of help's own frame and of commander's usage errors. */
export const FRAME = {
  vi: {
    titles: {
      'Usage:': 'Cách dùng:',
      'Options:': 'Tùy chọn:',
      'Global Options:': 'Tùy chọn chung:',
      'Commands:': 'Lệnh:',
      'Arguments:': 'Cần nêu:',
    },
    options: '[tùy-chọn]',
    command: '[lệnh]',
    default: 'mặc định',
    examples: 'Ví dụ:',
  },
  en: {
    titles: {
      'Usage:': 'Usage:',
      'Options:': 'Options:',
      'Global Options:': 'Global options:',
      'Commands:': 'Commands:',
      'Arguments:': 'Arguments:',
    },
    options: '[options]',
    command: '[command]',
    default: 'default',
    examples: 'Examples:',
  },
} as const;
