// Snapshot data from core Grids (generated sheets, hand-made cases): values, fonts, number formats, merges. Pure.
import { rangeA1 } from '../../../core/model/a1.ts';
import type { Grid } from '../../../core/model/grid.ts';
import type { SnapshotCell, WorkbookSnapshotData } from './types.ts';

/**
 * Excel's serial day number of a date (days since 1899-12-30, fraction for the time).
 * @example dateToSerial(new Date(Date.UTC(2025, 11, 31))) // 46022
 */
export function dateToSerial(d: Date): number {
  return d.getTime() / 86_400_000 + 25_569;
}

/**
 * @example createFakeExcel(snapshotFromGrids([generateAppendix({ tasks: 10_000 })]))
 */
export function snapshotFromGrids(grids: Grid[], opts: { defaultFont?: string } = {}): WorkbookSnapshotData {
  return {
    sheets: grids.map((g) => {
      const cells: SnapshotCell[] = [];
      g.rows.forEach((row, i) =>
        row.forEach((cell, j) => {
          if (!cell || cell.v === null) return;
          const out: SnapshotCell = { r: g.origin.row + i, c: g.origin.col + j, v: cell.v instanceof Date ? dateToSerial(cell.v) : cell.v };
          const fmt = cell.v instanceof Date ? (cell.fmt ?? 'dd/mm/yyyy') : cell.fmt;
          if (fmt) out.fmt = fmt;
          if (cell.font) out.style = { font: { name: cell.font } };
          cells.push(out);
        }),
      );
      return { name: g.sheet, cells, merges: g.merges.map((m) => rangeA1(m.top, m.left, m.bottom, m.right)) };
    }),
    ...(opts.defaultFont ? { defaultFont: opts.defaultFont } : {}),
  };
}
