// The guards around exceljs, shared by the server (fix, annotate, reference reader) and the browser check page:
// check the zip before inflating, tame sheet XML, then turn exceljs's sheets into Grids within the limits.
// Portable on purpose (no node: imports).
import type ExcelJS from 'exceljs';
import { zipSync, type Zippable } from 'fflate';
import { a1 } from '../../core/model/index.ts';
import type { Grid } from '../../core/model/index.ts';
import { checkArea, checkMerges } from './area.ts';
import { WorkbookReadError } from './errors.ts';
import { MAX_CELL_TEXT, type ReadLimits } from './limits.ts';
import { openWorkbookZip } from './open-zip.ts';
import { worksheetToGrid } from './to-grid.ts';
import { relationships, sheetRefs } from './package.ts';
import { PartInflater, type RawInflate } from './zip.ts';

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
/** Past these a sheet is not an appendix but a mistake (a value typed at XFD1048576). */
const MAX_ROW = 200_000;
const MAX_COL = 500;

/**
 * The bytes exceljs may load: the container sniffed, declared sizes checked, every part inflated under its cap (a lying
 * header cannot grow memory), merges checked and sheet XML passed through `tame` (re-zipped only when it changed).
 * @example await wb.xlsx.load(guardedBytes(bytes, DEFAULT_LIMITS, dropValidations))
 */
export function guardedBytes(bytes: Uint8Array, limits: ReadLimits, tame: (xml: string) => string, inflate?: RawInflate): Uint8Array {
  const entries = openWorkbookZip(bytes, limits);

  const files: Zippable = {};
  let changed = false;
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  const inflater = new PartInflater(bytes, limits, inflate);
  // The same sheet checks as the fast reader (a cap, no two sheets on one part) before exceljs builds anything.
  const named = (name: string) => entries.find((e) => e.name === name);
  const workbook = named('xl/workbook.xml');
  const rels = named('xl/_rels/workbook.xml.rels');
  if (workbook && rels)
    sheetRefs(decoder.decode(inflater.read(workbook)), relationships(decoder.decode(inflater.read(rels)), 'xl/workbook.xml'));
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const data = inflater.read(e);
    if (SHEET_PART.test(e.name)) {
      const xml = decoder.decode(data);
      checkMerges(xml, e.name);
      const tamed = tame(xml);
      if (tamed !== xml) {
        changed = true;
        files[e.name] = [encoder.encode(tamed), { level: 0 }];
        continue;
      }
    }
    files[e.name] = [data, { level: 0 }];
  }
  return changed ? zipSync(files) : bytes;
}

/**
 * Run exceljs's load, turning what it throws into a WorkbookReadError('corrupt') with a short reason.
 * @example await loadOrRefuse(() => wb.xlsx.load(buffer))
 */
export async function loadOrRefuse(load: () => Promise<unknown>): Promise<void> {
  try {
    await load();
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    const msg = err instanceof Error ? err.message : String(err);
    throw new WorkbookReadError('corrupt', msg.length > 120 ? `${msg.slice(0, 117)}…` : msg);
  }
}

/**
 * Every worksheet of a loaded workbook as a Grid, refusing sheets past the row, column and area limits.
 * @example const grids = gridsOf(wb, DEFAULT_LIMITS)
 */
export function gridsOf(wb: ExcelJS.Workbook, limits: ReadLimits): Grid[] {
  const grids = wb.worksheets.map((ws) => {
    checkDimensions(ws);
    const grid = worksheetToGrid(ws, limits.maxCells);
    checkArea(grid);
    checkText(grid);
    return grid;
  });
  if (grids.length === 0) throw new WorkbookReadError('no-sheets');
  return grids;
}

/** Refuse a cell longer than Excel allows (the fast reader checks while parsing, workbook/xlsx/fast/sheet.ts). */
function checkText(grid: Grid): void {
  grid.rows.forEach((row, r) =>
    row.forEach((cell, c) => {
      if (typeof cell?.v === 'string' && cell.v.length > MAX_CELL_TEXT)
        throw new WorkbookReadError('cell-too-long', `${grid.sheet}!${a1(r + 1, c + 1)}: ${cell.v.length.toLocaleString('vi-VN')}`);
    }),
  );
}

function checkDimensions(ws: ExcelJS.Worksheet): void {
  const rows = ws.actualRowCount > 0 ? lastRowWithValue(ws) : 0;
  if (rows > MAX_ROW) throw new WorkbookReadError('too-large', `${ws.name}: ${rows.toLocaleString('vi-VN')} dòng / rows`);
  if (ws.actualColumnCount > 0 && ws.columnCount > MAX_COL) {
    let far = 0;
    ws.eachRow({ includeEmpty: false }, (row) => {
      if (row.cellCount > far && row.actualCellCount > 0) far = lastCellWithValue(row);
    });
    if (far > MAX_COL) throw new WorkbookReadError('too-large', `${ws.name}: ${far} cột / columns`);
  }
}

function lastRowWithValue(ws: ExcelJS.Worksheet): number {
  let last = 0;
  ws.eachRow({ includeEmpty: false }, (_row, r) => {
    last = r;
  });
  return last;
}

function lastCellWithValue(row: ExcelJS.Row): number {
  let last = 0;
  row.eachCell({ includeEmpty: false }, (_c, col) => {
    last = col;
  });
  return last;
}
