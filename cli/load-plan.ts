// Load a plan from a file on disk: .xlsx through the guarded workbook reader, .txt/.md as list-form text.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { readPlan, textToGrid, type ReadResult } from '../core/read/index.ts';
import type { Grid } from '../core/model/index.ts';
import { readWorkbook, WorkbookReadError } from '../workbook/xlsx/index.ts';

export interface LoadedPlan extends ReadResult {
  path: string;
  grids: Grid[];
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
 * Read FILE into the plan model. Throws PlanLoadError (Vietnamese message, English messageEn) when it cannot.
 * @example const { plan } = await loadPlan('cam-giang-phu-luc.xlsx')
 */
export async function loadPlan(file: string): Promise<LoadedPlan> {
  const ext = path.extname(file).toLowerCase();
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? String(err);
    throw new PlanLoadError('unreadable', `Không đọc được tệp “${file}” (${reason}).`, `Cannot read file "${file}" (${reason}).`);
  }
  if (TEXT_EXT.has(ext)) {
    const grid = textToGrid(path.basename(file), new TextDecoder('utf-8').decode(bytes));
    return { ...readPlan([grid], { file, format: 'text' }), path: file, grids: [grid] };
  }
  try {
    const wb = await readWorkbook(bytes);
    return { ...readPlan(wb.sheets, { file, format: 'xlsx' }), path: file, grids: wb.sheets };
  } catch (err) {
    if (err instanceof WorkbookReadError) {
      throw new PlanLoadError(err.code, `${path.basename(file)}: ${err.message}`, `${path.basename(file)}: ${err.messageEn}`);
    }
    throw err;
  }
}
