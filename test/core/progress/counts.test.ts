// Counts per plan and overall: tasks per category, reported or not, overdue tasks per lead agency as consolidation counts leads.
import { describe, expect, it } from 'vitest';
import {
  countJudged,
  judgePlan,
  overallProgressCounts,
  progressCounts,
  type ProgressCounts,
  type TaskProgress,
} from '../../../core/progress/index.ts';
import { planWith } from './plan.ts';

const plan = planWith([
  { id: 't1', lead: 'Phòng VH- XH xã, Công an xã', deadline: 'Quý I/2026' },
  { id: 't2', lead: 'Công an xã', deadline: 'Quý I/2026' },
  { id: 't3', lead: 'Văn phòng HĐND và UBND xã', deadline: 'Quý II/2026' },
  { id: 't4', lead: 'Phòng Kinh tế', deadline: 'Quý IV/2026' },
  { id: 't5', lead: 'Công an xã', deadline: 'Hằng năm' },
  { id: 't6', lead: 'Phòng Kinh tế', deadline: 'Khi có văn bản của cấp trên' },
  { id: 't7', deadline: '30/4/2026' },
  { id: 't8', lead: 'Phòng Kinh tế', deadline: 'Quý I/2026' },
  { lead: 'Phòng Kinh tế', deadline: 'Quý I/2026' },
]);

const at = (day: string) => `${day}T09:00:00+07:00`;
const entries: TaskProgress[] = [
  { taskId: 't1', period: '2026-Q1', status: 'in-progress', reportedAt: at('2026-03-30') },
  { taskId: 't2', period: '2026-Q1', status: 'done', completedOn: '2026-03-20', achieved: 'Xong', reportedAt: at('2026-03-30') },
  { taskId: 't3', period: '2026-Q1', status: 'done', completedOn: '2026-03-01', achieved: 'Xong', reportedAt: at('2026-03-30') },
  { taskId: 't3', period: '2026-Q2', status: 'in-progress', reportedAt: at('2026-05-02') },
  { taskId: 't5', period: '2026-Q2', status: 'in-progress', reportedAt: at('2026-05-02') },
  { taskId: 't6', period: '2026-Q2', status: 'paused', reason: 'Chờ hướng dẫn', reportedAt: at('2026-05-02') },
  { taskId: 't8', period: '2026-Q2', status: 'done', completedOn: '2026-04-10', achieved: 'Xong', reportedAt: at('2026-05-02') },
  { taskId: 'gone', period: '2026-Q2', status: 'done', completedOn: '2026-04-10', reportedAt: at('2026-05-02') },
  { taskId: 't4', period: '2026-Q3', status: 'done', completedOn: '2026-07-10', reportedAt: at('2026-07-15') },
];

const zero = {
  'done-on-time': 0,
  'done-late': 0,
  'in-progress-on-time': 0,
  overdue: 0,
  'not-due': 0,
  'no-deadline': 0,
  paused: 0,
  dropped: 0,
};

describe('judgePlan', () => {
  it('judges every task of the plan by its latest entry begun by the as-of day', () => {
    const judged = judgePlan(plan, entries, '2026-05-15', { period: '2026-Q2' });
    expect(judged.map((t) => [t.taskId ?? null, t.status, t.reported, t.category, t.due, t.leads])).toEqual([
      ['t1', 'in-progress', true, 'overdue', '2026-03-31', ['Phòng Văn hóa - Xã hội xã', 'Công an xã']],
      ['t2', 'done', true, 'done-on-time', '2026-03-31', ['Công an xã']],
      ['t3', 'in-progress', true, 'in-progress-on-time', '2026-06-30', ['Văn phòng HĐND và UBND xã']],
      ['t4', 'not-started', false, 'not-due', '2026-12-31', ['Phòng Kinh tế']],
      ['t5', 'in-progress', true, 'in-progress-on-time', '2026-12-31', ['Công an xã']],
      ['t6', 'paused', true, 'paused', null, ['Phòng Kinh tế']],
      ['t7', 'not-started', false, 'overdue', '2026-04-30', []],
      ['t8', 'done', true, 'done-late', '2026-03-31', ['Phòng Kinh tế']],
      [null, 'not-started', false, 'overdue', '2026-03-31', ['Phòng Kinh tế']],
    ]);
    expect(judged[5]!.entry).toEqual(entries[5]);
  });

  it('looks at an earlier period without the entries of later periods', () => {
    const late = judgePlan(plan, entries, '2026-07-20', { period: '2026-Q2' });
    const t4 = late.find((t) => t.taskId === 't4')!;
    expect([t4.reported, t4.status, t4.category]).toEqual([false, 'not-started', 'not-due']);
    expect(judgePlan(plan, entries, '2026-07-20').find((t) => t.taskId === 't4')!.category).toBe('done-on-time');
  });

  it('reads a deadline from its text when the row was not parsed', () => {
    const p = planWith([{ id: 'a', deadline: 'Quý I/2026' }]);
    delete p.appendices[0]!.rows[1]!.deadline;
    expect(judgePlan(p, [], '2026-05-01').map((t) => [t.category, t.due])).toEqual([['overdue', '2026-03-31']]);
  });

  it('gives a deadline without a year the year of a one-year plan only', () => {
    const p = planWith([{ id: 'a', deadline: 'Quý IV' }]);
    delete p.appendices[0]!.rows[1]!.deadline;
    const dues = [
      { from: 2026, to: 2026 },
      { from: 2025, to: 2030 },
    ].map((period) => {
      p.reference = { year: 2025, period };
      return judgePlan(p, [], '2026-05-01')[0]!.due;
    });
    expect(dues).toEqual(['2026-12-31', null]);
  });
});

