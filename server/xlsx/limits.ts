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
