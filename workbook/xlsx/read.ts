// Read an .xlsx safely: the fast reader, and exceljs behind the same guards as the reference it is checked against.
import ExcelJS from 'exceljs';
import type { Grid } from '../../core/model/index.ts';
import { gridsOf, guardedBytes, loadOrRefuse } from './exceljs-guard.ts';
import { readWorkbookFast } from './fast/read-fast.ts';
import { inflateRawNative } from './inflate-native.ts';
import { DEFAULT_LIMITS, type ReadLimits } from './limits.ts';
import { dropValidations } from './validations.ts';

export interface ReadWorkbookResult {
  sheets: Grid[];
}

/**
 * Every worksheet of an .xlsx as a Grid. Throws WorkbookReadError (Vietnamese message, English messageEn, stable code)
 * for anything that is not a readable, reasonably sized workbook.
 * @example const { sheets } = await readWorkbook(await readFile('phu-luc.xlsx'))
 */
export async function readWorkbook(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<ReadWorkbookResult> {
  // The fast reader parses the parts straight into Grids (≈2.5× exceljs, no object model); test/workbook/xlsx/read-fast
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

async function loadGuarded(bytes: Uint8Array, limits: ReadLimits, tame: (xml: string) => string): Promise<ExcelJS.Workbook> {
  const input = guardedBytes(bytes, limits, tame, inflateRawNative);
  const wb = new ExcelJS.Workbook();
  await loadOrRefuse(() => wb.xlsx.load(Buffer.from(input.buffer, input.byteOffset, input.byteLength) as unknown as ExcelJS.Buffer));
  return wb;
}
