// The blank templates filled with progress by another tool (openpyxl, as a commune's own script or LibreOffice would):
// the progress read back from the file is the progress written, and a well-filled sheet checks clean.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { canonicalAgencyNames } from '../../../core/agencies.ts';
import { progressCellValues, progressFromPlan, type ProgressCellValue, type TaskProgress } from '../../../core/progress/index.ts';
import { readPlan } from '../../../core/read/index.ts';
import { allIssues, validateGrids } from '../../../core/validate/index.ts';
import { buildTemplate, HEADER_ROW } from '../../../workbook/export/template.ts';
import { readWorkbook } from '../../../workbook/xlsx/index.ts';
import { python } from '../../support/legacy-workbook.ts';

// Opens the template and writes cells: A1 → value; [y, m, d] is written as a date (the cell keeps its dd/mm/yyyy).
const FILL = `
import json, sys, datetime
from openpyxl import load_workbook
spec = json.load(sys.stdin)
wb = load_workbook(spec['file'])
ws = wb.worksheets[0]
for ref, v in spec['cells'].items():
    ws[ref] = datetime.date(*v) if isinstance(v, list) else v
wb.save(spec['out'])
print(json.dumps({ref: ws[ref].number_format for ref in spec['cells'] if ref.startswith('H')}))
`;

type PyValue = string | number | [number, number, number] | null;

async function fill(
  kind: 'tasks' | 'indicators',
  cells: Record<string, PyValue>,
): Promise<{ file: string; formats: Record<string, string> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'phuluc-template-progress-'));
  const file = path.join(dir, 'mau.xlsx');
  const out = path.join(dir, 'da-dien.xlsx');
  await buildTemplate(kind, { agencies: canonicalAgencyNames(), year: 2026 }).xlsx.writeFile(file);
  const printed = execFileSync(python(), ['-c', FILL], { input: JSON.stringify({ file, out, cells }), encoding: 'utf8' });
  return { file: out, formats: JSON.parse(printed) as Record<string, string> };
}

const py = (v: ProgressCellValue): PyValue =>
  v instanceof Date ? [v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate()] : (v as string | number | null);

const TASKS: [content: string, lead: string, partners: string, result: string][] = [
  ['Ban hành quy chế làm việc trên môi trường số của Ủy ban nhân dân xã', 'Văn phòng HĐND và UBND', 'Công an xã', 'Quy chế được ban hành'],
  ['Số hóa hồ sơ thủ tục hành chính tại bộ phận một cửa', 'Trung tâm Phục vụ hành chính công', 'Phòng Kinh tế', 'Hồ sơ được số hóa'],
  ['Tổ chức lớp bồi dưỡng kỹ năng số cho tổ công nghệ số cộng đồng', 'Phòng Văn hóa - Xã hội', 'Ủy ban MTTQ xã', 'Lớp bồi dưỡng'],
  ['Lắp đặt camera giám sát an ninh tại các thôn', 'Công an xã', 'Phòng Kinh tế', 'Hệ thống camera'],
];

const ENTRIES: TaskProgress[] = [
  { taskId: 'id-1', period: '2026-Q2', status: 'done', completedOn: '2026-06-15', achieved: 'Quyết định số 45/QĐ-UBND ban hành quy chế' },
  { taskId: 'id-2', period: '2026-Q2', status: 'in-progress', achieved: '1.200 hồ sơ đã số hóa' },
  { taskId: 'id-3', period: '2026-Q2', status: 'not-started' },
  { taskId: 'id-4', period: '2026-Q2', status: 'done', completedOn: '2026-05-20', achieved: '12 camera' },
];

describe('the task template filled with progress', () => {
  it('reads back to the entries written, and checks clean', async () => {
    // Three tasks under group I (row 6), one under group II (row 10); the pane's id column after the table (J).
    const ROWS = [7, 8, 9, 11];
    const cells: Record<string, PyValue> = { [`J${HEADER_ROW}`]: 'phuluc-id' };
    ENTRIES.forEach((e, i) => {
      const r = ROWS[i]!;
      const [content, lead, partners, result] = TASKS[i]!;
      const v = progressCellValues(e);
      Object.assign(cells, {
        [`A${r}`]: i + 1,
        [`B${r}`]: content,
        [`C${r}`]: lead,
        [`D${r}`]: partners,
        [`E${r}`]: result,
        [`F${r}`]: 'Quý II/2026',
        [`G${r}`]: py(v.status),
        [`H${r}`]: py(v.completedOn),
        [`I${r}`]: py(v.achieved),
        [`J${r}`]: e.taskId,
      });
    });
    // Typed by hand instead of picked: the common word and a date as text both read the same.
    cells.G11 = 'Hoàn thành';
    cells.H11 = '20/5/2026';
    const { file, formats } = await fill('tasks', cells);
    expect(formats).toEqual({ H7: 'dd/mm/yyyy', H8: 'dd/mm/yyyy', H9: 'dd/mm/yyyy', H11: 'dd/mm/yyyy' });

    const { sheets } = await readWorkbook(await readFile(file));
    const { plan } = readPlan(sheets);
    expect(plan.appendices[0]!.columns).toEqual({
      tt: 'A',
      content: 'B',
      lead: 'C',
      partners: 'D',
      result: 'E',
      deadline: 'F',
      status: 'G',
      completedOn: 'H',
      achieved: 'I',
    });
    expect(progressFromPlan(plan, '2026-Q2', { today: '2026-06-30' })).toEqual({
      report: { period: '2026-Q2', entries: ENTRIES, indicators: [] },
      issues: [],
    });
    const report = validateGrids(sheets, { today: '2026-06-30' }).report;
    expect(allIssues(report).map((i) => [i.cell, i.code])).toEqual([]);
  });
});

describe('the indicator template filled with actuals', () => {
  it('reads the achieved column back as actuals', async () => {
    const r = HEADER_ROW + 2;
    const { file } = await fill('indicators', {
      [`G${HEADER_ROW}`]: 'phuluc-id',
      [`A${r}`]: 1,
      [`B${r}`]: 'Tỷ lệ hồ sơ thủ tục hành chính được tiếp nhận trực tuyến',
      [`C${r}`]: '%',
      [`D${r}`]: '80',
      [`E${r}`]: 'Công an xã',
      [`F${r}`]: 75,
      [`G${r}`]: 'c-1',
      [`A${r + 1}`]: 2,
      [`B${r + 1}`]: 'Ban hành kế hoạch chuyển đổi số của xã',
      [`C${r + 1}`]: 'Văn bản',
      [`D${r + 1}`]: 'Ban hành',
      [`E${r + 1}`]: 'Văn phòng HĐND và UBND',
      [`F${r + 1}`]: 'Đã ban hành',
      [`G${r + 1}`]: 'c-2',
    });
    const { plan } = readPlan((await readWorkbook(await readFile(file))).sheets);
    expect(progressFromPlan(plan, '2026-Q2')).toEqual({
      report: {
        period: '2026-Q2',
        entries: [],
        indicators: [
          { indicatorId: 'c-1', period: '2026-Q2', value: 75, mode: 'cumulative' },
          { indicatorId: 'c-2', period: '2026-Q2', value: 'Đã ban hành', mode: 'cumulative' },
        ],
      },
      issues: [],
    });
  });
});
