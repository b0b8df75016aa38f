// A task's status as of a date, in the categories provincial offices report to the VPCP (done, overdue, due this quarter…).
import type { Deadline } from '../model/deadline.ts';
import { fold } from '../text/fold.ts';

/** Status categories, in the order a report lists them. */
export const TASK_STATUSES = ['done', 'overdue', 'due-this-quarter', 'not-yet-due', 'ongoing', 'no-date'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** Labels for each status, Vietnamese as reports write them, and English. */
export const STATUS_LABEL: Readonly<Record<TaskStatus, { vi: string; en: string }>> = {
  done: { vi: 'Đã hoàn thành', en: 'Done' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  'due-this-quarter': { vi: 'Đến hạn trong quý', en: 'Due this quarter' },
  'not-yet-due': { vi: 'Chưa đến hạn', en: 'Not yet due' },
  ongoing: { vi: 'Đang thực hiện/Thường xuyên', en: 'Ongoing/continuous' },
  'no-date': { vi: 'Chưa xác định thời hạn', en: 'No deadline set' },
};

// "Đã hoàn thành", "Hoàn thành 100%", "Đã xong", "Đã thực hiện"; not when one of the two words before it
// negates or defers it: "Chưa (được) hoàn thành", "Đang hoàn thành", "Dự kiến hoàn thành", "Sẽ hoàn thành".
const DONE = /\b(?:hoan thanh|da xong|da thuc hien)\b/;
const NOT_YET = new Set(['chua', 'khong', 'cham', 'dang', 'sap', 'se', 'kien', 'dau', 'neu']);

/**
 * Whether a status cell says the task is done. A plan alone never tells: only such a cell does.
 * @example isDoneText('Đã hoàn thành') // true
 * @example isDoneText('Chưa hoàn thành') // false
 */
export function isDoneText(text: string | undefined): boolean {
  if (text === undefined || text.trim() === '') return false;
  const f = fold(text);
  const m = DONE.exec(f);
  if (!m) return false;
  const before = f
    .slice(0, m.index)
    .split(' ')
    .filter((w) => w !== '')
    .slice(-2);
  return !before.some((w) => NOT_YET.has(w));
}

/**
 * The last day (ISO) of the quarter `asOf` falls in.
 * @example quarterEnd('2025-08-15') // '2025-09-30'
 */
export function quarterEnd(asOf: string): string {
  const y = asOf.slice(0, 4);
  const q = Math.ceil(Number(asOf.slice(5, 7)) / 3);
  return `${y}-${['03-31', '06-30', '09-30', '12-31'][q - 1]}`;
}

/**
 * A task's status as of `asOf` (ISO): done by its status cell; otherwise by its due date —
 * past → overdue, by the end of asOf's quarter → due this quarter, later → not yet due; without a due date,
 * a standing duty ("Thường xuyên") is ongoing and anything else (conditional, unreadable, missing) has no date.
 * @example taskStatus({ deadline: undefined, due: '2025-06-30' }, '2025-08-15') // 'overdue'
 */
export function taskStatus(t: { statusText?: string; deadline: Deadline | undefined; due: string | null }, asOf: string): TaskStatus {
  if (isDoneText(t.statusText)) return 'done';
  if (t.due === null) return t.deadline?.kind === 'recurring' ? 'ongoing' : 'no-date';
  if (t.due < asOf) return 'overdue';
  return t.due <= quarterEnd(asOf) ? 'due-this-quarter' : 'not-yet-due';
}
