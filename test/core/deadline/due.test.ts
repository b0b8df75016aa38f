// dueDate: the date a deadline falls due on as of a given day.
import { describe, expect, it } from 'vitest';
import { dueDate, parseDeadline } from '../../../core/deadline.ts';

const due = (text: string, asOf: string) => dueDate(parseDeadline(text), asOf);

describe('dueDate', () => {
  it('is a period’s end, whether or not it has passed', () => {
    expect(due('Quý III/2025', '2025-01-01')).toBe('2025-09-30');
    expect(due('Quý III/2025', '2026-01-01')).toBe('2025-09-30');
    expect(due('Giai đoạn 2025-2026', '2025-06-01')).toBe('2026-12-31');
    expect(due('31/12/2025', '2025-06-01')).toBe('2025-12-31');
  });

  it('is the end of the current cycle for yearly, quarterly and monthly deadlines', () => {
    expect(due('Hằng năm', '2025-08-15')).toBe('2025-12-31');
    expect(due('Hằng năm', '2025-12-31')).toBe('2025-12-31');
    expect(due('Hằng quý', '2025-08-15')).toBe('2025-09-30');
    expect(due('Hằng quý', '2025-10-01')).toBe('2025-12-31');
    expect(due('Hằng tháng', '2025-02-10')).toBe('2025-02-28');
    expect(due('Hằng tháng', '2024-02-10')).toBe('2024-02-29');
  });

  it('is the first period’s end until it is over, then the cycle’s', () => {
    expect(due('Tháng 7/2025, duy trì hàng năm', '2025-03-01')).toBe('2025-07-31');
    expect(due('Tháng 7/2025, duy trì hàng năm', '2025-07-31')).toBe('2025-07-31');
    expect(due('Tháng 7/2025, duy trì hàng năm', '2025-08-01')).toBe('2025-12-31');
    expect(due('Tháng 7/2025, duy trì hàng năm', '2027-02-01')).toBe('2027-12-31');
    expect(due('Quý I/2026, duy trì hằng quý', '2026-05-05')).toBe('2026-06-30');
    expect(due('Năm 2025 và thường xuyên', '2025-05-01')).toBe('2025-12-31');
    expect(due('Năm 2025 và thường xuyên', '2026-05-01')).toBeNull();
  });

  it('for a relative quarter or month, is its end in asOf’s year (or the next, once passed)', () => {
    expect(due('Quý IV của năm trước', '2025-03-01')).toBe('2025-12-31');
    expect(due('Quý IV của năm trước', '2025-12-31')).toBe('2025-12-31');
    expect(due('Quý I hằng năm', '2025-03-31')).toBe('2025-03-31');
    expect(due('Quý I hằng năm', '2025-04-01')).toBe('2026-03-31');
    expect(due('Tháng 2 năm sau', '2027-06-01')).toBe('2028-02-29');
  });

  it('is null when no date can be known', () => {
    expect(due('Thường xuyên', '2025-08-15')).toBeNull();
    expect(due('Khi có văn bản của cấp trên', '2025-08-15')).toBeNull();
    expect(due('chưa rõ', '2025-08-15')).toBeNull();
  });

  it('rejects an asOf that is not an ISO day', () => {
    expect(() => due('Hằng năm', '15/08/2025')).toThrow(RangeError);
    expect(() => due('Hằng năm', '2025-02-30')).toThrow(RangeError);
  });
});
