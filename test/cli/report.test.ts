// `phuluc report` as an official runs it: a workbook with progress columns written by openpyxl, the real command line,
// the summary it prints, the report workbook it writes read back; a bad period refused with the forms it takes.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { HEADER_ROW } from '../../workbook/export/consolidated-sheet.ts';
import { phuluc } from '../support/cli.ts';
import { python } from '../support/legacy-workbook.ts';

// Rows of each sheet; [y, m, d] is written as a real date cell.
const WRITE = `
import json, sys, datetime
from openpyxl import Workbook
spec = json.load(sys.stdin)
wb = Workbook()
wb.remove(wb.active)
for name, rows in spec['sheets']:
    ws = wb.create_sheet(name)
    for r in rows:
        ws.append([datetime.date(*v) if isinstance(v, list) else v for v in r])
wb.save(spec['out'])
`;

const HEADER = [
  'TT',
  'Nội dung',
  'Cơ quan chủ trì',
  'Thời gian hoàn thành',
  'Tình trạng thực hiện',
  'Ngày hoàn thành',
  'Kết quả đạt được',
  'Khó khăn, vướng mắc',
  'Đề xuất, kiến nghị',
];

function tasks(badStatus: boolean): unknown[][] {
  return [
    ['PHỤ LỤC I'],
    ['DANH MỤC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NĂM 2026'],
    ['(Kèm theo Kế hoạch số 03/KH-UBND ngày 07/01/2026 của UBND xã Cẩm Giàng)'],
    [],
    HEADER,
    ['I', 'NÂNG CAO NHẬN THỨC, ĐỘT PHÁ VỀ ĐỔI MỚI TƯ DUY'],
    [
      1,
      'Tuyên truyền Nghị quyết 57 trên hệ thống truyền thanh',
      'Phòng Văn hóa - Xã hội',
      'Quý I/2026',
      'Đã hoàn thành',
      [2026, 3, 20],
      'Phát 24 tin, bài',
    ],
    [
      2,
      'Tổ chức hội nghị quán triệt',
      'Văn phòng HĐND và UBND',
      'Tháng 2/2026',
      'Đang thực hiện',
      null,
      null,
      'Chưa có hội trường',
      '@Đề nghị hỗ trợ',
    ],
    ['II', 'TĂNG CƯỜNG ĐẦU TƯ, HOÀN THIỆN HẠ TẦNG'],
    [1, 'Lắp đặt wifi công cộng tại nhà văn hóa thôn', 'Văn phòng HĐND và UBND', 'Quý IV/2026'],
    [2, 'Số hóa hồ sơ hộ tịch', 'Công an xã', 'Tháng 5/2026', badStatus ? 'xong rồi?' : 'Chưa thực hiện', null, null, null, null],
  ];
}

const INDICATORS = [
  ['PHỤ LỤC II'],
  ['CHỈ TIÊU THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NĂM 2026'],
  [],
  ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Mục tiêu', 'Kết quả đạt được'],
  ['I', 'CHỈ TIÊU NĂM 2026'],
  [1, 'Tỷ lệ hồ sơ trực tuyến toàn trình', '%', '≥ 70%', '72%'],
  [2, 'Số điểm wifi công cộng', 'điểm', '10', '4'],
];

function write(out: string, sheets: [string, unknown[][]][]): void {
  execFileSync(python(), ['-c', WRITE], { input: JSON.stringify({ out, sheets }) });
}

function plain(v: ExcelJS.CellValue): string | number {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10).split('-').reverse().join('/');
  if (typeof v === 'number' || typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** A sheet's table: the header row and the rows under it up to the first empty row. */
async function tables(file: string): Promise<Record<string, (string | number)[][]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const out: Record<string, (string | number)[][]> = {};
  for (const ws of wb.worksheets) {
    const width = (ws.getRow(HEADER_ROW).values as unknown[]).length - 1;
    const rows: (string | number)[][] = [];
    for (let r = HEADER_ROW; r <= ws.rowCount; r++) {
      const values = Array.from({ length: width }, (_, c) => {
        const cell = ws.getRow(r).getCell(c + 1);
        return cell.isMerged && cell.master !== cell ? '' : plain(cell.value);
      });
      if (values.every((v) => v === '')) break;
      rows.push(values);
    }
    out[ws.name] = rows;
  }
  return out;
}

