// legacy-encoding covers every text cell of a sheet — title block, header, body, notes, columns no role reads — each
// reported once even with several tables on the sheet; the fix spells the text as the reader decodes it.
import { describe, expect, it } from 'vitest';
import { fixAll } from '../../../core/fix/fix-all.ts';
import type { CellEdit } from '../../../core/fix/patch.ts';
import type { Appendix } from '../../../core/model/appendix.ts';
import { cellAt, gridFromValues, type CellValue, type Grid } from '../../../core/model/grid.ts';
import { readPlan } from '../../../core/read/index.ts';
import { encodeLegacy, unicodeFontFor } from '../../../core/text/legacy/index.ts';
import { allIssues } from '../../../core/validate/report.ts';
import { validateGrids } from '../../../core/validate/validate.ts';

const tcvn3 = (s: string) => encodeLegacy(s, { encoding: 'tcvn3' });
const TASKS_HEADER = ['TT', 'Nội dung', 'Cơ quan chủ trì', 'Cơ quan phối hợp', 'Kết quả', 'Thời gian hoàn thành'];
const INDICATORS_HEADER = ['TT', 'Tên chỉ tiêu', 'Đơn vị tính', 'Chỉ tiêu', 'Cơ quan theo dõi'];

/** Rows of Unicode text, stored as TCVN3 in `font` (numbers as they are). */
function legacyGrid(rows: CellValue[][], font: string | ((row: number, col: number) => string | undefined)): Grid {
  const g = gridFromValues(
    'S',
    rows.map((r) => r.map((v) => (typeof v === 'string' ? tcvn3(v) : v))),
  );
  g.rows.forEach((r, i) =>
    r.forEach((c, j) => {
      const f = typeof font === 'string' ? font : font(i + 1, j + 1);
      if (c && typeof c.v === 'string' && f) c.font = f;
    }),
  );
  return g;
}

/** Two tables on one sheet, everything in .VnTime (no toned capitals: TCVN3 has none): titles, headers, a remark, a note. */
const TWO_TABLES: CellValue[][] = [
  ['Phụ lục I'],
  ['Danh mục nhiệm vụ'],
  TASKS_HEADER,
  [
    1,
    'Rà soát quy chế làm việc của xã',
    'Văn phòng HĐND và UBND xã',
    'Công an xã',
    'Quy chế được ban hành',
    'Quý IV/2025',
    null,
    'Đã có dự thảo',
  ],
  [],
  ['Phụ lục II'],
  ['Chỉ tiêu chuyển đổi số của xã'],
  INDICATORS_HEADER,
  [1, 'Tỷ lệ hồ sơ trực tuyến', '%', 80, 'Văn phòng HĐND và UBND xã'],
  [],
  ['Ghi chú: số liệu năm 2025'],
];

function legacyIssues(g: Grid) {
  const { report } = validateGrids([g]);
  return report.tables.map((t) => ({ range: t.range, cells: t.issues.filter((i) => i.code === 'legacy-encoding').map((i) => i.cell) }));
}

function table(a: Appendix): unknown {
  return { ...a, rows: a.rows.map(({ encoding: _decoded, ...row }) => row) };
}

