// parseDeadline on every real deadline phrase from the seed plans, and on the generalized spellings the grammar promises.
import { describe, expect, it } from 'vitest';
import { formatDeadline, isCanonical, parseDeadline } from '../../core/deadline.ts';
import type { Deadline, Period, Precision } from '../../core/model/deadline.ts';
import { DeadlineSchema } from '../../core/model/deadline.ts';

const per = (precision: Precision, start: string, end: string): Period => ({ precision, start, end });
const Y = (y: number) => per('year', `${y}-01-01`, `${y}-12-31`);
const M = (y: number, m: number, last: number) =>
  per('month', `${y}-${String(m).padStart(2, '0')}-01`, `${y}-${String(m).padStart(2, '0')}-${last}`);
const Q = (y: number, q: number) =>
  per('quarter', `${y}-${['01', '04', '07', '10'][q - 1]}-01`, `${y}-${['03-31', '06-30', '09-30', '12-31'][q - 1]}`);
const D = (iso: string) => per('day', iso, iso);

const period = (text: string, p: Period): Deadline => ({ kind: 'period', text, period: p });
const recurring = (text: string, rest: Omit<Extract<Deadline, { kind: 'recurring' }>, 'kind' | 'text'>): Deadline => ({
  kind: 'recurring',
  text,
  ...rest,
});

/** A Deadline without its text (Omit distributed over the union's members). */
type Body = { [K in Deadline['kind']]: Omit<Extract<Deadline, { kind: K }>, 'text'> }[Deadline['kind']];

/** Each case: input text → the exact Deadline expected (text is the trimmed input). */
function expectAll(cases: [string, Body][]) {
  for (const [input, want] of cases) {
    const got = parseDeadline(input);
    expect(got, input).toEqual({ ...want, text: input.trim() });
    expect(DeadlineSchema.safeParse(got).success, input).toBe(true);
  }
}

describe('real phrases from the seed plans', () => {
  it.each<[string, Deadline]>([
    ['Thường xuyên', recurring('Thường xuyên', { every: 'continuous' })],
    ['Hàng năm', recurring('Hàng năm', { every: 'yearly' })],
    ['Hằng năm', recurring('Hằng năm', { every: 'yearly' })],
    ['Năm 2025', period('Năm 2025', Y(2025))],
    ['Năm 2026', period('Năm 2026', Y(2026))],
    ['Trong năm 2025', period('Trong năm 2025', Y(2025))],
    ['Quý III/2025', period('Quý III/2025', Q(2025, 3))],
    ['Quý IV/2025', period('Quý IV/2025', Q(2025, 4))],
    ['Quý I /2026', period('Quý I /2026', Q(2026, 1))],
    ['Tháng 11/2025', period('Tháng 11/2025', M(2025, 11, 30))],
    ['Tháng 01/2029', period('Tháng 01/2029', M(2029, 1, 31))],
    ['Tháng 02/2026', period('Tháng 02/2026', M(2026, 2, 28))],
    ['Tháng 10/2027', period('Tháng 10/2027', M(2027, 10, 31))],
    ['Tháng 7,8 /2025', period('Tháng 7,8 /2025', per('range', '2025-07-01', '2025-08-31'))],
    ['Tháng 7/2025, duy trì hàng năm', recurring('Tháng 7/2025, duy trì hàng năm', { every: 'yearly', first: M(2025, 7, 31) })],
    ['Năm 2025 và thường xuyên', recurring('Năm 2025 và thường xuyên', { every: 'continuous', first: Y(2025) })],
    ['Năm 2025 và những năm tiếp theo', recurring('Năm 2025 và những năm tiếp theo', { every: 'yearly', first: Y(2025) })],
    ['Giai đoạn 2025-2026', period('Giai đoạn 2025-2026', per('range', '2025-01-01', '2026-12-31'))],
    ['2025 - 2026', period('2025 - 2026', per('range', '2025-01-01', '2026-12-31'))],
    ['Quý IV của năm trước', recurring('Quý IV của năm trước', { every: 'yearly', relative: { quarter: 4, yearOffset: -1 } })],
    ['Triển khai theo hướng dẫn của cấp trên', { kind: 'conditional', text: 'Triển khai theo hướng dẫn của cấp trên' }],
    ['Khi có văn bản của cấp trên', { kind: 'conditional', text: 'Khi có văn bản của cấp trên' }],
  ])('%s', (input, want) => {
    expect(parseDeadline(input)).toEqual(want);
  });

  it('parses fragments split across a page once joined with a space', () => {
    expect(parseDeadline(['Thường', 'xuyên'].join(' '))).toEqual(recurring('Thường xuyên', { every: 'continuous' }));
    expect(parseDeadline(['Tháng 7/2025,', 'duy trì hàng năm'].join(' '))).toEqual(
      recurring('Tháng 7/2025, duy trì hàng năm', { every: 'yearly', first: M(2025, 7, 31) }),
    );
    expect(parseDeadline('Thường\nxuyên')).toMatchObject({ kind: 'recurring', every: 'continuous', text: 'Thường\nxuyên' });
  });

  it('keeps the fragments themselves out of the dates (a lone "Thường" is not a deadline)', () => {
    expect(parseDeadline('Thường').kind).toBe('unparsed');
    expect(parseDeadline('xuyên').kind).toBe('unparsed');
    expect(parseDeadline('Tháng 7/2025,')).toEqual(period('Tháng 7/2025,', M(2025, 7, 31)));
  });
});

