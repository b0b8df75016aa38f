// A1 references in SpreadsheetML — cell refs, ranges, sqref lists and formulas — moved as Excel moves them when a
// row is deleted: below it up one, a range across it one shorter, a reference to it gone (#REF!).
import { columnLetter, columnNumber } from '../../../core/model/index.ts';

/** A range in a ref or sqref: rows only ('3:5'), columns only ('A:C'), or cells ('B2', 'A1:F9'). */
interface Area {
  top: number | null;
  bottom: number | null;
  left: number | null;
  right: number | null;
  /** The `$` of each part, kept as written. */
  abs: [boolean, boolean, boolean, boolean];
}

const CELL_OR_RANGE = /^(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?::(\$?)([A-Za-z]{1,3})(\$?)(\d+))?$/;
const ROWS = /^(\$?)(\d+):(\$?)(\d+)$/;

function parseArea(ref: string): Area | null {
  let m = CELL_OR_RANGE.exec(ref);
  if (m) {
    const [, ac1, c1, ar1, r1, ac2, c2, ar2, r2] = m;
    return {
      top: Number(r1),
      bottom: Number(r2 ?? r1),
      left: columnNumber(c1!.toUpperCase()),
      right: columnNumber((c2 ?? c1)!.toUpperCase()),
      abs: [ac1 === '$', ar1 === '$', (ac2 ?? ac1) === '$', (ar2 ?? ar1) === '$'],
    };
  }
  m = ROWS.exec(ref);
  if (m) return { top: Number(m[2]), bottom: Number(m[4]), left: null, right: null, abs: [false, m[1] === '$', false, m[3] === '$'] };
  return null;
}

function formatArea(a: Area, single: boolean): string {
  const d = (on: boolean) => (on ? '$' : '');
  if (a.left === null) return `${d(a.abs[1])}${a.top}:${d(a.abs[3])}${a.bottom}`;
  const tl = `${d(a.abs[0])}${columnLetter(a.left)}${d(a.abs[1])}${a.top}`;
  return single ? tl : `${tl}:${d(a.abs[2])}${columnLetter(a.right!)}${d(a.abs[3])}${a.bottom}`;
}

/**
 * A cell ref or range after row `row` is deleted; null when it lay wholly in that row. Column-only ranges and refs
 * that are not A1 come back unchanged.
 * @example shiftRef('B7', 5) // 'B6'
 * @example shiftRef('A3:F9', 5) // 'A3:F8'
 * @example shiftRef('C5', 5) // null
 */
export function shiftRef(ref: string, row: number): string | null {
  const a = parseArea(ref);
  if (!a || a.top === null || a.bottom === null) return ref;
  const single = !ref.includes(':');
  if (a.bottom < row) return ref;
  if (a.top > row) return formatArea({ ...a, top: a.top - 1, bottom: a.bottom - 1 }, single);
  if (a.top === row && a.bottom === row) return null;
  return formatArea({ ...a, bottom: a.bottom - 1 }, single);
}

/**
 * A space-separated list of ranges (sqref) after row `row` is deleted; '' when nothing is left.
 * @example shiftSqref('A2:A9 C5', 5) // 'A2:A8'
 */
export function shiftSqref(sqref: string, row: number): string {
  return sqref
    .trim()
    .split(/\s+/)
    .map((r) => shiftRef(r, row))
    .filter((r): r is string => r !== null && r !== '')
    .join(' ');
}

/**
 * Move a ref or range by whole rows and columns (a shared formula's cell, relative to its master); `$` parts stay.
 * @example offsetRef('A5', 2, 1) // 'B7'
 */
export function offsetRef(ref: string, dRow: number, dCol: number): string {
  const a = parseArea(ref);
  if (!a) return ref;
  const single = !ref.includes(':');
  const move = (v: number | null, abs: boolean, by: number) => (v === null || abs ? v : v + by);
  const out: Area = {
    ...a,
    top: move(a.top, a.abs[1], dRow),
    bottom: move(a.bottom, a.abs[3], dRow),
    left: move(a.left, a.abs[0], dCol),
    right: move(a.right, a.abs[2], dCol),
  };
  if ((out.top !== null && out.top < 1) || (out.left !== null && out.left < 1)) return '#REF!';
  return formatArea(out, single);
}

