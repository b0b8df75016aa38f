// Tracking categories of deadlines read with the plan's year: dated ones fall due on their day, one counted from an
// event never is overdue by guess.
import { describe, expect, it } from 'vitest';
import { gridFromValues } from '../../../core/model/index.ts';
import { judgePlan } from '../../../core/progress/index.ts';
import { readPlan } from '../../../core/read/index.ts';

const plan = readPlan([
  gridFromValues('S', [
    ['DANH MỤC NHIỆM VỤ CHUYỂN ĐỔI SỐ NĂM 2026'],
    ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Thời gian hoàn thành'],
    ['1', 'Báo cáo kết quả thực hiện năm', 'Văn phòng HĐND và UBND xã', 'Trước ngày 31/01 năm liền kề'],
    ['2', 'Rà soát thủ tục hành chính', 'Công an xã', 'Quý IV'],
    ['3', 'Sơ kết việc thực hiện kế hoạch', 'Phòng Kinh tế', 'Sau 03 tháng kể từ khi Kế hoạch được ban hành'],
  ]),
]).plan;

const judged = (asOf: string) => judgePlan(plan, [], asOf).map((t) => [t.tt, t.category, t.due]);

describe('tasks of the 2026 plan nobody reported on', () => {
  it('at the end of 2026: the next year’s deadline is not due, the event-counted one has no deadline to judge by', () => {
    expect(judged('2026-12-31')).toEqual([
      ['1', 'not-due', '2027-01-31'],
      ['2', 'not-due', '2026-12-31'],
      ['3', 'no-deadline', null],
    ]);
  });

  it('in February 2027: both dated ones are overdue, the event-counted one still is not', () => {
    expect(judged('2027-02-01')).toEqual([
      ['1', 'overdue', '2027-01-31'],
      ['2', 'overdue', '2026-12-31'],
      ['3', 'no-deadline', null],
    ]);
  });
});
