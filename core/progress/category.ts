// The categories of government task tracking (hoàn thành đúng hạn, quá hạn chưa hoàn thành…), derived, never reported.
import type { Deadline } from '../model/index.ts';
import { occurrenceIn } from './occurrence.ts';
import type { DaySpan } from './period.ts';
import type { ProgressStatus } from './status.ts';

/** In the order a report lists them. docs/tien-do.md states each rule in plain words. */
export const PROGRESS_CATEGORIES = [
  'done-on-time',
  'done-late',
  'in-progress-on-time',
  'overdue',
  'not-due',
  'no-deadline',
  'paused',
  'dropped',
] as const;
export type ProgressCategory = (typeof PROGRESS_CATEGORIES)[number];

export const PROGRESS_CATEGORY_LABEL: Readonly<Record<ProgressCategory, { vi: string; en: string }>> = {
  'done-on-time': { vi: 'Hoàn thành đúng hạn', en: 'Done on time' },
  'done-late': { vi: 'Hoàn thành quá hạn', en: 'Done late' },
  'in-progress-on-time': { vi: 'Đang thực hiện trong hạn', en: 'In progress, on time' },
  overdue: { vi: 'Quá hạn chưa hoàn thành', en: 'Overdue, not done' },
  'not-due': { vi: 'Chưa đến hạn', en: 'Not yet due' },
  'no-deadline': { vi: 'Không xác định hạn', en: 'No deadline to judge by' },
  paused: { vi: 'Tạm dừng', en: 'Paused' },
  dropped: { vi: 'Không thực hiện', en: 'Dropped' },
};

export interface CategoryInput {
  /** The reported status; 'not-started' for a task nobody reported on. */
  status: ProgressStatus;
  completedOn?: string;
  /** The day the entry was reported (ISO): the latest a completion without a date can have happened. */
  reportedOn?: string;
  /** The task's parsed deadline; undefined when the plan gives none. */
  deadline: Deadline | undefined;
  /** The day the categories are computed for (ISO). */
  asOf: string;
  /** The reporting period judged (recurring deadlines are judged per period); the year up to asOf when not given. */
  period?: DaySpan;
}

export interface Judgement {
  category: ProgressCategory;
  /** The due date judged (ISO), null when none can be known. */
  due: string | null;
}

/**
 * A task's category as of a day:
 * - paused / dropped → 'paused' / 'dropped', whatever the deadline (a decision stopped the task; it is not late);
 * - done (completed on or before asOf, within the cycle judged) → 'done-on-time' when completed on or before the due
 *   date or when no due date can be known, else 'done-late'; a completion without a date is taken to be the report's
 *   day (or asOf), the latest it can have been;
 * - done after asOf → judged as in progress; done for an earlier cycle of a recurring duty → judged as not started;
 * - not done, no due date (conditional, unreadable, missing) → 'no-deadline': never overdue by guess;
 * - not done, due date before asOf → 'overdue'; otherwise in progress → 'in-progress-on-time', not started → 'not-due'.
 * @example categorize({ status: 'in-progress', deadline: parseDeadline('Quý I/2026'), asOf: '2026-04-01' }) // { category: 'overdue', due: '2026-03-31' }
 */
export function categorize(t: CategoryInput): Judgement {
  const span = t.period ?? { start: `${t.asOf.slice(0, 4)}-01-01`, end: t.asOf };
  const occ = occurrenceIn(t.deadline, span);
  const due = occ?.due ?? null;
  if (t.status === 'paused' || t.status === 'dropped') return { category: t.status, due };
  let status = t.status;
  if (status === 'done') {
    const day = t.completedOn ?? (t.reportedOn !== undefined && t.reportedOn < t.asOf ? t.reportedOn : t.asOf);
    if (day > t.asOf) status = 'in-progress';
    else if (occ?.from !== undefined && day < occ.from) status = 'not-started';
    else return { category: due === null || day <= due ? 'done-on-time' : 'done-late', due };
  }
  if (due === null) return { category: 'no-deadline', due };
  if (due < t.asOf) return { category: 'overdue', due };
  return { category: status === 'in-progress' ? 'in-progress-on-time' : 'not-due', due };
}
