// Nothing to check is not valid (issue 13, items 9-10): table-empty (core/validate/rules/empty.ts) and the two
// workbook-level codes the engine itself raises (core/validate/validate.ts): no-table for a workbook without a table,
// header-not-found for a sheet without a header. Hidden sheets (a template's dropdown lists) are no problem of their
// own; the blank rows a template leaves under its headings: structure.test.ts.
import { describe, expect, it } from 'vitest';
import { gridFromValues, type Grid } from '../../../../core/model/grid.ts';
import { allIssues } from '../../../../core/validate/report.ts';
import { validate, validateGrids } from '../../../../core/validate/validate.ts';

const H = ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Kết quả', 'Thời gian hoàn thành'];
const LISTS = (hidden: boolean): Grid => ({
  ...gridFromValues('Danh mục', [
    ['Cơ quan', 'Thời gian hoàn thành'],
    ['Công an xã', 'Quý I/2026'],
    ['Trạm Y tế xã', 'Quý II/2026'],
  ]),
  ...(hidden ? { hidden: true } : {}),
});

function check(grids: Grid[]) {
  const { report } = validateGrids(grids);
  return { report, issues: allIssues(report).map((i) => [i.sheet, i.cell ?? i.row ?? null, i.code, i.severity] as const) };
}

describe('nothing to check', () => {
  it('an empty workbook is not valid: one no-table error', () => {
    const { report, issues } = check([gridFromValues('Sheet1', [])]);
    expect(issues).toEqual([['Sheet1', null, 'no-table', 'error']]);
    expect(report.valid).toBe(false);
    expect(allIssues(report)[0]!.message).toBe('Không tìm thấy bảng nhiệm vụ hay bảng chỉ tiêu nào trong tệp: không có gì để kiểm tra.');
  });

  it('an empty sheet beside a hidden list sheet: no-table on the visible sheet, nothing about the lists', () => {
    expect(check([gridFromValues('Trang 1', []), LISTS(true)]).issues).toEqual([['Trang 1', null, 'no-table', 'error']]);
    expect(check([LISTS(true)]).issues).toEqual([['Danh mục', null, 'no-table', 'error']]);
  });

  it('a sheet with text but no header says so itself (header-not-found), not twice', () => {
    expect(check([gridFromValues('Ghi chú', [['Kế hoạch đang soạn']])]).issues).toEqual([['Ghi chú', null, 'header-not-found', 'error']]);
  });

  it('a plan checked without its sheets (pushed as JSON) gets no workbook-level error', () => {
    expect(allIssues(validate({ plan: { appendices: [] } }))).toEqual([]);
  });

  it('a task table with headings and no task is not valid: one table-empty error at the header', () => {
    const { report, issues } = check([
      gridFromValues('PL', [H, ['I', 'Nâng cao nhận thức'], [], [], ['II', 'Hoàn thiện thể chế'], [], []]),
    ]);
    expect(issues).toEqual([['PL', 'B1', 'table-empty', 'error']]);
    expect(report.stats).toMatchObject({ tables: 1, tasks: 0, errors: 1, warnings: 0, infos: 0 });
    expect(allIssues(report)[0]!.message).toBe('Bảng chưa có nhiệm vụ nào: hãy điền các nhiệm vụ vào dưới dòng tiêu đề.');
  });

  it('an indicator table with no indicator says "chỉ tiêu"', () => {
    const { report, issues } = check([
      gridFromValues('PL I', [
        ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Cơ quan chủ trì theo dõi, đánh giá'],
        ['I', 'Đến năm 2026'],
        [],
      ]),
    ]);
    expect(issues).toEqual([['PL I', 'B1', 'table-empty', 'error']]);
    expect(allIssues(report)[0]!.messageEn).toBe('The table has no indicators yet: fill them in below the header row.');
  });
});

describe('sheets that are not part of the plan', () => {
  it('a hidden list sheet beside a table is not reported; a visible one is only mentioned', () => {
    const table = gridFromValues('PL', [
      H,
      [
        1,
        'Tổ chức tuyên truyền về chuyển đổi số trên hệ thống truyền thanh xã',
        'Công an xã',
        'Văn phòng HĐND và UBND',
        'Báo cáo kết quả',
        'Quý III/2026',
      ],
    ]);
    expect(check([table, LISTS(true)]).issues).toEqual([]);
    expect(check([table, LISTS(false)]).issues).toEqual([['Danh mục', null, 'header-not-found', 'info']]);
  });
});
