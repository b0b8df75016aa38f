// The read half of applyPatches: current values of the edited cells, and everything undo needs of the deleted rows.
import { columnLetter, parseA1 } from '../../../core/model/index.ts';
import type { SheetEdit } from '../../../core/fix/index.ts';
import type { PatchValue } from '../../../core/fix/index.ts';
import { cellText } from '../../../core/read/index.ts';
import { parseAreas, parseRange, runs } from './address.ts';
import type { MarkRecord } from './mark-store.ts';
import { commentSheets } from './marks.ts';
import { probeMarks } from './mark-restore.ts';
import type { Batch } from './run.ts';
import type { PortState } from './state.ts';
import { cleanFill, ROW_FORMAT, type RowBlock } from './undo.ts';
import { isDateFormat, restoreInput, serialToDate } from './values.ts';

/** Edited cells this close in a column are read and written as one range (the cells between get null: unchanged). */
const RUN_GAP = 8;

export interface EditRun {
  sheet: string;
  col: number;
  top: number;
  bottom: number;
  range: Excel.Range;
  fonts?: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  edits: SheetEdit[];
}

export interface DeletedRead {
  sheet: string;
  top: number;
  bottom: number;
  range: Excel.Range;
  props: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  merges?: Excel.RangeAreas;
  heights: Excel.RangeFormat[];
}

/**
 * Queue the read: edited cells by column run (values, formulas, number formats, fonts where a patch changes one),
 * deleted rows (contents, formats, heights, merges), and the probe of the marks to take off.
 * @example const read = queuePatchRead(b, state, plan.edits, plan.deletions, sheets, marks, () => true); await b.sync()
 */
export function queuePatchRead(
  b: Batch,
  state: PortState,
  edits: SheetEdit[],
  deletions: { sheet: string; rows: number[] }[],
  present: string[],
  marks: MarkRecord[],
  alive: (s: string) => boolean,
) {
  const sheets = new Map(present.map((n) => [n, b.context.workbook.worksheets.getItem(n)]));
  const editRuns: EditRun[] = [];
  const byColumn = new Map<string, SheetEdit[]>();
  for (const e of edits) {
    const at = parseA1(e.cell);
    if (!at || !sheets.has(e.sheet)) continue;
    const k = `${e.sheet}\u0000${at.col}`;
    byColumn.set(k, [...(byColumn.get(k) ?? []), e]);
  }
  for (const [k, list] of byColumn) {
    const [sheet, colText] = k.split('\u0000') as [string, string];
    const col = Number(colText);
    const rows = list.map((e) => parseA1(e.cell)!.row).sort((x, y) => x - y);
    for (const [top, bottom] of runs(rows, RUN_GAP)) {
      const range = sheets.get(sheet)!.getRange(`${columnLetter(col)}${top}:${columnLetter(col)}${bottom}`);
      range.load('values,formulas,numberFormat');
      const inRun = list.filter((e) => {
        const r = parseA1(e.cell)!.row;
        return r >= top && r <= bottom;
      });
      const run: EditRun = { sheet, col, top, bottom, range, edits: inRun };
      if (inRun.some((e) => e.font !== undefined)) run.fonts = range.getCellProperties({ format: { font: { name: true } } });
      editRuns.push(run);
    }
  }
  const deleted: DeletedRead[] = [];
  for (const d of deletions) {
    const ws = sheets.get(d.sheet);
    if (!ws) continue;
    // Columns of everything used (formats included) × the deleted rows: never empty, so never a null object.
    const columns = ws.getUsedRange(false).getEntireColumn();
    for (const [top, bottom] of runs(
      [...d.rows].sort((x, y) => x - y),
      0,
    )) {
      const range = columns.getIntersection(ws.getRange(`${top}:${bottom}`));
      range.load('address,values,formulas,numberFormat');
      const blk: DeletedRead = { sheet: d.sheet, top, bottom, range, props: range.getCellProperties(ROW_FORMAT), heights: [] };
      if (state.features.mergedAreas) {
        blk.merges = range.getMergedAreasOrNullObject();
        blk.merges.load('address');
      }
      for (let r = top; r <= bottom; r++) blk.heights.push(ws.getRange(`${r}:${r}`).format.load('rowHeight'));
      deleted.push(blk);
    }
  }
  const probe =
    marks.length > 0 ? probeMarks(b, state, { restore: marks, fresh: [], commentSheets: commentSheets(state, marks), alive }) : null;
  return { sheets, editRuns, deleted, probe };
}

export type PatchRead = ReturnType<typeof queuePatchRead>;

/**
 * What undo needs of deleted rows; a cell showing one of our marks is saved with the fill it had before the mark.
 * @example const blocks = read.deleted.map((d) => savedRows(d, marks))
 */
export function savedRows(d: DeletedRead, marks: MarkRecord[]): RowBlock {
  const at = parseRange(d.range.address)!;
  const values = d.range.values as unknown[][];
  const inputs = (d.range.formulas as unknown[][]).map((row, i) => row.map((f, j) => restoreInput(f, values[i]![j])));
  const props = d.props.value.map((row, i) =>
    row.map((p, j) => {
      const mark = marks.find((m) => m.sheet === d.sheet && m.cell === `${columnLetter(at.left + j)}${at.top + i}`);
      return cleanFill(mark ? ({ ...p, format: { ...p.format, fill: { ...mark.fill } } } as Excel.CellProperties) : p);
    }),
  );
  const merges =
    d.merges && !d.merges.isNullObject
      ? parseAreas(d.merges.address).map((m) => `${columnLetter(m.left)}${m.top}:${columnLetter(m.right)}${m.bottom}`)
      : [];
  return {
    sheet: d.sheet,
    top: d.top,
    count: d.bottom - d.top + 1,
    left: at.left,
    right: at.right,
    inputs,
    formats: d.range.numberFormat as string[][],
    props,
    heights: d.heights.map((h) => h.rowHeight ?? null),
    merges,
  };
}

/**
 * The exceljs adapter's rule for "the cell still holds `from`" (dates and booleans compare as the text a reader sees).
 * @example matches(46022, 'dd/mm/yyyy', '31/12/2025') // true
 */
export function matches(raw: unknown, fmt: string, from: PatchValue): boolean {
  const v = raw === '' || raw === null || raw === undefined ? null : typeof raw === 'number' && isDateFormat(fmt) ? serialToDate(raw) : raw;
  if (v === from) return true;
  if (v === null) return from === null || from === '';
  if (v instanceof Date || typeof v === 'boolean') return cellText({ v }) === from;
  return typeof v === 'number' && typeof from === 'string' && String(v) === from;
}
