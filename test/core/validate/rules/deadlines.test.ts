// core/validate/rules/deadlines.ts on small sheets: deadline-unparsed, deadline-before-plan, deadline-outside-period,
// deadline-conditional, deadline-format, deadline-overdue — the exact list each sheet gets (reading deadlines
// themselves: test/core/deadline/).
import { describe, expect, it } from 'vitest';
import { gridFromValues, type CellValue } from '../../../../core/model/grid.ts';
import { check, H, issuesOf, task, TEXTS } from './sheet.ts';

const TITLE: CellValue[][] = [
  ['KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026'],
  ['(Kèm theo Kế hoạch số 10/KH-UBND ngày 15/01/2026 của UBND xã Quang Sơn)'],
];

describe('deadlines against the plan', () => {
  it('before the plan date and outside the plan year (2026, from the title)', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        ...TITLE,
        H,
        task(1, TEXTS[0], { deadline: 'Tháng 12/2025' }),
        task(2, TEXTS[1], { deadline: 'Tháng 1/2029' }),
        task(3, TEXTS[2], { deadline: 'Quý IV/2026' }),
      ]),
    ]);
    expect(found).toEqual([
      ['F4', 'deadline-before-plan', 'warning'],
      ['F4', 'deadline-outside-period', 'warning'],
      ['F5', 'deadline-outside-period', 'warning'],
    ]);
    expect(issues.map((i) => i.params)).toEqual([
      { text: 'Tháng 12/2025', due: '2025-12-31', planDate: '2026-01-15' },
      { text: 'Tháng 12/2025', due: '2025-12-31', from: 2026, to: 2026 },
      { text: 'Tháng 1/2029', due: '2029-01-31', from: 2026, to: 2026 },
    ]);
  });

  it('without a plan date or period, no deadline is early or late', () => {
    expect(issuesOf([H, task(1, TEXTS[0], { deadline: 'Tháng 12/2020' }), task(2, TEXTS[1], { deadline: 'Năm 2040' })])).toEqual([]);
  });
});

describe('how deadlines are written', () => {
  it('unreadable, conditional, not in the canonical form (a safe fix); a real date cell has no form to suggest', () => {
    const { found, issues } = check([
      gridFromValues('S', [
        H,
        task(1, TEXTS[0], { deadline: 'Hoàn thành sớm nhất có thể' }),
        task(2, TEXTS[1], { deadline: 'Khi có văn bản của cấp trên' }),
        task(3, TEXTS[2], { deadline: 'Hàng năm' }),
        task(4, TEXTS[3], { deadline: 'Tháng 01/2026' }),
        task(5, TEXTS[4], { deadline: new Date(Date.UTC(2026, 2, 31)) }),
        task(6, TEXTS[5], { deadline: 'Thường xuyên' }),
      ]),
    ]);
    expect(found).toEqual([
      ['F2', 'deadline-unparsed', 'warning'],
      ['F3', 'deadline-conditional', 'info'],
      ['F4', 'deadline-format', 'info'],
      ['F5', 'deadline-format', 'info'],
    ]);
    expect(issues.map((i) => i.params)).toEqual([
      { text: 'Hoàn thành sớm nhất có thể' },
      { text: 'Khi có văn bản của cấp trên' },
      { text: 'Hàng năm', canonical: 'Hằng năm' },
      { text: 'Tháng 01/2026', canonical: 'Tháng 1/2026' },
    ]);
    expect(issues[2]!.fix).toMatchObject({
      safe: true,
      ops: [{ op: 'set-cells', edits: [{ cell: 'F4', from: 'Hàng năm', to: 'Hằng năm' }] }],
    });
  });
});

