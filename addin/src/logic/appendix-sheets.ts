// A read plan's appendices as plain sheets for the pane's "Nhập từ tệp Word": the standard template's layout (title
// block, header, group and item rows, each field in its role's column, progress columns left empty) as values.
import type { Appendix, AppendixRow, CellValue, ColumnRole, Plan } from '../../../core/model/index.ts';
import { TEMPLATE_ROLES, TEMPLATE_WIDTHS } from '../../../core/progress/index.ts';
import { columnLetter } from '../../../core/model/index.ts';
import { INDICATOR_HEADERS, TASK_HEADERS, templateValues } from './template-values.ts';

/** A sheet to add: its wished name (the Excel layer makes it unique), values from A1, merged ranges, widths. */
export interface AppendixSheet {
  name: string;
  values: CellValue[][];
  /** A1 ranges merged (the title lines across the table). */
  merges: string[];
  /** Column widths in points, from column A. */
  widths: number[];
  /** 1-based row of the header. */
  headerRow: number;
}

/** The template's roles, column by column, in the order of TASK_HEADERS / INDICATOR_HEADERS. */
export const SHEET_ROLES: Readonly<Record<Appendix['kind'], readonly ColumnRole[]>> = TEMPLATE_ROLES;
/** The template's widths (characters). */
const WIDTHS = TEMPLATE_WIDTHS;
/** Points per character of width at the template's 12-point font. */
const POINTS_PER_CHAR = 7;
/** The rows the standard table carries: continuations are already joined into their row, notes and blanks left out. */
const WRITTEN = new Set<AppendixRow['kind']>(['group', 'subgroup', 'task', 'indicator']);

/**
 * One sheet per appendix, laid out like the standard template.
 * @example appendixSheets(plan)[0]!.values[4] // ['TT', 'Nội dung nhiệm vụ', …]
 */
export function appendixSheets(plan: Plan): AppendixSheet[] {
  return plan.appendices.map((a, i) => appendixSheet(a, i, plan.appendices.length));
}

function appendixSheet(a: Appendix, index: number, count: number): AppendixSheet {
  const roles = SHEET_ROLES[a.kind];
  const width = roles.length;
  const blank = (): CellValue[] => new Array<CellValue>(width).fill(null);
  const title = titleLines(a);
  const values: CellValue[][] = title.map((t) => {
    const row = blank();
    row[0] = t;
    return row;
  });
  values.push(blank());
  values.push([...(a.kind === 'tasks' ? TASK_HEADERS : INDICATOR_HEADERS)]);
  const headerRow = values.length;
  for (const r of a.rows) {
    if (!WRITTEN.has(r.kind)) continue;
    values.push(roles.map((role) => (role === 'tt' ? r.tt : r.fields[role]) || null));
  }
  const last = columnLetter(width);
  return {
    name: sheetName(a, index, count),
    values,
    merges: title.map((_, i) => `A${i + 1}:${last}${i + 1}`),
    widths: WIDTHS[a.kind].map((w) => w * POINTS_PER_CHAR),
    headerRow,
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

/** "PL II" from the title's numeral, else "PL" (numbered when there are several). */
function sheetName(a: Appendix, index: number, count: number): string {
  const numeral = a.title.appendix?.replace(/[[\]:*?/\\]/g, ' ').trim();
  if (numeral) return `PL ${numeral}`.slice(0, 31);
  return count > 1 ? `PL ${index + 1}` : 'PL';
}
