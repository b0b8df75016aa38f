// formatDeadline / formatPeriod / isCanonical: the canonical written forms a fix suggests.
import { describe, expect, it } from 'vitest';
import { formatDeadline, formatPeriod, isCanonical, parseDeadline } from '../../../core/deadline.ts';
import type { Period } from '../../../core/model/deadline.ts';

const canon = (text: string) => formatDeadline(parseDeadline(text));

describe('formatDeadline', () => {
  it.each([
    ['Quý 3/2025', 'Quý III/2025'],
    ['Q4/2025', 'Quý IV/2025'],
    ['Tháng 07/2025', 'Tháng 7/2025'],
    ['tháng 10 năm 2025', 'Tháng 10/2025'],
    ['31.12.2025', '31/12/2025'],
    ['ngày 05 tháng 01 năm 2026', '5/1/2026'],
    ['Trong năm 2025', 'Năm 2025'],
    ['2025', 'Năm 2025'],
    ['Sáu tháng đầu năm 2026', '6 tháng đầu năm 2026'],
    ['Nửa cuối năm 2025', '6 tháng cuối năm 2025'],
    ['2025 - 2026', 'Giai đoạn 2025-2026'],
    ['Từ năm 2025 đến năm 2030', 'Giai đoạn 2025-2030'],
    ['Tháng 7,8 /2025', 'Tháng 7-8/2025'],
    ['Quý I, II/2026', 'Tháng 1-6/2026'],
    ['Tháng 12/2025 - tháng 2/2026', 'Từ tháng 12/2025 đến tháng 2/2026'],
    ['Từ 1/7/2025 đến 15/8/2025', 'Từ 1/7/2025 đến 15/8/2025'],
    ['Thực hiện thường xuyên', 'Thường xuyên'],
    ['Liên tục', 'Thường xuyên'],
    ['Hàng năm', 'Hằng năm'],
    ['Định kỳ hàng quý', 'Hằng quý'],
    ['Mỗi tháng', 'Hằng tháng'],
    ['Tháng 7/2025, duy trì hàng năm', 'Tháng 7/2025, duy trì hằng năm'],
    ['Năm 2025 và những năm tiếp theo', 'Năm 2025, duy trì hằng năm'],
    ['Năm 2025 và thường xuyên', 'Năm 2025 và thường xuyên'],
    ['Quý IV của năm trước', 'Quý IV năm trước'],
    ['Tháng 12 năm sau', 'Tháng 12 năm sau'],
    ['Quý I 2 năm trước', 'Quý I 2 năm trước'],
    ['Hằng năm vào quý IV', 'Quý IV hằng năm'],
    ['Cuối năm 2025', 'Quý IV/2025'],
    ['Đầu năm 2026', 'Quý I/2026'],
    ['Đến hết năm 2030', 'Năm 2030'],
    ['  Khi có văn bản của cấp trên  ', 'Khi có văn bản của cấp trên'],
    ['Không rõ  ', 'Không rõ'],
  ])('%s → %s', (input, want) => {
    expect(canon(input)).toBe(want);
    expect(canon(input).normalize('NFC')).toBe(canon(input));
  });

  it('writes a period whose dates disagree with its precision as the range its dates say', () => {
    expect(formatPeriod({ precision: 'year', start: '2025-01-01', end: '2030-12-31' })).toBe('Giai đoạn 2025-2030');
    expect(formatPeriod({ precision: 'month', start: '2025-07-01', end: '2025-07-15' })).toBe('Từ 1/7/2025 đến 15/7/2025');
    expect(formatPeriod({ precision: 'range', start: '2025-01-01', end: '2025-12-31' })).toBe('Tháng 1-12/2025');
    expect(formatPeriod({ precision: 'range', start: '2025-07-01', end: '2025-07-31' })).toBe('Từ 1/7/2025 đến 31/7/2025');
    expect(formatPeriod({ precision: 'day', start: 'x', end: 'y' } as Period)).toBe('x - y');
  });
});

describe('isCanonical', () => {
  it.each([
    'Quý III/2025',
    'Tháng 7/2025',
    '31/12/2025',
    'Năm 2025',
    'Thường xuyên',
    'Hằng năm',
    'Giai đoạn 2025-2026',
    'Tháng 7-8/2025',
    'Tháng 7/2025, duy trì hằng năm',
    'Năm 2025 và thường xuyên',
    'Quý IV năm trước',
    '6 tháng đầu năm 2026',
    ' Quý III/2025 ',
    'Khi có văn bản của cấp trên',
    'chữ không hiểu',
  ])('%j is canonical', (text) => {
    expect(isCanonical(text)).toBe(true);
  });

  it.each([
    'Quý 3/2025',
    'Tháng 01/2029',
    'Hàng năm',
    'Tháng 7,8 /2025',
    '2025 - 2026',
    'Tháng 7/2025, duy trì hàng năm',
    'Quý I /2026',
    'Năm 2025 và những năm tiếp theo',
    'Quý IV của năm trước',
    'Trong năm 2025',
    '01/07/2025',
    'quý III/2025',
  ])('%j is not', (text) => {
    expect(isCanonical(text)).toBe(false);
  });

  it('honours planYear like parseDeadline', () => {
    expect(isCanonical('Quý IV')).toBe(true); // unparsed without a plan year: nothing to suggest
    expect(isCanonical('Quý IV', { planYear: 2025 })).toBe(false);
  });
});
