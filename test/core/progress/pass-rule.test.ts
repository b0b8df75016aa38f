// Indicator actuals against targets: the pass rule read from the target, met / not met / unknown, never guessed.
import { describe, expect, it } from 'vitest';
import { actualNumber, evaluateActual, passRuleOf } from '../../../core/progress/index.ts';

describe('passRuleOf', () => {
  it('reads minimums, maximums, bare levels and ranges, with the target grammar of the checks', () => {
    const cases: [target: string, rule: string | null][] = [
      ['≥ 70%', '≥ 70%'],
      ['>= 98%', '≥ 98%'],
      ['Trên 90% dân số', '≥ 90%'],
      ['Tối thiểu 85', '≥ 85'],
      ['Ít nhất 3', '≥ 3'],
      ['80', '≥ 80'],
      ['100%', '≥ 100%'],
      ['40 - 50', '≥ 40'],
      ['Từ 40 đến 50%', '≥ 40%'],
      ['≤ 5', '≤ 5'],
      ['Không quá 0,5', '≤ 0,5'],
      ['Tối đa 2', '≤ 2'],
      ['Đạt chuẩn', null],
      ['', null],
    ];
    expect(cases.map(([t]) => [t, passRuleOf(t)?.text ?? null])).toEqual(cases);
  });

  it('marks a percentage from the unit when the target has no sign', () => {
    expect(passRuleOf('70', '%')).toEqual({ op: '≥', value: 70, percent: true, text: '≥ 70%' });
  });
});

describe('actualNumber', () => {
  it('reads a number as the targets write it, nothing else', () => {
    const values = [72, '72%', '75,5', '1.234', ' 8 ', 'Đạt', '≥ 70', '40 - 50', Number.NaN];
    expect(values.map(actualNumber)).toEqual([72, 72, 75.5, 1234, 8, null, null, null, null]);
  });
});

describe('evaluateActual', () => {
  it('judges met or not met by the rule', () => {
    const cases: [string, number | string, string?][] = [
      ['≥ 70%', '72%'],
      ['≥ 70%', 70],
      ['≥ 70%', '69,9%'],
      ['Trên 90% dân số', 85],
      ['100%', 100],
      ['≤ 5', 3],
      ['≤ 5', 6],
      ['40 - 50', 45],
      ['40 - 50', 38],
      ['70', 75, '%'],
    ];
    expect(cases.map(([t, v, u]) => evaluateActual(t, v, u).verdict)).toEqual([
      'met',
      'met',
      'not-met',
      'not-met',
      'met',
      'met',
      'not-met',
      'met',
      'not-met',
      'met',
    ]);
  });

  it('says unknown, and why, when it cannot judge', () => {
    expect([
      evaluateActual('Đạt chuẩn', 'Đạt'),
      evaluateActual('≥ 70%', 'Đang thống kê'),
      evaluateActual('≥ 70%', undefined),
      evaluateActual('≥ 70%', '  '),
      evaluateActual(undefined, 80),
    ]).toEqual([
      { verdict: 'unknown', rule: null, actual: null, why: 'no-target-number' },
      { verdict: 'unknown', rule: { op: '≥', value: 70, percent: true, text: '≥ 70%' }, actual: null, why: 'value-not-number' },
      { verdict: 'unknown', rule: { op: '≥', value: 70, percent: true, text: '≥ 70%' }, actual: null, why: 'no-value' },
      { verdict: 'unknown', rule: { op: '≥', value: 70, percent: true, text: '≥ 70%' }, actual: null, why: 'no-value' },
      { verdict: 'unknown', rule: null, actual: 80, why: 'no-target-number' },
    ]);
  });

  it('gives the whole evaluation when it judges', () => {
    expect(evaluateActual('Không quá 3', '2')).toEqual({
      verdict: 'met',
      rule: { op: '≤', value: 3, percent: false, text: '≤ 3' },
      actual: 2,
    });
  });
});
