// Node side of the fake: read an .xlsx with exceljs into snapshot data (what Excel would hold after opening the file).
import ExcelJS from 'exceljs';
import { columnLetter } from '../../../core/model/a1.ts';
import { dateToSerial } from './from-grid.ts';
import type { CellStyle, FakeValue, SnapshotCell, SnapshotSheet, SnapshotValidation, WorkbookSnapshotData } from './types.ts';

const PATTERNS: Record<string, string> = {
  solid: 'Solid',
  darkGray: 'Gray75',
  mediumGray: 'Gray50',
  lightGray: 'Gray25',
  gray125: 'Gray16',
  gray0625: 'Gray8',
  darkHorizontal: 'Horizontal',
  darkVertical: 'Vertical',
  darkDown: 'Down',
  darkUp: 'Up',
  darkGrid: 'Checker',
  darkTrellis: 'SemiGray75',
  lightHorizontal: 'LightHorizontal',
  lightVertical: 'LightVertical',
  lightDown: 'LightDown',
  lightUp: 'LightUp',
  lightGrid: 'Grid',
  lightTrellis: 'CrissCross',
};

/**
 * The workbook as Excel would show it: cells hidden under a merge are empty (exceljs repeats the master's value there),
 * dates are serial numbers with their number format, formulas keep their cached result.
 * @example createFakeExcel(await snapshotFromXlsx(await readFile(fixture('cam-giang-phu-luc.xlsx'))))
 */
export async function snapshotFromXlsx(bytes: Uint8Array): Promise<WorkbookSnapshotData> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  const sheets = wb.worksheets.map(sheetOf);
  const activeTab = (wb.views as { activeTab?: number }[] | undefined)?.[0]?.activeTab ?? 0;
  const active = wb.worksheets[activeTab]?.name;
  return { sheets, ...(active ? { active } : {}), defaultFont: 'Calibri' };
}

function sheetOf(ws: ExcelJS.Worksheet): SnapshotSheet {
  const cells: SnapshotCell[] = [];
  const rowHeights: Record<number, number> = {};
  ws.eachRow({ includeEmpty: true }, (row, r) => {
    if (row.height && (row.model as { customHeight?: boolean } | undefined)?.customHeight !== false) rowHeights[r] = row.height;
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const slave = cell.isMerged && cell.master.address !== cell.address;
      const out: SnapshotCell = { r, c };
      if (!slave) Object.assign(out, valueOf(cell));
      const style = styleOf(cell);
      if (style) out.style = style;
      if (cell.numFmt && cell.numFmt !== 'General') out.fmt = cell.numFmt;
      const note = noteOf(cell);
      if (note !== undefined) out.note = note;
      if (out.v !== undefined || out.f || out.style || out.fmt || out.note !== undefined) cells.push(out);
    });
  });
  const columnWidths: Record<number, number> = {};
  (ws.columns ?? []).forEach((col, i) => {
    if (col?.width) columnWidths[i + 1] = charsToPoints(col.width);
  });
  const state = ws.state === 'veryHidden' ? 'VeryHidden' : ws.state === 'hidden' ? 'Hidden' : 'Visible';
  return {
    name: ws.name,
    visibility: state,
    cells,
    merges: (ws.model as { merges?: string[] }).merges ?? [],
    validations: validationsOf(ws),
    columnWidths,
    rowHeights,
  };
}

/** Excel's width in characters of the default font → points (7 px per character plus 5 px padding, 0.75 pt per px). */
function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function valueOf(cell: ExcelJS.Cell): { v?: FakeValue; f?: string } {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return {};
  if (typeof v === 'string') return v === '' ? {} : { v };
  if (typeof v === 'number' || typeof v === 'boolean') return { v };
  if (v instanceof Date) return { v: dateToSerial(v) };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('richText' in o) return { v: (o.richText as { text: string }[]).map((t) => t.text).join('') || null };
    if ('formula' in o || 'sharedFormula' in o) {
      const res = o.result;
      const formula = `=${cell.formula}`;
      if (res instanceof Date) return { f: formula, v: dateToSerial(res) };
      if (res && typeof res === 'object') return { f: formula, v: 'error' in res ? String((res as { error: string }).error) : null };
      return { f: formula, v: (res ?? null) as FakeValue };
    }
    if ('hyperlink' in o) return { v: typeof o.text === 'string' ? o.text : cell.text };
    if ('error' in o) return { v: String(o.error) };
  }
  return { v: cell.text || null };
}

