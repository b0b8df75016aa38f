// Cell-level helpers shared by the Range classes: reading 2-D arrays, writing typed input, uniform format properties.
import { cellCount, type Rect } from '../addr.ts';
import { fail } from '../errors.ts';
import { parseInput } from '../input.ts';
import type { SheetModel } from '../model.ts';
import type { Runtime } from '../runtime.ts';
import { leafPatch, mergeStyle, styleLeaf } from '../style.ts';
import type { FakeValue } from '../types.ts';

export interface RangeTarget {
  sheet: SheetModel;
  rect: Rect;
}

/** Ranges the fake refuses to materialise cell by cell (Excel itself limits a request to about five million cells). */
const MAX_CELLS = 2_000_000;

/**
 * Refuse ranges too big to walk cell by cell.
 * @example checkSize(t, 'Range.values')
 */
export function checkSize(t: RangeTarget, where: string): void {
  if (cellCount(t.rect) > MAX_CELLS)
    throw fail('RangeExceedsLimit', `${where}: ${cellCount(t.rect)} cells is more than the fake materialises.`, where);
}

/**
 * The sheet, unless it was deleted (then ItemNotFound, as Excel answers).
 * @example alive(t.sheet, 'Range.values').cell(1, 1)
 */
export function alive(sheet: SheetModel, where: string): SheetModel {
  if (sheet.deleted) throw fail('ItemNotFound', `The worksheet "${sheet.name}" has been deleted.`, where);
  return sheet;
}

/**
 * A 2-D array over the range, one entry per cell.
 * @example grid(t, 'Range.values', (r, c) => displayValue(t.sheet, r, c))
 */
export function grid<T>(t: RangeTarget, where: string, at: (r: number, c: number) => T): T[][] {
  checkSize(t, where);
  alive(t.sheet, where);
  const out: T[][] = [];
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    const row: T[] = [];
    for (let c = t.rect.left; c <= t.rect.right; c++) row.push(at(r, c));
    out.push(row);
  }
  return out;
}

/**
 * Visit each input entry of a 2-D write; a scalar applies to every cell. Dimensions must match, as in Excel.
 * @example eachInput(t, [['a', 'b']], 'Range.values', (r, c, v) => …)
 */
export function eachInput(t: RangeTarget, input: unknown, where: string, fn: (r: number, c: number, v: unknown) => void): void {
  checkSize(t, where);
  alive(t.sheet, where);
  const rows = t.rect.bottom - t.rect.top + 1;
  const cols = t.rect.right - t.rect.left + 1;
  if (!Array.isArray(input)) {
    for (let r = t.rect.top; r <= t.rect.bottom; r++) for (let c = t.rect.left; c <= t.rect.right; c++) fn(r, c, input);
    return;
  }
  if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
    throw fail(
      'InvalidArgument',
      `${where}: the number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`,
      where,
    );
  }
  input.forEach((row: unknown[], i) => row.forEach((v, j) => fn(t.rect.top + i, t.rect.left + j, v)));
}

/**
 * `values` / `formulas` writes: each entry parsed like typed input; null leaves the cell unchanged.
 * @example writeInput(t, [['2']], rt, 'Range.values') // A1 holds the number 2
 */
export function writeInput(t: RangeTarget, input: unknown, rt: Runtime, where: string): void {
  const { sheet } = t;
  const calculate = (f: string): FakeValue => (rt.model.formulaResults.has(f) ? rt.model.formulaResults.get(f)! : '#UNCALCULATED!');
  eachInput(t, input, where, (r, c, raw) => {
    const p = parseInput(raw, { dateOrder: rt.model.dateOrder, calculate });
    if (!p) return;
    const covered = sheet.merges.find((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
    if (covered && p.v !== null) throw fail('InvalidOperation', `${where}: cannot change part of a merged cell.`, where);
    const cell = sheet.ensure(r, c);
    cell.v = p.v;
    if (p.f) cell.f = p.f;
    else delete cell.f;
    if (p.quote) cell.quote = true;
    else delete cell.quote;
    // Excel applies a format implied by the input only to a cell still in General.
    if (p.fmt && !cell.fmt) cell.fmt = p.fmt;
    sheet.tidy(r, c);
  });
}

/**
 * A cell's value as Range.values reports it: '' when empty.
 * @example displayValue(sheet, 1, 1) // 'TT'
 */
export function displayValue(sheet: SheetModel, r: number, c: number): FakeValue {
  const v = sheet.cell(r, c)?.v;
  return v === null || v === undefined ? '' : v;
}

/**
 * A range-level format property: the common value of every cell, or null when they differ (Excel's rule).
 * @example uniform(t, ['fill', 'color'], rt) // '#FFFFFF', or null when cells differ
 */
export function uniform(t: RangeTarget, path: string[], rt: Runtime): unknown {
  const defaults = rt.defaults;
  let seen = 0;
  let value: unknown;
  let first = true;
  const take = (v: unknown) => {
    if (first) {
      value = v;
      first = false;
    } else if (v !== value) value = null;
  };
  for (const [, , cell] of t.sheet.stored(t.rect)) {
    seen++;
    take(styleLeaf(cell.style, path, defaults));
  }
  if (seen < cellCount(t.rect)) take(styleLeaf(undefined, path, defaults));
  return value;
}

/**
 * Set one format leaf on every cell of the range.
 * @example setLeaf(t, ['font', 'bold'], true, rt, 'RangeFont.bold')
 */
export function setLeaf(t: RangeTarget, path: string[], value: unknown, rt: Runtime, where: string): void {
  checkSize(t, where);
  alive(t.sheet, where);
  const patch = leafPatch(path, value);
  for (let r = t.rect.top; r <= t.rect.bottom; r++) {
    for (let c = t.rect.left; c <= t.rect.right; c++) {
      const cell = t.sheet.ensure(r, c);
      const next = mergeStyle(cell.style, patch, rt.defaults);
      if (next) cell.style = next;
      else delete cell.style;
      t.sheet.tidy(r, c);
    }
  }
}
