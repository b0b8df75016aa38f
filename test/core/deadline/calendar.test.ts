// Calendar helpers: leap years, unit periods, ranges, plausible years.
import { describe, expect, it } from 'vitest';
import {
  dayPeriod,
  daysInMonth,
  halfPeriod,
  isPlausibleYear,
  monthPeriod,
  nextDay,
  quarterPeriod,
  rangePeriod,
  yearPeriod,
  ymd,
} from '../../../core/deadline/calendar.ts';

describe('calendar', () => {
  it('knows month lengths and leap years', () => {
    expect([2023, 2024, 1900, 2000, 2100].map((y) => daysInMonth(y, 2))).toEqual([28, 29, 28, 29, 28]);
    expect([1, 4, 6, 9, 11, 12].map((m) => daysInMonth(2025, m))).toEqual([31, 30, 30, 30, 30, 31]);
  });

  it('builds unit periods and refuses impossible ones', () => {
    expect(dayPeriod(2024, 2, 29)).toEqual({ precision: 'day', start: '2024-02-29', end: '2024-02-29' });
    expect(dayPeriod(2025, 2, 29)).toBeNull();
    expect(monthPeriod(2025, 13)).toBeNull();
    expect(quarterPeriod(2025, 4)).toEqual({ precision: 'quarter', start: '2025-10-01', end: '2025-12-31' });
    expect(quarterPeriod(2025, 5)).toBeNull();
    expect(halfPeriod(2025, 2)).toEqual({ precision: 'half', start: '2025-07-01', end: '2025-12-31' });
    expect(halfPeriod(2025, 3)).toBeNull();
    expect(yearPeriod(1989)).toBeNull();
    expect(yearPeriod(2101)).toBeNull();
    expect([1990, 2100, 1989, 2101, 2025.5].map(isPlausibleYear)).toEqual([true, true, false, false, false]);
  });

  it('joins two periods into a range only when the second is wholly later', () => {
    expect(rangePeriod(yearPeriod(2025)!, yearPeriod(2026)!)).toEqual({ precision: 'range', start: '2025-01-01', end: '2026-12-31' });
    expect(rangePeriod(yearPeriod(2025)!, yearPeriod(2025)!)).toBeNull();
    expect(rangePeriod(yearPeriod(2026)!, yearPeriod(2025)!)).toBeNull();
  });

  it('steps days and validates ISO strings', () => {
    expect(nextDay('2025-12-31')).toBe('2026-01-01');
    expect(nextDay('2024-02-28')).toBe('2024-02-29');
    expect(nextDay('2025-02-28')).toBe('2025-03-01');
    expect(ymd('2025-02-29')).toBeNull();
    expect(ymd('2025-2-1')).toBeNull();
    expect(() => nextDay('x')).toThrow(RangeError);
  });
});
