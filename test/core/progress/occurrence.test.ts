// Which due date of a deadline a reporting period judges, and from when a completion counts for it.
import { describe, expect, it } from 'vitest';
import { parseDeadline } from '../../../core/deadline.ts';
import { occurrenceIn, spanOfId } from '../../../core/progress/index.ts';

const occ = (text: string, period: string) => occurrenceIn(parseDeadline(text), spanOfId(period));

describe('occurrenceIn', () => {
  it('is a period deadline’s end whatever the reporting period', () => {
    expect([occ('Quý III/2025', '2026-Q2'), occ('Giai đoạn 2025-2030', '2026')]).toEqual([{ due: '2025-09-30' }, { due: '2030-12-31' }]);
  });

  it('is the cycle a recurring deadline is in at the period’s end', () => {
    expect([
      occ('Hằng năm', '2026-Q1'),
      occ('Hằng năm', '2026-M12'),
      occ('Định kỳ hằng quý', '2026-H1'),
      occ('Định kỳ hằng quý', '2026-M02'),
      occ('Hằng tháng', '2026-Q1'),
      occ('Thường xuyên', '2026-9M'),
      occ('Thường xuyên', '2026-06-15'),
    ]).toEqual([
      { due: '2026-12-31', from: '2026-01-01' },
      { due: '2026-12-31', from: '2026-01-01' },
      { due: '2026-06-30', from: '2026-04-01' },
      { due: '2026-03-31', from: '2026-01-01' },
      { due: '2026-03-31', from: '2026-03-01' },
      { due: '2026-09-30', from: '2026-01-01' },
      { due: '2026-06-15', from: '2026-01-01' },
    ]);
  });

  it('is the first period’s end until the reporting period passes it', () => {
    expect([
      occ('Tháng 7/2025, duy trì hàng năm', '2025-Q1'),
      occ('Tháng 7/2025, duy trì hàng năm', '2025-Q3'),
      occ('Tháng 7/2025, duy trì hàng năm', '2025-Q4'),
      occ('Năm 2025 và những năm tiếp theo', '2026-H1'),
    ]).toEqual([
      { due: '2025-07-31' },
      { due: '2025-07-31' },
      { due: '2025-12-31', from: '2025-01-01' },
      { due: '2026-12-31', from: '2026-01-01' },
    ]);
  });

  it('is a relative quarter’s end in the period’s year, or the next year’s once it ended before the period', () => {
    expect([occ('Quý IV của năm trước', '2026-Q2'), occ('Quý I hằng năm', '2026-Q1'), occ('Quý I hằng năm', '2026-H2')]).toEqual([
      { due: '2026-12-31', from: '2026-01-01' },
      { due: '2026-03-31', from: '2025-04-01' },
      { due: '2027-03-31', from: '2026-04-01' },
    ]);
  });

  it('is null when no date can be known', () => {
    expect([
      occ('Khi có văn bản của cấp trên', '2026'),
      occ('Trước Tết Nguyên đán', '2026'),
      occurrenceIn(undefined, spanOfId('2026')),
    ]).toEqual([null, null, null]);
  });
});
