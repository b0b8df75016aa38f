// The standard blank appendix (tasks or indicators): title block, header, Times New Roman, borders, widths,
// frozen header, and dropdown lists (agencies, deadlines) kept on a hidden "Danh mục" sheet; the task table ends with
// the three progress columns a commune fills through the year (status, completion date, achieved).
import ExcelJS from 'exceljs';
import groups from '../../templates/nq57-groups.vi.json' with { type: 'json' };
import deadlines from '../../templates/deadlines.vi.json' with { type: 'json' };
import { PROGRESS_COLUMNS, PROGRESS_STATUS_LABEL, PROGRESS_STATUSES, type ProgressRole } from '../../core/progress/index.ts';
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
/**
 * The progress columns the template carries: what every period's report asks of every task. The other five (reason,
 * evidence, highlights, obstacles, proposals) are written in the period's report, not here: fourteen columns on an
 * A4 page shrink the plan's text below reading size, and most tasks never need them.
 */
export const TEMPLATE_PROGRESS_ROLES: readonly ProgressRole[] = ['status', 'completedOn', 'achieved'];
const progressLabel = (role: ProgressRole) => PROGRESS_COLUMNS.find((c) => c.role === role)!.label.vi;
const TASK_HEADERS = [
  'TT',
  'Nội dung nhiệm vụ',
  'Cơ quan chủ trì',
  'Cơ quan phối hợp',
  'Kết quả/sản phẩm',
  'Thời gian hoàn thành',
  ...TEMPLATE_PROGRESS_ROLES.map(progressLabel),
];
// Narrower plan columns than a plan-only table: nine columns must still print at a readable size on A4 landscape.
const TASK_WIDTHS = [6, 50, 22, 22, 22, 15, 15, 14, 25];
/** The indicator's achieved value: its own heading, so a "Kết quả" target column is never taken for it. */
export const INDICATOR_ACHIEVED_LABEL = 'Kết quả thực hiện đạt được';
const INDICATOR_HEADERS = ['TT', 'Chỉ tiêu', 'Đơn vị tính', 'Kết quả', 'Cơ quan chủ trì theo dõi, đánh giá', INDICATOR_ACHIEVED_LABEL];
const INDICATOR_WIDTHS = [6, 58, 12, 14, 30, 18];
/** Columns of the task template's progress cells (G, H, I). */
const STATUS_COL = 'G';
const DATE_COL = 'H';
/** Excel's number format for a completion day, as officials write it. */
export const DAY_FORMAT = 'dd/mm/yyyy';
const LAST_BODY_ROW = 500;

/**
 * Build the template workbook.
 * @example const wb = buildTemplate('tasks', { agencies: ['Công an xã'] }); await wb.xlsx.writeFile('mau.xlsx')
 */
