// The layer's pure helpers: text Excel would reinterpret, date formats and serials, RangeAreas addresses, mark plans.
import { describe, expect, it } from 'vitest';
import { parseAreas, runs } from '../../../addin/src/excel/address.ts';
import { fitsInline } from '../../../addin/src/excel/dropdowns.ts';
import { planMarks } from '../../../addin/src/excel/mark-plan.ts';
import { cellInput, dateToSerial, isDateFormat, needsQuote, restoreInput, serialToDate } from '../../../addin/src/excel/values.ts';
import type { Issue } from '../../../core/validate/index.ts';

describe('values crossing into Excel', () => {
  it('quotes text Excel would turn into a number, date, boolean, formula or error — and nothing else', () => {
    const quoted = [
      '2',
      '1.5',
      '12/2025',
      '31/12/2026',
      '- Tuyên truyền',
      '+84',
      '=A1',
      '@x',
      '#N/A',
      '80%',
      '(Kèm theo)',
      "'a",
      ' 12',
      'TRUE',
      'false',
      'March 2026',
      'Jan-26',
    ];
    const plain = ['Quý I/2026', 'Tháng 7/2025', 'Hằng năm', 'Năm 2026', 'Công an xã', 'I', 'VI', 'Đợt 2', 'Trung tâm'];
    expect(quoted.filter((s) => !needsQuote(s))).toEqual([]);
    expect(plain.filter((s) => needsQuote(s))).toEqual([]);
    expect(cellInput('2')).toBe("'2");
    expect(cellInput(null)).toBe('');
    expect(cellInput(3)).toBe(3);
    expect(cellInput(new Date(Date.UTC(2025, 11, 31)))).toBe(46022);
  });

  it('tells date formats as exceljs does and converts serials both ways at UTC midnight', () => {
    expect(['dd/mm/yyyy', 'm/d/yy', '[$-42A]d mmmm yyyy', 'h:mm', 'yyyy-mm-dd hh:mm:ss'].every(isDateFormat)).toBe(true);
    expect(['General', '0%', '0.00', '#,##0', '"ngày" 0', '0 \\d', '[Red]0.0', ''].some(isDateFormat)).toBe(false);
    expect(serialToDate(46022)).toEqual(new Date(Date.UTC(2025, 11, 31)));
    expect(dateToSerial(serialToDate(45123.5))).toBeCloseTo(45123.5, 9);
  });

  it('puts back formulas as formulas and constants as typed-in text', () => {
    expect(restoreInput('=SUM(A1:A3)', 6)).toBe('=SUM(A1:A3)');
    expect(restoreInput('=abc', '=abc')).toBe("'=abc");
    expect(restoreInput('2', '2')).toBe("'2");
    expect(restoreInput(2, 2)).toBe(2);
    expect(restoreInput('', '')).toBe('');
  });
});

describe('addresses', () => {
  it('splits RangeAreas addresses without breaking quoted sheet names', () => {
    expect(parseAreas("'PL I, II'!A1:E1,'PL I, II'!A2:E2, Sheet1!B3")).toEqual([
      { top: 1, left: 1, bottom: 1, right: 5 },
      { top: 2, left: 1, bottom: 2, right: 5 },
      { top: 3, left: 2, bottom: 3, right: 2 },
    ]);
  });

  it('groups rows into runs', () => {
    expect(runs([5, 6, 7, 12, 30], 0)).toEqual([
      [5, 7],
      [12, 12],
      [30, 30],
    ]);
    expect(runs([5, 7, 30], 8)).toEqual([
      [5, 7],
      [30, 30],
    ]);
  });

  it('keeps a list inline only under 255 characters and without commas in items', () => {
    expect(fitsInline(['Thường xuyên', 'Năm 2026'])).toBe(true);
    expect(fitsInline(['Tháng 7/2025, duy trì hằng năm'])).toBe(false);
    expect(fitsInline(Array.from({ length: 40 }, (_, i) => `Cơ quan số ${i}`))).toBe(false);
  });
});

describe('planMarks', () => {
  const issue = (over: Partial<Issue>): Issue => ({
    code: 'lead-missing',
    severity: 'warning',
    sheet: 'S',
    message: 'Thiếu',
    messageEn: 'Missing',
    tags: [],
    params: {},
    ...over,
  });

  it('gives one mark per cell with the worst severity and every message (no internal code); a row issue marks column A', () => {
    const marks = planMarks(
      [
        issue({ cell: 'C7' }),
        issue({ cell: 'C7', code: 'agency-unknown', severity: 'error', message: 'Lạ' }),
        issue({ row: 9 }),
        issue({}),
      ],
      'vi',
    );
    expect(marks).toEqual([
      { sheet: 'S', cell: 'C7', severity: 'error', text: 'Thiếu\nLạ' },
      { sheet: 'S', cell: 'A9', severity: 'warning', text: 'Thiếu' },
    ]);
    expect(planMarks([issue({ cell: 'B2' })], 'en')[0]!.text).toBe('Missing');
  });
});
