// Each class of layout the reader must read (headings, subgroups, numbering schemes, merged cells, reworded
// sub-headers, header wordings, working columns, positions), on generated tables with several variants per class.
import { describe, expect, it } from 'vitest';
import type { Appendix } from '../../../core/model/appendix.ts';
import { gridFromValues } from '../../../core/model/grid.ts';
import { splitHeading } from '../../../core/read/heading.ts';
import { readPlan } from '../../../core/read/read-plan.ts';
import { fold } from '../../../core/text/fold.ts';
import { allIssues } from '../../../core/validate/report.ts';
import { validateGrids } from '../../../core/validate/validate.ts';
import { buildLayout, DEFAULT_LAYOUT, type Layout, type LayoutOptions } from '../../support/layouts.ts';

function layout(over: Partial<Omit<LayoutOptions, 'plant'>> & { plant?: Partial<LayoutOptions['plant']> }): Layout {
  return buildLayout({ ...DEFAULT_LAYOUT, ...over, plant: { ...DEFAULT_LAYOUT.plant, ...(over.plant ?? {}) } });
}

/** What a reader must get right: one table, its groups' texts, subgroup count, every task's text and group. */
export function shape(a: Appendix) {
  const groups: string[] = [];
  const tasks: { content: string; group: number }[] = [];
  for (const r of a.rows) {
    // A heading written with its number in the content cell ("II. Xã hội số") keeps it; the name is what follows.
    if (r.kind === 'group') groups.push(fold(splitHeading(r.fields.content ?? '')?.rest ?? r.fields.content ?? ''));
    if (r.kind === 'task') tasks.push({ content: fold(r.fields.content ?? ''), group: groups.length - 1 });
  }
  return { groups, subgroups: a.rows.filter((r) => r.kind === 'subgroup').length, tasks };
}

function expectReads(l: Layout): Appendix {
  const { plan } = readPlan([l.grid]);
  expect(plan.appendices).toHaveLength(1);
  const a = plan.appendices[0]!;
  expect(shape(a)).toEqual({
    groups: l.truth.groups.map((g) => fold(g)),
    subgroups: l.truth.subgroups,
    tasks: l.truth.tasks.map((t) => ({ content: fold(t.content), group: t.group })),
  });
  return a;
}

function codes(l: Layout, wanted: string[]): [string, string][] {
  const { report } = validateGrids([l.grid]);
  return allIssues(report)
    .filter((i) => wanted.includes(i.code))
    .map((i) => [i.cell ?? String(i.row), i.code]);
}

const NUMBERING = ['task-number-gap', 'task-number-duplicate', 'task-number-invalid', 'numbering-scheme-mixed', 'group-number-gap'];

describe('heading rows', () => {
  it.each(['tt-and-merged-name', 'one-cell-merged', 'in-content', 'tt-plain'] as const)(
    '%s: groups read as groups, tasks under them',
    (heading) => {
      for (const col0 of [1, 2, 3]) {
        for (const header of ['standard', 'upper'] as const) {
          const l = layout({ heading, col0, header, groups: 3 });
          expectReads(l);
          expect(codes(l, [...NUMBERING, 'continuation-row', 'lead-missing', 'deadline-missing'])).toEqual([]);
        }
      }
    },
  );

  it.each([
    ['roman', 'continuous'],
    ['roman', 'per-group'],
    ['roman', 'per-subgroup'],
    ['letter', 'continuous'],
    ['letter', 'per-subgroup'],
  ] as const)('subgroups %s with %s numbering are headings, and the numbering is consistent', (subgroups, numbering) => {
    for (const heading of ['tt-and-merged-name', 'one-cell-merged', 'in-content', 'tt-plain'] as const) {
      const l = layout({ subgroups, numbering, heading, groups: 3, tasksPer: 2 });
      expectReads(l);
      expect(codes(l, [...NUMBERING, 'lead-missing', 'deadline-missing'])).toEqual([]);
    }
  });

  it('a numbering problem inside a subgroup scheme is still found', () => {
    const l = layout({ subgroups: 'roman', numbering: 'per-subgroup', groups: 2, tasksPer: 3, plant: { gap: true } });
    expectReads(l);
    // 1, 3, 3 in the first subgroup: the gap and then the repeated number; the other subgroups restart cleanly.
    expect(codes(l, NUMBERING)).toEqual([
      ['A10', 'task-number-gap'],
      ['A11', 'task-number-duplicate'],
    ]);
  });
});

