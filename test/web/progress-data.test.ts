// The dashboard's progress figures (pure functions, no browser): the period shown first, the category bars, the
// overview's overdue figure, each commune's row, overdue tasks per lead agency.
import { describe, expect, it } from 'vitest';
import type { ProgressPeriod, ProvinceProgress, ReportStatus } from '../../core/api/index.ts';
import { PROGRESS_CATEGORIES, type ProgressCategory } from '../../core/progress/index.ts';
import {
  categoryBars,
  communeProgressRows,
  defaultPeriod,
  hasProgress,
  overdueFigure,
  overdueLeadRows,
  periodWords,
} from '../../web/src/dashboard/progress-data.ts';

function period(id: string, current = false): ProgressPeriod {
  return { period: id, cutoff: '2026-07-15', label: id, labelEn: id, start: '2026-01-01', end: '2026-06-30', current };
}

function byCategory(p: Partial<Record<ProgressCategory, number>>): Record<ProgressCategory, number> {
  return Object.fromEntries(PROGRESS_CATEGORIES.map((c) => [c, p[c] ?? 0])) as Record<ProgressCategory, number>;
}

function counts(p: Partial<Record<ProgressCategory, number>>, reported: number, overdueByLead: { lead: string; overdue: number }[] = []) {
  const cats = byCategory(p);
  const tasks = Object.values(cats).reduce((a, b) => a + b, 0);
  return { tasks, reported, unreported: tasks - reported, byCategory: cats, overdueByLead, unmatchedTasks: 0 };
}

function report(state: ReportStatus['state'], extra: Partial<ReportStatus> = {}): ReportStatus {
  return {
    period: '2026-H1',
    state,
    seq: state === 'not-reported' ? null : 1,
    nothingToReport: false,
    locked: false,
    cutoff: '2026-07-15',
    reopenedUntil: null,
    returnReason: null,
    lastSent: state === 'not-reported' ? null : '2026-06-20T03:00:00.000Z',
    ...extra,
  };
}

function progress(states: ReportStatus['state'][]): ProvinceProgress {
  const total = counts({ 'done-on-time': 2, 'done-late': 1, overdue: 3, 'not-due': 4 }, 5, [
    { lead: 'Phòng Kinh tế', overdue: 2 },
    { lead: '', overdue: 1 },
  ]);
  return {
    province: { code: '31', name: 'Thành phố Hải Phòng' },
    planKey: 'NQ57-2026',
    period: '2026-H1',
    periodLabel: '6 tháng đầu năm 2026',
    asOf: '2026-06-30',
    total,
    communes: [
      {
        code: '10903',
        name: 'Xã Cẩm Giàng',
        submittedPlan: true,
        report: report(states[0] ?? 'not-reported'),
        counts: counts({ 'done-on-time': 2, 'done-late': 1, overdue: 1, 'not-due': 1 }, 5),
      },
      {
        code: '10888',
        name: 'Xã Quảng Sơn',
        submittedPlan: true,
        report: report(states[1] ?? 'not-reported', { nothingToReport: states[1] === 'submitted' }),
        counts: counts({ overdue: 2, 'not-due': 3 }, 0),
      },
      { code: '10507', name: 'Phường Thành Đông', submittedPlan: false, report: report('not-reported'), counts: null },
    ],
    notReported: [],
    followUps: { highlights: [], obstacles: [], proposals: [] },
  };
}

