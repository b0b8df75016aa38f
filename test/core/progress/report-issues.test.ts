// A whole report checked against its plan: one entry per task, all for the report's period, ids the plan holds.
import { describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/model/index.ts';
import { ProgressReportSchema, validateProgressReport, type ProgressReport } from '../../../core/progress/index.ts';
import { planWith, planWithIndicators } from './plan.ts';

const plan: Plan = {
  appendices: [
    ...planWith([
      { id: 't1', deadline: 'Quý II/2026' },
      { id: 't2', deadline: 'Hằng năm' },
    ]).appendices,
    ...planWithIndicators([{ id: 'c1', unit: '%', target: '≥ 70' }]).appendices,
  ],
};

const codes = (r: ProgressReport) => validateProgressReport(r, plan).map((i) => [i.code, i.taskId ?? i.indicatorId ?? null]);

describe('ProgressReportSchema', () => {
  it('takes a report with entries and actuals, or "không phát sinh"', () => {
    const reports = [
      { period: '2026-Q2', entries: [{ taskId: 't1', period: '2026-Q2', status: 'in-progress' }], indicators: [] },
      { period: '2026-Q2', nothingToReport: true, entries: [], indicators: [] },
      { period: '2026-Q2', entries: [{ taskId: 't1', period: '2026-Q2', status: 'late' }], indicators: [] },
      { period: '2026-Q2', entries: [] },
    ];
    expect(reports.map((r) => ProgressReportSchema.safeParse(r).success)).toEqual([true, true, false, false]);
  });
});

describe('validateProgressReport', () => {
  it('finds nothing in a sound report, or in "không phát sinh"', () => {
    expect([
      codes({
        period: '2026-Q2',
        entries: [
          { taskId: 't1', period: '2026-Q2', status: 'done', completedOn: '2026-05-02', achieved: 'Xong' },
          { taskId: 't2', period: '2026-Q2', status: 'in-progress' },
        ],
        indicators: [{ indicatorId: 'c1', period: '2026-Q2', value: 72, mode: 'cumulative' }],
      }),
      codes({ period: '2026-Q2', nothingToReport: true, entries: [], indicators: [] }),
    ]).toEqual([[], []]);
  });

  it('finds another period, a task reported twice, ids the plan does not hold, and each entry’s own issues', () => {
    const r: ProgressReport = {
      period: '2026-Q2',
      nothingToReport: true,
      entries: [
        { taskId: 't1', period: '2026-Q1', status: 'paused' },
        { taskId: 't1', period: '2026-Q2', status: 'in-progress' },
        { taskId: 'g1', period: '2026-Q2', status: 'in-progress' },
      ],
      indicators: [
        { indicatorId: 'c1', period: '2026-Q2', value: 72, mode: 'cumulative' },
        { indicatorId: 'c1', period: '2026-H1', value: 72, mode: 'cumulative' },
        { indicatorId: 't2', period: '2026-Q2', value: 1, mode: 'cumulative' },
      ],
    };
    expect(codes(r)).toEqual([
      ['nothing-to-report-with-entries', null],
      ['period-mismatch', 't1'],
      ['reason-missing', 't1'],
      ['duplicate-entry', 't1'],
      ['unknown-task', 'g1'],
      ['period-mismatch', 'c1'],
      ['duplicate-entry', 'c1'],
      ['unknown-indicator', 't2'],
    ]);
  });

  it('names the periods in words and passes today to the entries’ checks', () => {
    const r: ProgressReport = {
      period: '2026-Q2',
      entries: [{ taskId: 't1', period: '2026-H1', status: 'done', completedOn: '2026-06-20', achieved: 'Xong' }],
      indicators: [],
    };
    expect(validateProgressReport(r, plan, { today: '2026-06-10' })).toEqual([
      {
        code: 'period-mismatch',
        severity: 'error',
        field: 'period',
        taskId: 't1',
        message: {
          vi: 'Nội dung của kỳ "6 tháng đầu năm 2026" nằm trong báo cáo kỳ "Quý II năm 2026".',
          en: 'An entry for "First half of 2026" is in the report for "Q2 2026".',
        },
      },
      {
        code: 'completion-date-future',
        severity: 'error',
        field: 'completedOn',
        taskId: 't1',
        message: { vi: 'Ngày hoàn thành 20/06/2026 ở tương lai.', en: 'The completion date 20/06/2026 is in the future.' },
      },
    ]);
  });
});
