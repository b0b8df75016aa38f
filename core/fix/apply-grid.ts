// Apply patches to Grids (pure): the reference adapter, used by fix-all rounds and by tests.
import { parseA1 } from '../model/a1.ts';
import type { Grid, Merge } from '../model/grid.ts';
import { cellText } from '../read/cell-text.ts';
import { planChanges } from './order.ts';
import type { Patch, PatchValue } from '../model/patch.ts';

export interface ApplyResult {
  grids: Grid[];
  /** Edits refused because the cell no longer holds the patch's `from` value. */
  stale: { sheet: string; cell: string }[];
}

/**
 * New grids with the patches applied (inputs are not modified).
 * @example applyToGrids(grids, report.tables.flatMap((t) => t.issues).flatMap((i) => i.fix ?? []))
 */
export function applyToGrids(grids: Grid[], patches: Patch[]): ApplyResult {
  const out = grids.map((g) => ({ ...g, rows: g.rows.map((r) => [...r]), merges: g.merges.map((m) => ({ ...m })) }));
  const bySheet = new Map(out.map((g) => [g.sheet, g]));
  const { edits, deletions } = planChanges(patches);
  const stale: ApplyResult['stale'] = [];
  for (const e of edits) {
    const g = bySheet.get(e.sheet);
    const at = parseA1(e.cell);
    if (!g || !at) {
      stale.push({ sheet: e.sheet, cell: e.cell });
      continue;
    }
    const r = at.row - g.origin.row;
    const c = at.col - g.origin.col;
    while (g.rows.length <= r) g.rows.push([]);
    const row = g.rows[r]!;
    const current = row[c] ?? null;
    if (!sameValue(current?.v ?? null, e.from, current)) {
      stale.push({ sheet: e.sheet, cell: e.cell });
      continue;
    }
    const font = e.font ?? current?.font;
    row[c] = e.to === null || e.to === '' ? null : { ...(current ?? {}), v: e.to, ...(font ? { font } : {}) };
  }
  for (const { sheet, rows } of deletions) {
    const g = bySheet.get(sheet);
    if (!g) continue;
    for (const excelRow of rows) deleteRow(g, excelRow);
  }
  return { grids: out, stale };
}

function sameValue(v: unknown, from: PatchValue, cell: Parameters<typeof cellText>[0]): boolean {
  if (v === from) return true;
  if (v === null || v === undefined) return from === null || from === '';
  if (v instanceof Date || typeof v === 'boolean') return cellText(cell) === from;
  return typeof v === 'number' && typeof from === 'string' ? String(v) === from : false;
}

/** Remove one Excel row; rows below move up, merges follow. */
export function deleteRow(g: Grid, excelRow: number): void {
  const r = excelRow - g.origin.row;
  if (r >= 0 && r < g.rows.length) g.rows.splice(r, 1);
  const merges: Merge[] = [];
  for (const m of g.merges) {
    if (m.top === excelRow && m.bottom === excelRow) continue;
    const top = m.top > excelRow ? m.top - 1 : m.top;
    const bottom = m.bottom >= excelRow ? m.bottom - 1 : m.bottom;
    if (bottom >= top) merges.push({ ...m, top, bottom });
  }
  g.merges = merges;
}
