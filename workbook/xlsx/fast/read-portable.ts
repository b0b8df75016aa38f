// The fast .xlsx reader given its inflate: guarded zip, then the workbook, styles, shared strings and sheets parsed
// straight into Grids — no exceljs object model. No Node API, so the check page runs it in the browser with fflate's
// inflate; read-fast.ts gives it native zlib on the server and in the CLI.
import { WorkbookReadError } from '../errors.ts';
import { checkArea } from '../area.ts';
import { DEFAULT_LIMITS, type ReadLimits } from '../limits.ts';
import { openWorkbookZip } from '../open-zip.ts';
import { PartInflater, type RawInflate, type ZipEntry } from '../zip.ts';
import { relationships, sheetRefs } from '../package.ts';
import type { Grid } from '../../../core/model/index.ts';
import { parseSheet } from './sheet.ts';
import { parseSharedStrings } from './strings.ts';
import { parseStyles } from './styles.ts';
import { el } from './xml.ts';

const MAX_ROW = 200_000;
const MAX_COL = 500;

/**
 * Every worksheet of an .xlsx as a Grid (chart sheets and macro sheets skipped). Throws WorkbookReadError. `inflate`
 * defaults to fflate's (workbook/xlsx/zip.ts); Node callers use readWorkbookFast, which passes native zlib.
 * @example const { sheets } = readWorkbookPortable(bytes) // in the browser
 */
export function readWorkbookPortable(bytes: Uint8Array, limits: ReadLimits = DEFAULT_LIMITS, inflate?: RawInflate): { sheets: Grid[] } {
  const entries = openWorkbookZip(bytes, limits);
  const byName = new Map<string, ZipEntry>(entries.map((e) => [e.name.replace(/^\//, ''), e]));
  const decoder = new TextDecoder();
  const inflater = new PartInflater(bytes, limits, inflate);
  const part = (name: string): string | undefined => {
    const e = byName.get(name) ?? [...byName.entries()].find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
    return e ? decoder.decode(inflater.read(e)) : undefined;
  };

  const workbook = part('xl/workbook.xml');
  if (workbook === undefined) throw new WorkbookReadError('not-xlsx', '');
  if (!wellClosed(workbook, 'workbook')) throw new WorkbookReadError('corrupt', 'xl/workbook.xml');
  const rels = relationships(part('xl/_rels/workbook.xml.rels') ?? '', 'xl/workbook.xml');
  // Listed and checked before any sheet is parsed: too many sheets, or two on one part, are refused up front.
  const refs = sheetRefs(workbook, rels);
  const date1904 = /date1904="(1|true)"/.test(new RegExp(`<${el('workbookPr')}\\s[^<>]*>`).exec(workbook)?.[0] ?? '');
  const styles = parseStyles(part('xl/styles.xml'));
  const sstPath = [...rels.values()].find((r) => r.type.endsWith('/sharedStrings'))?.target ?? 'xl/sharedStrings.xml';
  const sst = parseSharedStrings(part(sstPath));

  const sheets: Grid[] = [];
  for (const ref of refs) {
    if (ref.target === undefined || !ref.type.endsWith('/worksheet')) continue;
    const xml = part(ref.target);
    if (xml === undefined) throw new WorkbookReadError('corrupt', `thiếu ${ref.target} / missing ${ref.target}`);
    // Regexes would read a truncated part as a shorter sheet: refuse what does not close its root element.
    if (!wellClosed(xml, 'worksheet')) throw new WorkbookReadError('corrupt', ref.target);
    const grid = parseSheet(ref.name, xml, sst, styles, date1904, { maxRow: MAX_ROW, maxCol: MAX_COL, maxCells: limits.maxCells });
    checkArea(grid);
    if (ref.hidden) grid.hidden = true;
    sheets.push(grid);
  }
  if (sheets.length === 0) throw new WorkbookReadError('no-sheets');
  return { sheets };
}

/** Whether a part opens and closes its root element (prefix allowed): the cheap sign of a complete, sane XML part. */
function wellClosed(xml: string, root: string): boolean {
  const open = new RegExp(`<${el(root)}[\\s>/]`).test(xml);
  const close = new RegExp(`</${el(root)}>\\s*$`).test(xml) || new RegExp(`<${el(root)}[^<>]*/>\\s*$`).test(xml);
  return open && close;
}