describe('progress data', () => {
  it('shows the period the address asks for when the province collects it, else the current one, else the last', () => {
    const list = [period('2026-Q1'), period('2026-H1', true), period('2026')];
    expect(defaultPeriod(list)).toBe('2026-H1');
    expect(defaultPeriod(list, '2026')).toBe('2026');
    expect(defaultPeriod(list, '2027-H1')).toBe('2026-H1');
    expect(defaultPeriod([period('2026-Q1'), period('2026-Q2')])).toBe('2026-Q2');
    expect(defaultPeriod([])).toBe(null);
  });

  it('lists every category in report order, zeros included, in the page language', () => {
    const bars = categoryBars(byCategory({ overdue: 3, 'done-on-time': 1 }), 'vi');
    expect(bars).toEqual([
      { category: 'done-on-time', label: 'Hoàn thành đúng hạn', count: 1 },
      { category: 'done-late', label: 'Hoàn thành quá hạn', count: 0 },
      { category: 'in-progress-on-time', label: 'Đang thực hiện trong hạn', count: 0 },
      { category: 'overdue', label: 'Quá hạn chưa hoàn thành', count: 3 },
      { category: 'not-due', label: 'Chưa đến hạn', count: 0 },
      { category: 'no-deadline', label: 'Không xác định hạn', count: 0 },
      { category: 'paused', label: 'Tạm dừng', count: 0 },
      { category: 'dropped', label: 'Không thực hiện', count: 0 },
    ]);
    expect(categoryBars(byCategory({}), 'en')[3]).toEqual({ category: 'overdue', label: 'Overdue, not done', count: 0 });
  });

  it('counts overdue from progress once anything was reported, else keeps the deadline-only figure', () => {
    expect(overdueFigure(12, null)).toEqual({ count: 12, unfinishedOnly: false });
    const none = progress(['not-reported', 'not-reported']);
    none.total.reported = 0;
    expect(hasProgress(none)).toBe(false);
    expect(overdueFigure(12, none)).toEqual({ count: 12, unfinishedOnly: false });
    // Entries of an earlier period still speak for their tasks.
    expect(overdueFigure(12, progress(['not-reported', 'not-reported']))).toEqual({ count: 3, unfinishedOnly: true });
    // "Không phát sinh" holds no entries, yet it is a report.
    const nothing = progress(['not-reported', 'submitted']);
    nothing.total.reported = 0;
    expect(hasProgress(nothing)).toBe(true);
    expect(overdueFigure(12, progress(['returned', 'not-reported']))).toEqual({ count: 3, unfinishedOnly: true });
  });

  it('gives one row per commune with a plan: state, counts, done on time and late together', () => {
    expect(communeProgressRows(progress(['accepted', 'submitted']))).toEqual([
      {
        code: '10903',
        name: 'Xã Cẩm Giàng',
        state: 'accepted',
        nothingToReport: false,
        tasks: 5,
        reported: 5,
        done: 3,
        overdue: 1,
        lastSent: '2026-06-20T03:00:00.000Z',
        returnReason: null,
      },
      {
        code: '10888',
        name: 'Xã Quảng Sơn',
        state: 'submitted',
        nothingToReport: true,
        tasks: 5,
        reported: 0,
        done: 0,
        overdue: 2,
        lastSent: '2026-06-20T03:00:00.000Z',
        returnReason: null,
      },
    ]);
  });

  it('names the period inside a sentence in the page language', () => {
    const list = [{ ...period('2026'), label: 'Năm 2026', labelEn: 'Year 2026' }];
    expect(periodWords(list, '2026', 'Năm 2026', 'vi')).toBe('năm 2026');
    expect(periodWords(list, '2026', 'Năm 2026', 'en')).toBe('year 2026');
    expect(periodWords(null, '2026-H1', '6 tháng đầu năm 2026', 'en')).toBe('6 tháng đầu năm 2026');
  });

  it('keeps the reason of a returned report, and only while it stands returned', () => {
    const p = progress(['returned', 'submitted']);
    p.communes[0]!.report.returnReason = 'Thiếu ngày hoàn thành';
    p.communes[1]!.report.returnReason = 'Lý do cũ';
    expect(communeProgressRows(p).map((r) => [r.state, r.returnReason])).toEqual([
      ['returned', 'Thiếu ngày hoàn thành'],
      ['submitted', null],
    ]);
  });

  it('names the tasks without a lead agency in words', () => {
    const p = progress([]);
    expect(overdueLeadRows(p.total, '(chưa ghi cơ quan chủ trì)')).toEqual([
      ['Phòng Kinh tế', 2],
      ['(chưa ghi cơ quan chủ trì)', 1],
    ]);
  });
});
