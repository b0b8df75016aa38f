// Pasted list-form text ("I. NHÓM …", "1. …", "- Cơ quan chủ trì: …") → rows laid out in a table's own columns.
import { a1, columnLetter, columnNumber } from '../../../core/model/index.ts';
import type { ColumnRole } from '../../../core/model/index.ts';
import type { CellValue, Grid } from '../../../core/model/index.ts';
import { cellAt } from '../../../core/model/index.ts';
import { readListForm, textToGrid } from '../../../core/read/index.ts';
import type { TableTarget } from './tables.ts';

export interface ListRows {
  /** One row per group or task, as wide as the table. */
  values: CellValue[][];
  groups: number;
  tasks: number;
  /** Where the block goes: the first column of the table, the row under it. */
  sheet: string;
  topLeft: string;
  /** A1 range the block covers. */
  range: string;
}

/**
 * Convert list-form text into rows for `target`; null when the text is not in list form
 * (no numbered task followed by a "Cơ quan chủ trì:" line).
 * @example listFormRows('1. Việc\n- Cơ quan chủ trì: Công an xã', table)?.values
 */
export function listFormRows(text: string, target: TableTarget): ListRows | null {
  const grid = textToGrid('list', text);
  const lines = grid.rows.flatMap((r, i) => (r[0] ? [{ row: i + 1, cell: `A${i + 1}`, text: String(r[0].v) }] : []));
  const appendix = readListForm('list', lines);
  if (!appendix) return null;
  const width = target.lastCol - target.firstCol + 1;
  const values: CellValue[][] = [];
  let groups = 0;
  let tasks = 0;
  for (const row of appendix.rows) {
    if (row.kind !== 'group' && row.kind !== 'task') continue;
    const out: CellValue[] = new Array<CellValue>(width).fill(null);
    const put = (role: ColumnRole, v: string | undefined) => {
      const letter = target.columns[role];
      if (!letter || v === undefined || v.trim() === '') return;
      const at = columnNumber(letter) - target.firstCol;
      // Plain values: the port writes text as text (it quotes what Excel would turn into a formula, number or date).
      if (at >= 0 && at < width) out[at] = role === 'tt' && /^\d+$/.test(v) ? Number(v) : v.trim();
    };
    put('tt', row.tt ?? undefined);
    for (const [role, v] of Object.entries(row.fields) as [ColumnRole, string][]) if (role !== 'tt') put(role, v);
    values.push(out);
    if (row.kind === 'group') groups++;
    else tasks++;
  }
  if (values.length === 0) return null;
  const top = target.endRow + 1;
  return {
    values,
    groups,
    tasks,
    sheet: target.sheet,
    topLeft: a1(top, target.firstCol),
    range: `${a1(top, target.firstCol)}:${columnLetter(target.lastCol)}${top + values.length - 1}`,
  };
}

/**
 * The first row under the table (within its columns) that is not empty, among the rows the block would cover;
 * null when they are all empty (writing there overwrites nothing).
 * @example firstFilledRow(grid, table, 5) // 52 — a signature block sits under the table
 */
export function firstFilledRow(grid: Grid | undefined, target: TableTarget, count: number): number | null {
  if (!grid) return null;
  for (let r = target.endRow + 1; r <= target.endRow + count; r++) {
    for (let c = target.firstCol; c <= target.lastCol; c++) {
      const v = cellAt(grid, r, c)?.v;
      if (v !== null && v !== undefined && v !== '') return r;
    }
  }
  return null;
}
