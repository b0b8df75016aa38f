// The province's view judges a task by the latest-ending period's entry already begun (docs/tien-do.md), and lists as follow-ups only what this period's report says.
import { describe, expect, it } from 'vitest';
import type { ReportStatus } from '../../../core/api/index.ts';
import type { ProgressReport } from '../../../core/progress/index.ts';
import { ProvinceProgressView } from '../../../server/progress/province-view.ts';
import { planWith } from '../../core/progress/plan.ts';

const PLAN = planWith([
  { id: 't1', content: 'Số hóa hồ sơ một cửa', lead: 'Công an xã', deadline: 'Quý I/2026' },
  { id: 't2', content: 'Lắp đặt wifi công cộng', lead: 'Phòng Kinh tế', deadline: 'Quý II/2026' },
]);

const Q1: ProgressReport = {
  period: '2026-Q1',
  entries: [{ taskId: 't1', period: '2026-Q1', status: 'done', completedOn: '2026-03-10', obstacles: 'Thiếu máy quét' }],
  indicators: [],
};
const H1: ProgressReport = {
  period: '2026-H1',
  entries: [{ taskId: 't2', period: '2026-H1', status: 'in-progress', obstacles: 'Thiếu kinh phí' }],
  indicators: [],
};
const STATUS: ReportStatus = {
  period: '2026-H1',
  state: 'submitted',
  seq: 1,
  nothingToReport: false,
  locked: false,
  cutoff: '2026-07-05',
  reopenedUntil: null,
  returnReason: null,
  lastSent: '2026-07-01T02:00:00.000Z',
};

describe('ProvinceProgressView', () => {
  it('keeps a task done in Q1 done in H1 when the H1 report does not mention it, and lists only H1 obstacles', () => {
    const view = new ProvinceProgressView('2026-H1', '2026-06-30');
    view.add({ code: '10903', name: 'Xã Cẩm Giàng', plan: PLAN, report: H1, reports: [Q1, H1], status: STATUS });
    const r = view.result({
      province: { code: '31', name: 'Thành phố Hải Phòng' },
      planKey: 'NQ57-2026',
      period: '2026-H1',
      periodLabel: '6 tháng đầu năm 2026',
    });
    expect(r.total.byCategory).toEqual({
      'done-on-time': 1,
      'done-late': 0,
      'in-progress-on-time': 1,
      overdue: 0,
      'not-due': 0,
      'no-deadline': 0,
      paused: 0,
      dropped: 0,
    });
    expect({ reported: r.total.reported, unreported: r.total.unreported }).toEqual({ reported: 2, unreported: 0 });
    expect(r.followUps.obstacles.map((f) => [f.taskId, f.text])).toEqual([['t2', 'Thiếu kinh phí']]);
    expect(r.notReported).toEqual([]);
  });

  it('judges by this period alone when no other reports are given', () => {
    const view = new ProvinceProgressView('2026-H1', '2026-06-30');
    view.add({ code: '10903', name: 'Xã Cẩm Giàng', plan: PLAN, report: H1, status: STATUS });
    const r = view.result({
      province: { code: '31', name: 'Thành phố Hải Phòng' },
      planKey: 'NQ57-2026',
      period: '2026-H1',
      periodLabel: '6 tháng đầu năm 2026',
    });
    // t1 is due at the end of Q1 and nothing in H1 says it is done: overdue; t2 is in progress until 30/06.
    expect([r.total.byCategory.overdue, r.total.byCategory['in-progress-on-time']]).toEqual([1, 1]);
    expect({ reported: r.total.reported, unreported: r.total.unreported }).toEqual({ reported: 1, unreported: 1 });
  });
});
