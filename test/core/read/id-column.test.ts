// The add-in's hidden id column ("phuluc-id"): read into row.id, never a label, a content column or a reason for issues.
import { describe, expect, it } from 'vitest';
import { gridFromValues, type CellValue } from '../../../core/model/grid.ts';
import { readPlan } from '../../../core/read/index.ts';
import { allIssues } from '../../../core/validate/report.ts';
import { validateGrids } from '../../../core/validate/validate.ts';

const H = ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Kết quả', 'Thời gian hoàn thành'];
const rows: CellValue[][] = [
  ['PHỤ LỤC II'],
  [],
  [...H, 'phuluc-id'],
  ['I.', 'Nhóm một', null, null, null, null, 'g-1'],
  [1, 'Xây dựng kế hoạch chuyển đổi số của xã', 'Công an xã', 'Các đơn vị liên quan', 'Kế hoạch', 'Quý I/2026', 't-1'],
  [2, 'Số hóa hồ sơ hành chính', 'Phòng Kinh tế', null, 'Dữ liệu số', 'Thường xuyên', null],
  // The header repeated after a page break has no id cell: still recognised as a repeated header.
  H,
  [3, 'Tổ chức tập huấn kỹ năng số cho cán bộ', 'Văn phòng HĐND và UBND', null, 'Lớp tập huấn', 'Quý II/2026', 't-3'],
  // A copied row repeats an id: the first keeps it.
  [4, 'Tổ chức tập huấn kỹ năng số cho người dân', 'Văn phòng HĐND và UBND', null, 'Lớp tập huấn', 'Quý III/2026', 't-3'],
];

describe('the phuluc-id column', () => {
  it('fills row.id and idColumn, leaving the table range, columns and labels as without it', () => {
    const { plan } = readPlan([gridFromValues('S', rows)]);
    const a = plan.appendices[0]!;
    expect(a.idColumn).toBe('G');
    expect(a.range).toBe('A3:F9');
    expect(a.columns).toEqual({ tt: 'A', content: 'B', lead: 'C', partners: 'D', result: 'E', deadline: 'F' });
    expect(Object.values(a.header.labels)).not.toContain('phuluc-id');
    expect(a.rows.map((r) => [r.kind, r.tt, r.id ?? null])).toEqual([
      ['group', 'I.', 'g-1'],
      ['task', '1', 't-1'],
      ['task', '2', null],
      ['repeated-header', 'TT', null],
      ['task', '3', 't-3'],
      ['task', '4', null],
    ]);
  });

  it('raises no issue of its own: the same issues as the table without the column', () => {
    const withIds = allIssues(validateGrids([gridFromValues('S', rows)]).report)
      .map((i) => i.code)
      .sort();
    const without = allIssues(
      validateGrids([
        gridFromValues(
          'S',
          rows.map((r) => r.slice(0, 6)),
        ),
      ]).report,
    )
      .map((i) => i.code)
      .sort();
    expect(withIds).toEqual(without);
  });
});
