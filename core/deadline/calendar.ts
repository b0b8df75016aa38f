// Calendar arithmetic for deadlines: ISO day strings, unit periods (day, month, quarter, half, year) and ranges.
import type { Period } from '../model/deadline.ts';

/** Years a plan deadline can plausibly name; anything outside is a typo, never a date. */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/**
 * Whether a year lies in the accepted window (1990–2100).
 * @example isPlausibleYear(2025) // true
 */
export function isPlausibleYear(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}

/**
 * Days in a month of the proleptic Gregorian calendar.
 * @example daysInMonth(2024, 2) // 29
 */
export function daysInMonth(y: number, m: number): number {
  return m === 2 ? (y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(m) ? 30 : 31;
}

/**
 * ISO yyyy-mm-dd of a calendar day (no validation: callers validate first).
 * @example iso(2025, 7, 1) // '2025-07-01'
 */
export function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Year, month and day of an ISO date; null when the string is not yyyy-mm-dd of a real day. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * Split an ISO yyyy-mm-dd string, rejecting impossible days.
 * @example ymd('2025-12-31') // { y: 2025, m: 12, d: 31 }
 */
export function ymd(s: string): Ymd | null {
  const m = ISO_RE.exec(s);
  if (!m) return null;
  const out = { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
  return isRealDay(out.y, out.m, out.d) ? out : null;
}

/** Whether y-m-d is a real calendar day (any year). */
export function isRealDay(y: number, m: number, d: number): boolean {
  return Number.isInteger(y) && Number.isInteger(m) && Number.isInteger(d) && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/**
 * The day after an ISO date (used to test whether two periods touch).
 * @example nextDay('2025-12-31') // '2026-01-01'
 */
export function nextDay(s: string): string {
  const p = ymd(s);
  if (!p) throw new RangeError(`not an ISO date: ${s}`);
  if (p.d < daysInMonth(p.y, p.m)) return iso(p.y, p.m, p.d + 1);
  return p.m < 12 ? iso(p.y, p.m + 1, 1) : iso(p.y + 1, 1, 1);
}

/**
 * A single day, or null for an impossible day or implausible year.
 * @example dayPeriod(2025, 12, 31) // { precision: 'day', start: '2025-12-31', end: '2025-12-31' }
 */
export function dayPeriod(y: number, m: number, d: number): Period | null {
  if (!isPlausibleYear(y) || !isRealDay(y, m, d)) return null;
  const s = iso(y, m, d);
  return { precision: 'day', start: s, end: s };
}

/**
 * A calendar month.
 * @example monthPeriod(2025, 2) // { precision: 'month', start: '2025-02-01', end: '2025-02-28' }
 */
export function monthPeriod(y: number, m: number): Period | null {
  if (!isPlausibleYear(y) || !Number.isInteger(m) || m < 1 || m > 12) return null;
  return { precision: 'month', start: iso(y, m, 1), end: iso(y, m, daysInMonth(y, m)) };
}

/**
 * A calendar quarter (1–4).
 * @example quarterPeriod(2025, 3) // { precision: 'quarter', start: '2025-07-01', end: '2025-09-30' }
 */
export function quarterPeriod(y: number, q: number): Period | null {
  if (!isPlausibleYear(y) || !Number.isInteger(q) || q < 1 || q > 4) return null;
  const last = q * 3;
  return { precision: 'quarter', start: iso(y, last - 2, 1), end: iso(y, last, daysInMonth(y, last)) };
}

/**
 * A half year: 1 = January–June ("6 tháng đầu năm"), 2 = July–December ("6 tháng cuối năm").
 * @example halfPeriod(2026, 1) // { precision: 'half', start: '2026-01-01', end: '2026-06-30' }
 */
export function halfPeriod(y: number, h: number): Period | null {
  if (!isPlausibleYear(y) || (h !== 1 && h !== 2)) return null;
  return h === 1
    ? { precision: 'half', start: iso(y, 1, 1), end: iso(y, 6, 30) }
    : { precision: 'half', start: iso(y, 7, 1), end: iso(y, 12, 31) };
}

/**
 * A calendar year.
 * @example yearPeriod(2025) // { precision: 'year', start: '2025-01-01', end: '2025-12-31' }
 */
export function yearPeriod(y: number): Period | null {
  if (!isPlausibleYear(y)) return null;
  return { precision: 'year', start: iso(y, 1, 1), end: iso(y, 12, 31) };
}

/**
 * The range from the start of `a` to the end of `b`; null unless `b` lies wholly after `a`
 * (a range always spans two or more distinct stated periods, so start < end).
 * @example rangePeriod(yearPeriod(2025)!, yearPeriod(2026)!) // { precision: 'range', start: '2025-01-01', end: '2026-12-31' }
 */
export function rangePeriod(a: Period, b: Period): Period | null {
  if (!(a.end < b.start)) return null;
  return { precision: 'range', start: a.start, end: b.end };
}

/**
 * The quarter (1–4) a month falls in.
 * @example quarterOfMonth(8) // 3
 */
export function quarterOfMonth(m: number): number {
  return Math.ceil(m / 3);
}
