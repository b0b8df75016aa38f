// Load a plan from a file on disk: .xlsx through the guarded workbook reader (.xls and .ods converted by LibreOffice
// first), a Word document (.docx, told by its content; an old .doc converted by LibreOffice first) through the .docx
// reader, .txt/.md as list-form text.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { readPlan, textToGrid, type ReadResult } from '../core/read/index.ts';
import type { Grid } from '../core/model/index.ts';
import { CONVERTIBLE, ConvertError, convertToXlsx, DEFAULT_LIMITS, readWorkbook, WorkbookReadError } from '../workbook/xlsx/index.ts';
import { documentKind, DocxReadError, readDocx } from '../workbook/docx/index.ts';
import { convertDocToDocx, DocConvertError } from '../workbook/docx/convert.ts';
import { inflateRawNative } from '../workbook/xlsx/inflate-native.ts';
import { fileProblem } from './file-errors.ts';

export interface LoadedPlan extends ReadResult {
  path: string;
  grids: Grid[];
  /** The .xlsx the plan was read from (LibreOffice's conversion for an .xls or .ods): what a copy is made of. */
  xlsx?: Uint8Array;
  /** What could not be read though the file was (a Word table nested in a cell), in Vietnamese and English. */
  notes?: { vi: string; en: string }[];
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
  const kind = documentKind(bytes);
  // A password-protected Word file looks like a protected workbook from inside: only its name tells them apart.
  if (kind === 'docx' || kind === 'doc' || (kind === 'encrypted' && (ext === '.docx' || ext === '.doc')))
    return loadDocx(file, name, bytes);
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

async function loadDocx(file: string, name: string, bytes: Uint8Array): Promise<LoadedPlan> {
  try {
    let docx = bytes;
    if (documentKind(bytes) === 'doc') docx = await convertDocToDocx(bytes);
    const read = readDocx(docx, { name, inflate: inflateRawNative });
    const loaded: LoadedPlan = { ...readPlan(read.grids, { file, format: 'docx' }), path: file, grids: read.grids };
    if (read.refused.length > 0) loaded.notes = read.refused.map((r) => ({ vi: `${name}: ${r.vi}`, en: `${name}: ${r.en}` }));
    return loaded;
  } catch (err) {
    if (err instanceof DocxReadError || err instanceof DocConvertError)
      throw new PlanLoadError(err.code, `${name}: ${err.message}`, `${name}: ${err.messageEn}`);
    throw err;
  }
}