function styleOf(cell: ExcelJS.Cell): CellStyle | undefined {
  const style: CellStyle = {};
  const v = cell.value as { richText?: { font?: { name?: string } }[] } | null;
  const runFont = v && typeof v === 'object' && Array.isArray(v.richText) ? v.richText.find((t) => t.font?.name)?.font?.name : undefined;
  const f = cell.font;
  const name = f?.name ?? runFont;
  if (name || f?.bold || f?.italic || f?.size) {
    style.font = {};
    if (name) style.font.name = name;
    if (f?.bold) style.font.bold = true;
    if (f?.italic) style.font.italic = true;
    if (f?.size) style.font.size = f.size;
  }
  const fill = cell.fill as { type?: string; pattern?: string; fgColor?: { argb?: string } } | undefined;
  if (fill?.type === 'pattern' && fill.pattern && fill.pattern !== 'none') {
    style.fill = { pattern: PATTERNS[fill.pattern] ?? 'Solid' };
    // Theme and indexed colours are not resolved: the fill keeps its pattern and reads as the default colour.
    if (fill.fgColor?.argb) style.fill.color = `#${fill.fgColor.argb.slice(-6).toUpperCase()}`;
  } else if (fill?.type === 'gradient') style.fill = { pattern: 'LinearGradient' };
  if (cell.alignment?.wrapText) style.wrapText = true;
  return Object.keys(style).length > 0 ? style : undefined;
}

function noteOf(cell: ExcelJS.Cell): string | undefined {
  const n = cell.note as unknown;
  if (n === undefined || n === null) return undefined;
  if (typeof n === 'string') return n;
  const texts = (n as { texts?: { text: string }[] }).texts;
  return texts ? texts.map((t) => t.text).join('') : undefined;
}

/** exceljs keeps validations per cell; gather runs of identical rules down each column back into ranges. */
function validationsOf(ws: ExcelJS.Worksheet): SnapshotValidation[] {
  const model = (ws as unknown as { dataValidations?: { model?: Record<string, ExcelJS.DataValidation> } }).dataValidations?.model ?? {};
  const byRule = new Map<string, { rule: ExcelJS.DataValidation; cells: { r: number; c: number }[] }>();
  const out: SnapshotValidation[] = [];
  for (const [key, dv] of Object.entries(model)) {
    const ref = key.replace(/^range:/, '');
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    const id = JSON.stringify(dv);
    if (!m) {
      out.push({ range: ref, ...officeRule(dv) });
      continue;
    }
    let group = byRule.get(id);
    if (!group) byRule.set(id, (group = { rule: dv, cells: [] }));
    group.cells.push({ r: Number(m[2]), c: [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0) });
  }
  for (const { rule, cells } of byRule.values()) {
    cells.sort((a, b) => a.c - b.c || a.r - b.r);
    let start = cells[0]!;
    let prev = start;
    const flush = () => out.push({ range: `${columnLetter(start.c)}${start.r}:${columnLetter(prev.c)}${prev.r}`, ...officeRule(rule) });
    for (const cell of cells.slice(1)) {
      if (cell.c === prev.c && cell.r === prev.r + 1) {
        prev = cell;
        continue;
      }
      flush();
      start = prev = cell;
    }
    flush();
  }
  return out;
}

/** An exceljs validation in the shape Office.js reports (list rules only; others kept as they are). */
function officeRule(dv: ExcelJS.DataValidation): Omit<SnapshotValidation, 'range'> {
  const errorAlert = {
    showAlert: dv.showErrorMessage === true,
    style: capitalise(dv.errorStyle ?? 'stop'),
    title: dv.errorTitle ?? '',
    message: dv.error ?? '',
  };
  if (dv.type === 'list') {
    const f = dv.formulae?.[0];
    const source = typeof f === 'string' && f.startsWith('"') ? f.slice(1, -1) : `=${String(f)}`;
    return { rule: { list: { inCellDropDown: true, source } }, errorAlert };
  }
  return { rule: dv, errorAlert };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
