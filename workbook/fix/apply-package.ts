// Core patches applied to the workbook's own package (workbook/xlsx/edit): cell edits, then row deletions bottom-up,
// rows whose text changed made tall enough to show it, every part the patches do not touch kept as it was. `phuluc fix` and the web page's repaired copy use it.
import type { CellValue } from '../../core/model/index.ts';
import { planChanges } from '../../core/fix/index.ts';
import type { Patch, PatchValue } from '../../core/fix/index.ts';
import { cellText } from '../../core/read/index.ts';
import { parseA1 } from '../../core/model/index.ts';
import type { CopyOptions } from '../export/annotate.ts';
import { WorkbookEditor } from '../xlsx/edit/workbook.ts';

export interface FixedCopy {
  bytes: Uint8Array;
  /** Cells edited and rows deleted. */
  applied: number;
  /** Edits not applied: the cell no longer held what the patch was made from. */
  stale: { sheet: string; cell: string }[];
}

/**
 * Apply fixAll's rounds, in order, to a copy of the workbook. Throws WorkbookReadError for a file the readers refuse,
 * CopyRefusedError (Vietnamese and English, naming it) when a row deletion would lose or break something.
 * @example const { bytes } = fixedCopy(await readFile('x.xlsx'), fixAll(grids).rounds)
 */
export function fixedCopy(input: Uint8Array, rounds: Patch[][], opts: CopyOptions = {}): FixedCopy {
  const wb = WorkbookEditor.open(input, opts);
  const stale: FixedCopy['stale'] = [];
  let applied = 0;
  // Rows whose text a fix changed (a continuation joined into them, most of all), followed as rows below go.
  const edited = new Map<string, Set<number>>();
  for (const round of rounds) {
    const plan = planChanges(round);
    // The values every edit of the round is checked against, read once per sheet before the round writes.
    const grids = new Map<string, ReturnType<WorkbookEditor['grid']>>();
    for (const e of plan.edits) {
      if (!wb.sheet(e.sheet)) {
        stale.push({ sheet: e.sheet, cell: e.cell });
        continue;
      }
      let grid = grids.get(e.sheet);
      if (!grid) grids.set(e.sheet, (grid = wb.grid(e.sheet)));
      const at = parseA1(e.cell);
      if (!at || !matches(grid.rows[at.row - 1]?.[at.col - 1]?.v, e.from)) {
        stale.push({ sheet: e.sheet, cell: e.cell });
        continue;
      }
      wb.setCell(e.sheet, e.cell, e.to === '' ? null : e.to, e.font);
      applied++;
      if (!edited.has(e.sheet)) edited.set(e.sheet, new Set());
      edited.get(e.sheet)!.add(at.row);
    }
    for (const { sheet, rows } of plan.deletions) {
      if (!wb.sheet(sheet)) continue;
      for (const row of rows) {
        wb.deleteRow(sheet, row);
        applied++;
        const rows = edited.get(sheet);
        if (rows) edited.set(sheet, new Set([...rows].filter((r) => r !== row).map((r) => (r > row ? r - 1 : r))));
      }
    }
  }
  for (const [sheet, rows] of edited) for (const row of rows) wb.fitRowHeight(sheet, row);
  return { bytes: wb.toBytes(opts.deflate), applied, stale };
}

/** The cell still holds what the patch was made from (a number or date as the text the patch shows). */
function matches(v: CellValue | undefined, from: PatchValue): boolean {
  if (v === undefined || v === null) return from === null || from === '';
  if (v === from) return true;
  if (v instanceof Date || typeof v === 'boolean') return cellText({ v }) === from;
  return typeof v === 'number' && typeof from === 'string' && String(v) === from;
}
