// Undo entries for the add-in's own changes (Excel's undo does not cover add-ins), and how one is put back in one batch.
import { rangeA1 } from '../../../core/model/index.ts';
import type { ExcelHost } from './host.ts';
import type { Batch } from './run.ts';

export type Input = string | number | boolean;

/** A cell edited by a patch: the input that puts back what it held, and its font when the patch changed it. */
export interface CellRestore {
  sheet: string;
  cell: string;
  input: Input;
  font?: string;
}

/** Whole rows deleted by a patch, as they were: contents, number formats, cell formats, heights, merges. */
export interface RowBlock {
  sheet: string;
  top: number;
  count: number;
  left: number;
  right: number;
  inputs: Input[][];
  formats: string[][];
  props: Excel.SettableCellProperties[][];
  heights: (number | null)[];
  /** A1 refs (no sheet) of merged areas that touched the rows. */
  merges: string[];
}

export type UndoEntry =
  | { kind: 'patches'; cells: CellRestore[]; blocks: RowBlock[] }
  | { kind: 'values'; sheet: string; address: string; inputs: Input[][]; formats?: string[][] };

/** Format properties saved for deleted rows and written back by undo. */
export const ROW_FORMAT: Excel.CellPropertiesLoadOptions = {
  format: {
    font: { name: true, bold: true, italic: true, size: true, color: true },
    fill: { color: true, pattern: true, patternColor: true },
    // Border options apply to every edge: the result has top, bottom, left, right….
    borders: { style: true, color: true, weight: true },
    horizontalAlignment: true,
    verticalAlignment: true,
    wrapText: true,
  },
};

/**
 * Queue the writes that take an entry back (no read needed). Deleted rows come back first, top-down, so every
 * edited cell is again at the address it was edited at.
 * @example queueUndo(batch, host, state.undo.pop()!); await batch.sync()
 */
export function queueUndo(b: Batch, host: ExcelHost, entry: UndoEntry): void {
  const sheets = new Map<string, Excel.Worksheet>();
  const ws = (name: string) => {
    let s = sheets.get(name);
    if (!s) sheets.set(name, (s = b.context.workbook.worksheets.getItem(name)));
    return s;
  };
  if (entry.kind === 'values') {
    const range = ws(entry.sheet).getRange(entry.address);
    range.formulas = entry.inputs as unknown[][];
    if (entry.formats) range.numberFormat = entry.formats;
    return;
  }
  for (const blk of [...entry.blocks].sort((a, b2) => a.top - b2.top)) {
    const s = ws(blk.sheet);
    const bottom = blk.top + blk.count - 1;
    s.getRange(`${blk.top}:${bottom}`).insert(host.Excel.InsertShiftDirection.down);
    const cells = s.getRange(rangeA1(blk.top, blk.left, bottom, blk.right));
    cells.formulas = blk.inputs as unknown[][];
    cells.numberFormat = blk.formats;
    cells.setCellProperties(blk.props);
    blk.heights.forEach((h, i) => {
      if (h !== null) s.getRange(`${blk.top + i}:${blk.top + i}`).format.rowHeight = h;
    });
    for (const m of blk.merges) {
      const r = s.getRange(m);
      r.unmerge();
      r.merge(false);
    }
  }
  for (const c of entry.cells) {
    const r = ws(c.sheet).getRange(c.cell);
    r.formulas = [[c.input]];
    if (c.font !== undefined) r.format.font.name = c.font;
  }
}

/**
 * A saved fill with no pattern is sent as just that: a colour next to it could paint the cell again.
 * @example cleanFill({ format: { fill: { pattern: 'None', color: '#FFFFFF' } } }) // { format: { fill: { pattern: 'None' } } }
 */
export function cleanFill(p: Excel.CellProperties): Excel.SettableCellProperties {
  const out: Excel.SettableCellProperties = { ...p };
  delete (out as Excel.CellProperties).address;
  const fill = p.format?.fill;
  if (fill && fill.pattern === 'None') out.format = { ...p.format, fill: { pattern: 'None' } };
  return out;
}
