// Sheets too large for core or exceljs in area or merges, refused with a clear error before they are expanded.
import { parseA1 } from '../../core/model/index.ts';
import { lastCol, lastRow, type Grid } from '../../core/model/index.ts';
import { WorkbookReadError } from './errors.ts';
import { MAX_AREA, MAX_MERGES } from './limits.ts';

// `[^<>]` keeps the scan linear however many unfinished tags a hostile part holds.
const MERGE = /<(?:[A-Za-z_][\w.-]*:)?mergeCell\s[^<>]*\bref="([^"]*)"/g;

/**
 * Throw WorkbookReadError('too-large') when a sheet's merges would make exceljs create more than MAX_AREA cells
 * (one merge over A1:XFD1048576 is 17 billion) or number more than MAX_MERGES. Used by every exceljs loader
 * (workbook/xlsx/read.ts); the fast reader clips merges to the used area instead.
 * @example checkMerges('<mergeCell ref="A1:E1"/>', 'xl/worksheets/sheet1.xml') // passes
 */
export function checkMerges(xml: string, part: string): void {
  let count = 0;
  let cells = 0;
  for (const m of xml.matchAll(MERGE)) {
    const [a, b] = m[1]!.split(':');
    const tl = parseA1(a ?? '');
    const br = parseA1(b ?? a ?? '');
    if (!tl || !br) continue;
    count++;
    cells += (Math.abs(br.row - tl.row) + 1) * (Math.abs(br.col - tl.col) + 1);
    if (count > MAX_MERGES || cells > MAX_AREA) {
      throw new WorkbookReadError(
        'too-large',
        `${part}: ${count > MAX_MERGES ? `> ${MAX_MERGES.toLocaleString('vi-VN')} vùng gộp ô / merged ranges` : `> ${MAX_AREA.toLocaleString('vi-VN')} ô trong vùng gộp / merged cells`}`,
      );
    }
  }
}

/**
 * Refuse a sheet whose used rectangle, or whose merges clipped to it, pass MAX_AREA (core visits both cell by cell),
 * or that has more than MAX_MERGES merges; the message names the size the way a user sees it. Without it two cells at
 * A199999 and SF1 — a 5 KB file — ask core for 100 million cells and end the process.
 * @example checkArea(gridFromValues('S', [['TT']])) // passes
 */
export function checkArea(grid: Grid): void {
  const rows = lastRow(grid);
  const cols = lastCol(grid);
  const tooLarge = (what: string) => new WorkbookReadError('too-large', `${grid.sheet}: ${what}`);
  if (rows * cols > MAX_AREA) throw tooLarge(`${rows.toLocaleString('vi-VN')} dòng × ${cols} cột / rows × columns`);
  if (grid.merges.length > MAX_MERGES) throw tooLarge(`${grid.merges.length.toLocaleString('vi-VN')} vùng gộp ô / merged ranges`);
  let merged = 0;
  for (const m of grid.merges)
    merged += Math.max(0, Math.min(m.bottom, rows) - m.top + 1) * Math.max(0, Math.min(m.right, cols) - m.left + 1);
  if (merged > MAX_AREA) throw tooLarge(`${merged.toLocaleString('vi-VN')} ô trong vùng gộp / merged cells`);
}