// A reference with an optional sheet: 'Phụ lục I'!$A$1:$F$9, Sheet1!B2, B2, 3:5 (whole rows), A:C (whole columns).
const SHEET = String.raw`(?:'((?:[^']|'')+)'|([^\s!'"(),;:+\-*/^&=<>{}\[\]%]+))!`;
const REF = String.raw`(\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?|\$?\d+:\$?\d+|\$?[A-Za-z]{1,3}:\$?[A-Za-z]{1,3})`;
const TOKEN = new RegExp(`(?:${SHEET})?${REF}(?![\\w(.!\\[])`, 'y');
const BOUNDARY = /[\w.$'!\]\u00C0-\uFFFF]/;

/**
 * Rewrite every A1 reference of a formula (strings, structured and external references left alone). `edit` gets the
 * sheet the reference names (null: unqualified) and the reference; it returns the new reference, or null for #REF!.
 * @example mapFormulaRefs('SUM(B2:B9)+Sheet2!A1', (s, r) => (s ? r : shiftRef(r, 5))) // 'SUM(B2:B8)+Sheet2!A1'
 */
export function mapFormulaRefs(formula: string, edit: (sheet: string | null, ref: string) => string | null): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i]!;
    if (ch === '"') {
      // A string literal: "" inside is a quote.
      let j = i + 1;
      for (; j < formula.length; j++) {
        if (formula[j] === '"') {
          if (formula[j + 1] === '"') j++;
          else break;
        }
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (ch === '[') {
      // A structured reference (Table1[Col]) or an external book ([1]Sheet1!A1): left as written.
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === '[') depth++;
        else if (formula[j] === ']' && --depth === 0) break;
      }
      // An external book's reference runs on to its sheet and cells: take them as written too.
      const rest = /^[^\s(),;+\-*/^&=<>]*/.exec(formula.slice(j + 1))?.[0] ?? '';
      out += formula.slice(i, j + 1 + rest.length);
      i = j + 1 + rest.length;
      continue;
    }
    const prev = i > 0 ? formula[i - 1]! : '';
    if (!BOUNDARY.test(prev)) {
      TOKEN.lastIndex = i;
      const m = TOKEN.exec(formula);
      if (m) {
        const sheet = m[1] !== undefined ? m[1].replace(/''/g, "'") : (m[2] ?? null);
        const next = edit(sheet, m[3]!);
        out += next === null ? '#REF!' : m[0].slice(0, m[0].length - m[3]!.length) + next;
        i += m[0].length;
        continue;
      }
    }
    // Skip a whole word (a function or a name): a reference never starts inside one.
    const word = /^[\w.\u00C0-\uFFFF]+/.exec(formula.slice(i))?.[0];
    const step = word ? word.length : 1;
    out += formula.slice(i, i + step);
    i += step;
  }
  return out;
}

/**
 * Sheet names compare as Excel compares them: case-insensitively.
 * @example sameSheet('phụ lục i', 'Phụ lục I') // true
 */
export function sameSheet(a: string, b: string): boolean {
  return a.toLocaleLowerCase('vi') === b.toLocaleLowerCase('vi');
}

/**
 * A formula after row `row` of sheet `target` is deleted; `host` is the sheet the formula lives on (its
 * unqualified references are to it; null for a workbook-level formula such as a defined name).
 * @example shiftFormula("SUM('Phụ lục'!B2:B9)", 5, 'Phụ lục', null) // "SUM('Phụ lục'!B2:B8)"
 */
export function shiftFormula(formula: string, row: number, target: string, host: string | null): string {
  return mapFormulaRefs(formula, (sheet, ref) => {
    const onTarget = sheet === null ? host !== null && sameSheet(host, target) : sameSheet(sheet, target);
    return onTarget ? shiftRef(ref, row) : ref;
  });
}
