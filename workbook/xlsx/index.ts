// Reading .xlsx files on the Node side (exceljs behind guards): the public surface of workbook/xlsx.
export { WorkbookReadError, type WorkbookErrorCode } from './errors.ts';
export { DEFAULT_LIMITS, type ReadLimits } from './limits.ts';
export { readWorkbook, readWorkbookWithExceljs, type ReadWorkbookResult } from './read.ts';
export { readWorkbookFast } from './fast/read-fast.ts';
export { plainValue, worksheetToGrid } from './to-grid.ts';
export {
  convertToXlsx,
  findSoffice,
  ConvertError,
  CONVERTIBLE,
  DEFAULT_CONVERT_TIMEOUT_MS,
  type ConvertErrorCode,
  type ConvertibleExt,
  type ConvertOptions,
} from './convert.ts';
