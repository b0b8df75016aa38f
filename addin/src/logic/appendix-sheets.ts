// A read plan's appendices as sheets for the pane's "Nhập từ tệp Word", laid out as the standard template makes them
// (workbook/export/template.ts, `phuluc import`): title block (the "(Kèm theo …)" line in italics), header, group and
// item rows, each field in its role's column, progress columns left empty, group rows bold, the hidden id column with
// each item's id, the dropdowns (agencies, deadlines, status) and the day format, widths as the template's.
import { assignIds, isItemRow } from '../../../core/merge/index.ts';
import type { Appendix, AppendixRow, CellValue, ColumnRole, Plan } from '../../../core/model/index.ts';
import { STATUS_RULE, STATUS_WORDS, TEMPLATE_ROLES, TEMPLATE_WIDTHS } from '../../../core/progress/index.ts';
import { ID_HEADER } from '../../../core/read/index.ts';
import { columnLetter } from '../../../core/model/index.ts';
import type { AppendixSheetRules } from '../excel/port.ts';
import { LISTS_SHEET } from '../excel/dropdowns.ts';
import { charsToPoints } from '../excel/template.ts';
import { sheetNames } from '../../../workbook/export/appendix-sheet-names.ts';
import { agencyList, deadlineList, EXTRA_ROWS, planYears } from './dropdowns.ts';
import { INDICATOR_HEADERS, TASK_HEADERS, templateValues } from './template-values.ts';

/** A sheet to add: its wished name (the Excel layer makes it unique), values from A1, merged ranges, widths. */
export interface AppendixSheet {
  name: string;
  values: CellValue[][];
  /** A1 ranges merged (the title lines across the table). */
  merges: string[];
  /** Column widths in points, from column A (the hidden id column's too). */
  widths: number[];
  /** 1-based row of the header. */
  headerRow: number;
  /** Title lines in italics ("(Kèm theo …)"); the others bold. */
  italicRows: number[];
  /** Group and subgroup rows, bold. */
  boldRows: number[];
  /** The id column (hidden), 1-based. */
  hiddenColumns: number[];
  rules: AppendixSheetRules;
}

/** The template's roles, column by column, in the order of TASK_HEADERS / INDICATOR_HEADERS. */
export const SHEET_ROLES: Readonly<Record<Appendix['kind'], readonly ColumnRole[]>> = TEMPLATE_ROLES;
/** The hidden id column's width in characters (the template's). */
const ID_WIDTH = 12;
/** The rows the standard table carries: continuations are already joined into their row, notes and blanks left out. */
const WRITTEN = new Set<AppendixRow['kind']>(['group', 'subgroup', 'task', 'indicator']);

/**
 * One sheet per appendix, laid out like the standard template; items without an id get one (`newId`).
 * @example appendixSheets(plan)[0]!.values[4] // ['TT', 'Nội dung nhiệm vụ', …, 'phuluc-id']
 */
export function appendixSheets(plan: Plan, newId: () => string = randomId): AppendixSheet[] {
  const withIds = assignIds(plan, null, newId);
  const lists = { agencies: agencyList(plan), deadlines: deadlineList(planYears(plan)) };
  // Named as `phuluc import` names them ("Phụ lục II"); the Excel layer makes a name in use unique.
  const names = sheetNames(withIds.appendices, [LISTS_SHEET], false);
  return withIds.appendices.map((a, i) => appendixSheet(a, names[i]!, lists));
}

function randomId(): string {
  return `t-${globalThis.crypto.randomUUID().slice(0, 13)}`;
}

function appendixSheet(a: Appendix, name: string, lists: AppendixSheetRules['lists']): AppendixSheet {
  const roles = SHEET_ROLES[a.kind];
  const width = roles.length + 1;
  const blank = (): CellValue[] => new Array<CellValue>(width).fill(null);
  const title = titleLines(a);
  const values: CellValue[][] = title.map((t) => {
    const row = blank();
    row[0] = t;
    return row;
  });
  values.push(blank());
  values.push([...(a.kind === 'tasks' ? TASK_HEADERS : INDICATOR_HEADERS), ID_HEADER]);
  const headerRow = values.length;
  const boldRows: number[] = [];
  for (const r of a.rows) {
    if (!WRITTEN.has(r.kind)) continue;
    values.push([...roles.map((role) => (role === 'tt' ? r.tt : r.fields[role]) || null), (isItemRow(r) && r.id) || null]);
    if (r.kind === 'group' || r.kind === 'subgroup') boldRows.push(values.length);
  }
  const last = columnLetter(roles.length);
  const letter = (role: ColumnRole) => (roles.includes(role) ? columnLetter(roles.indexOf(role) + 1) : undefined);
  const columns: AppendixSheetRules['columns'] = {};
  const lead = letter('lead') ?? letter('monitor');
  if (lead) columns.lead = lead;
  if (letter('partners')) columns.partners = letter('partners');
  if (letter('deadline')) columns.deadline = letter('deadline');
  const rules: AppendixSheetRules = { firstRow: headerRow + 1, lastRow: values.length + EXTRA_ROWS, columns, lists };
  const status = letter('status');
  if (status) rules.status = { column: status, items: [...STATUS_WORDS], ...STATUS_RULE };
  const date = letter('completedOn');
  if (date) rules.dateColumn = date;
  return {
    name,
    values,
    merges: title.map((_, i) => `A${i + 1}:${last}${i + 1}`),
    widths: [...TEMPLATE_WIDTHS[a.kind], ID_WIDTH].map(charsToPoints),
    headerRow,
    italicRows: title.flatMap((t, i) => (t.startsWith('(') ? [i + 1] : [])),
    boldRows,
    hiddenColumns: [width],
    rules,
  };
}

/** The document's own title lines; none → the template's. */
function titleLines(a: Appendix): string[] {
  const lines = a.title.lines.map((l) => l.text.trim()).filter((t) => t !== '');
  if (lines.length > 0) return lines;
  const year = a.title.reference.year ?? new Date().getFullYear();
  return templateValues(a.kind, year)
    .slice(0, 3)
    .map((r) => String(r[0]));
}
