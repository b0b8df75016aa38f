// One sheet's read, queued without syncing: values, number formats and fonts of a block, merges and hints; then a Grid.
import type { Cell, Grid, Merge } from '../../../core/model/index.ts';
import { parseAreas, parseRange } from './address.ts';
import type { HostFeatures } from './capabilities.ts';
import type { SheetHints } from './hints.ts';
import { isDateFormat, jsonSize, serialToDate } from './values.ts';

const FONT_NAMES = { format: { font: { name: true } } };

export interface QueuedBlock {
  range: Excel.Range;
  fonts: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
}

export interface Block {
  top: number;
  left: number;
  values: unknown[][];
  formats: string[][];
  fonts: Excel.CellProperties[][];
  bytes: number;
}

/**
 * Queue the cells of a range: values, number formats (dates), font names (TCVN3/VNI detection).
 * @example const q = queueBlock(ws.getUsedRange(true)); await b.sync(); blockOf(q)
 */
export function queueBlock(range: Excel.Range): QueuedBlock {
  range.load('rowIndex,columnIndex,values,numberFormat');
  return { range, fonts: range.getCellProperties(FONT_NAMES) };
}

/**
 * After the sync: the block's data and its size on the wire.
 * @example const { values, bytes } = blockOf(q)
 */
export function blockOf(q: QueuedBlock): Block {
  const values = q.range.values as unknown[][];
  const formats = q.range.numberFormat as string[][];
  const fonts = q.fonts.value;
  return {
    top: q.range.rowIndex + 1,
    left: q.range.columnIndex + 1,
    values,
    formats,
    fonts,
    bytes: jsonSize(values) + jsonSize(formats) + jsonSize(fonts),
  };
}

export interface QueuedMeta {
  ws: Excel.Worksheet;
  merges?: Excel.RangeAreas;
  fill: Excel.RangeFill;
  used: Excel.Range;
  notes?: OfficeExtension.ClientResult<number>;
  comments?: OfficeExtension.ClientResult<number>;
}

/**
 * Queue what the sheet needs besides its cells: name, merged areas, the common fill and the note/comment counts.
 * @example const meta = queueMeta(ws, used, state.features); await b.sync(); metaOf(meta)
 */
export function queueMeta(ws: Excel.Worksheet, used: Excel.Range, f: HostFeatures): QueuedMeta {
  ws.load('name');
  used.load('address');
  const fill = used.format.fill;
  fill.load('color,pattern');
  const q: QueuedMeta = { ws, fill, used };
  // Merged areas and note counts exist only on newer hosts; older ones read without them.
  if (f.mergedAreas) {
    q.merges = used.getMergedAreasOrNullObject();
    q.merges.load('address');
  }
  if (f.notes) q.notes = ws.notes.getCount();
  if (f.comments) q.comments = ws.comments.getCount();
  return q;
}

/**
 * After the sync: the sheet's name, merged areas and hints.
 * @example const { name, merges, hints } = metaOf(meta)
 */
export function metaOf(q: QueuedMeta): { name: string; merges: Merge[]; hints: SheetHints; bytes: number } {
  const used = parseRange(q.used.address);
  const merges = q.merges && !q.merges.isNullObject ? parseAreas(q.merges.address) : [];
  const color = q.fill.color;
  const pattern = q.fill.pattern;
  const hints: SheetHints = {
    used,
    fill: color !== null && pattern !== null ? { pattern, color } : null,
    notes: q.notes ? q.notes.value : null,
    comments: q.comments ? q.comments.value : null,
  };
  return { name: q.ws.name, merges, hints, bytes: jsonSize(q.merges && !q.merges.isNullObject ? q.merges.address : '') };
}

/**
 * Blocks of one sheet → a Grid with origin A1, like the exceljs reader's: rows end at their last value, holes are null.
 * Cells under a merge come back empty from Excel (exceljs repeats the master's value there; core ignores both).
 * @example buildGrid('PL I', [blockOf(q)], merges)
 */
export function buildGrid(sheet: string, blocks: Block[], merges: Merge[]): Grid {
  const rows: (Cell | null)[][] = [];
  for (const b of blocks) {
    b.values.forEach((line, i) =>
      line.forEach((raw, j) => {
        const cell = toCell(raw, b.formats[i]?.[j], b.fonts[i]?.[j]);
        if (cell) (rows[b.top + i - 1] ??= [])[b.left + j - 1] = cell;
      }),
    );
  }
  for (let i = 0; i < rows.length; i++) {
    const line = (rows[i] ??= []);
    for (let j = 0; j < line.length; j++) if (line[j] === undefined) line[j] = null;
  }
  return { sheet, origin: { row: 1, col: 1 }, rows, merges };
}

function toCell(raw: unknown, fmt: string | undefined, props: Excel.CellProperties | undefined): Cell | null {
  if (raw === '' || raw === null || raw === undefined) return null;
  let v: Cell['v'];
  if (typeof raw === 'number') v = isDateFormat(fmt) ? serialToDate(raw) : raw;
  else if (typeof raw === 'string' || typeof raw === 'boolean') v = raw;
  else v = String(raw);
  const cell: Cell = { v };
  const font = props?.format?.font?.name;
  if (font) cell.font = font;
  // Like the exceljs reader: a number keeps its format (percentages); a date does not need one.
  if (typeof v === 'number' && fmt && fmt !== 'General') cell.fmt = fmt;
  return cell;
}
