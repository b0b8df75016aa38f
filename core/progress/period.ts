// Reporting periods ("kỳ báo cáo"): month, quarter, half-year, nine months, year or a single day, and their canonical ids.
import { z } from 'zod';
import { halfPeriod, iso, monthPeriod, quarterPeriod, yearPeriod, ymd } from '../deadline.ts';

/** The kinds of period a province collects reports for. */
export const PeriodKindSchema = z.enum(['month', 'quarter', 'half', 'nine-months', 'year', 'day']);
export type PeriodKind = z.infer<typeof PeriodKindSchema>;

/** A reporting period as data. `day` is a report "as of" one date: it covers the year up to that day. */
export type ReportingPeriod =
  | { kind: 'month'; year: number; month: number }
  | { kind: 'quarter'; year: number; quarter: number }
  | { kind: 'half'; year: number; half: 1 | 2 }
  | { kind: 'nine-months'; year: number }
  | { kind: 'year'; year: number }
  | { kind: 'day'; date: string };

/** First and last day of a period (ISO, inclusive). */
export interface DaySpan {
  start: string;
  end: string;
}

// "2026-M03", "2026-Q1", "2026-H1", "2026-9M", "2026", "2026-06-15".
const ID_RE = /^(\d{4})(?:-(?:M(\d{2})|Q(\d)|H(\d)|(9M)|(\d{2})-(\d{2})))?$/;

/**
 * A canonical period id as data; null when the id is not canonical or names no real period.
 * @example parsePeriodId('2026-Q1') // { kind: 'quarter', year: 2026, quarter: 1 }
 * @example parsePeriodId('2026-Q5') // null
 */
export function parsePeriodId(id: string): ReportingPeriod | null {
  const m = ID_RE.exec(id);
  if (!m) return null;
  const year = Number(m[1]);
  let p: ReportingPeriod;
  if (m[2] !== undefined) p = { kind: 'month', year, month: Number(m[2]) };
  else if (m[3] !== undefined) p = { kind: 'quarter', year, quarter: Number(m[3]) };
  else if (m[4] !== undefined) p = { kind: 'half', year, half: Number(m[4]) as 1 | 2 };
  else if (m[5] !== undefined) p = { kind: 'nine-months', year };
  else if (m[6] !== undefined) p = { kind: 'day', date: `${m[1]}-${m[6]}-${m[7]}` };
  else p = { kind: 'year', year };
  return periodSpan(p) ? p : null;
}

/**
 * The canonical id of a period: string order is not date order, compare spans instead.
 * @example periodId({ kind: 'half', year: 2026, half: 1 }) // '2026-H1'
 */
export function periodId(p: ReportingPeriod): string {
  switch (p.kind) {
    case 'month':
      return `${p.year}-M${String(p.month).padStart(2, '0')}`;
    case 'quarter':
      return `${p.year}-Q${p.quarter}`;
    case 'half':
      return `${p.year}-H${p.half}`;
    case 'nine-months':
      return `${p.year}-9M`;
    case 'year':
      return String(p.year);
    case 'day':
      return p.date;
  }
}

/**
 * First and last day of a period; null for an impossible one (month 13, 30 February, year 3000).
 * A `day` period starts on 1 January of its year: a report as of a day tells the year so far.
 * @example periodSpan({ kind: 'nine-months', year: 2026 }) // { start: '2026-01-01', end: '2026-09-30' }
 */
export function periodSpan(p: ReportingPeriod): DaySpan | null {
  const span = calendarSpan(p);
  return span && { start: span.start, end: span.end };
}

/** The calendar's period (with its precision, which a reporting period does not need). */
function calendarSpan(p: ReportingPeriod): DaySpan | null {
  switch (p.kind) {
    case 'month':
      return monthPeriod(p.year, p.month);
    case 'quarter':
      return quarterPeriod(p.year, p.quarter);
    case 'half':
      return halfPeriod(p.year, p.half);
    case 'nine-months': {
      const y = yearPeriod(p.year);
      return y && { start: y.start, end: iso(p.year, 9, 30) };
    }
    case 'year':
      return yearPeriod(p.year);
    case 'day': {
      const d = ymd(p.date);
      return d && yearPeriod(d.y) ? { start: iso(d.y, 1, 1), end: p.date } : null;
    }
  }
}

/** A canonical period id ("2026-Q1"), checked to name a real period. */
export const PeriodIdSchema = z.string().refine((s) => parsePeriodId(s) !== null, {
  message: 'ghi dạng 2026-M03, 2026-Q1, 2026-H1, 2026-9M, 2026 hoặc 2026-06-15',
});
export type PeriodId = z.infer<typeof PeriodIdSchema>;

/**
 * The span of a canonical id; throws a RangeError on an id that is not one (a caller bug: ids are checked on entry).
 * @example spanOfId('2026-H2') // { start: '2026-07-01', end: '2026-12-31' }
 */
export function spanOfId(id: string): DaySpan {
  const p = parsePeriodId(id);
  const span = p && periodSpan(p);
  if (!span) throw new RangeError(`not a reporting period id: ${JSON.stringify(id)}`);
  return span;
}