describe('generalized spellings', () => {
  it('prefixes: "Hoàn thành trong", "Trước", "Chậm nhất", "Đến"', () => {
    expectAll([
      ['Hoàn thành trong Quý III/2025', { kind: 'period', period: Q(2025, 3) }],
      ['Hoàn thành trước ngày 31/12/2025', { kind: 'period', period: D('2025-12-31') }],
      ['Trước 31/12/2025', { kind: 'period', period: D('2025-12-31') }],
      ['Trước ngày 15/3/2026', { kind: 'period', period: D('2026-03-15') }],
      ['Chậm nhất tháng 9/2025', { kind: 'period', period: M(2025, 9, 30) }],
      ['Chậm nhất là ngày 30/9/2025', { kind: 'period', period: D('2025-09-30') }],
      ['Thời gian: Quý IV/2025', { kind: 'period', period: Q(2025, 4) }],
      ['Đến năm 2030', { kind: 'period', period: Y(2030) }],
      ['Đến hết năm 2030', { kind: 'period', period: Y(2030) }],
      ['Từ nay đến năm 2030', { kind: 'period', period: Y(2030) }],
      ['Hết quý III/2025', { kind: 'period', period: Q(2025, 3) }],
    ]);
  });

  it('months and quarters in every spelling', () => {
    expectAll([
      ['tháng 10 năm 2025', { kind: 'period', period: M(2025, 10, 31) }],
      ['Tháng 7 - 2025', { kind: 'period', period: M(2025, 7, 31) }],
      ['Tháng 12, 2025', { kind: 'period', period: M(2025, 12, 31) }],
      ['7/2025', { kind: 'period', period: M(2025, 7, 31) }],
      ['Quý III năm 2025', { kind: 'period', period: Q(2025, 3) }],
      ['Quý 3/2025', { kind: 'period', period: Q(2025, 3) }],
      ['Q3/2025', { kind: 'period', period: Q(2025, 3) }],
      ['QIII/2025', { kind: 'period', period: Q(2025, 3) }],
      ['Quí II/2026', { kind: 'period', period: Q(2026, 2) }],
      ['Quý IV 2025', { kind: 'period', period: Q(2025, 4) }],
      ['Quý IV của năm 2025', { kind: 'period', period: Q(2025, 4) }],
      ['Cuối quý III/2025', { kind: 'period', period: Q(2025, 3) }],
      ['Cuối tháng 9/2025', { kind: 'period', period: M(2025, 9, 30) }],
    ]);
  });

  it('days: slashes, dashes, dots, words, ISO', () => {
    expectAll([
      ['31/12/2025', { kind: 'period', period: D('2025-12-31') }],
      ['31-12-2025', { kind: 'period', period: D('2025-12-31') }],
      ['31.12.2025', { kind: 'period', period: D('2025-12-31') }],
      ['ngày 15/3/2026', { kind: 'period', period: D('2026-03-15') }],
      ['ngày 15 tháng 3 năm 2026', { kind: 'period', period: D('2026-03-15') }],
      ['Ngày 05/01/2026', { kind: 'period', period: D('2026-01-05') }],
      ['29/02/2028', { kind: 'period', period: D('2028-02-29') }],
      ['2025-12-31', { kind: 'period', period: D('2025-12-31') }],
    ]);
  });

  it('halves, year edges, ranges and lists', () => {
    expectAll([
      ['6 tháng đầu năm 2026', { kind: 'period', period: per('half', '2026-01-01', '2026-06-30') }],
      ['6 tháng cuối năm 2025', { kind: 'period', period: per('half', '2025-07-01', '2025-12-31') }],
      ['Sáu tháng đầu năm 2026', { kind: 'period', period: per('half', '2026-01-01', '2026-06-30') }],
      ['Nửa cuối năm 2025', { kind: 'period', period: per('half', '2025-07-01', '2025-12-31') }],
      ['Cuối năm 2025', { kind: 'period', period: Q(2025, 4) }],
      ['Đầu năm 2026', { kind: 'period', period: Q(2026, 1) }],
      ['Quý I, II/2026', { kind: 'period', period: per('range', '2026-01-01', '2026-06-30') }],
      ['Quý I - Quý II/2026', { kind: 'period', period: per('range', '2026-01-01', '2026-06-30') }],
      ['Tháng 7-8/2025', { kind: 'period', period: per('range', '2025-07-01', '2025-08-31') }],
      ['Tháng 7 và 8/2025', { kind: 'period', period: per('range', '2025-07-01', '2025-08-31') }],
      ['Từ 2025 đến 2030', { kind: 'period', period: per('range', '2025-01-01', '2030-12-31') }],
      ['Từ năm 2025 đến năm 2030', { kind: 'period', period: per('range', '2025-01-01', '2030-12-31') }],
      ['Từ tháng 7/2025 đến tháng 12/2025', { kind: 'period', period: per('range', '2025-07-01', '2025-12-31') }],
      ['Từ tháng 7 đến tháng 12/2025', { kind: 'period', period: per('range', '2025-07-01', '2025-12-31') }],
      ['Tháng 12/2025 - tháng 2/2026', { kind: 'period', period: per('range', '2025-12-01', '2026-02-28') }],
      ['Từ 1/7/2025 đến 15/8/2025', { kind: 'period', period: per('range', '2025-07-01', '2025-08-15') }],
      ['Năm 2025-2026', { kind: 'period', period: per('range', '2025-01-01', '2026-12-31') }],
      ['Năm 2025 và 2026', { kind: 'period', period: per('range', '2025-01-01', '2026-12-31') }],
      ['2025-26', { kind: 'period', period: per('range', '2025-01-01', '2026-12-31') }],
      ['Giai đoạn 2025 – 2030', { kind: 'period', period: per('range', '2025-01-01', '2030-12-31') }],
      ['Trong giai đoạn 2026-2030', { kind: 'period', period: per('range', '2026-01-01', '2030-12-31') }],
      ['2025', { kind: 'period', period: Y(2025) }],
    ]);
  });

  it('recurrences', () => {
    expectAll([
      ['Định kỳ hằng quý', { kind: 'recurring', every: 'quarterly' }],
      ['Hàng quý', { kind: 'recurring', every: 'quarterly' }],
      ['Hằng tháng', { kind: 'recurring', every: 'monthly' }],
      ['Mỗi tháng', { kind: 'recurring', every: 'monthly' }],
      ['Thực hiện thường xuyên', { kind: 'recurring', every: 'continuous' }],
      ['Duy trì thường xuyên', { kind: 'recurring', every: 'continuous' }],
      ['Liên tục', { kind: 'recurring', every: 'continuous' }],
      ['Thường xuyên, liên tục', { kind: 'recurring', every: 'continuous' }],
      ['Tháng 7/2025 và duy trì thường xuyên', { kind: 'recurring', every: 'continuous', first: M(2025, 7, 31) }],
      ['Quý I/2026, duy trì hằng quý', { kind: 'recurring', every: 'quarterly', first: Q(2026, 1) }],
      ['Năm 2025 và các năm tiếp theo', { kind: 'recurring', every: 'yearly', first: Y(2025) }],
      ['Từ năm 2025 trở đi', { kind: 'recurring', every: 'yearly', first: Y(2025) }],
      ['Từ tháng 7/2025', { kind: 'recurring', every: 'continuous', first: M(2025, 7, 31) }],
      ['Hằng năm, bắt đầu từ tháng 7/2025', { kind: 'recurring', every: 'yearly', first: M(2025, 7, 31) }],
      ['Quý IV năm trước', { kind: 'recurring', every: 'yearly', relative: { quarter: 4, yearOffset: -1 } }],
      ['Quý IV (năm trước)', { kind: 'recurring', every: 'yearly', relative: { quarter: 4, yearOffset: -1 } }],
      ['Tháng 12 năm sau', { kind: 'recurring', every: 'yearly', relative: { month: 12, yearOffset: 1 } }],
      ['Quý I 2 năm trước', { kind: 'recurring', every: 'yearly', relative: { quarter: 1, yearOffset: -2 } }],
      ['Quý IV hằng năm', { kind: 'recurring', every: 'yearly', relative: { quarter: 4, yearOffset: 0 } }],
      ['Hằng năm vào quý IV', { kind: 'recurring', every: 'yearly', relative: { quarter: 4, yearOffset: 0 } }],
    ]);
  });

  it('conditions', () => {
    expectAll([
      ['Sau khi có hướng dẫn', { kind: 'conditional' }],
      ['Theo chỉ đạo của UBND tỉnh', { kind: 'conditional' }],
      ['Khi có yêu cầu', { kind: 'conditional' }],
      ['Tùy theo tình hình thực tế', { kind: 'conditional' }],
      ['Thực hiện khi có yêu cầu', { kind: 'conditional' }],
      ['Đột xuất', { kind: 'conditional' }],
    ]);
  });

  it('tolerates case, missing accents, spacing, slashes, dots and old spellings', () => {
    expectAll([
      ['Quy III/2025', { kind: 'period', period: Q(2025, 3) }],
      ['quy iii / 2025', { kind: 'period', period: Q(2025, 3) }],
      ['  QUÝ   III  /  2025 . ', { kind: 'period', period: Q(2025, 3) }],
      ['Thuong xuyen', { kind: 'recurring', every: 'continuous' }],
      ['THƯỜNG XUYÊN.', { kind: 'recurring', every: 'continuous' }],
      ['- Hàng năm;', { kind: 'recurring', every: 'yearly' }],
      ['Hang nam', { kind: 'recurring', every: 'yearly' }],
      ['Dinh ky hang quy', { kind: 'recurring', every: 'quarterly' }],
      ['Nam 2025', { kind: 'period', period: Y(2025) }],
      ['Thang 7 /2025', { kind: 'period', period: M(2025, 7, 31) }],
      ['Tháng\u00a07/2025', { kind: 'period', period: M(2025, 7, 31) }],
      ['Qu\u00fd III/2025'.normalize('NFD'), { kind: 'period', period: Q(2025, 3) }],
      ['Khi co van ban cua cap tren', { kind: 'conditional' }],
    ]);
  });

  it('uses planYear only where the year is left out', () => {
    expect(parseDeadline('Quý IV', { planYear: 2025 })).toEqual(period('Quý IV', Q(2025, 4)));
    expect(parseDeadline('Tháng 9', { planYear: 2025 })).toEqual(period('Tháng 9', M(2025, 9, 30)));
    expect(parseDeadline('6 tháng đầu năm', { planYear: 2026 })).toEqual(
      period('6 tháng đầu năm', per('half', '2026-01-01', '2026-06-30')),
    );
    expect(parseDeadline('Quý IV/2026', { planYear: 2025 })).toEqual(period('Quý IV/2026', Q(2026, 4)));
    expect(parseDeadline('Quý IV').kind).toBe('unparsed');
    expect(parseDeadline('Tháng 9').kind).toBe('unparsed');
    // A relative phrase stays relative: the plan year does not pin it down.
    expect(parseDeadline('Quý IV của năm trước', { planYear: 2026 })).toMatchObject({
      kind: 'recurring',
      relative: { quarter: 4, yearOffset: -1 },
    });
    expect(parseDeadline('Quý IV', { planYear: 3000 }).kind).toBe('unparsed');
  });
});

