// Expand FILE|DIR arguments: a directory is walked for plan files (spreadsheets and Word documents; the ~$ lock files
// Excel and Word leave beside an open file skipped), sorted.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

/** The spreadsheets officials have: .xlsx, and .xls and .ods, which are converted (workbook/xlsx/convert.ts). */
export const SPREADSHEET_EXTS: readonly string[] = ['.xlsx', '.xls', '.ods'];

/** Word plans: .docx read as is, an old .doc converted by LibreOffice first (workbook/docx/convert.ts). */
export const WORD_EXTS: readonly string[] = ['.docx', '.doc'];

/** What a folder given to inspect, check or consolidate is searched for. */
export const PLAN_EXTS: readonly string[] = [...SPREADSHEET_EXTS, ...WORD_EXTS];

/**
 * @example await expandInputs(['plans/', 'extra.xlsx']) // ['plans/a.xlsx', 'plans/sub/b.xlsx', 'extra.xlsx']
 */
export async function expandInputs(inputs: string[], exts: readonly string[] = ['.xlsx']): Promise<string[]> {
  const out: string[] = [];
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch {
      out.push(input); // reported by the loader with a clear message
      continue;
    }
    if (info.isDirectory()) out.push(...(await walk(input, exts)));
    else out.push(input);
  }
  return out;
}

async function walk(dir: string, exts: readonly string[]): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p, exts)));
    // "~$an-giang.docx": the owner file Word (or Excel) keeps while the document is open, a few bytes, no plan.
    else if (exts.includes(path.extname(e.name).toLowerCase()) && !e.name.startsWith('~$')) out.push(p);
  }
  return out;
}