describe('progressCounts', () => {
  it('counts each category, the reported tasks and the overdue tasks per lead agency', () => {
    const expected: ProgressCounts = {
      tasks: 9,
      reported: 6,
      unreported: 3,
      byCategory: { ...zero, 'done-on-time': 1, 'done-late': 1, 'in-progress-on-time': 2, overdue: 3, 'not-due': 1, paused: 1 },
      overdueByLead: [
        { lead: 'Công an xã', overdue: 1 },
        { lead: 'Phòng Kinh tế', overdue: 1 },
        { lead: 'Phòng Văn hóa - Xã hội', overdue: 1 },
        { lead: '', overdue: 1 },
      ],
      unmatchedTasks: 1,
    };
    expect(progressCounts(plan, entries, '2026-05-15', { period: '2026-Q2' })).toEqual(expected);
  });

  it('changes with the as-of day: before Q1 ends nothing is overdue', () => {
    const c = progressCounts(plan, entries, '2026-03-31', { period: '2026-Q1' });
    expect([c.byCategory, c.reported, c.overdueByLead]).toEqual([
      { ...zero, 'done-on-time': 2, 'in-progress-on-time': 1, 'not-due': 5, 'no-deadline': 1 },
      3,
      [],
    ]);
  });

  it('counts already judged tasks the same way (unmatched tasks need the entries)', () => {
    const judged = judgePlan(plan, entries, '2026-05-15', { period: '2026-Q2' });
    expect(countJudged(judged)).toEqual({ ...progressCounts(plan, entries, '2026-05-15', { period: '2026-Q2' }), unmatchedTasks: 0 });
  });
});

describe('overallProgressCounts', () => {
  it('gives each plan’s counts in order and their sum, overdue per lead added across plans', () => {
    const other = planWith([
      { id: 'x1', lead: 'Công an xã', deadline: 'Quý I/2026' },
      { id: 'x2', lead: 'Công an xã', deadline: 'Quý I/2026' },
    ]);
    const out = overallProgressCounts(
      [
        { key: '10903', plan, entries },
        { key: '10906', plan: other, entries: [] },
      ],
      '2026-05-15',
      { period: '2026-Q2' },
    );
    expect(out.plans.map((p) => p.key)).toEqual(['10903', '10906']);
    expect(out.plans[1]!.counts).toEqual({
      tasks: 2,
      reported: 0,
      unreported: 2,
      byCategory: { ...zero, overdue: 2 },
      overdueByLead: [{ lead: 'Công an xã', overdue: 2 }],
      unmatchedTasks: 0,
    });
    expect(out.total).toEqual({
      tasks: 11,
      reported: 6,
      unreported: 5,
      byCategory: { ...zero, 'done-on-time': 1, 'done-late': 1, 'in-progress-on-time': 2, overdue: 5, 'not-due': 1, paused: 1 },
      overdueByLead: [
        { lead: 'Công an xã', overdue: 3 },
        { lead: 'Phòng Kinh tế', overdue: 1 },
        { lead: 'Phòng Văn hóa - Xã hội', overdue: 1 },
        { lead: '', overdue: 1 },
      ],
      unmatchedTasks: 1,
    });
  });

  it('is all zeros for no plans', () => {
    expect(overallProgressCounts([], '2026-05-15')).toEqual({
      plans: [],
      total: { tasks: 0, reported: 0, unreported: 0, byCategory: zero, overdueByLead: [], unmatchedTasks: 0 },
    });
  });
});
