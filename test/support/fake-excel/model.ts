// One sheet of the fake: sparse rows of cells, merges and validations that move with rows as Excel moves them.
import { fail } from './errors.ts';
import { intersect, MAX_COLS, type Rect } from './addr.ts';
import type { CellStyle, FakeValue } from './types.ts';

// A cell keeps its value, formula, number format, style, note and comment, so row operations carry all of them.

export interface FakeCell {
  v: FakeValue;
  f?: string;
  fmt?: string;
  style?: CellStyle;
  /** Written with a leading apostrophe (Excel's quotePrefix). */
  quote?: boolean;
  note?: string;
  /** Threaded comment text (ExcelApi 1.10). */
  comment?: string;
}

export interface Row {
  cells: Map<number, FakeCell>;
  height?: number;
}

export interface Validation {
  rect: Rect;
  rule: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
  ignoreBlanks?: unknown;
}

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export const DEFAULT_ROW_HEIGHT = 15;
export const DEFAULT_COLUMN_WIDTH = 48;

export class SheetModel {
  rows: (Row | undefined)[] = [];
  merges: Rect[] = [];
  validations: Validation[] = [];
  columnWidths = new Map<number, number>();
  /** 1-based columns hidden by Range.columnHidden (or by the user). */
  hiddenColumns = new Set<number>();
  deleted = false;

  constructor(
    readonly id: string,
    public name: string,
    public visibility: Visibility = 'Visible',
  ) {}

  cell(r: number, c: number): FakeCell | undefined {
    return this.rows[r - 1]?.cells.get(c);
  }

  row(r: number): Row {
    return (this.rows[r - 1] ??= { cells: new Map() });
  }

  ensure(r: number, c: number): FakeCell {
    const row = this.row(r);
    let cell = row.cells.get(c);
    if (!cell) row.cells.set(c, (cell = { v: null }));
    return cell;
  }

  /** Drop a cell that holds nothing any more, so used-range computations stay honest. */
  tidy(r: number, c: number): void {
    const row = this.rows[r - 1];
    const cell = row?.cells.get(c);
    if (cell && cell.v === null && !cell.f && !cell.fmt && !cell.style && cell.note === undefined && cell.comment === undefined)
      row!.cells.delete(c);
  }

  /** Every stored cell inside `rect` (never the empty positions: a whole-row rect is cheap). */
  *stored(rect: Rect): Generator<[number, number, FakeCell]> {
    const last = Math.min(rect.bottom, this.rows.length);
    for (let r = rect.top; r <= last; r++) {
      const row = this.rows[r - 1];
      if (!row) continue;
      for (const [c, cell] of row.cells) if (c >= rect.left && c <= rect.right) yield [r, c, cell];
    }
  }