describe('deadline-overdue', () => {
  it('only with --as-of, for dated deadlines that have passed; recurring and conditional ones are never overdue', () => {
    const values = [
      H,
      task(1, TEXTS[0], { deadline: 'Quý I/2026' }),
      task(2, TEXTS[1], { deadline: new Date(Date.UTC(2026, 2, 31)) }),
      task(3, TEXTS[2], { deadline: 'Quý III/2026' }),
      task(4, TEXTS[3], { deadline: 'Thường xuyên' }),
      task(5, TEXTS[4], { deadline: 'Khi có văn bản của cấp trên' }),
    ];
    expect(issuesOf(values)).toEqual([['F6', 'deadline-conditional', 'info']]);
    const { found, issues } = check([gridFromValues('S', values)], { asOf: '2026-05-01' });
    expect(found).toEqual([
      ['F2', 'deadline-overdue', 'info'],
      ['F3', 'deadline-overdue', 'info'],
      ['F6', 'deadline-conditional', 'info'],
    ]);
    expect(issues.map((i) => i.params)).toEqual([
      { text: 'Quý I/2026', due: '2026-03-31', asOf: '2026-05-01' },
      { text: '31/3/2026', due: '2026-03-31', asOf: '2026-05-01' },
      { text: 'Khi có văn bản của cấp trên' },
    ]);
  });

  it('a deadline merged down over two tasks: its form is checked once, each task is overdue on its own', () => {
    const { issues } = check(
      [
        gridFromValues(
          'S',
          [H, task(1, TEXTS[0], { deadline: 'Tháng 01/2026' }), task(2, TEXTS[1], { deadline: null }), task(3, TEXTS[2])],
          [{ top: 2, left: 6, bottom: 3, right: 6 }],
        ),
      ],
      { asOf: '2026-05-01' },
    );
    // [row, cell, code, severity]: both tasks point at the merged cell F2.
    expect(issues.map((i) => [i.row, i.cell, i.code, i.severity])).toEqual([
      [2, 'F2', 'merged-cells-in-body', 'info'],
      [2, 'F2', 'deadline-overdue', 'info'],
      [2, 'F2', 'deadline-format', 'info'],
      [3, 'F2', 'deadline-overdue', 'info'],
    ]);
  });
});

describe('deadlines written against the plan’s year', () => {
  const values = (title: string): CellValue[][] => [
    [title],
    ['(Kèm theo Kế hoạch số 10/KH-UBND ngày 15/01/2026 của UBND xã Quang Sơn)'],
    H,
    task(1, TEXTS[0], { deadline: 'Trước ngày 31/01 năm liền kề' }),
    task(2, TEXTS[1], { deadline: 'Quý IV' }),
    task(3, TEXTS[2], { deadline: 'Sau 03 tháng kể từ khi Kế hoạch được ban hành' }),
  ];

  it('in a one-year plan: dated from the title’s year, the year after included, never outside the period nor reworded', () => {
    const { plan, found } = check([gridFromValues('S', values('KẾ HOẠCH CHUYỂN ĐỔI SỐ NĂM 2026'))], { asOf: '2027-01-20' });
    expect(plan.appendices[0]!.rows.map((r) => r.deadline)).toEqual([
      { kind: 'period', text: 'Trước ngày 31/01 năm liền kề', period: { precision: 'day', start: '2027-01-31', end: '2027-01-31' } },
      { kind: 'period', text: 'Quý IV', period: { precision: 'quarter', start: '2026-10-01', end: '2026-12-31' } },
      { kind: 'conditional', text: 'Sau 03 tháng kể từ khi Kế hoạch được ban hành' },
    ]);
    expect(found).toEqual([
      ['F5', 'deadline-overdue', 'info'],
      ['F6', 'deadline-conditional', 'info'],
    ]);
  });

  it('in a stage plan (giai đoạn 2026–2030): each year’s, relative; a year left out is unreadable', () => {
    const { plan, found } = check([gridFromValues('S', values('KẾ HOẠCH CHUYỂN ĐỔI SỐ GIAI ĐOẠN 2026–2030'))]);
    expect(plan.reference?.period).toEqual({ from: 2026, to: 2030 });
    expect(plan.appendices[0]!.rows.map((r) => r.deadline?.kind)).toEqual(['recurring', 'unparsed', 'conditional']);
    expect(found).toEqual([
      ['F4', 'deadline-format', 'info'],
      ['F5', 'deadline-unparsed', 'warning'],
      ['F6', 'deadline-conditional', 'info'],
    ]);
  });
});
