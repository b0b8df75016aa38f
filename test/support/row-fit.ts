// A rough, independent estimate of whether each row of a sheet is tall enough for its text, read back with exceljs:
// lines = characters × an average Times New Roman advance (0.40 em) over the column's inner width, one line per
// paragraph at least; a line is 1.15 × the font size (Liberation Serif's spacing). Deliberately not the writer's own
// word-wrapping estimate (workbook/layout/row-height.ts): it asks what any reader of the file would ask.
import ExcelJS from 'exceljs';

export interface TooShort {
  row: number;
  height: number;
  needed: number;
  text: string;
}

/** Points of a column `width` units wide, less the padding on either side (7 px digits: Calibri or Times 11). */
function innerPoints(width: number): number {
  return (width * 7 - 7) * 0.75;
}

function textOf(v: ExcelJS.CellValue): string {
  if (typeof v === 'string') return v;
  if (v && typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  if (v && typeof v === 'object' && 'text' in v) return String(v.text);
  return '';
}

/**
 * Lines a text needs in a cell `width` units wide at `size` points.
 * @example linesNeeded('…', 60, 12)
 */
export function linesNeeded(text: string, width: number, size: number): number {
  const perLine = Math.max(1, innerPoints(width) / (0.4 * size));
  return text.split(/\r\n|\n|\r/).reduce((n, para) => n + Math.max(1, Math.ceil(para.length / perLine)), 0);
}

/**
 * Rows of `ws` (all, or those listed) whose height is less than their text needs; merged cells count the width of
 * all their columns; a cell that does not wrap needs one line.
 * @example expect(rowsTooShort(wb.getWorksheet('Tổng hợp')!)).toEqual([])
 */
export function rowsTooShort(ws: ExcelJS.Worksheet, rows?: readonly number[]): TooShort[] {
  const spans = new Map<string, number>();
  for (const m of (ws.model as { merges?: string[] }).merges ?? []) {
    const [a, b] = m.split(':');
    const from = ws.getCell(a!);
    const to = ws.getCell(b!);
    if (from.row !== to.row) continue;
    let w = 0;
    for (let c = Number(from.col); c <= Number(to.col); c++) w += ws.getColumn(c).width ?? 8.43;
    spans.set(from.address, w);
  }
  const out: TooShort[] = [];
  const list = rows ?? Array.from({ length: ws.rowCount }, (_, i) => i + 1);
  for (const r of list) {
    const row = ws.getRow(r);
    const height = row.height ?? 15;
    let needed = 0;
    let worst = '';
    row.eachCell((cell) => {
      if (cell.isMerged && cell.master !== cell) return;
      const text = textOf(cell.value);
      if (!text) return;
      const size = cell.font?.size ?? 11;
      const lines = cell.alignment?.wrapText
        ? linesNeeded(text, spans.get(cell.address) ?? ws.getColumn(Number(cell.col)).width ?? 8.43, size)
        : 1;
      const need = lines * size * 1.15;
      if (need > needed) {
        needed = need;
        worst = text;
      }
    });
    if (height + 0.01 < needed) out.push({ row: r, height, needed: Math.round(needed * 10) / 10, text: worst.slice(0, 60) });
  }
  return out;
}
