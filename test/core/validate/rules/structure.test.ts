// core/validate/rules/structure.ts on small sheets: missing-column, columns-left-aside, repeated-header-row,
// continuation-row, blank-row, merged-cells-in-body — the exact list of (cell, code, severity) each sheet gets.
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../../../core/fix/fix-all.ts';
import { gridFromValues, type CellValue } from '../../../../core/model/grid.ts';
import { check, H, issuesOf, task, TEXTS } from './sheet.ts';

describe('missing-column', () => {
  it('a task table without a deadline column: one error at the header, no deadline-missing per row; partners and result only recommended', () => {
    expect(
      issuesOf([
        ['TT', 'Nội dung', 'Cơ quan chủ trì'],
        [1, TEXTS[0], 'Công an xã'],
        [2, TEXTS[1], 'Phòng Kinh tế'],
      ]),
    ).toEqual([
      [1, 'missing-column', 'error'],
      [1, 'missing-column', 'warning'],
      [1, 'missing-column', 'warning'],
    ]);
    const { issues } = check([
      gridFromValues('S', [
        ['TT', 'Nội dung', 'Cơ quan chủ trì'],
        [1, TEXTS[0], 'Công an xã'],
      ]),
    ]);
    expect(issues.map((i) => i.params)).toEqual([
      { role: 'deadline', required: true },
      { role: 'partners', required: false },
      { role: 'result', required: false },
    ]);
    expect(issues[0]!.message).toBe('Bảng thiếu cột “Thời gian hoàn thành” (bắt buộc).');
  });

  it('an indicator table without a target column (required) and without a monitoring agency column (recommended)', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        ['TT', 'Chỉ tiêu', 'Đơn vị tính'],
        [1, 'Tỷ lệ hồ sơ trực tuyến', '%'],
      ]),
    ]);
    expect(found).toEqual([
      [1, 'missing-column', 'error'],
      [1, 'missing-column', 'warning'],
    ]);
    expect(issues.map((i) => i.params)).toEqual([
      { role: 'target', required: true },
      { role: 'monitor', required: false },
    ]);
  });

  it('an assignment of indicators (TT | Chỉ tiêu | Chủ trì, targets in the text): unit and target columns only advised', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        ['TT', 'Chỉ tiêu', 'Cơ quan chủ trì'],
        [1, 'Tỷ lệ hồ sơ trực tuyến đạt 95%', 'Công an xã'],
      ]),
    ]);
    expect(found).toEqual([
      [1, 'missing-column', 'warning'],
      [1, 'missing-column', 'warning'],
    ]);
    expect(issues.map((i) => i.params)).toEqual([
      { role: 'unit', required: false },
      { role: 'target', required: false },
    ]);
  });

  it('a table with every column: nothing', () => {
    expect(issuesOf([H, task(1, TEXTS[0])])).toEqual([]);
  });
});

describe('columns-left-aside', () => {
  it('names the working columns once, at the header row', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        [...H, 'Người xử lý', 'Ngày nhận'],
        [...task(1, TEXTS[0]), 'Anh Nam', '12/3/2026'],
      ]),
    ]);
    expect(found).toEqual([[1, 'columns-left-aside', 'info']]);
    expect(issues[0]!.params).toEqual({ columns: 'G (Người xử lý), H (Ngày nhận)' });
  });
});

describe('repeated-header-row', () => {
  it('the header repeated word for word: a safe fix deletes the row', () => {
    const { found, issues } = check([gridFromValues('S', [H, task(1, TEXTS[0]), H, task(2, TEXTS[1])])]);
    expect(found).toEqual([['A3', 'repeated-header-row', 'warning']]);
    expect(issues[0]!.fix).toMatchObject({ safe: true, ops: [{ op: 'delete-rows', sheet: 'S', rows: [3] }] });
  });

  it('a reworded sub-header opening a part: the same table, the deletion is a suggestion', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        H,
        ['I', 'Nhóm một'],
        task(1, TEXTS[0]),
        [null, 'Nội dung công việc', 'Đơn vị thực hiện', null, null, 'Thời gian'],
        ['II', 'Nhóm hai'],
        task(2, TEXTS[1]),
      ]),
    ]);
    expect(found).toEqual([['A4', 'repeated-header-row', 'warning']]);
    expect(issues[0]!.fix?.safe).toBe(false);
  });
});

