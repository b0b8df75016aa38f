// Reporting periods: canonical ids, spans, impossible periods.
import { describe, expect, it } from 'vitest';
import { parsePeriodId, PeriodIdSchema, periodId, periodSpan, spanOfId, type ReportingPeriod } from '../../../core/progress/index.ts';

describe('period ids', () => {
  it('reads every kind of canonical id, and writes it back the same', () => {
    const ids = ['2026-M03', '2026-M12', '2026-Q1', '2026-Q4', '2026-H1', '2026-H2', '2026-9M', '2026', '2026-06-15', '2024-02-29'];
    const periods = ids.map(parsePeriodId);
    expect(periods).toEqual([
      { kind: 'month', year: 2026, month: 3 },
      { kind: 'month', year: 2026, month: 12 },
      { kind: 'quarter', year: 2026, quarter: 1 },
      { kind: 'quarter', year: 2026, quarter: 4 },
      { kind: 'half', year: 2026, half: 1 },
      { kind: 'half', year: 2026, half: 2 },
      { kind: 'nine-months', year: 2026 },
      { kind: 'year', year: 2026 },
      { kind: 'day', date: '2026-06-15' },
      { kind: 'day', date: '2024-02-29' },
    ]);
    expect(periods.map((p) => periodId(p!))).toEqual(ids);
  });

  it('refuses ids that are not canonical or name no real period', () => {
    const bad = [
      '2026-M3',
      '2026-M13',
      '2026-M00',
      '2026-Q0',
      '2026-Q5',
      '2026-H3',
      '2026-6M',
      '2026-02-30',
      '2025-02-29',
      '26',
      '3000',
      'Q1-2026',
      ' 2026',
      '',
    ];
    expect(bad.map(parsePeriodId)).toEqual(bad.map(() => null));
    expect(bad.map((id) => PeriodIdSchema.safeParse(id).success)).toEqual(bad.map(() => false));
    expect(PeriodIdSchema.safeParse('2026-Q1').success).toBe(true);
  });

  it('spans each kind from its first to its last day; a day covers its year so far', () => {
    const spans = ['2026-M02', '2024-M02', '2026-Q3', '2026-H1', '2026-H2', '2026-9M', '2026', '2026-06-15'].map(spanOfId);
    expect(spans).toEqual([
      { start: '2026-02-01', end: '2026-02-28' },
      { start: '2024-02-01', end: '2024-02-29' },
      { start: '2026-07-01', end: '2026-09-30' },
      { start: '2026-01-01', end: '2026-06-30' },
      { start: '2026-07-01', end: '2026-12-31' },
      { start: '2026-01-01', end: '2026-09-30' },
      { start: '2026-01-01', end: '2026-12-31' },
      { start: '2026-01-01', end: '2026-06-15' },
    ]);
  });

  it('has no span for an impossible period built by hand, and spanOfId throws on a bad id', () => {
    const impossible: ReportingPeriod[] = [
      { kind: 'month', year: 2026, month: 13 },
      { kind: 'quarter', year: 2026, quarter: 0 },
      { kind: 'year', year: 1200 },
      { kind: 'day', date: '2026-13-01' },
    ];
    expect(impossible.map(periodSpan)).toEqual([null, null, null, null]);
    expect(() => spanOfId('2026-Q5')).toThrow(RangeError);
  });
});
