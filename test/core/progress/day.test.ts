// ISO days and moments as progress stores them.
import { describe, expect, it } from 'vitest';
import { IsoDaySchema, isIsoDay, MomentSchema, vietnamDay } from '../../../core/progress/index.ts';

describe('days', () => {
  it('accepts real days written yyyy-mm-dd only', () => {
    const days = ['2026-06-30', '2024-02-29', '2025-02-29', '2026-6-30', '30/06/2026', '2026-06-30T00:00:00Z', ''];
    expect(days.map(isIsoDay)).toEqual([true, true, false, false, false, false, false]);
    expect(days.map((d) => IsoDaySchema.safeParse(d).success)).toEqual([true, true, false, false, false, false, false]);
  });

  it('accepts moments with an offset', () => {
    const moments = ['2026-06-30T09:15:00Z', '2026-06-30T16:15:00+07:00', '2026-06-30T09:15:00', '2026-06-30'];
    expect(moments.map((m) => MomentSchema.safeParse(m).success)).toEqual([true, true, false, false]);
  });

  it('gives a moment’s day in Vietnam’s time', () => {
    expect([
      vietnamDay('2026-06-30T16:59:00Z'),
      vietnamDay('2026-06-30T17:00:00Z'),
      vietnamDay('2026-07-01T06:00:00+07:00'),
      vietnamDay('hôm qua'),
    ]).toEqual(['2026-06-30', '2026-07-01', '2026-07-01', null]);
  });
});
