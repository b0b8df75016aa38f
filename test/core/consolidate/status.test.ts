// Task statuses as of a fixed day: done by its status cell only, otherwise by the due date against asOf's quarter.
import { describe, expect, it } from 'vitest';
import { isDoneText, quarterEnd, STATUS_LABEL, TASK_STATUSES, taskStatus } from '../../../core/consolidate/index.ts';
import { dueDate, parseDeadline } from '../../../core/deadline.ts';

const AS_OF = '2025-08-15';

/** Status of a deadline cell (and status cell) as of AS_OF, the way consolidate computes it. */
function statusOf(deadlineText: string, statusText?: string): string {
  const deadline = deadlineText === '' ? undefined : parseDeadline(deadlineText);
  const due = deadline ? dueDate(deadline, AS_OF) : null;
  return taskStatus(statusText === undefined ? { deadline, due } : { deadline, due, statusText }, AS_OF);
}

describe('taskStatus as of 15/08/2025', () => {
  it.each([
    ['Quý II/2025', 'overdue'],
    ['31/7/2025', 'overdue'],
    ['Tháng 8/2025', 'due-this-quarter'],
    ['15/8/2025', 'due-this-quarter'],
    ['Quý III/2025', 'due-this-quarter'],
    ['30/9/2025', 'due-this-quarter'],
    ['1/10/2025', 'not-yet-due'],
    ['Năm 2025', 'not-yet-due'],
    ['Giai đoạn 2025-2030', 'not-yet-due'],
    ['Hằng quý', 'due-this-quarter'],
    ['Hằng năm', 'not-yet-due'],
    ['Thường xuyên', 'ongoing'],
    ['Khi có văn bản của cấp trên', 'no-date'],
    ['Theo tiến độ chung', 'no-date'],
    ['', 'no-date'],
  ])('%s → %s', (deadline, expected) => {
    expect(statusOf(deadline)).toBe(expected);
  });

  it('is done only when a status cell says so, whatever the date', () => {
    expect(statusOf('Quý II/2025', 'Đã hoàn thành')).toBe('done');
    expect(statusOf('Thường xuyên', 'Đã thực hiện')).toBe('done');
    expect(statusOf('Quý II/2025', 'Chưa hoàn thành')).toBe('overdue');
    expect(statusOf('Quý IV/2025', 'Đang thực hiện')).toBe('not-yet-due');
  });
});

describe('isDoneText', () => {
  it.each([
    ['Đã hoàn thành', true],
    ['Hoàn thành 100%', true],
    ['ĐÃ XONG', true],
    ['đã thực hiện', true],
    ['Chưa hoàn thành', false],
    ['Chưa được hoàn thành', false],
    ['Không hoàn thành', false],
    ['Đang hoàn thành', false],
    ['Dự kiến hoàn thành quý IV', false],
    ['Đang thực hiện', false],
    ['', false],
  ])('%s → %s', (text, done) => {
    expect(isDoneText(text)).toBe(done);
  });
});

describe('quarterEnd and labels', () => {
  it('ends each quarter on its last day', () => {
    expect(['2025-01-01', '2025-05-31', '2025-08-15', '2025-12-31'].map(quarterEnd)).toEqual([
      '2025-03-31',
      '2025-06-30',
      '2025-09-30',
      '2025-12-31',
    ]);
  });

  it('labels every status in Vietnamese and English', () => {
    expect(Object.keys(STATUS_LABEL).sort()).toEqual([...TASK_STATUSES].sort());
    expect(STATUS_LABEL.overdue).toEqual({ vi: 'Quá hạn', en: 'Overdue' });
    expect(TASK_STATUSES.map((s) => STATUS_LABEL[s].vi)).toEqual([
      'Đã hoàn thành',
      'Quá hạn',
      'Đến hạn trong quý',
      'Chưa đến hạn',
      'Đang thực hiện/Thường xuyên',
      'Chưa xác định thời hạn',
    ]);
  });
});