  /** Bounding box of cells with a value (valuesOnly) or with anything at all; null for a blank sheet. */
  usedRect(valuesOnly: boolean): Rect | null {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [r, c, cell] of this.stored({ top: 1, left: 1, bottom: this.rows.length, right: MAX_COLS })) {
      const used =
        cell.v !== null ||
        cell.f !== undefined ||
        (!valuesOnly && (cell.style !== undefined || cell.fmt !== undefined || cell.note !== undefined));
      if (!used) continue;
      top = Math.min(top, r);
      left = Math.min(left, c);
      bottom = Math.max(bottom, r);
      right = Math.max(right, c);
    }
    return bottom === 0 ? null : { top, left, bottom, right };
  }

  /** Delete whole rows: rows below move up, merges and validations shrink or move with them. */
  deleteRows(top: number, bottom: number): void {
    const n = bottom - top + 1;
    if (this.rows.length >= top) this.rows.splice(top - 1, n);
    const shift = (r: Rect): Rect | null => {
      if (r.bottom < top) return r;
      if (r.top > bottom) return { ...r, top: r.top - n, bottom: r.bottom - n };
      const kept = r.bottom - r.top + 1 - (Math.min(r.bottom, bottom) - Math.max(r.top, top) + 1);
      if (kept <= 0) return null;
      const newTop = r.top < top ? r.top : top;
      return { ...r, top: newTop, bottom: newTop + kept - 1 };
    };
    this.merges = this.merges.map(shift).filter((m): m is Rect => m !== null && (m.bottom > m.top || m.right > m.left));
    this.validations = this.validations.flatMap((v) => {
      const rect = shift(v.rect);
      return rect ? [{ ...v, rect }] : [];
    });
  }

  /** Insert blank rows at `at`; like Excel, they take the formats of the row above. Merges spanning the point grow. */
  insertRows(at: number, n: number): void {
    const above = this.rows[at - 2];
    const fresh: (Row | undefined)[] = Array.from({ length: n }, () => {
      if (!above) return undefined;
      const cells = new Map<number, FakeCell>();
      for (const [c, cell] of above.cells) {
        if (cell.style || cell.fmt)
          cells.set(c, { v: null, ...(cell.style ? { style: structuredClone(cell.style) } : {}), ...(cell.fmt ? { fmt: cell.fmt } : {}) });
      }
      return { cells };
    });
    while (this.rows.length < at - 1) this.rows.push(undefined);
    this.rows.splice(at - 1, 0, ...fresh);
    const shift = (r: Rect): Rect =>
      r.top >= at ? { ...r, top: r.top + n, bottom: r.bottom + n } : r.bottom >= at ? { ...r, bottom: r.bottom + n } : r;
    this.merges = this.merges.map(shift);
    this.validations = this.validations.map((v) => ({ ...v, rect: shift(v.rect) }));
  }

  /**
   * Sort whole rows top..bottom by the text of column `by`, moving every cell of columns left..right (what Excel's
   * sort does with the selection expanded to the table, hidden columns included). Like Excel, merged cells refuse.
   */
  sortRows(top: number, bottom: number, left: number, right: number, by: number, descending = false): void {
    const rect = { top, left, bottom, right };
    if (this.merges.some((m) => intersect(m, rect) !== null))
      throw fail('InvalidOperation', 'To sort, all merged cells need to be the same size.', 'Range.sort');
    const slices = Array.from({ length: bottom - top + 1 }, (_, i) => {
      const row = this.rows[top + i - 1];
      const cells = new Map<number, FakeCell>();
      for (const [c, cell] of row?.cells ?? []) if (c >= left && c <= right) cells.set(c, cell);
      return cells;
    });
    const key = (m: Map<number, FakeCell>) => m.get(by)?.v ?? null;
    const order = slices
      .map((m, i) => ({ m, i }))
      .sort((a, b) => {
        const x = key(a.m);
        const y = key(b.m);
        if (x === y) return a.i - b.i;
        if (x === null) return 1; // blanks last, as Excel does
        if (y === null) return -1;
        const d = typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), 'vi');
        return (descending ? -d : d) || a.i - b.i;
      });
    order.forEach(({ m }, i) => {
      const row = this.row(top + i);
      for (const c of [...row.cells.keys()]) if (c >= left && c <= right) row.cells.delete(c);
      for (const [c, cell] of m) row.cells.set(c, cell);
    });
  }

  mergeAreasIn(rect: Rect): Rect[] {
    return this.merges.filter((m) => intersect(m, rect) !== null);
  }

  merge(rect: Rect): void {
    if (this.merges.some((m) => intersect(m, rect)))
      throw fail('InvalidOperation', 'The range overlaps a merged area; unmerge it first.', 'Range.merge');
    // Excel keeps only the top-left value of a merged area.
    for (const [r, c, cell] of [...this.stored(rect)]) {
      if (r === rect.top && c === rect.left) continue;
      cell.v = null;
      delete cell.f;
      this.tidy(r, c);
    }
    if (rect.bottom > rect.top || rect.right > rect.left)
      this.merges.push({ top: rect.top, left: rect.left, bottom: rect.bottom, right: rect.right });
  }

  unmerge(rect: Rect): void {
    this.merges = this.merges.filter((m) => intersect(m, rect) === null);
  }
}
