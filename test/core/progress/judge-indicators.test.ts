// A plan's indicators judged by their latest actual, and how many are met.
import { describe, expect, it } from 'vitest';
import { countIndicators, judgeIndicators, type IndicatorActual } from '../../../core/progress/index.ts';
import { planWithIndicators } from './plan.ts';

const plan = planWithIndicators([
  { id: 'c1', content: 'Tỷ lệ hồ sơ trực tuyến toàn trình', unit: '%', target: '≥ 70' },
  { id: 'c2', content: 'Số điểm wifi công cộng', unit: 'điểm', target: '10' },
  { id: 'c3', content: 'Quy chế quản lý dữ liệu', unit: 'Văn bản', target: 'Ban hành' },
  { id: 'c4', content: 'Tỷ lệ người dân có chữ ký số', unit: '%', target: 'Trên 40% dân số' },
  { content: 'Chỉ tiêu chưa có mã', unit: '%', target: '100' },
]);

const actuals: IndicatorActual[] = [
  { indicatorId: 'c1', period: '2026-Q1', value: 55, mode: 'cumulative' },
  { indicatorId: 'c1', period: '2026-Q2', value: '72,5%', mode: 'cumulative' },
  { indicatorId: 'c2', period: '2026-Q2', value: 4, mode: 'within-period' },
  { indicatorId: 'c3', period: '2026-Q2', value: 'Đã ban hành', mode: 'cumulative' },
  { indicatorId: 'c4', period: '2026-Q3', value: 45, mode: 'cumulative' },
];

describe('judgeIndicators', () => {
  it('judges each indicator by its latest actual begun by the day', () => {
    const judged = judgeIndicators(plan, actuals, '2026-06-30');
    expect(
      judged.map((j) => [
        j.indicatorId ?? null,
        j.actual?.value ?? null,
        j.evaluation.verdict,
        j.evaluation.rule?.text ?? null,
        j.evaluation.why ?? null,
      ]),
    ).toEqual([
      ['c1', '72,5%', 'met', '≥ 70%', null],
      ['c2', 4, 'not-met', '≥ 10', null],
      ['c3', 'Đã ban hành', 'unknown', null, 'no-target-number'],
      ['c4', null, 'unknown', '≥ 40%', 'no-value'],
      [null, null, 'unknown', '≥ 100%', 'no-value'],
    ]);
    expect(judged[0]).toEqual({
      indicatorId: 'c1',
      tt: '1',
      content: 'Tỷ lệ hồ sơ trực tuyến toàn trình',
      unit: '%',
      target: '≥ 70',
      actual: actuals[1],
      evaluation: { verdict: 'met', rule: { op: '≥', value: 70, percent: true, text: '≥ 70%' }, actual: 72.5 },
    });
  });

  it('takes the earlier actual before the later period has begun', () => {
    expect(judgeIndicators(plan, actuals, '2026-03-31')[0]!.evaluation.verdict).toBe('not-met');
  });
});

describe('countIndicators', () => {
  it('counts met, not met and unknown, and the indicators reported', () => {
    expect([
      countIndicators(judgeIndicators(plan, actuals, '2026-06-30')),
      countIndicators(judgeIndicators(plan, actuals, '2026-09-30')),
    ]).toEqual([
      { indicators: 5, reported: 3, met: 1, notMet: 1, unknown: 3 },
      { indicators: 5, reported: 4, met: 2, notMet: 1, unknown: 2 },
    ]);
  });
});