export function buildTemplate(kind: TemplateKind, opts: TemplateOptions): ExcelJS.Workbook {
  const year = opts.year ?? new Date().getFullYear();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'phuluc';
  const headers = kind === 'tasks' ? TASK_HEADERS : INDICATOR_HEADERS;
  const widths = kind === 'tasks' ? TASK_WIDTHS : INDICATOR_WIDTHS;
  const name = kind === 'tasks' ? 'Phụ lục nhiệm vụ' : 'Phụ lục chỉ tiêu';
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: HEADER_ROW }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${HEADER_ROW}:${HEADER_ROW}`,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&"Times New Roman,Regular"&11Trang &P/&N' },
  });
  ws.columns = widths.map((width) => ({ width }));
  const last = headers.length;

  const title = [
    [kind === 'tasks' ? 'PHỤ LỤC II' : 'PHỤ LỤC I', true, false, 13],
    [
      kind === 'tasks' ? `DANH MỤC NHIỆM VỤ THỰC HIỆN NGHỊ QUYẾT SỐ 57-NQ/TW NĂM ${year}` : `DANH MỤC CÁC CHỈ TIÊU CỤ THỂ NĂM ${year}`,
      true,
      false,
      13,
    ],
    // Blanks to fill are dotted, never spaces: "số      /KH-UBND" prints as "số /KH-UBND".
    [`(Kèm theo Kế hoạch số: ……/KH-UBND ngày …… tháng …… năm ${year} của UBND xã ……)`, false, true, 13],
  ] as const;
  const total = widths.reduce((a, b) => a + b, 0);
  title.forEach(([text, bold, italic, size], i) => {
    const row = i + 1;
    ws.mergeCells(row, 1, row, last);
    const c = ws.getCell(row, 1);
    c.value = text;
    c.font = { name: FONT, size, bold, italic };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getRow(row).height = rowHeight([{ text, width: total, size, bold }], DIGIT_PX);
  });

  const head = ws.getRow(HEADER_ROW);
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

  addLists(wb, ws, kind, opts.agencies, year);
  return wb;
}

/** Pixels of a unit of column width: exceljs writes Calibri 11 as the default font. */
const DIGIT_PX = 7;

function styleBodyRow(row: ExcelJS.Row, last: number, bold: boolean): void {
  for (let c = 1; c <= last; c++) {
    const cell = row.getCell(c);
    cell.font = { name: FONT, size: 12, bold };
    cell.border = THIN_BORDER;
    cell.alignment = { vertical: 'middle', horizontal: c === 1 ? 'center' : 'left', wrapText: true };
  }
}

/** Dropdowns read from a hidden sheet: a list in a validation formula is limited to 255 characters. */
function addLists(wb: ExcelJS.Workbook, ws: ExcelJS.Worksheet, kind: TemplateKind, agencies: string[], year: number): void {
  const lists = wb.addWorksheet(LISTS_SHEET, { state: 'hidden' });
  lists.getCell(1, 1).value = 'Cơ quan';
  lists.getCell(1, 2).value = 'Thời gian hoàn thành';
  agencies.forEach((a, i) => (lists.getCell(i + 2, 1).value = a));
  const deadlineList = [...deadlines.fixed, ...deadlines.perYear.map((d) => d.replace('{year}', String(year)))];
  deadlineList.forEach((d, i) => (lists.getCell(i + 2, 2).value = d));
  const agencyRange = `'${LISTS_SHEET}'!$A$2:$A$${agencies.length + 1}`;
  const deadlineRange = `'${LISTS_SHEET}'!$B$2:$B$${deadlineList.length + 1}`;
  const first = HEADER_ROW + 1;
  const dv = (ws as unknown as { dataValidations: { add(ref: string, v: ExcelJS.DataValidation): void } }).dataValidations;
  const list = (formula: string, prompt: string, errorStyle: 'warning' | 'information'): ExcelJS.DataValidation => ({
    type: 'list',
    allowBlank: true,
    formulae: [formula],
    showInputMessage: true,
    promptTitle: 'phuluc',
    prompt,
    // Free text stays possible (several partners in one cell, a body not in the catalog): the list only suggests.
    showErrorMessage: true,
    errorStyle,
    errorTitle: 'phuluc',
    error: 'Giá trị không có trong danh mục. Vẫn giữ?',
  });
  if (kind === 'tasks') {
    dv.add(`C${first}:C${LAST_BODY_ROW}`, list(agencyRange, 'Chọn một cơ quan chủ trì (rõ người, rõ việc).', 'warning'));
    dv.add(
      `D${first}:D${LAST_BODY_ROW}`,
      list(agencyRange, 'Chọn hoặc gõ các cơ quan phối hợp, cách nhau bằng dấu chấm phẩy.', 'information'),
    );
    dv.add(
      `F${first}:F${LAST_BODY_ROW}`,
      list(deadlineRange, 'Ví dụ: Quý III/2026, Tháng 7/2026, 31/12/2026, Thường xuyên.', 'information'),
    );
    addProgressRules(dv, first);
  } else {
    dv.add(`E${first}:E${LAST_BODY_ROW}`, list(agencyRange, 'Chọn cơ quan theo dõi, đánh giá.', 'warning'));
  }
}

/**
 * The status: one of the five words, nothing else (a word we cannot read is an error in the check); the completion
 * day: a real date, so it reads back as a day whatever the computer's date settings. The five words fit in the rule
 * itself, so the dropdown survives the sheet being copied into another workbook.
 */
function addProgressRules(dv: { add(ref: string, v: ExcelJS.DataValidation): void }, first: number): void {
  const words = PROGRESS_STATUSES.map((st) => PROGRESS_STATUS_LABEL[st].vi);
  dv.add(`${STATUS_COL}${first}:${STATUS_COL}${LAST_BODY_ROW}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${words.join(',')}"`],
    showInputMessage: true,
    promptTitle: 'phuluc',
    prompt: 'Chọn tình trạng thực hiện trong kỳ báo cáo.',
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'phuluc',
    error: `Chọn một trong: ${words.join(', ')}.`,
  });
  dv.add(`${DATE_COL}${first}:${DATE_COL}${LAST_BODY_ROW}`, {
    type: 'date',
    operator: 'greaterThan',
    allowBlank: true,
    formulae: [new Date(Date.UTC(2000, 0, 1))],
    showInputMessage: true,
    promptTitle: 'phuluc',
    prompt: 'Ngày đã hoàn thành, ghi ngày/tháng/năm (15/06/2026).',
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'phuluc',
    error: 'Ghi một ngày cụ thể dạng ngày/tháng/năm, ví dụ 15/06/2026.',
  });
}
