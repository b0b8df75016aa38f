// Deadlines that take their year from the plan ("Trước ngày 31/01 năm liền kề") and deadlines counted from an event
// ("Sau 03 tháng kể từ khi …"): what they read to with and without the plan's year, and when they fall due.
import { describe, expect, it } from 'vitest';
import { dueDate, formatDeadline, parseDeadline } from '../../../core/deadline.ts';
import { occurrenceIn, spanOfId } from '../../../core/progress/index.ts';

const day = (iso: string) => ({ precision: 'day', start: iso, end: iso });

describe('a later year counts from the plan’s year', () => {
  it.each([
    ['Trước ngày 31/01 năm liền kề', { kind: 'period', period: day('2027-01-31') }],
    ['Trước ngày 31/01 năm sau', { kind: 'period', period: day('2027-01-31') }],
    ['Chậm nhất ngày 31 tháng 01 năm tiếp theo', { kind: 'period', period: day('2027-01-31') }],
    ['Tháng 01 năm liền kề', { kind: 'period', period: { precision: 'month', start: '2027-01-01', end: '2027-01-31' } }],
    ['Trong quý I năm tiếp theo', { kind: 'period', period: { precision: 'quarter', start: '2027-01-01', end: '2027-03-31' } }],
    ['Tháng 12 năm sau', { kind: 'period', period: { precision: 'month', start: '2027-12-01', end: '2027-12-31' } }],
    // "Năm trước" stays relative: the year before each year's plan.
    ['Quý IV của năm trước', { kind: 'recurring', every: 'yearly', relative: { quarter: 4, yearOffset: -1 } }],
    // 29 February 2027 does not exist: never a guessed day.
    ['Trước ngày 29/02 năm sau', { kind: 'unparsed' }],
    // "Trước quý I" could mean before it starts: only a day is plain after "trước".
    ['Trước quý I năm sau', { kind: 'unparsed' }],
  ])('%s in the 2026 plan', (text, read) => {
    expect(parseDeadline(text, { planYear: 2026 })).toEqual({ text, ...read });
  });

  it.each([
    ['Trước ngày 31/01 năm liền kề', { month: 1, day: 31, yearOffset: 1 }, 'Ngày 31/1 năm sau'],
    ['Chậm nhất ngày 31 tháng 01 năm tiếp theo', { month: 1, day: 31, yearOffset: 1 }, 'Ngày 31/1 năm sau'],
    ['Tháng 01 năm liền kề', { month: 1, yearOffset: 1 }, 'Tháng 1 năm sau'],
    ['Quý I năm tiếp theo', { quarter: 1, yearOffset: 1 }, 'Quý I năm sau'],
    ['Ngày 15/12 2 năm sau', { month: 12, day: 15, yearOffset: 2 }, 'Ngày 15/12 2 năm sau'],
  ])('%s without a plan year (a stage plan) is each year’s, relative', (text, relative, canonical) => {
    const d = parseDeadline(text);
    expect(d).toEqual({ kind: 'recurring', text, every: 'yearly', relative });
    expect(formatDeadline(d)).toBe(canonical);
    expect(parseDeadline(canonical)).toEqual({ kind: 'recurring', text: canonical, every: 'yearly', relative });
  });

  it('a relative day falls due on that day, this year’s or the next once passed', () => {
    const d = parseDeadline('Trước ngày 31/01 năm liền kề');
    expect([dueDate(d, '2026-06-30'), dueDate(d, '2027-01-31'), dueDate(d, '2027-02-01')]).toEqual([
      '2027-01-31',
      '2027-01-31',
      '2028-01-31',
    ]);
    // A reporting period judges the occurrence that falls in it, as for "Quý IV của năm trước".
    expect([occurrenceIn(d, spanOfId('2026')), occurrenceIn(d, spanOfId('2026-Q2'))]).toEqual([
      { due: '2026-01-31', from: '2025-02-01' },
      { due: '2027-01-31', from: '2026-02-01' },
    ]);
  });
});

describe('a deadline counted from an event is conditional, whatever the plan’s year', () => {
  it.each([
    'Sau 03 tháng kể từ khi Kế hoạch được ban hành',
    'Sau 03 tháng kể từ ngày ký',
    'Trong vòng 30 ngày kể từ ngày có văn bản hướng dẫn',
    '30 ngày sau khi có kết quả kiểm tra',
    'Chậm nhất 15 ngày làm việc sau khi nhận được hồ sơ',
    'Sau 6 tháng',
  ])('%s', (text) => {
    expect([parseDeadline(text), parseDeadline(text, { planYear: 2026 })]).toEqual([
      { kind: 'conditional', text },
      { kind: 'conditional', text },
    ]);
  });

  it('a number of months that is a period is not an event ("6 tháng đầu năm 2026", "Sáu tháng cuối năm")', () => {
    expect([parseDeadline('6 tháng đầu năm 2026').kind, parseDeadline('Sáu tháng cuối năm', { planYear: 2026 }).kind]).toEqual([
      'period',
      'period',
    ]);
  });
});

describe('readings remembered by text, per plan year', () => {
  it('each plan year reads its own, a copy edited changes nothing, and past the bound the readings are the same', () => {
    const read = () => [parseDeadline('Quý IV'), parseDeadline('Quý IV', { planYear: 2025 }), parseDeadline('Quý IV', { planYear: 2026 })];
    const first = read();
    const expected = structuredClone(first);
    expect(first.map((d) => (d.kind === 'period' ? d.period.start : d.kind))).toEqual(['unparsed', '2025-10-01', '2026-10-01']);
    (first[1] as { period: { start: string } }).period.start = 'edited';
    expect(read()).toEqual(expected);
    // More distinct texts than are kept (20,000): the maps are emptied and filled again.
    for (let i = 0; i < 20_001; i++) parseDeadline(`Ngày ${(i % 28) + 1}/${(i % 12) + 1}/${2000 + (i % 1000)} (${i})`, { planYear: 2026 });
    expect(read()).toEqual(expected);
  });
});
