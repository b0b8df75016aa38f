// The rule engine on synthetic grids: the catalog, rules together on one sheet, messages, ignored codes and the
// report's shape. Each rule alone, on small sheets: test/core/validate/rules/.
import { describe, expect, it } from 'vitest';
import { gridFromValues, type CellValue } from '../../../core/model/grid.ts';
import { CATALOG, ISSUE_CODES } from '../../../core/validate/catalog.ts';
import { allIssues } from '../../../core/validate/report.ts';
import { validateGrids } from '../../../core/validate/validate.ts';

const H = ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Kết quả', 'Thời gian hoàn thành'];

function flat(values: CellValue[][], opts = {}) {
  const { report } = validateGrids([gridFromValues('S', values)], opts);
  return { report, issues: allIssues(report).map((i) => [i.cell ?? i.row ?? null, i.code] as const) };
}

describe('catalog', () => {
  it('has a title, description and messages in both languages for every code, and kebab-case codes', () => {
    for (const code of ISSUE_CODES) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      const e = CATALOG[code];
      expect(e.title.vi && e.title.en && e.description.vi && e.description.en).toBeTruthy();
    }
    expect(ISSUE_CODES.length).toBeGreaterThanOrEqual(38);
  });
});

describe('rules', () => {
  it('a clean table has no errors and no warnings', () => {
    const { report, issues } = flat([
      H,
      ['I', 'Nhóm nhiệm vụ nâng cao nhận thức'],
      [
        1,
        'Tổ chức tuyên truyền về chuyển đổi số trên hệ thống truyền thanh xã',
        'Phòng Văn hóa - Xã hội',
        'Công an xã',
        'Báo cáo kết quả',
        'Quý III/2026',
      ],
      [
        2,
        'Xây dựng kế hoạch phát triển hạ tầng số của xã giai đoạn mới',
        'Phòng Kinh tế',
        'Văn phòng HĐND và UBND',
        'Kế hoạch được ban hành',
        '31/12/2026',
      ],
    ]);
    expect(report.valid).toBe(true);
    expect(report.stats).toMatchObject({ errors: 0, warnings: 0, infos: 0, tasks: 2 });
    expect(issues).toEqual([]);
  });

  it('locates required-field, numbering and lead problems to their cells, in row order', () => {
    const { issues } = flat([
      H,
      ['I', 'Nhóm một'],
      [1, 'Việc một có nội dung đầy đủ để kiểm tra', '', 'Công an xã', 'Báo cáo', ''],
      [3, 'Việc ba có nội dung đầy đủ để kiểm tra', 'Phòng Kinh tế; Công an xã', 'Trạm Y tế', 'Báo cáo', 'Năm 2026'],
      [3, 'Việc trùng số thứ tự nhưng nội dung khác', 'Các phòng, ban, ngành', 'Trạm Y tế', 'Báo cáo', 'Năm 2026'],
      ['IV', 'Nhóm bốn'],
      [1, '', 'Công an xã', 'Trạm Y tế', 'Báo cáo', 'Khi có văn bản của cấp trên'],
    ]);
    expect(issues).toEqual([
      ['C3', 'lead-missing'],
      ['F3', 'deadline-missing'],
      ['A4', 'task-number-gap'],
      ['C4', 'lead-multiple'],
      ['A5', 'task-number-duplicate'],
      ['C5', 'lead-generic'],
      ['A6', 'group-number-gap'],
      ['B7', 'content-missing'],
      ['F7', 'deadline-conditional'],
    ]);
  });

  it('builds messages from the catalog in Vietnamese and English', () => {
    const { report } = validateGrids([
      gridFromValues('S', [H, [1, 'Việc', 'Công an xã', 'Trạm Y tế', 'Báo cáo', 'Hoàn thành sớm nhất có thể']]),
    ]);
    const i = allIssues(report).find((x) => x.code === 'deadline-unparsed')!;
    expect(i.message).toContain('Không hiểu thời hạn “Hoàn thành sớm nhất có thể”');
    expect(i.messageEn).toContain('Cannot read deadline');
    expect(i).toMatchObject({ sheet: 'S', cell: 'F2', row: 2, column: 'deadline', severity: 'warning' });
  });

  it('can ignore codes', () => {
    const row = [1, 'Việc', '', 'Trạm Y tế', 'Báo cáo', 'Hàng năm'];
    expect(flat([H, row]).issues).toEqual([
      ['C2', 'lead-missing'],
      ['F2', 'deadline-format'],
    ]);
    expect(flat([H, row], { ignore: ['lead-missing'] }).issues).toEqual([['F2', 'deadline-format']]);
  });

  it('report.valid is computed from the issues and serializes', () => {
    const { report } = flat([H, [1, 'Việc', '', '', '', '']]);
    expect(report.valid).toBe(false);
    expect(JSON.parse(JSON.stringify(report)).valid).toBe(false);
  });
});
