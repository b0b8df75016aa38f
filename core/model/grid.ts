// Grid: one worksheet as plain 2-D cells, the common input of every reader (exceljs, Office.js, text).
import { z } from 'zod';

/** A cell value as spreadsheets hold it. Dates are JavaScript Dates (calendar date in UTC). */
export const CellValueSchema = z.union([z.string(), z.number(), z.boolean(), z.date(), z.null()]);
export type CellValue = z.infer<typeof CellValueSchema>;

/** One cell: its value, and what we need of its format (font for legacy encodings, number format for dates). */
export const CellSchema = z.object({
  v: CellValueSchema,
  font: z.string().optional(),
  fmt: z.string().optional(),
});
export type Cell = z.infer<typeof CellSchema>;

/** A merged area, 1-based inclusive Excel coordinates. */
export const MergeSchema = z.object({
  top: z.number().int().positive(),
  left: z.number().int().positive(),
  bottom: z.number().int().positive(),
  right: z.number().int().positive(),
});
export type Merge = z.infer<typeof MergeSchema>;

/**
 * A sheet. `rows[r][c]` is the cell at Excel row `origin.row + r`, column `origin.col + c`;
 * missing or null entries are empty cells.
 */
export const GridSchema = z.object({
  sheet: z.string(),
  origin: z.object({ row: z.number().int().positive(), col: z.number().int().positive() }).default({ row: 1, col: 1 }),
  rows: z.array(z.array(CellSchema.nullable())),
  merges: z.array(MergeSchema).default([]),
  /** The sheet is hidden (or very hidden) in its workbook, as a template's dropdown lists are: not a table to look for. */
  hidden: z.boolean().optional(),
});
export type Grid = z.infer<typeof GridSchema>;

/**
 * The cell at a 1-based Excel row and column, or null when empty or outside the grid.
 * @example cellAt(grid, 5, 1)?.v // value of A5
 */
export function cellAt(grid: Grid, row: number, col: number): Cell | null {
  const r = grid.rows[row - grid.origin.row];
  if (!r) return null;
  return r[col - grid.origin.col] ?? null;
}

/** Last Excel row the grid covers (0 when empty). */
export function lastRow(grid: Grid): number {
  return grid.rows.length === 0 ? 0 : grid.origin.row + grid.rows.length - 1;
}

/** Last Excel column the grid covers (0 when empty). */
export function lastCol(grid: Grid): number {
  let width = 0;
  for (const r of grid.rows) if (r.length > width) width = r.length;
  return width === 0 ? 0 : grid.origin.col + width - 1;
}

/**
 * Build a grid from plain values (tests, list-form text, quick fixtures).
 * @example gridFromValues('Sheet1', [['TT', 'Nội dung'], [1, 'Việc một']])
 */
export function gridFromValues(sheet: string, values: CellValue[][], merges: Merge[] = []): Grid {
  return {
    sheet,
    origin: { row: 1, col: 1 },
    rows: values.map((r) => r.map((v) => (v === null || v === '' ? null : { v }))),
    merges,
  };
}
