// Indicator actuals: their shape, and the next period's draft pre-filled from the previous one.
import { describe, expect, it } from 'vitest';
import { IndicatorActualSchema, prefillActual, type IndicatorActual } from '../../../core/progress/index.ts';

describe('IndicatorActualSchema', () => {
  it('takes a number or text, in either mode, and refuses an empty value or a bad period', () => {
    const ok: IndicatorActual = {
      indicatorId: 'c1',
      period: '2026-Q2',
      value: 72.5,
      mode: 'cumulative',
      reportedAt: '2026-06-30T09:00:00Z',
    };
    const inputs = [
      ok,
      { ...ok, value: 'Đã ban hành', mode: 'within-period' },
      { ...ok, value: '  ' },
      { ...ok, value: Number.POSITIVE_INFINITY },
      { ...ok, period: '2026-Q9' },
      { ...ok, mode: 'total' },
    ];
    expect(inputs.map((i) => IndicatorActualSchema.safeParse(i).success)).toEqual([true, true, false, false, false, false]);
  });
});

describe('prefillActual', () => {
  it('carries a cumulative value into the next period and starts a within-period value empty', () => {
    const cumulative: IndicatorActual = {
      indicatorId: 'c1',
      period: '2026-Q1',
      value: 40,
      mode: 'cumulative',
      note: 'Theo số liệu của Công an xã',
      reportedBy: 'Nguyễn Văn A',
      reportedAt: '2026-03-30T09:00:00Z',
    };
    expect([prefillActual(cumulative, '2026-Q2'), prefillActual({ ...cumulative, mode: 'within-period' }, '2026-Q2')]).toEqual([
      { indicatorId: 'c1', period: '2026-Q2', mode: 'cumulative', value: 40 },
      { indicatorId: 'c1', period: '2026-Q2', mode: 'within-period' },
    ]);
  });
});