const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-report-'));
const withErrors = path.join(dir, '10903-cam-giang.xlsx');
write(withErrors, [
  ['Phụ lục I', tasks(true)],
  ['Phụ lục II', INDICATORS],
]);
const clean = path.join(dir, 'cam-giang-sach.xlsx');
write(clean, [
  ['Phụ lục I', tasks(false)],
  ['Phụ lục II', INDICATORS],
]);

// Each case starts the real CLI (a few seconds each on a loaded machine).
describe('phuluc report', { timeout: 240_000 }, () => {
  it('prints the counts and the progress cells to fix, writes the report beside the appendix, exit 1', async () => {
    const r = await phuluc('report', withErrors, '--period', '6 tháng đầu năm 2026', '--as-of', '2026-06-30');
    const out = path.join(dir, '10903-cam-giang-bao-cao-2026-H1.xlsx');
    expect(r).toEqual({
      code: 1,
      stderr: '',
      stdout: [
        'Báo cáo 6 tháng đầu năm 2026 của Xã Cẩm Giàng, tính đến ngày 30/06/2026: 4 nhiệm vụ, 2 nhiệm vụ có ghi tiến độ.',
        '  Hoàn thành đúng hạn:      1',
        '  Hoàn thành quá hạn:       0',
        '  Đang thực hiện trong hạn: 0',
        '  Quá hạn chưa hoàn thành:  2',
        '  Chưa đến hạn:             1',
        '  Không xác định hạn:       0',
        '  Tạm dừng:                 0',
        '  Không thực hiện:          0',
        'Chỉ tiêu: 2 (đạt 1, chưa đạt 1, chưa đánh giá được 0).',
        'Ô tiến độ cần xem (1):',
        '  Lỗi Phụ lục I!E11: Tình trạng "xong rồi?" không đọc được; chọn một trong: "Chưa thực hiện", "Đang thực hiện", "Đã hoàn thành", "Tạm dừng", "Không thực hiện".',
        `Đã ghi báo cáo: ${out}`,
        '',
      ].join('\n'),
    });
    const t = await tables(out);
    expect(Object.keys(t)).toEqual(['Tổng hợp', 'Nhiệm vụ', 'Chỉ tiêu', 'Kết quả nổi bật', 'Khó khăn, vướng mắc', 'Đề xuất, kiến nghị']);
    expect(t['Nhiệm vụ']).toEqual([
      [
        'TT',
        'Nội dung',
        'Cơ quan chủ trì',
        'Thời gian hoàn thành',
        'Tình trạng',
        'Ngày hoàn thành',
        'Kết quả đạt được',
        'Lý do chậm/tạm dừng',
        'Phân loại',
      ],
      ['Nhóm nhiệm vụ 1: Nhận thức, tư duy', '', '', '', '', '', '', '', ''],
      [
        '1',
        'Tuyên truyền Nghị quyết 57 trên hệ thống truyền thanh',
        'Phòng Văn hóa - Xã hội',
        'Quý I/2026',
        'Đã hoàn thành',
        '20/03/2026',
        'Phát 24 tin, bài',
        '',
        'Hoàn thành đúng hạn',
      ],
      [
        '2',
        'Tổ chức hội nghị quán triệt',
        'Văn phòng HĐND và UBND',
        'Tháng 2/2026',
        'Đang thực hiện',
        '',
        '',
        '',
        'Quá hạn chưa hoàn thành',
      ],
      ['Nhóm nhiệm vụ 3: Hạ tầng', '', '', '', '', '', '', '', ''],
      [
        '1',
        'Lắp đặt wifi công cộng tại nhà văn hóa thôn',
        'Văn phòng HĐND và UBND',
        'Quý IV/2026',
        'Chưa báo cáo',
        '',
        '',
        '',
        'Chưa đến hạn',
      ],
      ['2', 'Số hóa hồ sơ hộ tịch', 'Công an xã', 'Tháng 5/2026', 'Chưa báo cáo', '', '', '', 'Quá hạn chưa hoàn thành'],
    ]);
    expect(t['Chỉ tiêu']).toEqual([
      ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Chỉ tiêu đề ra', 'Thực hiện', 'Đánh giá', 'Ghi chú'],
      ['1', 'Tỷ lệ hồ sơ trực tuyến toàn trình', '%', '≥ 70%', '72', 'Đạt (≥ 70%)', ''],
      ['2', 'Số điểm wifi công cộng', 'điểm', '10', '4', 'Chưa đạt (≥ 10)', ''],
    ]);
    expect(t['Khó khăn, vướng mắc']).toEqual([
      ['STT', 'TT nhiệm vụ', 'Nhiệm vụ', 'Khó khăn, vướng mắc'],
      ['Nhóm nhiệm vụ 1: Nhận thức, tư duy', '', '', ''],
      [1, '2', 'Tổ chức hội nghị quán triệt', 'Chưa có hội trường'],
    ]);
    expect(t['Đề xuất, kiến nghị']).toEqual([
      ['STT', 'TT nhiệm vụ', 'Nhiệm vụ', 'Đề xuất, kiến nghị'],
      ['Nhóm nhiệm vụ 1: Nhận thức, tư duy', '', '', ''],
      [1, '2', 'Tổ chức hội nghị quán triệt', "'@Đề nghị hỗ trợ"],
    ]);
  });

  it('takes the period as an id, judges as of its last day when it has ended, writes where -o says, exit 0', async () => {
    const out = path.join(dir, 'bao-cao-quy-1.xlsx');
    const r = await phuluc('report', clean, '--period', '2026-Q1', '-o', out);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe(
      'Báo cáo Quý I năm 2026 của Xã Cẩm Giàng, tính đến ngày 31/03/2026: 4 nhiệm vụ, 3 nhiệm vụ có ghi tiến độ.',
    );
    expect(r.stdout).not.toContain('Ô tiến độ cần xem');
    const t = await tables(out);
    expect(t['Tổng hợp']!.slice(0, 11)).toEqual([
      ['STT', 'Nội dung', 'Số lượng', 'Tỷ lệ'],
      ['NHIỆM VỤ', '', '', ''],
      ['', 'Tổng số nhiệm vụ', 4, '100%'],
      [1, 'Hoàn thành đúng hạn', 1, '25%'],
      [2, 'Hoàn thành quá hạn', 0, '0%'],
      [3, 'Đang thực hiện trong hạn', 0, '0%'],
      [4, 'Quá hạn chưa hoàn thành', 1, '25%'],
      [5, 'Chưa đến hạn', 2, '50%'],
      [6, 'Không xác định hạn', 0, '0%'],
      [7, 'Tạm dừng', 0, '0%'],
      [8, 'Không thực hiện', 0, '0%'],
    ]);
  });

  it('refuses a period it cannot read, listing the forms it takes: exit 2, nothing written', async () => {
    const before = await readdir(dir);
    const r = await phuluc('report', clean, '--period', 'nửa đầu năm', '--as-of', '2026-06-30');
    expect(r).toEqual({
      code: 2,
      stdout: '',
      stderr: [
        'Không đọc được kỳ báo cáo “nửa đầu năm”. Hãy ghi kỳ theo một trong các dạng:',
        '  2026-M03 hoặc “Tháng 3 năm 2026”',
        '  2026-Q2 hoặc “Quý II/2026”',
        '  2026-H1 hoặc “6 tháng đầu năm 2026”',
        '  2026-9M hoặc “9 tháng năm 2026”',
        '  2026 hoặc “Năm 2026”',
        '  2026-06-15 hoặc “Đến ngày 15/6/2026”',
        '',
      ].join('\n'),
    });
    expect(await readdir(dir)).toEqual(before);
  });

  it('refuses to write over the appendix, and a day that does not exist', async () => {
    const same = await phuluc('report', clean, '--period', '2026-H1', '-o', clean);
    const day = await phuluc('report', clean, '--period', '2026-H1', '--as-of', '2026-02-30');
    expect([same.code, day.code]).toEqual([2, 2]);
    expect(same.stderr).toBe(`Tệp kết quả trùng với phụ lục “${clean}”: hãy chọn tên khác với --out (phụ lục không bị ghi đè).\n`);
    expect(day.stderr).toBe('--as-of phải là một ngày có thật, dạng YYYY-MM-DD (nhận được “2026-02-30”).\n');
  });

  it('speaks English with --lang en', async () => {
    const out = path.join(dir, 'report-en.xlsx');
    const r = await phuluc('report', withErrors, '--period', '2026-H1', '--as-of', '2026-06-30', '-o', out, '--lang', 'en');
    expect(r.code).toBe(1);
    expect(r.stdout.split('\n').slice(0, 2)).toEqual([
      'Report for First half of 2026 of Xã Cẩm Giàng, as of 30/06/2026: 4 tasks, 2 with progress written.',
      '  Done on time:            1',
    ]);
    expect(Object.keys(await tables(out))).toEqual(['Summary', 'Tasks', 'Indicators', 'Highlights', 'Obstacles', 'Proposals']);
  });
});
