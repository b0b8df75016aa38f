// Validation engine: run every check over every table, build messages from the catalog, collect a report.
import type { Plan } from '../model/appendix.ts';
import type { Grid } from '../model/grid.ts';
import { readPlan, type SheetRead } from '../read/read-plan.ts';
import { textGrid, type TextGrid } from '../read/text-grid.ts';
import { CATALOG } from './catalog.ts';
import type { Check, CheckContext, ValidateOptions } from './context.ts';
import type { Issue, IssueCode, RawIssue } from './issue.ts';
import { issueMessages, messageMemo, type Messages } from './messages.ts';
import { makeReport, type Report, type TableReport } from './report.ts';
import { agencyNames, leadAgencies } from './rules/agencies.ts';
import { deadlines } from './rules/deadlines.ts';
import { duplicateTasks } from './rules/duplicates.ts';
import { emptyTable } from './rules/empty.ts';
import { indicatorRegression, indicatorValues } from './rules/indicators.ts';
import { groupNumbers, taskNumbers } from './rules/numbering.ts';
import { progressCells } from './rules/progress.ts';
import { requiredFields } from './rules/required.ts';
import { asideColumns, blankRows, continuationRows, mergedBodyCells, missingColumns, repeatedHeaders } from './rules/structure.ts';
import { textCellsCheck, toneStyleMixed } from './rules/text.ts';

/** Every check, in the order their issues are listed. */
export const CHECKS: Check[] = [
  emptyTable,
  missingColumns,
  asideColumns,
  repeatedHeaders,
  continuationRows,
  blankRows,
  mergedBodyCells,
  groupNumbers,
  taskNumbers,
  requiredFields,
  leadAgencies,
  agencyNames,
  deadlines,
  textCellsCheck,
  toneStyleMixed,
  duplicateTasks,
  indicatorValues,
  indicatorRegression,
  progressCells,
];

/**
 * Turn a raw issue into a reported one: catalog severity (unless overridden), tags, messages in vi and en (from
 * `messages` when given: validate() builds each distinct message once).
 */
export function toIssue(raw: RawIssue, messages: (code: IssueCode, params: unknown) => Messages = issueMessages): Issue {
  const entry = CATALOG[raw.code] as (typeof CATALOG)[typeof raw.code];
  const text = messages(raw.code, raw.params);
  const severity = raw.severity ?? entry.severity;
  const params = raw.params as Record<string, unknown>;
  const { sheet, table, row, cell, column } = raw.loc;
  // A cell's issue (most of them) as one literal: properties added one by one would grow a separate store per issue.
  if (table !== undefined && row !== undefined && cell !== undefined && column !== undefined) {
    const tags = entry.tags.slice();
    const message = text[0];
    const messageEn = text[1];
    return raw.fix
      ? { code: raw.code, severity, sheet, message, messageEn, tags, params, table, row, cell, column, fix: raw.fix }
      : { code: raw.code, severity, sheet, message, messageEn, tags, params, table, row, cell, column };
  }
  const issue: Issue = { code: raw.code, severity, sheet, message: text[0], messageEn: text[1], tags: entry.tags.slice(), params };
  if (table !== undefined) issue.table = table;
  if (row !== undefined) issue.row = row;
  if (cell !== undefined) issue.cell = cell;
  if (column !== undefined) issue.column = column;
  if (raw.fix) issue.fix = raw.fix;
  return issue;
}

export interface ValidateInput {
  plan: Plan;
  /** The sheets the plan was read from; without them, cell-level text checks and fixes are skipped. */
  grids?: Grid[];
  sheets?: SheetRead[];
  /** Text grids already built for these grids (by readPlan), to skip decoding them again. */
  textGrids?: Map<Grid, TextGrid>;
}

/**
 * Validate a plan (and its sheets when known) into a report.
 * @example validate({ plan, grids }).valid
 */
