// The standard blank appendix (tasks or indicators): title block, header, Times New Roman, borders, widths,
// frozen header, and dropdown lists (agencies, deadlines) kept on a hidden "Danh mục" sheet; the task table ends with
// the three progress columns a commune fills through the year (status, completion date, achieved).
import ExcelJS from 'exceljs';
import groups from '../../templates/nq57-groups.vi.json' with { type: 'json' };
import deadlines from '../../templates/deadlines.vi.json' with { type: 'json' };
import type { ColumnRole } from '../../core/model/index.ts';
import {
  INDICATOR_TEMPLATE_HEADERS,
  COMPLETED_ON_RULE,
  LIST_ERROR,
  LIST_PROMPTS,
  RULE_TITLE,
  STATUS_RULE,
  STATUS_WORDS,
  TASK_TEMPLATE_HEADERS,
  TEMPLATE_ROLES as CORE_TEMPLATE_ROLES,
  TEMPLATE_WIDTHS,
} from '../../core/progress/index.ts';
import { intToRoman } from '../../core/text/index.ts';
import { rowHeight } from '../layout/row-height.ts';
import { FONT, THIN_BORDER } from './styles.ts';

export type TemplateKind = 'tasks' | 'indicators';

export interface TemplateOptions {
  /** Agency names offered in the lead/partners dropdowns (the catalog's canonical names). */
  agencies: string[];
  /** The plan's year: the title's "NĂM 2027", the deadline list ("Quý I/2027"…); this year when left out. */
  year?: number;
  /** Empty task rows under each group. */
  rowsPerGroup?: number;
}

export const LISTS_SHEET = 'Danh mục';
/** The committed copies in templates/ (written by `npm run templates`). */
export const TEMPLATE_FILES = { tasks: 'phu-luc-nhiem-vu.xlsx', indicators: 'phu-luc-chi-tieu.xlsx' } as const;
export const HEADER_ROW = 5;
const TASK_HEADERS = TASK_TEMPLATE_HEADERS;
const INDICATOR_HEADERS = INDICATOR_TEMPLATE_HEADERS;
/** Columns of the task template's progress cells (G, H, I). */
const STATUS_COL = 'G';
export const DATE_COL = 'H';
/** Excel's number format for a completion day, as officials write it. */
export const DAY_FORMAT = 'dd/mm/yyyy';
const LAST_BODY_ROW = 500;

/** What each column of the standard table reads as: the template's columns, in order. */
export const TEMPLATE_ROLES: Readonly<Record<TemplateKind, readonly ColumnRole[]>> = CORE_TEMPLATE_ROLES;

/** The standard table's columns: header labels and widths, in the order of TEMPLATE_ROLES. */
export function templateColumns(kind: TemplateKind): { headers: readonly string[]; widths: readonly number[] } {
  return kind === 'tasks'
    ? { headers: TASK_HEADERS, widths: TEMPLATE_WIDTHS.tasks }
    : { headers: INDICATOR_HEADERS, widths: TEMPLATE_WIDTHS.indicators };
}

/** A title line: its text and look. */
export interface TitleLine {
  text: string;
  bold: boolean;
  italic: boolean;
}

/** The template's own title block for a year. */
export function templateTitle(kind: TemplateKind, year: number): TitleLine[] {
  return [
    { text: kind === 'tasks' ? 'PHỤ LỤC II' : 'PHỤ LỤC I', bold: true, italic: false },
    {
      text:
        kind === 'tasks' ? `DANH MỤC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NĂM ${year}` : `DANH MỤC CÁC CHỈ TIÊU CỤ THỂ NĂM ${year}`,
      bold: true,
      italic: false,
    },
    // Blanks to fill are dotted, never spaces: "số      /KH-UBND" prints as "số /KH-UBND".
    { text: `(Kèm theo Kế hoạch số: ……/KH-UBND ngày …… tháng …… năm ${year} của UBND xã ……)`, bold: false, italic: true },
  ];
}

