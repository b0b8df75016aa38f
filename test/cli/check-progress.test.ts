// `phuluc check` on a plan whose progress columns an official filled (written by openpyxl): the progress checks run
// against today — a completion date in the future is an error without any --as-of — and the rest checks clean.
import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckDocument } from '../../core/validate/index.ts';
import { phuluc } from '../support/cli.ts';
import { python } from '../support/legacy-workbook.ts';

// Rows of one sheet; [y, m, d] is written as a real date cell.
const WRITE = `
import json, sys, datetime
from openpyxl import Workbook
spec = json.load(sys.stdin)
wb = Workbook()
ws = wb.active
ws.title = 'Phụ lục II'
for r in spec['rows']:
    ws.append([datetime.date(*v) if isinstance(v, list) else v for v in r])
wb.save(spec['out'])
`;

const HEADER = [
  'TT',
  'Nội dung',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Kết quả',
  'Thời gian hoàn thành',
  'Tình trạng thực hiện',
  'Ngày hoàn thành',
  'Kết quả đạt được',
  'Lý do (tạm dừng, chậm tiến độ)',
];
const plan = (a: string, b: string): unknown[] => [a, b, 'Văn phòng HĐND và UBND', 'Công an xã', 'Báo cáo', 'Quý II/2026'];

describe('phuluc check on progress columns', () => {
  it('reports a future completion date against today, a missing reason and an unreadable status, at their cells', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-check-progress-'));
    const out = path.join(dir, 'tien-do.xlsx');
    const rows = [
      HEADER,
      ['I', 'Nhóm một'],
      [...plan('1', 'Ban hành quy chế làm việc trên môi trường số'), 'Đã hoàn thành', [2026, 6, 15], 'Quyết định số 45/QĐ-UBND'],
      [...plan('2', 'Số hóa hồ sơ thủ tục hành chính tại bộ phận một cửa'), 'Đã hoàn thành', [2099, 1, 1], 'Đã số hóa'],
      [...plan('3', 'Lắp đặt camera giám sát an ninh tại các thôn'), 'Tạm dừng'],
      [...plan('4', 'Tổ chức lớp bồi dưỡng kỹ năng số cho cán bộ'), 'Gần xong'],
    ];
    execFileSync(python(), ['-c', WRITE], { input: JSON.stringify({ out, rows }) });
    const { stdout, code } = await phuluc('check', '--format', 'json', out);
    const doc = JSON.parse(stdout) as CheckDocument;
    expect(doc.files[0]!.tables.flatMap((t) => t.issues.map((i) => [i.cell, i.code, i.severity]))).toEqual([
      ['H4', 'progress-date-future', 'error'],
      ['J5', 'progress-reason-missing', 'error'],
      ['G6', 'progress-status-unreadable', 'error'],
    ]);
    expect(code).toBe(1);
  });
});
