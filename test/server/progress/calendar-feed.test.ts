// Which tasks the calendar feed lists and on which day: statuses and deadline kinds as of a day, without a server.
import { describe, expect, it } from 'vitest';
import type { TaskProgress } from '../../../core/progress/index.ts';
import { feedEvents } from '../../../server/progress/calendar-feed.ts';
import { planWith } from '../../core/progress/plan.ts';

const plan = planWith([
  { id: 'paused', deadline: 'Quý III/2026' },
  { id: 'quarterly', deadline: 'Hằng quý' },
  { id: 'monthly', deadline: 'Hằng tháng' },
  { id: 'yearly-done-last-year', deadline: 'Hằng năm' },
  { id: 'yearly-done', deadline: 'Hằng năm' },
  { id: 'done-late', deadline: 'Quý I/2026' },
  { id: 'unparsed', deadline: 'sớm nhất có thể' },
  { id: 'none' },
  { deadline: 'Quý IV/2026' },
]);

const entries: TaskProgress[] = [
  { taskId: 'paused', period: '2026-H1', status: 'paused', reason: 'Chờ kinh phí' },
  { taskId: 'yearly-done-last-year', period: '2025', status: 'done', completedOn: '2025-11-20' },
  { taskId: 'yearly-done', period: '2026-H1', status: 'done', completedOn: '2026-05-02' },
  { taskId: 'done-late', period: '2026-H1', status: 'done', completedOn: '2026-04-20' },
];

describe('feedEvents', () => {
  it('lists what is still owed as of today, each on its due day; done ones, undated ones and tasks without an id are left out', () => {
    const events = feedEvents({
      communeCode: '10903',
      communeName: 'Xã Cẩm Giàng',
      planKey: 'K',
      plan,
      entries,
      periods: [],
      today: '2026-08-10',
    });
    expect(events.map((e) => [e.uid, e.day])).toEqual([
      // The month and the quarter that today falls in.
      ['monthly.10903.K@phuluc', '2026-08-31'],
      // A paused task is neither done nor dropped: its day stays in the calendar.
      ['paused.10903.K@phuluc', '2026-09-30'],
      ['quarterly.10903.K@phuluc', '2026-09-30'],
      // Done last year does not count for this year's cycle.
      ['yearly-done-last-year.10903.K@phuluc', '2026-12-31'],
    ]);
  });

  it('a period without a cut-off label it can read is skipped; cut-offs come in day order with the tasks', () => {
    const events = feedEvents({
      communeCode: '10903',
      communeName: 'Xã Cẩm Giàng',
      planKey: 'K',
      plan: null,
      entries: [],
      periods: [
        { period: '2026', cutoff: '2027-01-15' },
        { period: '2026-M07', cutoff: '2026-08-05' },
        { period: 'không phải kỳ', cutoff: '2026-08-01' },
      ],
      today: '2026-08-10',
    });
    expect(events.map((e) => [e.uid, e.day, e.summary])).toEqual([
      ['report-2026-M07.10903.K@phuluc', '2026-08-05', 'Hạn gửi báo cáo tiến độ Tháng 7 năm 2026'],
      ['report-2026.10903.K@phuluc', '2027-01-15', 'Hạn gửi báo cáo tiến độ Năm 2026'],
    ]);
  });
});
