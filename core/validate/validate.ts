// Validation engine: run every check over every table, build messages from the catalog, collect a report.
import type { Plan } from '../model/appendix.ts';
import type { Grid } from '../model/grid.ts';
import { readPlan, type SheetRead } from '../read/read-plan.ts';
import { textGrid, type TextGrid } from '../read/text-grid.ts';
import { CATALOG } from './catalog.ts';
import type { Check, CheckContext, ValidateOptions } from './context.ts';
import type { Issue, RawIssue } from './issue.ts';
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

/** Turn a raw issue into a reported one: catalog severity (unless overridden), tags, messages in vi and en. */
export function toIssue(raw: RawIssue): Issue {
  const entry = CATALOG[raw.code] as (typeof CATALOG)[typeof raw.code];
  const msg = entry.message as { vi: (p: unknown) => string; en: (p: unknown) => string };
  const issue: Issue = {
    code: raw.code,
    severity: raw.severity ?? entry.severity,
    sheet: raw.loc.sheet,
    message: msg.vi(raw.params),
    messageEn: msg.en(raw.params),
    tags: entry.tags.slice(),
    params: raw.params as Record<string, unknown>,
  };
  if (raw.loc.table !== undefined) issue.table = raw.loc.table;
  if (raw.loc.row !== undefined) issue.row = raw.loc.row;
  if (raw.loc.cell !== undefined) issue.cell = raw.loc.cell;
  if (raw.loc.column !== undefined) issue.column = raw.loc.column;
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
    if (!ignore.has(raw.code)) tables.push({ sheet: s.sheet, range: null, kind: null, issues: [toIssue(raw)] });
  }
  // A workbook with no table at all (empty, or only hidden sheets) has nothing to submit: not valid. A sheet without a
  // header already says so; a plan checked without its sheets (pushed as JSON) is the sender's business.
  if (input.sheets !== undefined && input.plan.appendices.length === 0 && !headerMissing && !ignore.has('no-table')) {
    const sheet = (input.grids ?? []).find((g) => !g.hidden)?.sheet ?? input.grids?.[0]?.sheet ?? '';
    tables.push({ sheet, range: null, kind: null, issues: [toIssue({ code: 'no-table', params: {}, loc: { sheet } })] });
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
        if (!ignore.has(raw.code)) issues.push(toIssue(raw));
      },
    };
    const sheet = sheetsByName.get(appendix.sheet);
    if (sheet) ctx.sheet = sheet;
    for (const check of CHECKS) check(ctx);
    for (const r of appendix.rows) {
      if (r.kind === 'task') tasks++;
      else if (r.kind === 'indicator') indicators++;
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
