// The standard appendix workbook written from a read plan (issue 18, `phuluc import`): one sheet per appendix, laid
// out by the template's own code (title block, header, widths, styles, dropdowns, print setup), each row's fields in
// its role's column, and the hidden id column the task pane keeps, filled.
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { canonicalAgencyNames } from '../../core/agencies.ts';
import { assignIds, isItemRow } from '../../core/merge/index.ts';
import type { Appendix, AppendixRow, ColumnRole, Plan } from '../../core/model/index.ts';
import { ID_HEADER } from '../../core/read/index.ts';
import { ROLE_NAMES } from '../../core/validate/index.ts';
import { rowHeight } from '../layout/row-height.ts';
import { FONT } from './styles.ts';
import {
  addDropdowns,
  addListsSheet,
  addTableSheet,
  DATE_COL,
  DAY_FORMAT,
  DIGIT_PX,
  LISTS_SHEET,
  styleBodyRow,
  TEMPLATE_ROLES,
  templateColumns,
  templateTitle,
  type ExtraColumn,
  type TitleLine,
} from './template.ts';
import { sheetNames } from './appendix-sheet-names.ts';
import { safeCellText } from './safe-text.ts';

export interface AppendixWorkbookOptions {
  /** The plan's year (deadline list, a missing title's year): the plan's own when left out, else this year. */
  year?: number;
  /** Ids for tasks that have none (tests pass a counter); random otherwise. */
  newId?: () => string;
}

/** Rows the standard table carries: the plan's groups and items (continuations are already joined into their row). */
const WRITTEN = new Set<AppendixRow['kind']>(['group', 'subgroup', 'task', 'indicator']);
/** Dropdowns reach this many rows below the last written one, so rows an official adds get them too. */
const SPARE_ROWS = 100;
const EXTRA_WIDTH = 18;

/**
 * Write `plan` as the standard appendix workbook.
 * @example const bytes = await appendixWorkbookXlsx((await loadPlan('ke-hoach.docx')).plan, {})
 */
export async function appendixWorkbookXlsx(plan: Plan, opts: AppendixWorkbookOptions = {}): Promise<Uint8Array> {
  const year = opts.year ?? planYear(plan) ?? new Date().getFullYear();
  const withIds = assignIds(plan, null, opts.newId ?? (() => `t-${randomUUID().slice(0, 13)}`));
  const wb = new ExcelJS.Workbook();
  wb.creator = 'phuluc';
  const names = sheetNames(withIds.appendices, [LISTS_SHEET], plan.source?.format === 'xlsx');
  const sheets = withIds.appendices.map((a, i) => ({ a, ws: writeAppendix(wb, a, names[i]!, year) }));
  const ranges = addListsSheet(wb, canonicalAgencyNames(), year);
  for (const { a, ws } of sheets) addDropdowns(ws, a.kind, ranges, headerRowOf(a) + 1, ws.rowCount + SPARE_ROWS);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

function planYear(plan: Plan): number | undefined {
  return plan.reference?.year ?? plan.appendices.map((a) => a.title.reference.year).find((y) => y !== undefined);
}

function titleOf(a: Appendix, year: number): TitleLine[] {
  const lines = a.title.lines.map((l) => l.text.trim()).filter((t) => t !== '');
  if (lines.length === 0) return templateTitle(a.kind, year);
  // "(Kèm theo …)" is italic, the other lines (issuer, "PHỤ LỤC I", the name) bold, as the template writes them.
  return lines.map((text) => ({ text: safeCellText(text), bold: !text.startsWith('('), italic: text.startsWith('(') }));
}

function headerRowOf(a: Appendix): number {
  return Math.max(a.title.lines.length, 3) + 2;
}

/** Roles the appendix has values for that the template has no column for, in the source's column order. */
function extraRoles(a: Appendix): ColumnRole[] {
  const base = new Set<ColumnRole>(TEMPLATE_ROLES[a.kind]);
  const used = new Set<ColumnRole>();
  for (const r of a.rows) for (const [role, v] of Object.entries(r.fields)) if (v && v.trim() !== '') used.add(role as ColumnRole);
  const letter = (role: ColumnRole) => a.columns[role] ?? '~';
  return [...used]
    .filter((role) => !base.has(role))
    .sort((x, y) => letter(x).length - letter(y).length || letter(x).localeCompare(letter(y)));
}

function writeAppendix(wb: ExcelJS.Workbook, a: Appendix, name: string, year: number): ExcelJS.Worksheet {
  const extras = extraRoles(a);
  const roles = [...TEMPLATE_ROLES[a.kind], ...extras];
  const extra: ExtraColumn[] = [
    // Named as the source header named it, so the reader finds the same role again.
    ...extras.map((role) => ({ label: safeCellText(a.header.labels[role]?.trim() || ROLE_NAMES[role].vi), width: EXTRA_WIDTH })),
    { label: ID_HEADER, width: 12, hidden: true },
  ];
  const headerRow = headerRowOf(a);
  const ws = addTableSheet(wb, name, a.kind, { title: titleOf(a, year), headerRow, extra });
  const widths = [...templateColumns(a.kind).widths, ...extras.map(() => EXTRA_WIDTH)];
  const idCol = roles.length + 1;
  let r = headerRow + 1;
  for (const row of a.rows) {
    if (!WRITTEN.has(row.kind)) continue;
    const out = ws.getRow(r++);
    const group = row.kind === 'group' || row.kind === 'subgroup';
    const cells = roles.map((role) => (role === 'tt' ? row.tt : row.fields[role]) ?? '');
    cells.forEach((text, i) => {
      if (text !== '') out.getCell(i + 1).value = safeCellText(text);
    });
    styleBodyRow(out, roles.length, group);
    if (a.kind === 'tasks') ws.getCell(`${DATE_COL}${out.number}`).numFmt = DAY_FORMAT;
    if (isItemRow(row) && row.id !== undefined) out.getCell(idCol).value = row.id;
    out.height = rowHeight(
      cells.map((text, i) => ({ text, width: widths[i]!, size: 12, bold: group })),
      DIGIT_PX,
    );
  }
  writeNotes(ws, a, r, { last: roles.length, idCol }, widths);
  return ws;
}

/** The table's notes ("Ghi chú: …") right below it (a blank row between would be a row to remove), across the table. */
function writeNotes(
  ws: ExcelJS.Worksheet,
  a: Appendix,
  first: number,
  cols: { last: number; idCol: number },
  widths: readonly number[],
): void {
  const total = widths.reduce((x, y) => x + y, 0);
  let r = first;
  for (const note of a.rows.filter((row) => row.kind === 'note')) {
    const text = [note.tt ?? '', ...Object.values(note.fields)].join(' ').trim();
    if (text === '') continue;
    const row = r++;
    ws.mergeCells(row, 1, row, cols.last);
    const c = ws.getCell(row, 1);
    c.value = safeCellText(text);
    c.font = { name: FONT, size: 12, italic: true };
    c.alignment = { vertical: 'top', horizontal: 'left', wrapText: true };
    ws.getRow(row).height = rowHeight([{ text, width: total, size: 12 }], DIGIT_PX);
    // A note is an item too (merge and ids count it): its id stays beside it.
    if (note.id !== undefined) ws.getCell(row, cols.idCol).value = note.id;
  }
}