describe('invalid values are never dates', () => {
  it.each([
    'Tháng 13/2025',
    'Tháng 0/2025',
    'Quý V/2025',
    'Quý 5/2025',
    'Quý 0/2025',
    '31/02/2025',
    '29/02/2025',
    '32/1/2025',
    'Năm 1989',
    'Năm 2101',
    '2150',
    'Tháng 7/2150',
    'Quý III/1900',
    '31/12/2200',
    'Giai đoạn 2026-2025',
    'Giai đoạn 2025-2025',
    'Tháng 8-7/2025',
    'Tháng 7, 9/2025',
    'Trước quý III/2025',
    'Trước tháng 9/2025',
    'Đầu tháng 9/2025',
    'Năm học 2025-2026',
    '7-8/2025',
    'Quý III/25',
    'abc',
    '',
    '   ',
    '----',
    'Định kỳ',
    'Thường xuyên theo',
    'Năm 2025 2026',
    'Quý IV/2025 năm trước',
    'Quý IV 0 năm trước',
    'Từ nay',
    '12345678901234567890',
  ])('%j → unparsed', (input) => {
    expect(parseDeadline(input)).toEqual({ kind: 'unparsed', text: input.trim() });
  });
});

describe('non-text cells', () => {
  it('reads a real Excel date by its UTC calendar day', () => {
    expect(parseDeadline(new Date(Date.UTC(2025, 11, 31)))).toEqual(period('31/12/2025', D('2025-12-31')));
    expect(parseDeadline(new Date(Date.UTC(2026, 0, 5, 23, 30)))).toEqual(period('5/1/2026', D('2026-01-05')));
  });

  it('reads a bare year number and an Excel serial date', () => {
    expect(parseDeadline(2025)).toEqual(period('2025', Y(2025)));
    expect(parseDeadline(45658)).toEqual(period('1/1/2025', D('2025-01-01')));
    expect(parseDeadline(46022.75)).toEqual(period('31/12/2025', D('2025-12-31')));
  });

  it('refuses numbers and dates that are not plausible deadlines', () => {
    expect(parseDeadline(12)).toEqual({ kind: 'unparsed', text: '12' });
    expect(parseDeadline(2025.5)).toEqual({ kind: 'unparsed', text: '2025.5' });
    expect(parseDeadline(Number.NaN)).toEqual({ kind: 'unparsed', text: 'NaN' });
    expect(parseDeadline(new Date('nope'))).toEqual({ kind: 'unparsed', text: '' });
    expect(parseDeadline(new Date(Date.UTC(1900, 0, 1)))).toEqual({ kind: 'unparsed', text: '1/1/1900' });
    expect(parseDeadline(null)).toEqual({ kind: 'unparsed', text: '' });
    expect(parseDeadline(undefined)).toEqual({ kind: 'unparsed', text: '' });
  });

  it('keeps the original text, trimmed', () => {
    expect(parseDeadline('  Quý III/2025 \n').text).toBe('Quý III/2025');
    expect(parseDeadline('  ghi chú lạ ').text).toBe('ghi chú lạ');
  });
});

describe('a deadline followed by words about it', () => {
  it('reads the deadline before the comma and keeps the words as written, in the canonical form too', () => {
    expect(parseDeadline('Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính')).toEqual({
      kind: 'recurring',
      every: 'continuous',
      note: 'định kỳ hằng quý báo cáo về Sở Tài chính',
      text: 'Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính',
    });
    const q = parseDeadline('Quý 4/2026, báo cáo UBND xã');
    expect(q).toEqual({
      kind: 'period',
      period: { precision: 'quarter', start: '2026-10-01', end: '2026-12-31' },
      note: 'báo cáo UBND xã',
      text: 'Quý 4/2026, báo cáo UBND xã',
    });
    expect(formatDeadline(q)).toBe('Quý IV/2026, báo cáo UBND xã');
    expect(isCanonical('Thường xuyên, định kỳ hằng quý báo cáo về Sở Tài chính')).toBe(true);
    // A comma inside the phrase itself is still the phrase's.
    expect(formatDeadline(parseDeadline('Tháng 07/2025, duy trì hàng năm'))).toBe('Tháng 7/2025, duy trì hằng năm');
    expect(parseDeadline('abc, def').kind).toBe('unparsed');
  });
});