describe('legacy-encoding', () => {
  it('reports every text cell of the sheet once, with the table that starts nearest above it', () => {
    expect(legacyIssues(legacyGrid(TWO_TABLES, '.VnTime'))).toEqual([
      { range: 'A3:F4', cells: ['A1', 'A2', 'A3', 'B3', 'C3', 'D3', 'E3', 'F3', 'B4', 'C4', 'D4', 'E4', 'F4', 'H4'] },
      { range: 'A8:E11', cells: ['A6', 'A7', 'A8', 'B8', 'C8', 'D8', 'E8', 'B9', 'C9', 'E9', 'A11'] },
    ]);
  });

  it('fixes with the text as read (capitals for an "H" font) and a Unicode font of the same family', () => {
    const rows = [['phụ lục i'], TASKS_HEADER, [1, 'Rà soát quy chế làm việc của xã', 'Công an xã', 'Trạm Y tế', 'Báo cáo', 'Quý IV/2025']];
    const g = legacyGrid(rows, (r) => (r === 1 ? '.VnTimeH' : r === 2 ? '.VnArial' : '.VnTime'));
    const edits = new Map<string, CellEdit>();
    for (const i of allIssues(validateGrids([g]).report)) {
      if (i.code !== 'legacy-encoding') continue;
      for (const op of i.fix!.ops) if (op.op === 'set-cells') for (const e of op.edits) edits.set(e.cell, e);
    }
    expect(edits.get('A1')).toEqual({ cell: 'A1', from: 'phô lôc i', to: 'PHỤ LỤC I', font: 'Times New Roman' });
    expect(edits.get('C2')).toEqual({ cell: 'C2', from: 'C¬ quan chñ tr×', to: 'Cơ quan chủ trì', font: 'Arial' });
    expect(edits.get('B3')).toMatchObject({ to: 'Rà soát quy chế làm việc của xã', font: 'Times New Roman' });
    expect(edits.get('F3')).toEqual({ cell: 'F3', from: 'Quý IV/2025', to: 'Quý IV/2025', font: 'Times New Roman' });
    expect(edits.has('A3')).toBe(false); // a number: nothing to convert
  });

  it('keeps the font of text found legacy by column statistics (the bytes were pasted, the font is Unicode)', () => {
    const rows: CellValue[][] = [
      TASKS_HEADER,
      [1, 'Rà soát, sửa đổi quy chế làm việc của xã', 'Văn phòng HĐND và UBND xã', 'Công an xã', 'Quy chế được ban hành', 'Quý IV/2025'],
      [2, 'Xây dựng kế hoạch chuyển đổi số của xã', 'Phòng Văn hóa - Xã hội', 'Công an xã', 'Kế hoạch được phê duyệt', 'Năm 2026'],
      [
        3,
        'Số hóa hồ sơ, tài liệu lưu trữ của xã',
        'Văn phòng HĐND và UBND xã',
        'Các ban, ngành, đoàn thể',
        'Hồ sơ được số hóa',
        'Quý II/2026',
      ],
    ];
    const g = legacyGrid(rows, 'Calibri');
    const fix = allIssues(validateGrids([g]).report).find((i) => i.code === 'legacy-encoding' && i.cell === 'B2')?.fix;
    expect(fix?.ops).toEqual([
      { op: 'set-cells', sheet: 'S', edits: [{ cell: 'B2', from: tcvn3(rows[1]![1] as string), to: rows[1]![1] }] },
    ]);
  });

  it('fix-all leaves no legacy cell and the sheet reads as the same tables', () => {
    const g = legacyGrid(TWO_TABLES, '.VnTime');
    const { grids, rounds } = fixAll([g], { only: ['legacy-encoding'] }); // blank-row would move the note up
    expect(rounds).toHaveLength(1);
    const [fixed] = grids;
    TWO_TABLES.forEach((row, r) =>
      row.forEach((v, c) => {
        const cell = cellAt(fixed!, r + 1, c + 1);
        expect({ at: [r + 1, c + 1], v: cell?.v ?? null }).toEqual({ at: [r + 1, c + 1], v });
        if (typeof v === 'string') expect(cell!.font).toBe('Times New Roman');
      }),
    );
    expect(allIssues(validateGrids(grids).report).filter((i) => i.code === 'legacy-encoding')).toEqual([]);
    expect(readPlan(grids).plan.appendices.map(table)).toEqual(readPlan([g]).plan.appendices.map(table));
  });
});

describe('unicodeFontFor', () => {
  it('keeps the family where Windows has a Unicode one, Times New Roman otherwise', () => {
    expect(['.VnTime', '.VnTimeH', 'VNI-Times', 'VNI-Times Bold', '.VnBodoni', undefined].map(unicodeFontFor)).toEqual(
      Array(6).fill('Times New Roman'),
    );
    expect(['.VnArial', '.VnArialH', 'VNI-Helve', 'VNI-Helve-Condense', 'VNI-Univer'].map(unicodeFontFor)).toEqual(Array(5).fill('Arial'));
    expect(unicodeFontFor('.VnArial NarrowH')).toBe('Arial Narrow');
    expect(unicodeFontFor('.VnCourier New')).toBe('Courier New');
  });
});
