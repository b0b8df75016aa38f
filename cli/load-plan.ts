// Load a plan from a file on disk: .xlsx through the guarded workbook reader (.xls and .ods converted by LibreOffice
// first), .txt/.md as list-form text.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readPlan, textToGrid, type ReadResult } from '../core/read/index.ts';
import type { Grid } from '../core/model/index.ts';
import { CONVERTIBLE, ConvertError, convertToXlsx, DEFAULT_LIMITS, readWorkbook, WorkbookReadError } from '../workbook/xlsx/index.ts';
import { fileProblem } from './file-errors.ts';

export interface LoadedPlan extends ReadResult {
  path: string;
  grids: Grid[];
  /** The .xlsx the plan was read from (LibreOffice's conversion for an .xls or .ods): what a copy is made of. */
  xlsx?: Uint8Array;
}

export class PlanLoadError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly messageEn: string,
  ) {
    super(message);
    this.name = 'PlanLoadError';
  }
}

const TEXT_EXT = new Set(['.txt', '.md']);

/**
 * Read FILE into the plan model. Throws PlanLoadError (Vietnamese message, English messageEn) when it cannot: a
 * missing or unreadable file in plain words, never an errno code.
 * @example const { plan } = await loadPlan('cam-giang-phu-luc.xlsx')
 */
export async function loadPlan(file: string): Promise<LoadedPlan> {
  const ext = path.extname(file).toLowerCase();
  const name = path.basename(file);
  let bytes: Uint8Array;
  try {
    // Refused before it is read into memory: the reader's own limit would come only after.
    const info = await stat(file);
    if (info.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (info.size > DEFAULT_LIMITS.maxFileBytes) throw new WorkbookReadError('too-large', `${Math.round(info.size / 1024 / 1024)} MB`);
    bytes = new Uint8Array(await readFile(file));
  } catch (err) {
    if (err instanceof WorkbookReadError) throw new PlanLoadError(err.code, `${name}: ${err.message}`, `${name}: ${err.messageEn}`);
    const p = fileProblem(file, err);
    throw new PlanLoadError('unreadable', p.vi, p.en);
  }
  if (TEXT_EXT.has(ext)) {
    const grid = textToGrid(name, new TextDecoder('utf-8').decode(bytes));
    return { ...readPlan([grid], { file, format: 'text' }), path: file, grids: [grid] };
  }
  try {
    let xlsx = bytes;
    let wb;
    try {
      wb = await readWorkbook(xlsx);
    } catch (err) {
      // An .xls or .ods (told by its content, whatever its name): LibreOffice makes the .xlsx, read like any other.
      const convertible = err instanceof WorkbookReadError ? CONVERTIBLE[err.code] : undefined;
      if (!convertible) throw err;
      xlsx = await convertToXlsx(bytes, convertible);
      wb = await readWorkbook(xlsx);
    }
    return { ...readPlan(wb.sheets, { file, format: 'xlsx' }), path: file, grids: wb.sheets, xlsx };
  } catch (err) {
    if (err instanceof WorkbookReadError) throw new PlanLoadError(err.code, `${name}: ${err.message}`, `${name}: ${err.messageEn}`);
    if (err instanceof ConvertError) {
      // JSON keeps the reader's codes (docs/inspect-json.md): what the file is, or why it was too much.
      const code = err.code === 'too-large' || err.code === 'timeout' ? err.code : err.ext === 'xls' ? 'legacy-xls' : 'ods';
      throw new PlanLoadError(code, `${name}: ${err.message}`, `${name}: ${err.messageEn}`);
    }
    throw err;
  }
}
