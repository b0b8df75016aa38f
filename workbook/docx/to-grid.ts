// One Word table (w:tbl) → grid rows and merges: gridSpan and Word 2003's hMerge → merges across, vMerge → merges down.
import type { Cell, Merge } from '../../core/model/index.ts';
import { encodingFromFont } from '../../core/text/index.ts';
import { MAX_CELL_TEXT } from '../xlsx/limits.ts';
import { DocxReadError } from './errors.ts';
import type { DocCell, DocParagraph, DocTable } from './walk.ts';

export interface PlacedTable {
  /** Rows of cells, column 1 first (null: empty). */
  rows: (Cell | null)[][];
  /** Merges with rows counted from `top` (the table's first row in the grid). */
  merges: Merge[];
  /** Grid columns the table spans. */
  width: number;
  /** Rows marked to repeat on every page (w:tblHeader), 1-based within the table. */
  headerRows: number[];
}

/**
 * Lay a table out from grid row `top`.
 * @example placeTable(table, 5).merges // [{ top: 5, left: 1, bottom: 6, right: 1 }, …]
 */
export function placeTable(table: DocTable, top: number): PlacedTable {
  const rows: (Cell | null)[][] = [];
  const merges: Merge[] = [];
  const headerRows: number[] = [];
  // Vertical merges still open, by their left column.
  const open = new Map<number, Merge>();
  let width = 0;
  table.rows.forEach((docRow, i) => {
    const r = top + i;
    const out: (Cell | null)[] = [];
    if (docRow.header) headerRows.push(i + 1);
    let c = 1 + docRow.before;
    for (const cell of acrossMerged(docRow.cells)) {
      const right = c + cell.span - 1;
      const above = open.get(c);
      if (cell.vMerge === 'continue' && above && above.right === right) {
        above.bottom = r;
      } else {
        if (above) close(open, merges, c);
        out[c - 1] = cellOf(cell);
        if (cell.vMerge === 'restart') open.set(c, { top: r, left: c, bottom: r, right });
        else if (right > c) merges.push({ top: r, left: c, bottom: r, right });
      }
      c = right + 1;
    }
    width = Math.max(width, c - 1);
    rows.push(Array.from({ length: out.length }, (_, k) => out[k] ?? null));
  });
  for (const left of [...open.keys()]) close(open, merges, left);
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  return { rows, merges, width, headerRows };
}

/**
 * Word 2003's horizontal merge as gridSpan: each 'continue' cell (w:hMerge without "restart") joins the cell before
 * it, which then spans both; its own text is hidden by Word and dropped. A 'continue' first in its row stands alone.
 * @example acrossMerged([{ paragraphs: [p], span: 1, hMerge: 'restart' }, { paragraphs: [], span: 1, hMerge: 'continue' }]) // [{ paragraphs: [p], span: 2, hMerge: 'restart' }]
 */
export function acrossMerged(cells: DocCell[]): DocCell[] {
  if (!cells.some((cell) => cell.hMerge === 'continue')) return cells;
  const out: DocCell[] = [];
  for (const cell of cells) {
    const before = out[out.length - 1];
    if (cell.hMerge === 'continue' && before?.hMerge !== undefined) out[out.length - 1] = { ...before, span: before.span + cell.span };
    else out.push(cell);
  }
  return out;
}

function close(open: Map<number, Merge>, merges: Merge[], left: number): void {
  const m = open.get(left)!;
  open.delete(left);
  if (m.bottom > m.top || m.right > m.left) merges.push(m);
}

/** A cell's paragraphs joined by line breaks, and the font when its runs share one (or share legacy fonts). */
export function cellOf(cell: DocCell): Cell | null {
  return textCell(cell.paragraphs);
}

/**
 * Paragraphs → one cell: text joined with '\n', blank lines at either end dropped; null when there is no text.
 * @example textCell([{ kind: 'p', text: 'Chủ trì\nthực hiện', fonts: ['Times New Roman'] }]) // { v: 'Chủ trì\nthực hiện', font: 'Times New Roman' }
 */
export function textCell(paragraphs: DocParagraph[]): Cell | null {
  const text = paragraphs
    .map((p) => p.text)
    .join('\n')
    .trim();
  if (text === '') return null;
  if (text.length > MAX_CELL_TEXT) throw new DocxReadError('cell-too-long', text.length.toLocaleString('vi-VN'));
  const font = sharedFont(paragraphs.flatMap((p) => p.fonts));
  return font === undefined ? { v: text } : { v: text, font };
}

// One font for the whole cell, as a workbook cell has: the runs' common font, or the first legacy font when every run
// is in a legacy font (.VnTime beside .VnTimeH is one encoding); mixed Unicode and legacy runs get none, so the text
// grid's column statistics decide instead of decoding Unicode text as TCVN3.
function sharedFont(fonts: (string | undefined)[]): string | undefined {
  const first = fonts[0];
  if (first === undefined) return undefined;
  if (fonts.every((f) => f === first)) return first;
  return fonts.every((f) => encodingFromFont(f) !== null) ? first : undefined;
}