describe('a reworded sub-header inside the table', () => {
  it.each(['standard', 'upper', 'province', 'two-row'] as const)(
    '%s header: one table, the sub-header is a repeated header to confirm',
    (header) => {
      const l = layout({ header, subHeader: true, groups: 3 });
      const a = expectReads(l);
      expect(a.rows.filter((r) => r.kind === 'repeated-header').map((r) => r.reworded)).toEqual([true]);
      const { report } = validateGrids([l.grid]);
      const repeated = allIssues(report).filter((i) => i.code === 'repeated-header-row');
      expect(repeated.map((i) => i.fix?.safe)).toEqual([false]);
    },
  );
});

describe('cells merged down several rows', () => {
  it.each([1, 2, 3])('a deadline or funding merged over %i tasks belongs to each of them', (tasksPer) => {
    const l = layout({ mergedDeadline: true, funding: true, tasksPer, groups: 2 });
    const a = expectReads(l);
    for (const t of a.rows.filter((r) => r.kind === 'task')) {
      expect(t.fields.deadline, `row ${t.source.row}`).toBeTruthy();
      expect(t.fields.funding, `row ${t.source.row}`).toBe('Ngân sách xã');
    }
    expect(codes(l, ['deadline-missing', 'blank-row', 'continuation-row'])).toEqual([]);
  });
});