describe('repeated-header-row: a table split in two, its two-row header retyped', () => {
  const HEADER: CellValue[][] = [
    ['TT', 'Nội dung', 'Cơ quan thực hiện', null, 'Thời gian hoàn thành'],
    [null, null, 'Chủ trì', 'Phối hợp', null],
  ];
  const headerMerges = (top: number) => [
    { top, left: 1, bottom: top + 1, right: 1 },
    { top, left: 2, bottom: top + 1, right: 2 },
    { top, left: 3, bottom: top, right: 4 },
    { top, left: 5, bottom: top + 1, right: 5 },
  ];
  const sheet = gridFromValues(
    'S',
    [
      ...HEADER,
      ['1', TEXTS[0], 'Công an xã', 'Phòng Kinh tế', 'Quý III/2026'],
      ...HEADER,
      ['2', TEXTS[1], 'Công an xã', 'Phòng Kinh tế', 'Quý IV/2026'],
    ],
    [...headerMerges(1), ...headerMerges(4)],
  );

  it('is one repeated header: stated once, both rows deleted by one safe fix, its merges not body merges', () => {
    const { found, issues } = check([sheet]);
    // (No result column: recommended, reported at the header.)
    expect(found).toEqual([
      [1, 'missing-column', 'warning'],
      ['A4', 'repeated-header-row', 'warning'],
    ]);
    expect(issues[1]!.fix).toEqual({
      id: 'repeated-header-row@S!4',
      code: 'repeated-header-row',
      safe: true,
      ops: [{ op: 'delete-rows', sheet: 'S', rows: [4, 5] }],
    });
  });

  it('fixed: one table, its tasks as before, nothing left to report', () => {
    const fixed = fixAll([sheet]);
    expect(fixed.rounds.map((r) => r.map((p) => p.id))).toEqual([['repeated-header-row@S!4']]);
    const again = check(fixed.grids);
    expect(again.found).toEqual([[1, 'missing-column', 'warning']]);
    expect(again.plan.appendices[0]!.rows.map((r) => [r.kind, r.tt, r.source.row])).toEqual([
      ['task', '1', 3],
      ['task', '2', 4],
    ]);
  });
});

describe('continuation-row', () => {
  it('a fragment starting mid-sentence across a repeated header: joined by a safe fix', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        H,
        task(1, 'Tổ chức tuyên truyền về chuyển đổi số trên hệ thống'),
        H,
        [null, 'truyền thanh xã và mạng xã hội.'],
        task(2, TEXTS[1]),
      ]),
    ]);
    expect(found).toEqual([
      ['A3', 'repeated-header-row', 'warning'],
      ['A4', 'continuation-row', 'warning'],
    ]);
    expect(issues[1]!.params).toEqual({ into: 2 });
    expect(issues[1]!.fix).toMatchObject({ safe: true, ops: [{ op: 'merge-rows', sheet: 'S', into: 2, rows: [4] }] });
  });

  it('a fragment starting in capitals after a text that ends on a word: the join is a suggestion', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        H,
        task(1, 'Tổ chức tuyên truyền về chuyển đổi số trên hệ thống'),
        [null, 'Truyền thanh xã và mạng xã hội.'],
        task(2, TEXTS[1]),
      ]),
    ]);
    expect(found).toEqual([['A3', 'continuation-row', 'warning']]);
    expect(issues[0]!.fix?.safe).toBe(false);
  });
});

describe('blank-row', () => {
  it('a blank row between tasks is reported; blank rows closing a group are room for tasks', () => {
    // Moved from nothing-to-check.test.ts (issue 13, items 9-10).
    expect(
      issuesOf([
        H,
        ['I', 'Nâng cao nhận thức'],
        task(1, TEXTS[0]),
        [],
        [],
        ['II', 'Hoàn thiện thể chế'],
        [],
        ['III', 'Phát triển hạ tầng'],
        task(2, TEXTS[1]),
        [],
        task(3, TEXTS[2]),
        [],
      ]),
    ).toEqual([['A10', 'blank-row', 'info']]);
  });

  it('a row inside a cell merged down is not blank: only the merge is noted', () => {
    expect(
      issuesOf([H, task(1, TEXTS[0]), task(2, TEXTS[1]), [], task(3, TEXTS[2])], { merges: [{ top: 3, left: 6, bottom: 4, right: 6 }] }),
    ).toEqual([['F3', 'merged-cells-in-body', 'info']]);
  });
});

describe('merged-cells-in-body', () => {
  it('a heading merged across is not reported; a cell merged down is a note; cells merged across a task row are a warning', () => {
    expect(
      issuesOf([H, ['I', 'Nhóm một'], task(1, TEXTS[0]), task(2, TEXTS[1], { deadline: null }), task(3, TEXTS[2], { result: null })], {
        merges: [
          { top: 2, left: 2, bottom: 2, right: 6 },
          { top: 3, left: 6, bottom: 4, right: 6 },
          { top: 5, left: 4, bottom: 5, right: 5 },
        ],
      }),
    ).toEqual([
      ['F3', 'merged-cells-in-body', 'info'],
      ['D5', 'merged-cells-in-body', 'warning'],
      // The merge D5:E5 leaves the result column of task 3 empty: required.ts says so too.
      ['E5', 'result-missing', 'warning'],
    ]);
  });
});
