// Progress in the sheet: cells of many tasks in one batch, and the progress columns added to a table without them —
// each operation one Excel.run and one sync on the strict fake; the table then reads back with the progress roles.
import { describe, expect, it } from 'vitest';
import { createExcelPort } from '../../../addin/src/excel/index.ts';
import type { ProgressColumnsSpec } from '../../../addin/src/excel/index.ts';
import { gridFromValues } from '../../../core/model/index.ts';
import { PROGRESS_COLUMNS, PROGRESS_STATUS_LABEL, PROGRESS_STATUSES } from '../../../core/progress/index.ts';
import { readPlan } from '../../../core/read/index.ts';
import { createFakeExcel } from '../../support/fake-excel/fake-host.ts';
import { snapshotFromGrids } from '../../support/fake-excel/from-grid.ts';
import { counted } from './support.ts';

const SHEET = 'PL II';
const HEADER = ['TT', 'Nội dung nhiệm vụ', 'Cơ quan chủ trì', 'Thời gian hoàn thành'];

function table() {
  return createFakeExcel(
    snapshotFromGrids([
      gridFromValues(SHEET, [
        HEADER,
        ['I', 'Hoàn thiện thể chế', null, null],
        ['1', 'Ban hành quy chế số hóa', 'Văn phòng HĐND và UBND xã', 'Quý II/2026'],
        ['2', 'Tập huấn kỹ năng số', 'Công an xã', 'Năm 2026'],
      ]),
    ]),
  );
}

const blank = (n: number): null[] => Array.from({ length: n }, () => null);
const STATUSES = PROGRESS_STATUSES.map((s) => PROGRESS_STATUS_LABEL[s].vi);
const spec = (over: Partial<ProgressColumnsSpec> = {}): ProgressColumnsSpec => ({
  sheet: SHEET,
  headerRows: [1],
  firstColumn: 'E',
  firstRow: 2,
  lastRow: 4,
  columns: PROGRESS_COLUMNS.map((c) => ({
    label: c.label.vi,
    kind: c.role === 'status' ? 'status' : c.role === 'completedOn' ? 'date' : 'text',
  })),
  statuses: STATUSES,
  statusError: 'Hãy chọn một tình trạng trong danh sách.',
  statusPrompt: 'Chọn tình trạng thực hiện.',
  ...over,
});

describe('addProgressColumns', () => {
  it('adds the eight headings, the status dropdown and the date format in one run and one sync', async () => {
    const fake = table();
    const port = createExcelPort(fake);
    const { runs, syncs } = await counted(fake, () => port.addProgressColumns(spec()));
    expect([runs, syncs]).toEqual([1, 1]);
    expect(fake.workbook.values(SHEET)).toEqual([
      [...HEADER, ...PROGRESS_COLUMNS.map((c) => c.label.vi)],
      ['I', 'Hoàn thiện thể chế', ...blank(10)],
      ['1', 'Ban hành quy chế số hóa', 'Văn phòng HĐND và UBND xã', 'Quý II/2026', ...blank(8)],
      ['2', 'Tập huấn kỹ năng số', 'Công an xã', 'Năm 2026', ...blank(8)],
    ]);
    expect(fake.workbook.validations(SHEET)).toEqual([
      {
        range: 'E2:E4',
        rule: { list: { inCellDropDown: true, source: 'Chưa thực hiện,Đang thực hiện,Đã hoàn thành,Tạm dừng,Không thực hiện' } },
        errorAlert: { showAlert: true, style: 'Stop', title: 'phuluc', message: 'Hãy chọn một tình trạng trong danh sách.' },
        prompt: { showPrompt: true, title: 'phuluc', message: 'Chọn tình trạng thực hiện.' },
      },
    ]);
    expect(['F2', 'F3', 'F4', 'E3', 'G3'].map((a) => fake.workbook.cell(SHEET, a).numberFormat)).toEqual([
      'dd/mm/yyyy',
      'dd/mm/yyyy',
      'dd/mm/yyyy',
      'General',
      'General',
    ]);
    expect(fake.workbook.cell(SHEET, 'E1').bold).toBe(true);
    // The reader now sees the progress columns by their roles.
    const { grids } = await port.readWorkbook();
    const { plan } = readPlan(grids);
    expect(plan.appendices[0]!.columns).toEqual({
      tt: 'A',
      content: 'B',
      lead: 'C',
      deadline: 'D',
      status: 'E',
      completedOn: 'F',
      achieved: 'G',
      reason: 'H',
      evidence: 'I',
      highlights: 'J',
      obstacles: 'K',
      proposals: 'L',
    });
  });

  it('merges each heading down over a two-row header', async () => {
    const fake = table();
    const port = createExcelPort(fake);
    await port.addProgressColumns(
      spec({ headerRows: [1, 2], firstColumn: 'F', firstRow: 3, columns: [{ label: 'Kết quả đạt được', kind: 'text' }] }),
    );
    expect(fake.workbook.merges(SHEET)).toEqual(['F1:F2']);
    expect(fake.workbook.values(SHEET)[0]).toEqual([...HEADER, null, 'Kết quả đạt được']);
    expect(fake.workbook.validations(SHEET)).toEqual([]);
  });
});

describe('writeProgressCells', () => {
  it('writes every cell of every task in one run and one sync: text as text, dates as dates', async () => {
    const fake = table();
    const port = createExcelPort(fake);
    await port.addProgressColumns(spec());
    const { runs, syncs } = await counted(fake, () =>
      port.writeProgressCells([
        { sheet: SHEET, cell: 'E3', value: 'Đã hoàn thành' },
        { sheet: SHEET, cell: 'F3', value: new Date(Date.UTC(2026, 4, 20)) },
        { sheet: SHEET, cell: 'G3', value: '1/2 quy chế đã ban hành' },
        { sheet: SHEET, cell: 'E4', value: 'Tạm dừng' },
        { sheet: SHEET, cell: 'H4', value: 'Chờ kinh phí' },
        { sheet: SHEET, cell: 'G4', value: null },
      ]),
    );
    expect([runs, syncs]).toEqual([1, 1]);
    expect(
      fake.workbook
        .values(SHEET)
        .slice(2)
        .map((r) => r.slice(4, 8)),
    ).toEqual([
      ['Đã hoàn thành', 46162, '1/2 quy chế đã ban hành', null],
      ['Tạm dừng', null, null, 'Chờ kinh phí'],
    ]);
    expect(fake.workbook.cell(SHEET, 'G3').value).toBe('1/2 quy chế đã ban hành');
    const { plan } = readPlan((await port.readWorkbook()).grids);
    const task = plan.appendices[0]!.rows.find((r) => r.tt === '1')!;
    expect([task.fields.status, task.fields.completedOn, task.fields.achieved]).toEqual([
      'Đã hoàn thành',
      '20/05/2026',
      '1/2 quy chế đã ban hành',
    ]);
  });

  it('does nothing for no cells, and names a missing sheet', async () => {
    const fake = table();
    const port = createExcelPort(fake);
    const { runs } = await counted(fake, () => port.writeProgressCells([]));
    expect(runs).toBe(0);
    await expect(port.writeProgressCells([{ sheet: 'Không có', cell: 'A1', value: 'x' }])).rejects.toMatchObject({
      code: 'sheet-not-found',
    });
  });
});
