// The rule engine on synthetic grids: each rule's location and message, and the report's shape.
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
      [1, 'Tổ chức tuyên truyền về chuyển đổi số trên hệ thống truyền thanh xã', 'Phòng Văn hóa - Xã hội', 'Công an xã', 'Báo cáo kết quả', 'Quý III/2026'],
      [2, 'Xây dựng kế hoạch phát triển hạ tầng số của xã giai đoạn mới', 'Phòng Kinh tế', 'Văn phòng HĐND và UBND', 'Kế hoạch được ban hành', '31/12/2026'],
    ]);
    expect(report.valid).toBe(true);
    expect(report.stats).toMatchObject({ errors: 0, warnings: 0, tasks: 2 });
    expect(issues.filter(([, c]) => CATALOG[c].severity !== 'info')).toEqual([]);
  });

  it('locates required-field, numbering and lead problems to their cells', () => {
    const { issues } = flat([
      H,
      ['I', 'Nhóm một'],
      [1, 'Việc một có nội dung đầy đủ để kiểm tra', '', 'Công an xã', 'Báo cáo', ''],
      [3, 'Việc ba có nội dung đầy đủ để kiểm tra', 'Phòng Kinh tế; Công an xã', 'Trạm Y tế', 'Báo cáo', 'Năm 2026'],
      [3, 'Việc trùng số thứ tự nhưng nội dung khác', 'Các phòng, ban, ngành', 'Trạm Y tế', 'Báo cáo', 'Năm 2026'],
      ['IV', 'Nhóm bốn'],
      [1, '', 'Công an xã', 'Trạm Y tế', 'Báo cáo', 'Khi có văn bản của cấp trên'],
    ]);
    expect(issues).toEqual(expect.arrayContaining([
      ['C3', 'lead-missing'], ['F3', 'deadline-missing'],
      ['A4', 'task-number-gap'], ['C4', 'lead-multiple'],
      ['A5', 'task-number-duplicate'], ['C5', 'lead-generic'],
      ['A6', 'group-number-gap'], ['B7', 'content-missing'], ['F7', 'deadline-conditional'],
    ]));
  });

  it('reports missing columns once, not per row', () => {
    const { issues } = flat([['TT', 'Nội dung', 'Cơ quan chủ trì'], [1, 'Việc một', 'Công an xã']]);
    expect(issues.filter(([, c]) => c === 'missing-column')).toHaveLength(3); // deadline (required), partners, result
    expect(issues.filter(([, c]) => c === 'deadline-missing')).toEqual([]);
  });

  it('builds messages from the catalog in Vietnamese and English', () => {
    const { report } = validateGrids([gridFromValues('S', [H, [1, 'Việc', 'Công an xã', 'Trạm Y tế', 'Báo cáo', 'Hoàn thành sớm nhất có thể']])]);
    const i = allIssues(report).find((x) => x.code === 'deadline-unparsed')!;
    expect(i.message).toContain('Không hiểu thời hạn “Hoàn thành sớm nhất có thể”');
    expect(i.messageEn).toContain('Cannot read deadline');
    expect(i).toMatchObject({ sheet: 'S', cell: 'F2', row: 2, column: 'deadline', severity: 'warning' });
  });

  it('checks deadlines against the plan date and period', () => {
    const { issues } = flat([
      ['KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026'],
      ['(Kèm theo Kế hoạch số 10/KH-UBND ngày 15/01/2026 của UBND xã Quang Sơn)'],
      H,
      [1, 'Việc một', 'Công an xã', 'Trạm Y tế', 'Báo cáo', 'Tháng 12/2025'],
      [2, 'Việc hai', 'Công an xã', 'Trạm Y tế', 'Báo cáo', 'Tháng 01/2029'],
    ]);
    expect(issues).toEqual(expect.arrayContaining([['F4', 'deadline-before-plan'], ['F4', 'deadline-outside-period'], ['F5', 'deadline-outside-period']]));
  });

  it('checks indicator values: "≥ 70" is valid, 130 % and text are not, later milestones must not ask less', () => {
    const { issues } = flat([
      ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Cơ quan chủ trì theo dõi, đánh giá'],
      ['I', 'Đến năm 2025'],
      [1, 'Giao dịch phi tiếp xúc', '%', '≥ 70', 'Trung tâm phục vụ hành chính công'],
      [2, 'Hồ sơ được số hóa', '%', '130', 'Trung tâm phục vụ hành chính công'],
      [3, 'Dịch vụ công trực tuyến', '%', 'cao', 'Trung tâm phục vụ hành chính công'],
      [4, 'Mô hình thí điểm', '', '2', 'Phòng Kinh tế'],
      ['II', 'Đến năm 2030'],
      [5, 'Giao dịch phi tiếp xúc', '%', '60', 'Trung tâm phục vụ hành chính công'],
    ]);
    expect(issues).toEqual(expect.arrayContaining([['D4', 'indicator-target-invalid'], ['D5', 'indicator-target-invalid'], ['C6', 'indicator-unit-missing'], ['D8', 'indicator-target-regression']]));
    expect(issues.filter(([cell]) => cell === 'D3')).toEqual([]);
  });

  it('flags text a spreadsheet would run as a formula, but not a dash bullet', () => {
    const { issues } = flat([H, [1, '=HYPERLINK("http://x","y")', 'Công an xã', 'Trạm Y tế', 'Báo cáo', 'Năm 2026'], ['-', '- Nhóm con']]);
    expect(issues).toContainEqual(['B2', 'formula-like-text']);
    expect(issues.filter(([c, code]) => code === 'formula-like-text' && c !== 'B2')).toEqual([]);
  });

  it('can ignore codes', () => {
    const { issues } = flat([H, [1, 'Việc', '', 'Trạm Y tế', 'Báo cáo', 'Năm 2026']], { ignore: ['lead-missing'] });
    expect(issues.map(([, c]) => c)).not.toContain('lead-missing');
  });

  it('report.valid is computed from the issues and serializes', () => {
    const { report } = flat([H, [1, 'Việc', '', '', '', '']]);
    expect(report.valid).toBe(false);
    expect(JSON.parse(JSON.stringify(report)).valid).toBe(false);
  });
});

describe('indicator targets written as officials write them', () => {
  it('takes ranges, comparisons and targets with words as valid; words alone cannot measure a percentage', () => {
    const { issues } = flat([
      ['TT', 'Chỉ tiêu', 'Đơn vị', 'Kết quả', 'Cơ quan chủ trì theo dõi, đánh giá'],
      [1, 'Tỷ lệ doanh nghiệp số', '%', '40 - 50', 'Phòng Kinh tế'],
      [2, 'Số sự cố mất an toàn thông tin', 'sự cố', '≤ 3', 'Phòng Kinh tế'],
      [3, 'Tỷ lệ dân số có tài khoản', '%', 'Trên 90% dân số', 'Phòng Kinh tế'],
      [4, 'Tỷ lệ hồ sơ trực tuyến', '%', 'Từ 70 đến 80%', 'Phòng Kinh tế'],
      [5, 'Xây dựng xã thông minh', 'xã', 'Đạt chuẩn', 'Phòng Kinh tế'],
      [6, 'Tỷ lệ người dùng', '%', 'cao', 'Phòng Kinh tế'],
      [7, 'Tỷ lệ hộ có cáp quang', '%', '90 - 120', 'Phòng Kinh tế'],
    ]);
    expect(issues.filter(([, code]) => code.startsWith('indicator-'))).toEqual([
      ['D7', 'indicator-target-invalid'],
      ['D8', 'indicator-target-invalid'],
    ]);
  });
});
