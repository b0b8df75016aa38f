// insertTemplate: the standard appendix as a new sheet — the template file (ExcelApi 1.13) or its values.
import { columnLetter, rangeA1 } from '../../../core/model/index.ts';
import type { CellValue } from '../../../core/model/index.ts';
import { TEMPLATE_WIDTHS } from '../../../core/progress/index.ts';
import { layerError } from './errors.ts';
import { runExcel, type Batch } from './run.ts';
import type { PortState } from './state.ts';
import { cellInput } from './values.ts';

// Without 1.13, the values are written in one block with the basic look (Times New Roman, bold header, borders, widths).

export type TemplateKind = 'tasks' | 'indicators';

/** Sheet names of workbook/export/template.ts, which builds the template files; its widths are core's. */
const SHEET_NAME: Record<TemplateKind, string> = { tasks: 'Phụ lục nhiệm vụ', indicators: 'Phụ lục chỉ tiêu' };
const WIDTHS: Readonly<Record<TemplateKind, readonly number[]>> = TEMPLATE_WIDTHS;
const FONT = 'Times New Roman';
const THIN = { style: 'Continuous', weight: 'Thin', color: '#000000' };

/**
 * @example await insertTemplate(state, 'tasks', { base64 }) // { sheet: 'Phụ lục nhiệm vụ' }
 */
export async function insertTemplate(
  state: PortState,
  kind: TemplateKind,
  template: { base64?: string; values?: CellValue[][] },
): Promise<{ sheet: string }> {
  if (template.base64 && state.features.insertFromBase64) return insertFile(state, template.base64);
  if (template.values && template.values.length > 0) return insertValues(state, kind, template.values);
  throw layerError('unsupported', '1.13');
}

async function insertFile(state: PortState, base64: string): Promise<{ sheet: string }> {
  return runExcel(state.env, async (b) => {
    const ids = b.context.workbook.insertWorksheetsFromBase64(base64);
    await b.sync();
    // The template's first sheet is the appendix (the lists sheet after it stays hidden). Excel renames on a clash.
    const ws = b.context.workbook.worksheets.getItem(ids.value[0]!);
    ws.load('name');
    ws.activate();
    await b.sync();
    return { sheet: ws.name };
  });
}

async function insertValues(state: PortState, kind: TemplateKind, values: CellValue[][]): Promise<{ sheet: string }> {
  return runExcel(state.env, async (b) => {
    const sheets = b.context.workbook.worksheets;
    sheets.load('items/name');
    await b.sync();
    const name = uniqueName(
      SHEET_NAME[kind],
      sheets.items.map((s) => s.name),
    );
    const ws = sheets.add(name);
    writeBlock(b, ws, kind, values);
    ws.activate();
    await b.sync();
    return { sheet: name };
  });
}

function writeBlock(_b: Batch, ws: Excel.Worksheet, kind: TemplateKind, values: CellValue[][]): void {
  const cols = Math.max(...values.map((r) => r.length));
  const rows = values.length;
  const block = ws.getRange(rangeA1(1, 1, rows, cols));
  block.values = values.map((r) => Array.from({ length: cols }, (_, j) => cellInput(r[j] ?? null)));
  block.format.font.name = FONT;
  block.format.font.size = 12;
  block.format.wrapText = true;
  block.format.verticalAlignment = 'Center';
  // The header is the first row naming several columns; the title lines above it span the table.
  const header = Math.max(
    0,
    values.findIndex((r) => r.filter((v) => v !== null && v !== '').length >= 3),
  );
  let line = 0;
  for (let r = 0; r < header; r++) {
    if (values[r]?.[0] === null || values[r]?.[0] === undefined || values[r]?.[0] === '') continue;
    const title = ws.getRange(rangeA1(r + 1, 1, r + 1, cols));
    title.merge(false);
    title.format.horizontalAlignment = 'Center';
    // "PHỤ LỤC …" and the title in bold, the "(Kèm theo …)" line in italics, as in the template file.
    if (line++ < 2) title.format.font.bold = true;
    else title.format.font.italic = true;
  }
  const head = ws.getRange(rangeA1(header + 1, 1, header + 1, cols));
  head.format.font.bold = true;
  head.format.horizontalAlignment = 'Center';
  const table = ws.getRange(rangeA1(header + 1, 1, rows, cols));
  const border = { format: { borders: { top: THIN, bottom: THIN, left: THIN, right: THIN } } } as Excel.SettableCellProperties;
  table.setCellProperties(Array.from({ length: rows - header }, () => Array.from({ length: cols }, () => border)));
  WIDTHS[kind].slice(0, cols).forEach((w, i) => {
    ws.getRange(`${columnLetter(i + 1)}:${columnLetter(i + 1)}`).format.columnWidth = charsToPoints(w);
  });
}

/**
 * Excel column width in characters → points (7 px per character and 5 px padding at 96 dpi; 0.75 pt per px).
 * @example charsToPoints(60) // 318.75
 */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** @example uniqueName('Phụ lục nhiệm vụ', ['Phụ lục nhiệm vụ']) // 'Phụ lục nhiệm vụ (2)' */
export function uniqueName(base: string, taken: string[]): string {
  const lower = new Set(taken.map((t) => t.toLowerCase()));
  let name = base;
  for (let n = 2; lower.has(name.toLowerCase()); n++) name = `${base} (${n})`;
  return name;
}
