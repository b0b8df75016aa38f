// Guarded .xlsx reading in the browser: the same checks as server/xlsx/read.ts (size, sniff, zip sizes before
// inflating, data-validation taming), with bytes from a File instead of node:fs and exceljs's browser build.
import ExcelJS from 'exceljs';
import { zipSync, type Zippable } from 'fflate';
import type { Grid } from '../../../core/model/grid.ts';
import { WorkbookReadError } from '../../../server/xlsx/errors.ts';
import { DEFAULT_LIMITS, formatBytes, type ReadLimits } from '../../../server/xlsx/limits.ts';
import { sniffContainer, sniffParts } from '../../../server/xlsx/sniff.ts';
import { worksheetToGrid } from '../../../server/xlsx/to-grid.ts';
import { checkArea, checkMerges } from '../../../server/xlsx/area.ts';
import { clipValidations, dropValidations } from '../../../server/xlsx/validations.ts';
import { checkDeclaredSizes, inflateEntry, listEntries } from '../../../server/xlsx/zip.ts';

export { WorkbookReadError };

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
/** Past these a sheet is not an appendix but a mistake (the server's limits, kept equal). */
const MAX_ROW = 200_000;
const MAX_COL = 500;

/**
 * Every worksheet as a Grid, for validation. Throws WorkbookReadError (vi message, en messageEn, code).
 * @example const grids = await readGridsInBrowser(new Uint8Array(await file.arrayBuffer()))
 */
export async function readGridsInBrowser(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<Grid[]> {
  const wb = await loadGuarded(bytes, limits, dropValidations);
  const grids = wb.worksheets.map((ws) => {
    checkDimensions(ws);
    const grid = worksheetToGrid(ws, limits.maxCells);
    checkArea(grid);
    return grid;
  });
  if (grids.length === 0) throw new WorkbookReadError('no-sheets');
  return grids;
}

/**
 * An exceljs workbook to modify and write back (repaired and annotated copies): the same guards, dropdowns kept.
 * @example const wb = await openForEditInBrowser(bytes); const out = await wb.xlsx.writeBuffer()
 */
export async function openForEditInBrowser(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<ExcelJS.Workbook> {
  const wb = await loadGuarded(bytes, limits, clipValidations);
  if (wb.worksheets.length === 0) throw new WorkbookReadError('no-sheets');
  return wb;
}

async function loadGuarded(bytes: Uint8Array, limits: ReadLimits, tame: (xml: string) => string): Promise<ExcelJS.Workbook> {
  if (bytes.length > limits.maxFileBytes) throw new WorkbookReadError('too-large', `${formatBytes(bytes.length)} > ${formatBytes(limits.maxFileBytes)}`);
  sniffContainer(bytes);
  const entries = listEntries(bytes);
  sniffParts(entries);
  checkDeclaredSizes(entries, limits);

  // Inflate every part under its cap (a lying header cannot grow memory), taming sheet XML on the way.
  const files: Zippable = {};
  let changed = false;
  const decoder = new TextDecoder();
  const encoder = new TextEncoder();
  for (const e of entries) {
    if (e.name.endsWith('/')) continue;
    const data = inflateEntry(bytes, e);
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
  const input = changed ? zipSync(files) : bytes;

  const wb = new ExcelJS.Workbook();
  try {
    // The browser build takes an ArrayBuffer; copy out exactly the view's bytes.
    await wb.xlsx.load(input.slice().buffer as ArrayBuffer);
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    throw new WorkbookReadError('corrupt', shortReason(err));
  }
  return wb;
}

function checkDimensions(ws: ExcelJS.Worksheet): void {
  let rows = 0;
  let far = 0;
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    rows = r;
    if (row.actualCellCount > 0 && row.cellCount > far) {
      row.eachCell({ includeEmpty: false }, (_c, col) => {
        if (col > far) far = col;
      });
    }
  });
  if (rows > MAX_ROW) throw new WorkbookReadError('too-large', `${ws.name}: ${rows.toLocaleString('vi-VN')} dòng / rows`);
  if (far > MAX_COL) throw new WorkbookReadError('too-large', `${ws.name}: ${far} cột / columns`);
}

function shortReason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.length > 120 ? `${msg.slice(0, 117)}…` : msg;
}
