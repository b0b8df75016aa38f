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
  const text: string[][] = [];
  // Rows with a decoded cell only (most sheets have none): an array of nulls per row was garbage for every row.
  const enc: (LegacyEncoding | null)[][] = [];
  // Each column's plain text cells as two parallel lists (row, text) rather than an object per cell.
  const plainRows: number[][] = Array.from({ length: cols + 1 }, () => []);
  const plainTexts: string[][] = Array.from({ length: cols + 1 }, () => []);

  for (let r = 1; r <= rows; r++) {
    const tRow: string[] = [];
    for (let c = 1; c <= cols; c++) {
      // Cells hidden under a merge are empty, whatever the writer stored there (exceljs repeats the master's value).
      const cell = merged && coveredBy(r, c) !== null ? null : cellAt(grid, r, c);
      const s = cellText(cell);
      const fontEnc = typeof cell?.v === 'string' ? encodingFromFont(cell.font) : null;
      if (fontEnc && s !== '') {
        tRow[c] = decodeLegacy(s, fontEnc);
        (enc[r] ??= [])[c] = fontEnc.encoding;
      } else {
        tRow[c] = s;
        if (typeof cell?.v === 'string' && hasText(s)) {
          plainRows[c]!.push(r);
          plainTexts[c]!.push(s);
        }
      }
    }
    text[r] = tRow;
  }

  // Column statistics for cells without a legacy font (text pasted from an old document keeps its bytes, not its font).
  for (let c = 1; c <= cols; c++) {
    const texts = plainTexts[c]!;
    if (texts.length === 0) continue;
    const verdict = detectLegacy(texts);
    if (!verdict.encoding) continue;
    const rowsOf = plainRows[c]!;
    for (let i = 0; i < texts.length; i++) {
      const r = rowsOf[i]!;
      text[r]![c] = decodeLegacy(texts[i]!, { encoding: verdict.encoding });
      (enc[r] ??= [])[c] = verdict.encoding;
    }
  }

  return {
    grid,
    rows,
    cols,
    text: (r, c) => text[r]?.[c] ?? '',
    cell: (r, c) => cellAt(grid, r, c),
    encoding: (r, c) => enc[r]?.[c] ?? null,
    coveredBy,
  };
}

/**
 * Whether a text has anything but white space: `s.trim() !== ''` without making the trimmed copy (a printable ASCII
 * first character answers at once; \S is the complement of exactly what trim() removes).
 * @example hasText(' \u00a0') // false
 */
export function hasText(s: string): boolean {
  if (s === '') return false;
  const c = s.charCodeAt(0);
  if (c > 0x20 && c < 0x7f) return true;
  return NOT_SPACE.test(s);
}

const NOT_SPACE = /\S/;
