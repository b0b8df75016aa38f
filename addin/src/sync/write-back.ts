// From the plan the sheet holds (read just now) and the plan it should hold (merged), the row ops that get it there:
// cell values changed in place, tasks deleted and inserted, every task's id in the hidden id column.
import { sameText } from '../../../core/merge/index.ts';
import { appendixKeys, isItemRow, matchRows } from '../../../core/merge/index.ts';
import { columnLetter, columnNumber } from '../../../core/model/index.ts';
import type { Appendix, AppendixRow, ColumnRole, Plan } from '../../../core/model/index.ts';
import type { CellValue } from '../../../core/model/index.ts';
import { ID_HEADER } from '../../../core/read/index.ts';
import type { RowOp } from '../excel/port.ts';

interface SheetWork {
  sets: Map<string, { row: number; col: number; value: CellValue }>;
  deletes: Set<number>;
  /** Rows to insert after original row `after`, in order. */
  inserts: Map<number, { firstCol: number; values: CellValue[] }[]>;
  hide: Set<string>;
}

export interface WriteBackSummary {
  cells: number;
  inserted: number;
  deleted: number;
}

/**
 * Row ops turning `local` into `target`, appendix by appendix (matched by appendixKey; tables the target lacks are
 * left alone). Order in the result: cell values, then deletions bottom-up, then insertions bottom-up, so every
 * address is right when its op runs. Rows match by id, then by content (core's matchRows).
 * @example const { ops } = writeBackOps(readPlan(grids).plan, merged); await port.applyRowOps(ops)
 */
export function writeBackOps(local: Plan, target: Plan, only: string | null = null): { ops: RowOp[]; summary: WriteBackSummary } {
  const work = new Map<string, SheetWork>();
  const sheetWork = (sheet: string): SheetWork => {
    let w = work.get(sheet);
    if (!w) work.set(sheet, (w = { sets: new Map(), deletes: new Set(), inserts: new Map(), hide: new Set() }));
    return w;
  };
  const targetByKey = new Map(appendixKeys(target).map((k, i) => [k, target.appendices[i]!]));
  const summary: WriteBackSummary = { cells: 0, inserted: 0, deleted: 0 };
  appendixKeys(local).forEach((key, i) => {
    if (only !== null && key !== only) return;
    const t = targetByKey.get(key);
    if (t) appendixWork(local.appendices[i]!, t, sheetWork(local.appendices[i]!.sheet), summary);
  });
  const ops: RowOp[] = [];
  for (const [sheet, w] of work) ops.push(...sheetOps(sheet, w));
  return { ops, summary };
}

/** First and last column of an A1 range ("A5:F120" → 1, 6). */
function rangeCols(range: string): { first: number; last: number } {
  const m = /^\$?([A-Z]+)\$?\d+(?::\$?([A-Z]+)\$?\d+)?$/i.exec(range.trim());
  const first = m ? columnNumber(m[1]!.toUpperCase()) : 1;
  return { first, last: m?.[2] ? columnNumber(m[2].toUpperCase()) : first };
}

function valueOf(row: AppendixRow, role: ColumnRole): string | null {
  const v = role === 'tt' ? row.tt : row.fields[role];
  return v === undefined || v === null || v.trim() === '' ? null : v;
}

function appendixWork(a: Appendix, t: Appendix, w: SheetWork, summary: WriteBackSummary): void {
  const { first, last } = rangeCols(a.range);
  const idCol = a.idColumn ? columnNumber(a.idColumn) : last + 1;
  const roles = Object.entries(a.columns) as [ColumnRole, string][];
  const set = (row: number, col: number, value: CellValue) => {
    w.sets.set(`${row}:${col}`, { row, col, value });
  };
  if (!a.idColumn) {
    set(a.header.rows[0]!, idCol, ID_HEADER);
    w.hide.add(columnLetter(idCol));
  }
  const L = a.rows.filter(isItemRow);
  const T = t.rows.filter(isItemRow);
  const match = matchRows(L, T);
  const localOf = new Map([...match].map(([l, j]) => [j, l]));
  const lastRowOf = (r: AppendixRow) => Math.max(r.source.row, ...(r.mergedFrom ?? []));

  match.forEach((j, l) => {
    const lr = L[l]!;
    const tr = T[j]!;
    for (const [role, letter] of roles) {
      const want = valueOf(tr, role);
      if (sameText(valueOf(lr, role), want)) continue;
      const col = columnNumber(letter);
      set(lr.source.row, col, want);
      // The anchor cell now holds the whole text: the page-break fragments below it would repeat it.
      for (const frag of lr.mergedFrom ?? []) set(frag, col, null);
      summary.cells++;
    }
    if (tr.id !== undefined && tr.id !== lr.id) set(lr.source.row, idCol, tr.id);
  });
  L.forEach((lr, l) => {
    if (match.has(l)) return;
    for (const r of [lr.source.row, ...(lr.mergedFrom ?? [])]) w.deletes.add(r);
    summary.deleted++;
  });
  // New rows go right after the local row of the nearest preceding target row (else after the header).
  let after = a.header.rows[a.header.rows.length - 1]!;
  T.forEach((tr, j) => {
    const l = localOf.get(j);
    if (l !== undefined) {
      after = lastRowOf(L[l]!);
      return;
    }
    const values: CellValue[] = Array.from({ length: idCol - first + 1 }, () => null);
    for (const [role, letter] of roles) values[columnNumber(letter) - first] = valueOf(tr, role);
    if (tr.id !== undefined) values[idCol - first] = tr.id;
    const list = w.inserts.get(after) ?? [];
    list.push({ firstCol: first, values });
    w.inserts.set(after, list);
    summary.inserted++;
  });
}

function sheetOps(sheet: string, w: SheetWork): RowOp[] {
  const ops: RowOp[] = [];
  for (const { row, col, value } of w.sets.values()) {
    if (w.deletes.has(row)) continue;
    ops.push({ op: 'set', sheet, cell: `${columnLetter(col)}${row}`, value });
  }
  const deleted = [...w.deletes].sort((x, y) => y - x);
  for (const [top, bottom] of runs(deleted)) ops.push({ op: 'delete', sheet, top, bottom });
  const ascending = [...deleted].reverse();
  const shifted = (r: number) => r - ascending.filter((d) => d < r).length;
  const inserts = [...w.inserts].sort((x, y) => y[0] - x[0]);
  for (const [after, rows] of inserts) {
    const firstCol = Math.min(...rows.map((r) => r.firstCol));
    ops.push({ op: 'insert', sheet, at: shifted(after) + 1, firstColumn: columnLetter(firstCol), values: rows.map((r) => r.values) });
  }
  for (const column of w.hide) ops.push({ op: 'hide-column', sheet, column });
  return ops;
}

/** Descending row numbers → [top, bottom] runs of consecutive rows, bottom-most first. */
function runs(desc: number[]): [number, number][] {
  const out: [number, number][] = [];
  for (const r of desc) {
    const last = out[out.length - 1];
    if (last && last[0] === r + 1) last[0] = r;
    else out.push([r, r]);
  }
  return out;
}
