// Which due date of a task's deadline a reporting period judges: the period's own, or for a recurring duty, this cycle's.
import { daysInMonth, iso, nextDay, quarterOfMonth, relativeDue, ymd } from '../deadline.ts';
import type { Deadline } from '../model/index.ts';
import type { DaySpan } from './period.ts';

/** The due date a period judges, and for a recurring duty the first day a completion counts for it. */
export interface Occurrence {
  due: string;
  /** Completions before this day were for an earlier cycle ("Hằng năm": done last year is not done this year). */
  from?: string;
}

/**
 * The occurrence of a deadline a reporting period judges; null when no date can be known (conditional, unreadable,
 * missing deadline):
 * - a period ("Quý III/2026") → its end, whatever the reporting period (a deadline passed long ago stays passed);
 * - a recurring deadline whose first period ends on or after the reporting period's start → that first end;
 * - yearly → 31 December of the period's last year, counting completions from 1 January; quarterly / monthly → the
 *   end of the quarter / month the period ends in, counting from its start;
 * - relative ("Quý IV của năm trước", "Ngày 31/1 năm sau") → that day, or that quarter's or month's end, in the
 *   period's year, the next year's when it ended before the period began, counting from the day after the previous
 *   year's;
 * - continuous ("Thường xuyên") → the period's own end, counting completions within the period.
 * @example occurrenceIn(parseDeadline('Hằng năm'), { start: '2026-01-01', end: '2026-06-30' }) // { due: '2026-12-31', from: '2026-01-01' }
 */
export function occurrenceIn(d: Deadline | undefined, span: DaySpan): Occurrence | null {
  if (d === undefined || d.kind === 'conditional' || d.kind === 'unparsed') return null;
  if (d.kind === 'period') return { due: d.period.end };
  if (d.first && span.start <= d.first.end) return { due: d.first.end };
  const end = ymd(span.end);
  if (!end) throw new RangeError(`occurrenceIn: not an ISO date: ${span.end}`);
  if (d.relative) {
    const rel = d.relative;
    const y = relativeDue(rel, end.y) >= span.start ? end.y : end.y + 1;
    return { due: relativeDue(rel, y), from: nextDay(relativeDue(rel, y - 1)) };
  }
  switch (d.every) {
    case 'continuous':
      return { due: span.end, from: span.start };
    case 'yearly':
      return { due: iso(end.y, 12, 31), from: iso(end.y, 1, 1) };
    case 'quarterly': {
      const m = quarterOfMonth(end.m) * 3;
      return { due: iso(end.y, m, daysInMonth(end.y, m)), from: iso(end.y, m - 2, 1) };
    }
    case 'monthly':
      return { due: iso(end.y, end.m, daysInMonth(end.y, end.m)), from: iso(end.y, end.m, 1) };
  }
  // RecurrenceSchema may gain a cycle this function does not know yet: no date is better than a wrong one.
  return null;
}
