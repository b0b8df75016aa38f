// Due dates: which date a deadline falls due on, as of a given day (a period's end, the current cycle's end…).
import type { Deadline } from '../model/deadline.ts';
import { daysInMonth, iso, quarterOfMonth, ymd } from './calendar.ts';

/**
 * The next due date (ISO) relevant as of `asOf` (ISO yyyy-mm-dd):
 * - period → its end (even when already past: that is what "overdue" compares);
 * - recurring with a first period not yet over (asOf ≤ first.end) → first.end;
 * - yearly → 31 Dec of asOf's year; quarterly → end of asOf's quarter; monthly → end of asOf's month;
 * - relative ("Quý IV của năm trước", "Tháng 12 hằng năm", "Ngày 31/1 năm sau") → its day, or the end of that
 *   quarter/month, in asOf's year,
 *   or the next year's once it has passed (Q4 always ends in asOf's year: it serves next year's plan);
 * - continuous (after any first period), conditional, unparsed → null.
 * Throws a RangeError when asOf is not a real ISO date (a caller bug, not data).
 * @example dueDate(parseDeadline('Hằng năm'), '2025-08-15') // '2025-12-31'
 * @example dueDate(parseDeadline('Tháng 7/2025, duy trì hàng năm'), '2025-03-01') // '2025-07-31'
 */
export function dueDate(d: Deadline, asOf: string): string | null {
  const now = ymd(asOf);
  if (!now) throw new RangeError(`dueDate: asOf must be an ISO date (yyyy-mm-dd), got ${JSON.stringify(asOf)}`);
  if (d.kind === 'period') return d.period.end;
  if (d.kind !== 'recurring') return null;
  if (d.relative) {
    const thisYear = relativeDue(d.relative, now.y);
    return thisYear >= asOf ? thisYear : relativeDue(d.relative, now.y + 1);
  }
  if (d.first && asOf <= d.first.end) return d.first.end;
  switch (d.every) {
    case 'continuous':
      return null;
    case 'yearly':
      return iso(now.y, 12, 31);
    case 'quarterly': {
      const m = quarterOfMonth(now.m) * 3;
      return iso(now.y, m, daysInMonth(now.y, m));
    }
    case 'monthly':
      return iso(now.y, now.m, daysInMonth(now.y, now.m));
  }
}

type Relative = NonNullable<Extract<Deadline, { kind: 'recurring' }>['relative']>;

/**
 * The day a relative deadline falls due in year `y` (ISO): its day, else its quarter's or month's last day; 29/02 is
 * the last day of February in a common year.
 * @example relativeDue({ month: 1, day: 31, yearOffset: 1 }, 2027) // '2027-01-31'
 */
export function relativeDue(rel: Relative, y: number): string {
  const month = rel.quarter !== undefined ? rel.quarter * 3 : (rel.month ?? 12);
  const last = daysInMonth(y, month);
  return iso(y, month, rel.quarter === undefined && rel.day !== undefined ? Math.min(rel.day, last) : last);
}
