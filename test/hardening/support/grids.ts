// Real appendix grids (the fixtures, read once) and arbitraries for the values, fonts and formats cells hold.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Cell, CellValue, Grid } from '../../../core/model/index.ts';
import { readWorkbookFast } from '../../../workbook/xlsx/fast/read-fast.ts';
import { fixture } from '../../support/paths.ts';

/**
 * Every sheet of both fixtures as Grids.
 * @example fixtureGrids().length // 3
 */
export function fixtureGrids(): Grid[] {
  return ['cam-giang-phu-luc.xlsx', 'quang-son-phu-luc.xlsx'].flatMap(
    (f) => readWorkbookFast(new Uint8Array(readFileSync(fixture(f)))).sheets,
  );
}

/** Text a cell may hold: Vietnamese, legacy bytes, control characters, lone surrogates, long runs, odd spaces. */
export const textArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
  fc.constantFrom(
    '',
    ' ',
    '\u00a0',
    '\t\r\n',
    '\u200b',
    '\uFEFF',
    '\uD800',
    '\uDC00x',
    '\u0000',
    '-',
    '.',
    '…',
    '=SUM(A1:A9)',
    '#REF!',
    'I',
    'II.',
    '1.2.3',
    'a)',
    '+',
    '•',
  ),
  fc.constantFrom(
    'Ủy ban nhân dân xã',
    'Công an xã',
    'Quý IV/2026',
    'Hằng năm',
    'Năm 2025-2030',
    'Céng hoµ x· héi',
    'Vaên phoøng',
    'Thường xuyên',
    'Báo cáo',
    'Phòng Văn hóa - Xã hội',
  ),
  fc.tuple(fc.constantFrom('Nhiệm vụ ', 'x', 'ệ', 'µ', ' ', '\n'), fc.integer({ min: 50, max: 3000 })).map(([s, n]) => s.repeat(n)),
);

/** A cell value of any type, including numbers and dates that break naive formatting. */
export const valueArb: fc.Arbitrary<CellValue> = fc.oneof(
  { weight: 4, arbitrary: textArb },
  fc.double(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, -0, 1e308, 5e-324, 2 ** 53 + 1, 0.1 + 0.2),
  fc.integer({ min: -1000, max: 100_000 }),
  fc.boolean(),
  fc.date({ noInvalidDate: false }),
  fc.constant(null),
);

/** A cell (or an empty one) with a legacy, ordinary or odd font and number format. */
export const cellArb: fc.Arbitrary<Cell | null> = fc.oneof(
  fc.constant(null),
  fc.record(
    {
      v: valueArb,
      font: fc.option(fc.constantFrom('.VnTime', '.VnTimeH', 'VNI-Times', 'Times New Roman', '', 'VNI'), { nil: undefined }),
      fmt: fc.option(fc.constantFrom('0%', 'dd/mm/yyyy', '@', 'General', '0.00%'), { nil: undefined }),
    },
    { requiredKeys: ['v'] },
  ),
);

/** Overwrite cells of a copy of a grid: [row, col, cell] with row and col as fractions of its size, plus a few past it. */
export type CellEdit = [number, number, Cell | null];

/** Up to 40 cell edits. */
export const editsArb: fc.Arbitrary<CellEdit[]> = fc.array(
  fc.tuple(fc.double({ min: 0, max: 1.1, noNaN: true }), fc.double({ min: 0, max: 1.2, noNaN: true }), cellArb),
  { minLength: 1, maxLength: 40 },
);

/**
 * Apply cell edits to a deep copy (rows and columns past the edge grow the grid).
 * @example withEdits(grid, [[0, 0, { v: 'x' }]]).rows[0][0] // { v: 'x' }
 */
export function withEdits(grid: Grid, edits: CellEdit[]): Grid {
  const g: Grid = { ...grid, rows: grid.rows.map((r) => [...r]), merges: grid.merges.map((m) => ({ ...m })) };
  const width = Math.max(1, ...g.rows.map((r) => r.length));
  for (const [fr, fcol, cell] of edits) {
    const r = Math.floor(fr * g.rows.length);
    const c = Math.floor(fcol * width);
    const row = (g.rows[r] ??= []);
    row[c] = cell;
  }
  for (let i = 0; i < g.rows.length; i++) g.rows[i] ??= [];
  return g;
}
