// The exceljs adapter for core patches: cell edits, then row deletions bottom-up, keeping styles and merges in place.
import type ExcelJS from 'exceljs';
import { planChanges, type PlannedChanges } from '../../core/fix/order.ts';
import type { Patch, PatchValue } from '../../core/fix/patch.ts';
import { cellText } from '../../core/read/cell-text.ts';

export interface ExcelApplyResult {
  applied: number;
  stale: { sheet: string; cell: string }[];
}

/**
 * Apply one round of patches to an exceljs workbook (the same order core/fix/apply-grid.ts uses).
 * @example applyPatchesToWorkbook(wb, fixAll(grids).rounds[0]!)
 */
export function applyPatchesToWorkbook(wb: ExcelJS.Workbook, patches: Patch[]): ExcelApplyResult {
  const plan: PlannedChanges = planChanges(patches);
  const stale: ExcelApplyResult['stale'] = [];
  let applied = 0;
  for (const e of plan.edits) {
    const ws = wb.getWorksheet(e.sheet);
    if (!ws) {
      stale.push({ sheet: e.sheet, cell: e.cell });
      continue;
    }
    const cell = ws.getCell(e.cell);
    if (!matches(cell, e.from)) {
      stale.push({ sheet: e.sheet, cell: e.cell });
      continue;
    }
    cell.value = e.to === '' ? null : e.to;
    // exceljs shares one style object among the cells loaded with the same style: `cell.font = …` would rename the
    // font of every such cell (a TCVN3 header then reads as garbled Unicode). The cell gets a style of its own.
    if (e.font) cell.style = { ...cell.style, font: { ...(cell.font ?? {}), name: e.font } };
    applied++;
  }
  for (const { sheet, rows } of plan.deletions) {
    const ws = wb.getWorksheet(sheet);
    if (!ws) continue;
    for (const row of rows) {
      deleteRowKeepingMerges(ws, row);
      applied++;
    }
  }
  return { applied, stale };
}

/** The value a reader sees: rich text as its string, formulas as their cached result, hyperlinks as their text. */
function plainValue(cell: ExcelJS.Cell): string | number | boolean | Date | null {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    if ('richText' in v || 'hyperlink' in v) return cell.text;
    if ('result' in v) return ((v as { result?: unknown }).result ?? null) as string | number | null;
  }
  return cell.text;
}

function matches(cell: ExcelJS.Cell, from: PatchValue): boolean {
  const v = plainValue(cell);
  if (v === from) return true;
  if (v === null) return from === null || from === '';
  if (v instanceof Date || typeof v === 'boolean') return cellText({ v }) === from;
  return typeof v === 'number' && typeof from === 'string' && String(v) === from;
}

/** exceljs's spliceRows does not move merged ranges, so unmerge what lies below, splice, and merge again shifted. */
function deleteRowKeepingMerges(ws: ExcelJS.Worksheet, row: number): void {
  const merges: { top: number; left: number; bottom: number; right: number }[] = [];
  const model = ws.model as unknown as { merges?: string[] };
  for (const ref of model.merges ?? []) {
    const m = parseRange(ref);
    if (!m || m.bottom < row) continue;
    ws.unMergeCells(ref);
    if (m.top === row && m.bottom === row) continue;
    merges.push({ top: m.top > row ? m.top - 1 : m.top, left: m.left, bottom: m.bottom - 1, right: m.right });
  }
  ws.spliceRows(row, 1);
  for (const m of merges) if (m.bottom > m.top || m.right > m.left) ws.mergeCells(m.top, m.left, m.bottom, m.right);
}

function parseRange(ref: string): { top: number; left: number; bottom: number; right: number } | null {
  const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(ref);
  if (!m) return null;
  const col = (s: string) => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { top: Number(m[2]), left: col(m[1]!), bottom: Number(m[4]), right: col(m[3]!) };
}