/**
 * Build the template workbook.
 * @example const wb = buildTemplate('tasks', { agencies: ['Công an xã'] }); await wb.xlsx.writeFile('mau.xlsx')
 */
export function buildTemplate(kind: TemplateKind, opts: TemplateOptions): ExcelJS.Workbook {
  const year = opts.year ?? new Date().getFullYear();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'phuluc';
  const { widths } = templateColumns(kind);
  const name = kind === 'tasks' ? 'Phụ lục nhiệm vụ' : 'Phụ lục chỉ tiêu';
  const ws = addTableSheet(wb, name, kind, { title: templateTitle(kind, year), headerRow: HEADER_ROW });
  const last = widths.length;

  let r = HEADER_ROW + 1;
  const sections = kind === 'tasks' ? groups.groups.map((g) => g.title) : [`Đến năm ${year}`, 'Đến năm 2030'];
  sections.forEach((text, i) => {
    const row = ws.getRow(r++);
    row.getCell(1).value = intToRoman(i + 1);
    row.getCell(2).value = text;
    styleBodyRow(row, last, true);
    row.height = rowHeight([{ text, width: widths[1]!, size: 12, bold: true }], DIGIT_PX);
    for (let k = 0; k < (opts.rowsPerGroup ?? 3); k++) styleBodyRow(ws.getRow(r++), last, false);
  });
  for (; r <= LAST_BODY_ROW; r++) styleBodyRow(ws.getRow(r), last, false);
  if (kind === 'tasks') for (let row = HEADER_ROW + 1; row <= LAST_BODY_ROW; row++) ws.getCell(`${DATE_COL}${row}`).numFmt = DAY_FORMAT;

  addDropdowns(ws, kind, addListsSheet(wb, opts.agencies, year), HEADER_ROW + 1, LAST_BODY_ROW);
  return wb;
}

/** A column added after the template's own (a role the template has no column for, or the hidden id column). */
export interface ExtraColumn {
  label: string;
  width: number;
  hidden?: boolean;
}

/**
 * A sheet laid out as the standard table: page setup (A4 landscape, one page wide, header row repeated, page numbers),
 * column widths, the title block merged across the table, and the styled header row; `extra` columns follow the
 * template's own, styled alike.
 */
export function addTableSheet(
  wb: ExcelJS.Workbook,
  name: string,
  kind: TemplateKind,
  opts: { title: readonly TitleLine[]; headerRow: number; extra?: readonly ExtraColumn[] },
): ExcelJS.Worksheet {
  const { headerRow } = opts;
  const base = templateColumns(kind);
  const extra = opts.extra ?? [];
  const headers = [...base.headers, ...extra.map((e) => e.label)];
  const widths = [...base.widths, ...extra.map((e) => e.width)];
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: headerRow }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&"Times New Roman,Regular"&11Trang &P/&N' },
  });
  ws.columns = widths.map((width, i) => ({ width, hidden: i >= base.widths.length && extra[i - base.widths.length]!.hidden === true }));
  // The title spans the printed table; a hidden column is not printed.
  const shown = widths.filter((_, i) => !(i >= base.widths.length && extra[i - base.widths.length]!.hidden === true));
  const last = shown.length;
  const total = shown.reduce((a, b) => a + b, 0);
  opts.title.forEach(({ text, bold, italic }, i) => {
    const row = i + 1;
    ws.mergeCells(row, 1, row, last);
    const c = ws.getCell(row, 1);
    c.value = text;
    c.font = { name: FONT, size: 13, bold, italic };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getRow(row).height = rowHeight([{ text, width: total, size: 13, bold }], DIGIT_PX);
  });

  const head = ws.getRow(headerRow);
  headers.forEach((h, i) => {
    const c = head.getCell(i + 1);
    c.value = h;
    c.font = { name: FONT, size: 12, bold: true };
    c.border = THIN_BORDER;
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
  head.height = Math.max(
    32,
    rowHeight(
      headers.map((text, i) => ({ text, width: widths[i]!, size: 12, bold: true })),
      DIGIT_PX,
    ),
  );
  return ws;
}

/** Pixels of a unit of column width: exceljs writes Calibri 11 as the default font. */
export const DIGIT_PX = 7;

/** A body row of the standard table: Times New Roman 12, bordered, wrapped, TT centred; bold for a group row. */
export function styleBodyRow(row: ExcelJS.Row, last: number, bold: boolean): void {
  for (let c = 1; c <= last; c++) {
    const cell = row.getCell(c);
    cell.font = { name: FONT, size: 12, bold };
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: c === 1 ? 'center' : 'left', wrapText: true };
  }
}

