// Reporting periods in words: the labels a report's title uses, and reading periods back from words.
import { describe, expect, it } from 'vitest';
import { parsePeriod, parsePeriodId, periodId, periodLabel } from '../../../core/progress/index.ts';

const IDS = ['2026-M03', '2026-Q1', '2026-Q4', '2026-H1', '2026-H2', '2026-9M', '2026', '2026-06-15'];

describe('periodLabel', () => {
  it('names each period as a Vietnamese report title does', () => {
    expect(IDS.map((id) => periodLabel(parsePeriodId(id)!))).toEqual([
      'Tháng 3 năm 2026',
      'Quý I năm 2026',
      'Quý IV năm 2026',
      '6 tháng đầu năm 2026',
      '6 tháng cuối năm 2026',
      '9 tháng năm 2026',
      'Năm 2026',
      'Đến ngày 15/06/2026',
    ]);
  });

  it('names each period in English', () => {
    expect(IDS.map((id) => periodLabel(parsePeriodId(id)!, 'en'))).toEqual([
      'March 2026',
      'Q1 2026',
      'Q4 2026',
      'First half of 2026',
      'Second half of 2026',
      'First nine months of 2026',
      'Year 2026',
      'As of 15/06/2026',
    ]);
  });
});

describe('parsePeriod', () => {
  it('reads its own labels back to the same period', () => {
    expect(IDS.map((id) => periodId(parsePeriod(periodLabel(parsePeriodId(id)!))!))).toEqual(IDS);
  });

  it('reads the words reports use, and canonical ids', () => {
    const texts = [
      'Quý II/2026',
      'quý 3/2026',
      'Tháng 03/2026',
      '6 tháng đầu năm 2026',
      '9 tháng đầu năm 2026',
      '9 THÁNG NĂM 2026',
      'Năm 2026',
      'Ngày 15/6/2026',
      ' 2026-Q1 ',
    ];
    expect(
      texts.map((t) => {
        const p = parsePeriod(t);
        return p && periodId(p);
      }),
    ).toEqual(['2026-Q2', '2026-Q3', '2026-M03', '2026-H1', '2026-9M', '2026-9M', '2026', '2026-06-15', '2026-Q1']);
  });

  it('reads nothing that is not one reporting period', () => {
    const texts = [
      'Giai đoạn 2025-2030',
      'Hằng năm',
      'Thường xuyên',
      'Khi có văn bản của cấp trên',
      'Tháng 13/2026',
      '9 tháng năm 3000',
      'quý sau',
      '',
    ];
    expect(texts.map(parsePeriod)).toEqual(texts.map(() => null));
  });
});
