// Limits that keep one hostile or absurd workbook from taking the process's memory or minutes of CPU.

export interface ReadLimits {
  /** Size of the .xlsx file itself. */
  maxFileBytes: number;
  /** Uncompressed size of one part (a sheet's XML, the shared strings). */
  maxPartBytes: number;
  /** Uncompressed size of all parts together. */
  maxTotalBytes: number;
  /** Cells with a value per sheet, after reading. */
  maxCells: number;
}

/** Appendix workbooks are a few hundred KB; these leave a hundredfold margin. */
export const DEFAULT_LIMITS: ReadLimits = {
  maxFileBytes: 25 * 1024 * 1024,
  maxPartBytes: 80 * 1024 * 1024,
  maxTotalBytes: 160 * 1024 * 1024,
  maxCells: 2_000_000,
};

/** @example formatBytes(26214400) // '25 MB' */
export function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${Math.round(n / 1024 / 1024)} MB` : `${Math.ceil(n / 1024)} KB`;
}

/**
 * Past this a sheet's used rectangle (last row × last column), or its merged cells, are no appendix: core reads a
 * sheet densely (core/read/text-grid.ts) and exceljs creates every cell of a merge.
 */
export const MAX_AREA = 1_000_000;
/** Excel refuses overlapping merges, and an appendix has a few hundred; core looks merges up row by row. */
export const MAX_MERGES = 50_000;

/** Sheets in one workbook: an appendix workbook has a handful; each sheet entry costs a parse. */
export const MAX_SHEETS = 250;
/** Excel's own limit on the characters of one cell: longer text never comes from Excel. */
export const MAX_CELL_TEXT = 32_767;
/**
 * Inflated : compressed. Workbooks from Excel, LibreOffice and openpyxl inflate 5–15 times (60,000 styled rows: 12.5);
 * padding and repeated markup built to exhaust a reader inflate a thousand times. Checked on the declared sizes,
 * per part and for the whole package, once they pass RATIO_FREE_BYTES (small parts cost nothing whatever their ratio).
 */
export const MAX_INFLATE_RATIO = 100;
export const RATIO_FREE_BYTES = 10 * 1024 * 1024;