describe('a TT, lead and deadline merged down over two tasks (a task in two parts)', () => {
  it('reads two tasks sharing the number, reports the shared cells once and no missing field', () => {
    const grid = gridFromValues(
      'Phụ lục',
      [
        ['TT', 'Nhiệm vụ', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Thời gian hoàn thành', 'Kết quả'],
        ['I', 'Hạ tầng số'],
        [1, 'Xây dựng hạ tầng công nghệ thông tin', 'Phòng Kinh tế, Công an xã', 'Phòng Văn hóa - Xã hội', 'Quý 4/2026', 'Hệ thống'],
        [null, 'Xây dựng hạ tầng kỹ thuật dự phòng', null, 'Công an xã', null, 'Hệ thống dự phòng'],
        [2, 'Đầu tư trang thiết bị', 'Phòng Kinh tế', 'Công an xã', 'Quý IV/2026', 'Thiết bị'],
      ],
      [
        { top: 2, left: 2, bottom: 2, right: 6 },
        { top: 3, left: 1, bottom: 4, right: 1 },
        { top: 3, left: 3, bottom: 4, right: 3 },
        { top: 3, left: 5, bottom: 4, right: 5 },
      ],
    );
    const { plan, report } = validateGrids([grid]);
    const tasks = plan.appendices[0]!.rows.filter((r) => r.kind === 'task');
    expect(tasks.map((t) => [t.source.row, t.tt, t.fields.lead, t.fields.deadline, t.shared ?? [], t.source.cells.deadline])).toEqual([
      [3, '1', 'Phòng Kinh tế, Công an xã', 'Quý 4/2026', [], 'E3'],
      [4, '1', 'Phòng Kinh tế, Công an xã', 'Quý 4/2026', ['lead', 'deadline', 'tt'], 'E3'],
      [5, '2', 'Phòng Kinh tế', 'Quý IV/2026', [], 'E5'],
    ]);
    expect(allIssues(report).map((i) => [i.cell, i.code, i.severity])).toEqual([
      ['A3', 'merged-cells-in-body', 'info'],
      ['C3', 'merged-cells-in-body', 'info'],
      ['E3', 'merged-cells-in-body', 'info'],
      ['C3', 'lead-multiple', 'warning'],
      ['E3', 'deadline-format', 'info'],
    ]);
  });
});

describe('header wording and working columns', () => {
  it.each(['standard', 'upper', 'province', 'tracking', 'two-row', 'side-table'] as const)('%s', (header) => {
    for (const funding of [false, true]) {
      const l = layout({ header, funding });
      const a = expectReads(l);
      expect(Object.keys(a.columns).sort()).toEqual(
        ['content', 'deadline', 'lead', 'partners', 'result', 'tt', ...(funding ? ['funding'] : [])].sort(),
      );
      const aside = codes(l, ['columns-left-aside', 'missing-column', 'header-not-found']);
      expect(aside.map(([, c]) => c)).toEqual(header === 'tracking' ? ['columns-left-aside'] : []);
    }
  });

  it('names the columns it left aside', () => {
    const l = layout({ header: 'tracking' });
    const { report } = validateGrids([l.grid]);
    const aside = allIssues(report).filter((i) => i.code === 'columns-left-aside');
    expect(aside.map((i) => i.message)).toEqual([
      'Các cột G (Người xử lý), H (Ngày nhận văn bản), I (Số văn bản trả lời), J (Ngày trả lời), K (Email liên hệ) không phải cột của phụ lục; phuluc để riêng, không kiểm tra.',
    ]);
  });
});

describe('rows split by a page break', () => {
  it.each([
    [false, true],
    [true, false],
  ])('a fragment starting in capitals (%s) is joined by a safe fix only when certain (%s)', (splitUpper, safe) => {
    // Task 5 "Phát triển tổ công nghệ số | cộng đồng tại các thôn": the first part ends on no connector word.
    const l = layout({ plant: { split: 4, splitUpper } });
    expectReads(l);
    const { report } = validateGrids([l.grid]);
    const joins = allIssues(report).filter((i) => i.code === 'continuation-row');
    expect(joins.map((i) => [i.cell, i.fix?.safe])).toEqual([['A14', safe]]);
  });
});

describe("a tracking system's two-row header", () => {
  it('takes "Chủ trì | Phối hợp", "Ngày bắt đầu | Ngày kết thúc" and "Đạt | Không đạt" as sub-labels of the header', () => {
    const grid = gridFromValues(
      'Nhiệm vụ',
      [
        ['STT', 'Tên nhiệm vụ', 'Đơn vị', null, 'Thời gian thực hiện', null, 'Kết quả', null, 'Mã ĐV chủ trì'],
        [null, null, 'Chủ trì', 'Phối hợp', 'Ngày bắt đầu', 'Ngày kết thúc', 'Đạt', 'Không đạt', null],
        [1, 'Xây dựng kho dữ liệu dùng chung', 'Phòng Kinh tế', 'Công an xã', 'Tháng 1/2026', 'Tháng 6/2026', 'x', null, 'PKT'],
        [2, 'Cập nhật dữ liệu đất đai', 'Phòng Kinh tế', 'Văn phòng HĐND và UBND xã', 'Tháng 2/2026', 'Quý III/2026', null, 'x', 'PKT'],
      ],
      [
        { top: 1, left: 3, bottom: 1, right: 4 },
        { top: 1, left: 5, bottom: 1, right: 6 },
        { top: 1, left: 7, bottom: 1, right: 8 },
        { top: 1, left: 1, bottom: 2, right: 1 },
        { top: 1, left: 2, bottom: 2, right: 2 },
        { top: 1, left: 9, bottom: 2, right: 9 },
      ],
    );
    const { plan } = readPlan([grid]);
    const a = plan.appendices[0]!;
    expect(a.header.rows).toEqual([1, 2]);
    expect(a.columns).toEqual({ tt: 'A', content: 'B', lead: 'C', partners: 'D', start: 'E', deadline: 'F', result: 'G' });
    // The second evaluation column is not a plan column phuluc reads; the code column holds codes, not names.
    expect(a.aside).toEqual([
      { column: 'H', label: 'Kết quả Không đạt' },
      { column: 'I', label: 'Mã ĐV chủ trì' },
    ]);
    expect(a.rows.map((r) => [r.kind, r.fields.deadline])).toEqual([
      ['task', 'Tháng 6/2026'],
      ['task', 'Quý III/2026'],
    ]);
  });
});

describe('an assignment of indicators (TT | Chỉ tiêu | Chủ trì), targets in the indicator text', () => {
  it('reads its group headings from the indicator column and asks for unit and target columns only as advice', () => {
    const grid = gridFromValues('Phụ lục', [
      ['TT', 'Chỉ tiêu', 'Chủ trì'],
      [null, 'I. Kinh tế số'],
      [1, 'Kinh tế số chiếm 30% GRDP của xã.', 'Phòng Kinh tế'],
      [2, 'Tỷ lệ doanh nghiệp ứng dụng nền tảng số đạt 60%.', 'Phòng Kinh tế'],
      [null, 'II. Xã hội số'],
      [1, 'Tỷ lệ người dân có tài khoản định danh điện tử đạt 95%.', 'Công an xã'],
    ]);
    const { plan, report } = validateGrids([grid]);
    expect(plan.appendices[0]!.rows.map((r) => r.kind)).toEqual(['group', 'indicator', 'indicator', 'group', 'indicator']);
    expect(allIssues(report).map((i) => [i.cell ?? i.row, i.code, i.severity])).toEqual([
      [1, 'missing-column', 'warning'],
      [1, 'missing-column', 'warning'],
    ]);
  });
});
