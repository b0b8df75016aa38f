// What the layer runs against: the Office.js globals, passed in (the browser's, or a test's fake), and its options.
/// <reference types="office-js" />

export interface ExcelHost {
  Excel: typeof Excel;
  Office: typeof Office;
}

export interface ExcelPortOptions {
  /** A sync that gets no answer for this long fails with 'timeout' (default 30 s). */
  syncTimeoutMs?: number;
  /** Request payload Excel accepts per sync (default 5 MB, Excel on the web); reads are chunked below it. */
  payloadLimit?: number;
  /** Language of the notes attached to marked cells (default Vietnamese). */
  lang?: 'vi' | 'en';
  /** How many add-in changes undoLast can take back (default 20). */
  undoDepth?: number;
}

export type ResolvedOptions = Required<ExcelPortOptions>;

export const DEFAULT_OPTIONS: ResolvedOptions = {
  syncTimeoutMs: 30_000,
  payloadLimit: 5 * 1024 * 1024,
  lang: 'vi',
  undoDepth: 20,
};

/**
 * The page's own Office.js globals (call after Office.onReady).
 * @example createExcelPort(officeHost())
 */
export function officeHost(): ExcelHost {
  return { Excel, Office };
}
