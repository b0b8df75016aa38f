// Guarded .xlsx reading in the browser: the same checks as workbook/xlsx/read.ts (workbook/xlsx/exceljs-guard.ts), with
// bytes from a File instead of node:fs, fflate's inflate, and exceljs's browser build.
import ExcelJS from 'exceljs';
import type { Grid } from '../../../core/model/index.ts';
import { WorkbookReadError } from '../../../workbook/xlsx/errors.ts';
import { gridsOf, guardedBytes, loadOrRefuse } from '../../../workbook/xlsx/exceljs-guard.ts';
import { DEFAULT_LIMITS, type ReadLimits } from '../../../workbook/xlsx/limits.ts';
import { dropValidations } from '../../../workbook/xlsx/validations.ts';

export { WorkbookReadError };

/**
 * Every worksheet as a Grid, for validation. Throws WorkbookReadError (vi message, en messageEn, code).
 * @example const grids = await readGridsInBrowser(new Uint8Array(await file.arrayBuffer()))
 */
export async function readGridsInBrowser(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Promise<Grid[]> {
  return gridsOf(await loadGuarded(bytes, limits, dropValidations), limits);
}

async function loadGuarded(bytes: Uint8Array, limits: ReadLimits, tame: (xml: string) => string): Promise<ExcelJS.Workbook> {
  const input = guardedBytes(bytes, limits, tame);
  const wb = new ExcelJS.Workbook();
  // The browser build takes an ArrayBuffer; copy out exactly the view's bytes.
  await loadOrRefuse(() => wb.xlsx.load(input.slice().buffer as ArrayBuffer));
  return wb;
}
