// Document numbers ("2597/QĐ-TTg", "57-NQ/TW", "13/2025/TT-BKHCN") survive every read, normalization and fix unchanged
// (issue 13, item 7: the title block read "2597/QĐ-TTg" as "2597/QĐ-TT", its symbols being matched as capitals only).
import { describe, expect, it } from 'vitest';
import { formatDeadline, parseDeadline } from '../../core/deadline.ts';
import { fixAll } from '../../core/fix/fix-all.ts';
import { gridFromValues, type Grid } from '../../core/model/grid.ts';
import { parseReference, readPlan, textToGrid } from '../../core/read/index.ts';
import { collapseSpaces, normalizeText } from '../../core/text/normalize.ts';
import { allIssues } from '../../core/validate/report.ts';
import { tidyWhitespace } from '../../core/validate/rules/text.ts';
import { validateGrids } from '../../core/validate/validate.ts';

const NUMBERS = ['2597/QĐ-TTg', '57-NQ/TW', '03/KH-UBND', '13/2025/TT-BKHCN', 'QĐ-BKHCN', '12/2025/NQ-HĐND', '06/QĐ-TTG'];
const H = ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Kết quả', 'Thời gian hoàn thành'];

const cellsOf = (grid: Grid) => grid.rows.map((r) => r.map((c) => c?.v ?? null));

describe('document numbers', () => {
  it.each(NUMBERS)('"%s" is read from a reference line exactly', (n) => {
    expect(parseReference(`(Kèm theo Quyết định số ${n} ngày 20/11/2025 của UBND xã Cẩm Giàng)`).documentNumber).toBe(n);
    expect(parseReference(`(Kèm theo Kế hoạch số: ${n})`).documentNumber).toBe(n);
  });

  it('a blank number keeps its symbols, and "số" in a title word is no number', () => {
    expect(parseReference('(Kèm theo Kế hoạch số      /KH-UBND ngày      tháng      năm 2026 của UBND xã …)').documentNumber).toBe(
      '/KH-UBND',
    );
    expect(parseReference('(Kèm theo Kế hoạch chuyển đổi số Quốc gia số 2597/QĐ-TTg)').documentNumber).toBe('2597/QĐ-TTg');
    expect(parseReference('(Kèm theo Kế hoạch chuyển đổi số)').documentNumber).toBeUndefined();
  });

  it.each(NUMBERS)('"%s" passes the text normalizers and the deadline formatter unchanged', (n) => {
    for (const text of [n, `Theo Quyết định ${n}`, `Thực hiện Kế hoạch số ${n} ngày 20/11/2025`]) {
      expect(normalizeText(text)).toBe(text);
      expect(collapseSpaces(text)).toBe(text);
      expect(tidyWhitespace(text)).toBe(text);
      expect(formatDeadline(parseDeadline(text))).toBe(text);
    }
  });

  it('a table citing them is read, checked and fixed without touching them', () => {
    const values = [
      ['PHỤ LỤC II'],
      ['DANH MỤC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NĂM 2026'],
      ['(Kèm theo Kế hoạch số 2597/QĐ-TTg ngày 20/11/2025 của UBND xã Cẩm Giàng)'],
      [],
      H,
      ['I', 'Nâng cao nhận thức, đột phá về đổi mới tư duy'],
      [
        1,
        'Triển khai Quyết định 2597/QĐ-TTg  và Nghị quyết 57-NQ/TW ',
        'Văn phòng HĐND và UBND',
        'Công an xã',
        'Báo cáo theo 13/2025/TT-BKHCN',
        'Theo Quyết định 2597/QĐ-TTg',
      ],
      [2, 'Áp dụng mẫu QĐ-BKHCN của Thông tư 13/2025/TT-BKHCN', 'Phòng Kinh tế', 'Công an xã', 'Kế hoạch theo 03/KH-UBND', 'Quý 1/2026'],
      [
        3,
        'Thực hiện Nghị quyết 12/2025/NQ-HĐND và Quyết định 06/QĐ-TTG',
        'Phòng Văn hóa - Xã hội',
        'Công an xã',
        'Kế hoạch 57-NQ/TW',
        'Năm 2026',
      ],
    ];
    const grid = gridFromValues('Phụ lục', values);
    const { report, plan } = validateGrids([grid]);
    const a = plan.appendices[0]!;
    expect(a.title.reference.documentNumber).toBe('2597/QĐ-TTg');
    expect(a.rows.filter((r) => r.kind === 'task').map((r) => [r.fields.content, r.fields.result, r.fields.deadline])).toEqual([
      ['Triển khai Quyết định 2597/QĐ-TTg  và Nghị quyết 57-NQ/TW ', 'Báo cáo theo 13/2025/TT-BKHCN', 'Theo Quyết định 2597/QĐ-TTg'],
      ['Áp dụng mẫu QĐ-BKHCN của Thông tư 13/2025/TT-BKHCN', 'Kế hoạch theo 03/KH-UBND', 'Quý 1/2026'],
      ['Thực hiện Nghị quyết 12/2025/NQ-HĐND và Quyết định 06/QĐ-TTG', 'Kế hoạch 57-NQ/TW', 'Năm 2026'],
    ]);
    expect(allIssues(report).map((i) => [i.cell, i.code])).toEqual([
      ['F7', 'deadline-conditional'],
      ['B7', 'stray-whitespace'],
      ['F8', 'deadline-format'],
    ]);
    // Every safe fix applied: the two spaces and the deadline are rewritten, the document numbers are not.
    const fixed = cellsOf(fixAll([grid]).grids[0]!);
    const expected = values.map((r) => [...r]);
    expected[6]![1] = 'Triển khai Quyết định 2597/QĐ-TTg và Nghị quyết 57-NQ/TW';
    expected[7]![5] = 'Quý I/2026';
    expect(fixed).toEqual(expected.map((r) => r.map((v) => (v === '' ? null : v))));
  });

  it('a list-form text keeps them in its title and its fields', () => {
    const text = [
      'PHỤ LỤC',
      '(Kèm theo Kế hoạch số 13/2025/TT-BKHCN ngày 20/11/2025 của UBND xã Cẩm Giàng)',
      'I. Nâng cao nhận thức',
      '1. Triển khai Quyết định 2597/QĐ-TTg và Nghị quyết 57-NQ/TW',
      '- Cơ quan chủ trì: Văn phòng HĐND và UBND',
      '- Thời gian hoàn thành: Theo Quyết định 2597/QĐ-TTg',
    ].join('\n');
    const { plan } = readPlan([textToGrid('ke-hoach.txt', text)]);
    const a = plan.appendices[0]!;
    expect(a.title.reference.documentNumber).toBe('13/2025/TT-BKHCN');
    expect(a.rows.map((r) => [r.kind, r.fields])).toEqual([
      ['group', { content: 'Nâng cao nhận thức' }],
      [
        'task',
        {
          content: 'Triển khai Quyết định 2597/QĐ-TTg và Nghị quyết 57-NQ/TW',
          lead: 'Văn phòng HĐND và UBND',
          deadline: 'Theo Quyết định 2597/QĐ-TTg',
        },
      ],
    ]);
  });
});
