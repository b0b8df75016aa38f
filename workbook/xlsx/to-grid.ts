// exceljs worksheet → core Grid: plain values (rich text, formulas, hyperlinks resolved), font names, number formats, merges.
import type ExcelJS from 'exceljs';
import type { Cell, CellValue, Grid, Merge } from '../../core/model/index.ts';
import { parseA1 } from '../../core/model/index.ts';
import { WorkbookReadError } from './errors.ts';

/**
 * The sheet as a Grid. Rows and columns past the last value are not materialised, so a stray format at XFD1048576
 * costs nothing; more than `maxCells` values is refused.
 * @example worksheetToGrid(wb.worksheets[0]!, 2_000_000).rows.length
 */
export function worksheetToGrid(ws: ExcelJS.Worksheet, maxCells: number): Grid {
  const rows: (Cell | null)[][] = [];
  let count = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const v = plainValue(cell);
      if (v === null) return;
      if (++count > maxCells) throw new WorkbookReadError('too-large', `${ws.name}: > ${maxCells.toLocaleString('vi-VN')} ô / cells`);
      const out: Cell = { v };
      const font = fontName(cell);
      if (font) out.font = font;
      if (typeof v === 'number' && cell.numFmt && cell.numFmt !== 'General') out.fmt = cell.numFmt;
      const line = (rows[r - 1] ??= []);
      line[c - 1] = out;
    });
  });
  // Fill holes so consumers can index safely (sparse arrays would read as undefined, not null).
  for (let i = 0; i < rows.length; i++) {
    const line = (rows[i] ??= []);
    for (let j = 0; j < line.length; j++) if (line[j] === undefined) line[j] = null;
  }
  const grid: Grid = { sheet: ws.name, origin: { row: 1, col: 1 }, rows, merges: mergesOf(ws) };
  if (ws.state === 'hidden' || ws.state === 'veryHidden') grid.hidden = true;
  return grid;
}

/** The value a reader sees: rich text joined, formula results, hyperlink text, error codes as text. */
export function plainValue(cell: ExcelJS.Cell): CellValue {
  const v = cell.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('') || null;
    if ('formula' in v || 'sharedFormula' in v) {
      const res = (v as ExcelJS.CellFormulaValue).result;
      if (res === undefined || res === null) return null;
      if (typeof res === 'object' && !(res instanceof Date)) return 'error' in res ? String(res.error) : null;
      return res;
    }
    if ('hyperlink' in v) return typeof v.text === 'string' ? v.text : cell.text;
    if ('error' in v) return String(v.error);
  }
  return cell.text || null;
}

/** The cell's font, or for rich text its first run's (legacy-encoded text keeps its font on the run). */
function fontName(cell: ExcelJS.Cell): string | undefined {
  const v = cell.value;
  if (v && typeof v === 'object' && 'richText' in v) {
    const run = v.richText.find((t) => t.font?.name);
    if (run?.font?.name) return run.font.name;
  }
  return cell.font?.name;
}

function mergesOf(ws: ExcelJS.Worksheet): Merge[] {
  const refs = (ws.model as { merges?: string[] }).merges ?? [];
  const out: Merge[] = [];
  for (const ref of refs) {
    const [a, b] = ref.split(':');
    const tl = parseA1(a ?? '');
    const br = parseA1(b ?? a ?? '');
    if (tl && br) out.push({ top: tl.row, left: tl.col, bottom: br.row, right: br.col });
  }
  return out;
}
