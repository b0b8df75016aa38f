// core/validate/rules/required.ts on small sheets: content-missing, lead-missing, deadline-missing, result-missing,
// partners-missing, head-missing — the exact list each sheet gets.
import { describe, expect, it } from 'vitest';
import { gridFromValues } from '../../../../core/model/grid.ts';
import { textToGrid } from '../../../../core/read/index.ts';
import { check, H, issuesOf, task, TEXTS } from './sheet.ts';

describe('required fields of a task table', () => {
  it('a numbered row with nothing else: every field missing, at its cell; the head column only where the table has one', () => {
    const HEAD = [...H, 'Người đứng đầu chịu trách nhiệm'];
    expect(issuesOf([HEAD, [...task(1, TEXTS[0]), 'Chủ tịch UBND xã'], [2, '', '', '', '', '', ''], [...task(3, TEXTS[2]), '']])).toEqual([
      ['B3', 'content-missing', 'error'],
      ['C3', 'lead-missing', 'error'],
      ['F3', 'deadline-missing', 'error'],
      ['E3', 'result-missing', 'warning'],
      ['D3', 'partners-missing', 'warning'],
      ['G3', 'head-missing', 'warning'],
      ['G4', 'head-missing', 'warning'],
    ]);
  });

  it('one field missing at a time', () => {
    expect(
      issuesOf([
        H,
        task(1, TEXTS[0], { lead: '' }),
        task(2, TEXTS[1], { deadline: '' }),
        task(3, TEXTS[2], { partners: '' }),
        task(4, TEXTS[3], { result: '' }),
        task(5, ''),
      ]),
    ).toEqual([
      ['C2', 'lead-missing', 'error'],
      ['F3', 'deadline-missing', 'error'],
      ['D4', 'partners-missing', 'warning'],
      ['E5', 'result-missing', 'warning'],
      ['B6', 'content-missing', 'error'],
    ]);
  });

  it('a field in a cell of blanks only is missing', () => {
    expect(issuesOf([H, task(1, TEXTS[0], { lead: '   ' })])).toEqual([
      ['C2', 'lead-missing', 'error'],
      // The blanks themselves are stray whitespace (text.ts).
      ['C2', 'stray-whitespace', 'info'],
    ]);
  });

  it("an indicator table asks only for the indicator's text here (unit and target: indicators.ts)", () => {
    expect(
      issuesOf([
        ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Cơ quan chủ trì theo dõi, đánh giá'],
        [1, 'Tỷ lệ hồ sơ trực tuyến', '%', '80', ''],
        [2, '', '%', '90', 'Công an xã'],
      ]),
    ).toEqual([['B3', 'content-missing', 'error']]);
  });
});

describe('required fields in list form (no columns)', () => {
  it('a task without "- Cơ quan chủ trì:" or "- Thời gian hoàn thành:" lines: reported at its row, with no cell', () => {
    const text = [
      'I. NHÓM MỘT',
      '1. Tổ chức tuyên truyền về chuyển đổi số.',
      '- Cơ quan chủ trì: Công an xã',
      '- Thời gian hoàn thành: Quý III/2026',
      '2. Xây dựng kế hoạch phát triển hạ tầng số.',
      '- Cơ quan phối hợp: Phòng Kinh tế',
    ].join('\n');
    const { found, issues } = check([textToGrid('ke-hoach.txt', text)]);
    expect(found).toEqual([
      [5, 'lead-missing', 'error'],
      [5, 'deadline-missing', 'error'],
    ]);
    expect(issues.map((i) => i.cell)).toEqual([undefined, undefined]);
  });

  it('the same lines pasted into one Excel column', () => {
    const grid = gridFromValues('S', [['I. NHÓM MỘT'], ['1. Tổ chức tuyên truyền về chuyển đổi số.'], ['- Cơ quan chủ trì: Công an xã']]);
    expect(check([grid]).found).toEqual([[2, 'deadline-missing', 'error']]);
  });
});
