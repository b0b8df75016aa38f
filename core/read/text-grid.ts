// TextGrid: a Grid's cells as Unicode text, with legacy TCVN3/VNI cells decoded (font first, then per-column statistics).
import type { LegacyEncoding } from '../model/appendix.ts';
import { cellAt, lastCol, lastRow, type Cell, type Grid } from '../model/grid.ts';
import { decodeLegacy, detectLegacy, encodingFromFont } from '../text/legacy/index.ts';
import { cellText } from './cell-text.ts';

export interface TextGrid {
  grid: Grid;
  rows: number;
  cols: number;
  /** Unicode text at a 1-based row/col ('' when empty). */
  text(row: number, col: number): string;
  /** The raw cell. */
  cell(row: number, col: number): Cell | null;
  /** The legacy encoding a cell was decoded from, if any. */
  encoding(row: number, col: number): LegacyEncoding | null;
  /** The merge whose top-left is elsewhere and covers this cell, if any. */
  coveredBy(row: number, col: number): { top: number; left: number; bottom: number; right: number } | null;
}

/**
 * Decode a grid's text once. The cell's font is the strongest signal (.VnTime → TCVN3, VNI-Times → VNI);
 * without a legacy font, a whole column is decoded only when statistics over the column say so —
 * never word by word, so real Unicode or English text is never "converted".
 * @example textGrid(gridFromValues('S', [['TT']])).text(1, 1) // 'TT'
 */
export function textGrid(grid: Grid): TextGrid {
  const rows = lastRow(grid);
  const cols = lastCol(grid);
  // Covered cells by number (row · stride + col), asked for every cell: a string key per cell was a large part of the
  // garbage a big sheet made. A merge reaching outside row/column 1… (a malformed file) keeps string keys.
  type Area = { top: number; left: number; bottom: number; right: number };
  const stride = cols + 1;
  const covered = new Map<number, Area>();
  const outside = new Map<string, Area>();
  for (const m of grid.merges) {
    // Clip to the used area: a hostile file may declare a merge over a million rows.
    for (let r = m.top; r <= Math.min(m.bottom, rows); r++) {
      for (let c = m.left; c <= Math.min(m.right, cols); c++) {
        if (r === m.top && c === m.left) continue;
        if (r >= 1 && c >= 1) covered.set(r * stride + c, m);
        else outside.set(`${r}:${c}`, m);
      }
    }
  }
  const coveredBy = (r: number, c: number): Area | null => {
    if (r >= 1 && c >= 1 && c <= cols) return covered.get(r * stride + c) ?? null;
    return outside.get(`${r}:${c}`) ?? null;
  };
  const merged = covered.size > 0 || outside.size > 0;
  // One flat array of every cell's text (row · stride + col) instead of an array per row: a large sheet's rows were
  // as many arrays of garbage.
  const text: string[] = new Array<string>((rows + 1) * stride).fill('');
  // Rows with a decoded cell only (most sheets have none): an array of nulls per row was garbage for every row.
  const enc: (LegacyEncoding | null)[][] = [];
  // Plain text cells (a string without a legacy font), marked for the column statistics below and counted per column,
  // so that each column's list is made once at its size.
  const plain = new Uint8Array(text.length);
  const plainCount = new Array<number>(cols + 1).fill(0);

  const { row: top, col: left } = grid.origin;
  for (let r = 1; r <= rows; r++) {
    // The grid's row itself, read cell by cell (cellAt for each cell looked the row up again).
    const line = grid.rows[r - top];
    if (!line) continue;
    for (let c = 1; c <= cols; c++) {
      // Cells hidden under a merge are empty, whatever the writer stored there (exceljs repeats the master's value).
      const cell = line[c - left];
      if (!cell || (merged && coveredBy(r, c) !== null)) continue;
      const s = cellText(cell);
      if (s === '') continue;
      const at = r * stride + c;
      const fontEnc = typeof cell.v === 'string' ? encodingFromFont(cell.font) : null;
      if (fontEnc) {
        text[at] = decodeLegacy(s, fontEnc);
        (enc[r] ??= [])[c] = fontEnc.encoding;
      } else {
        text[at] = s;
        if (typeof cell.v === 'string' && hasText(s)) {
          plain[at] = 1;
          plainCount[c]!++;
        }
      }
    }
  }

  // Column statistics for cells without a legacy font (text pasted from an old document keeps its bytes, not its font).
  for (let c = 1; c <= cols; c++) {
    const count = plainCount[c]!;
    if (count === 0) continue;
    const texts = new Array<string>(count);
    for (let r = 1, i = 0; i < count; r++) if (plain[r * stride + c] === 1) texts[i++] = text[r * stride + c]!;
    const verdict = detectLegacy(texts);
    if (!verdict.encoding) continue;
    for (let r = 1; r <= rows; r++) {
      if (plain[r * stride + c] !== 1) continue;
      text[r * stride + c] = decodeLegacy(text[r * stride + c]!, { encoding: verdict.encoding });
      (enc[r] ??= [])[c] = verdict.encoding;
    }
  }

  return {
    grid,
    rows,
    cols,
    text: (r, c) => (r >= 1 && r <= rows && c >= 1 && c <= cols ? text[r * stride + c]! : ''),
    cell: (r, c) => cellAt(grid, r, c),
    encoding: (r, c) => enc[r]?.[c] ?? null,
    coveredBy,
  };
}

/**
 * Whether a text has anything but white space: `s.trim() !== ''` without making the trimmed copy (a printable ASCII or
 * Vietnamese first character answers at once; \S is the complement of exactly what trim() removes).
 * @example hasText(' \u00a0') // false
 */
export function hasText(s: string): boolean {
  if (s === '') return false;
  const c = s.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return true;
  // Vietnamese letters (Đ, Ẩ…) too: trim() removes nothing from U+00A1 to U+1FFF but U+1680.
  if (c > 0xa0 && c < 0x2000 && c !== 0x1680) return true;
  return NOT_SPACE.test(s);
}

const NOT_SPACE = /\S/;
