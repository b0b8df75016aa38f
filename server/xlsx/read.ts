// Read an .xlsx safely: sniff, check the zip before inflating, tame data validations, then let exceljs parse.
import { readFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { zipSync, type Zippable } from 'fflate';
import type { Grid } from '../../core/model/grid.ts';
import { WorkbookReadError } from './errors.ts';
import { DEFAULT_LIMITS, formatBytes, type ReadLimits } from './limits.ts';
import { sniffContainer, sniffParts } from './sniff.ts';
import { readWorkbookFast } from './fast/read-fast.ts';
import { worksheetToGrid } from './to-grid.ts';
import { checkArea, checkMerges } from './area.ts';
import { clipValidations, dropValidations } from './validations.ts';
import { checkDeclaredSizes, inflateEntry, listEntries } from './zip.ts';
import { inflateRawNative } from './inflate-native.ts';

const SHEET_PART = /^xl\/worksheets\/[^/]+\.xml$/;
/** Past these a sheet is not an appendix but a mistake (a value typed at XFD1048576). */
const MAX_ROW = 200_000;
const MAX_COL = 500;

export interface ReadWorkbookResult {
  sheets: Grid[];
}

/**
 * Every worksheet of an .xlsx as a Grid. Throws WorkbookReadError (Vietnamese message, English messageEn, stable code)
 * for anything that is not a readable, reasonably sized workbook.
 * @example const { sheets } = await readWorkbook(await readFile('phu-luc.xlsx'))
 */
export async function readWorkbook(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<ReadWorkbookResult> {
  // The fast reader parses the parts straight into Grids (≈2.5× exceljs, no object model); test/server/xlsx/read-fast
  // keeps it equal to the exceljs path below on openpyxl, exceljs and LibreOffice files.
  return readWorkbookFast(bytes, limits);
}

/**
 * The same result through exceljs's object model: the reference the fast reader is checked against.
 * @example const { sheets } = await readWorkbookWithExceljs(bytes)
 */
export async function readWorkbookWithExceljs(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<ReadWorkbookResult> {
  const wb = await loadGuarded(bytes, limits, dropValidations);
  const sheets = wb.worksheets.map((ws) => {
    checkDimensions(ws);
    const grid = worksheetToGrid(ws, limits.maxCells);
    checkArea(grid);
    return grid;
  });
  if (sheets.length === 0) throw new WorkbookReadError('no-sheets');
  return { sheets };
}

/**
 * An exceljs workbook to modify and write back (fix, annotate): the same guards, dropdowns kept (clipped to the used rows).
 * @example const wb = await openWorkbookForEdit('phu-luc.xlsx'); await wb.xlsx.writeFile('out.xlsx')
 */
export async function openWorkbookForEdit(file: string, limits: ReadLimits = DEFAULT_LIMITS): Promise<ExcelJS.Workbook> {
  const size = (await stat(file)).size;
  if (size > limits.maxFileBytes) throw new WorkbookReadError('too-large', `${formatBytes(size)} > ${formatBytes(limits.maxFileBytes)}`);
  const wb = await loadGuarded(await readFile(file), limits, clipValidations);
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
    const data = inflateEntry(bytes, e, inflateRawNative);
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
    await wb.xlsx.load(Buffer.from(input.buffer, input.byteOffset, input.byteLength) as unknown as ExcelJS.Buffer);
  } catch (err) {
    if (err instanceof WorkbookReadError) throw err;
    throw new WorkbookReadError('corrupt', shortReason(err));
  }
  return wb;
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

function shortReason(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  return msg.length > 120 ? `${msg.slice(0, 117)}…` : msg;
}
