// Guarded .xlsx reading in the browser: the server's fast reader (workbook/xlsx/fast/read-portable.ts, the same zip
// checks and limits) with fflate's inflate instead of native zlib, in a small lazy chunk — no exceljs, whose object
// model this page never needs (the copies edit the workbook's own package, web/src/check/copies.ts).
import type { Grid } from '../../../core/model/index.ts';
import { WorkbookReadError } from '../../../workbook/xlsx/errors.ts';
import { readWorkbookPortable } from '../../../workbook/xlsx/fast/read-portable.ts';
import { DEFAULT_LIMITS, type ReadLimits } from '../../../workbook/xlsx/limits.ts';

export { WorkbookReadError };

/**
 * Every worksheet as a Grid, for validation. Throws WorkbookReadError (vi message, en messageEn, code).
 * @example const grids = readGridsInBrowser(new Uint8Array(await file.arrayBuffer()))
 */
export function readGridsInBrowser(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS): Grid[] {
  return readWorkbookPortable(bytes, limits).sheets;
}