export function validate(input: ValidateInput, opts: ValidateOptions = {}): Report {
  const ignore = new Set(opts.ignore ?? []);
  const messages = messageMemo();
  const sheetsByName = new Map<string, TextGrid>();
  for (const g of input.grids ?? []) sheetsByName.set(g.sheet, input.textGrids?.get(g) ?? textGrid(g));
  const tables: TableReport[] = [];

  const readable = (input.sheets ?? []).filter((s) => s.form !== 'none');
  let headerMissing = false;
  // A Word document's grid holds only what looks like an appendix (layout tables left out) or its text tried as a
  // list: nothing read there means the document has no appendix (no-table below), not a sheet without a header.
  const word = input.plan.source?.format === 'docx';
  for (const s of input.sheets ?? []) {
    if (s.form !== 'none' || word) continue;
    const tg = sheetsByName.get(s.sheet);
    if (tg && tg.rows === 0) continue; // an empty sheet is not a table without a header
    // A hidden sheet (a template's dropdown lists) is no table anyone reads: nothing to say about it.
    if (tg?.grid.hidden) continue;
    const raw: RawIssue = { code: 'header-not-found', params: { sheet: s.sheet }, loc: { sheet: s.sheet } };
    // Other sheets of a workbook that has appendices (a cover page, notes) are only mentioned.
    if (readable.length > 0) raw.severity = 'info';
    else headerMissing = true;
    if (!ignore.has(raw.code)) tables.push({ sheet: s.sheet, range: null, kind: null, issues: [toIssue(raw, messages)] });
  }
  // A workbook with no table at all (empty, or only hidden sheets) has nothing to submit: not valid. A sheet without a
  // header already says so; a plan checked without its sheets (pushed as JSON) is the sender's business.
  if (input.sheets !== undefined && input.plan.appendices.length === 0 && !headerMissing && !ignore.has('no-table')) {
    const sheet = (input.grids ?? []).find((g) => !g.hidden)?.sheet ?? input.grids?.[0]?.sheet ?? '';
    tables.push({ sheet, range: null, kind: null, issues: [toIssue({ code: 'no-table', params: {}, loc: { sheet } }, messages)] });
  }

  let tasks = 0;
  let indicators = 0;
  for (const appendix of input.plan.appendices) {
    const issues: Issue[] = [];
    const ctx: CheckContext = {
      plan: input.plan,
      appendix,
      opts,
      push: (raw) => {
        if (!ignore.has(raw.code)) issues.push(toIssue(raw, messages));
      },
    };
    const sheet = sheetsByName.get(appendix.sheet);
    if (sheet) ctx.sheet = sheet;
    for (const check of CHECKS) check(ctx);
    // Indexed: this loop runs once per table, unoptimized, where for…of would make an iterator result per row.
    const rows = appendix.rows;
    for (let i = 0; i < rows.length; i++) {
      const kind = rows[i]!.kind;
      if (kind === 'task') tasks++;
      else if (kind === 'indicator') indicators++;
    }
    tables.push({ sheet: appendix.sheet, range: appendix.range, kind: appendix.kind, issues: sortIssues(issues) });
  }
  return makeReport(tables, { tasks, indicators });
}

/**
 * Read and validate grids in one step (what `phuluc check` and the add-in do); `format` says what the grids were read
 * from (a Word document's grid without an appendix is a document without one, not a sheet without a header).
 * @example validateGrids(grids).stats.errors
 * @example validateGrids(readDocx(bytes).grids, {}, 'docx')
 */
export function validateGrids(
  grids: Grid[],
  opts: ValidateOptions = {},
  format?: 'xlsx' | 'text' | 'docx',
): { report: Report; plan: Plan } {
  const textGrids = new Map<Grid, TextGrid>();
  const { plan, sheets } = readPlan(grids, { textGrids, ...(format ? { format } : {}) });
  return { report: validate({ plan, grids, sheets, textGrids }, opts), plan };
}

/** Issues by row, in the order found within a row (the sort is stable: no index needed to break ties). */
function sortIssues(issues: Issue[]): Issue[] {
  for (let i = 1; i < issues.length; i++) {
    if ((issues[i]!.row ?? 0) < (issues[i - 1]!.row ?? 0)) return issues.sort(byRow);
  }
  return issues;
}

function byRow(a: Issue, b: Issue): number {
  return (a.row ?? 0) - (b.row ?? 0);
}