/** Where the dropdowns read their lists from. */
export interface ListRanges {
  agencies: string;
  deadlines: string;
}

/** Dropdowns read from a hidden sheet: a list in a validation formula is limited to 255 characters. */
export function addListsSheet(wb: ExcelJS.Workbook, agencies: string[], year: number): ListRanges {
  const lists = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  lists.getCell(1, 1).value = 'Cơ quan';
  lists.getCell(1, 2).value = 'Thời gian hoàn thành';
  agencies.forEach((a, i) => (lists.getCell(i + 2, 1).value = a));
  const deadlineList = [...deadlines.fixed, ...deadlines.perYear.map((d) => d.replace('{year}', String(year)))];
  deadlineList.forEach((d, i) => (lists.getCell(i + 2, 2).value = d));
  return {
    agencies: `'${LISTS_SHEET}'!$A$2:$A$${agencies.length + 1}`,
    deadlines: `'${LISTS_SHEET}'!$B$2:$B$${deadlineList.length + 1}`,
  };
}

/** The template's dropdowns and rules on rows first…lastRow of a standard table. */
export function addDropdowns(ws: ExcelJS.Worksheet, kind: TemplateKind, ranges: ListRanges, first: number, lastRow: number): void {
  const dv = (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const list = (formula: string, prompt: string, errorStyle: 'warning' | 'information'): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showInputMessage: true,
    promptTitle: RULE_TITLE,
    prompt,
    // Free text stays possible (several partners in one cell, a body not in the catalog): the list only suggests.
    showErrorMessage: true,
    errorStyle,
    errorTitle: RULE_TITLE,
    error: LIST_ERROR,
  });
  if (kind === 'tasks') {
    dv.add(`C${first}:C${lastRow}`, list(ranges.agencies, LIST_PROMPTS.lead, 'warning'));
    dv.add(`D${first}:D${lastRow}`, list(ranges.agencies, LIST_PROMPTS.partners, 'information'));
    dv.add(`F${first}:F${lastRow}`, list(ranges.deadlines, LIST_PROMPTS.deadline, 'information'));
    addProgressRules(dv, first, lastRow);
  } else {
    dv.add(`E${first}:E${lastRow}`, list(ranges.agencies, LIST_PROMPTS.monitor, 'warning'));
  }
}

/**
 * The status: one of the five words, nothing else (a word we cannot read is an error in the check); the completion
 * day: a real date, so it reads back as a day whatever the computer's date settings. The five words fit in the rule
 * itself, so the dropdown survives the sheet being copied into another workbook.
 */
function addProgressRules(dv: { add(ref: string, v: ExcelJS.DataValidation): void }, first: number, lastRow: number): void {
  dv.add(`${STATUS_COL}${first}:${STATUS_COL}${lastRow}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${STATUS_WORDS.join(',')}"`],
    showInputMessage: true,
    promptTitle: RULE_TITLE,
    prompt: STATUS_RULE.prompt,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: RULE_TITLE,
    error: STATUS_RULE.error,
  });
  dv.add(`${DATE_COL}${first}:${DATE_COL}${lastRow}`, {
    type: 'date',
    operator: 'greaterThan',
    allowBlank: true,
    formulae: [new Date(Date.UTC(2000, 0, 1))],
    showInputMessage: true,
    promptTitle: RULE_TITLE,
    prompt: COMPLETED_ON_RULE.prompt,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: RULE_TITLE,
    error: COMPLETED_ON_RULE.error,
  });
}
