// Read an .xlsx safely: sniff, check the zip before inflating, tame data validations, then let exceljs parse.
import { readFile, stat } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { Grid } from '../../core/model/grid.ts';
import { WorkbookReadError } from './errors.ts';
import { gridsOf, guardedBytes, loadOrRefuse } from './exceljs-guard.ts';
import { readWorkbookFast } from './fast/read-fast.ts';
import { inflateRawNative } from './inflate-native.ts';
import { DEFAULT_LIMITS, formatBytes, type ReadLimits } from './limits.ts';
import { clipValidations, dropValidations } from './validations.ts';

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
  return { sheets: gridsOf(await loadGuarded(bytes, limits, dropValidations), limits) };
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
  const input = guardedBytes(bytes, limits, tame, inflateRawNative);
  const wb = new ExcelJS.Workbook();
  await loadOrRefuse(() => wb.xlsx.load(Buffer.from(input.buffer, input.byteOffset, input.byteLength) as unknown as ExcelJS.Buffer));
  return wb;
}
