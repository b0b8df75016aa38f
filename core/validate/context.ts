// What a check sees: the plan, the table, the sheet's raw cells (when validating a workbook) and a sink for issues.
import type { Appendix, AppendixRow, ColumnRole, Plan } from '../model/appendix.ts';
import { columnNumber } from '../model/a1.ts';
import type { Cell } from '../model/grid.ts';
import type { TextGrid } from '../read/text-grid.ts';
import type { IssueLocation, RawIssue } from './issue.ts';

export interface ValidateOptions {
  /** ISO date for "overdue" checks; no overdue check without it. */
  asOf?: string;
  /**
   * Today (ISO), for checks that refuse the future (a completion date after it); defaults to asOf. Core never reads
   * the clock: the CLI, the pane and the server pass their today.
   */
  today?: string;
  /** Codes to skip. */
  ignore?: string[];
}

export interface CheckContext {
  plan: Plan;
  appendix: Appendix;
  /** The sheet's cells, when validating a workbook (absent for a plan pushed as JSON). */
  sheet?: TextGrid;
  opts: ValidateOptions;
  push(issue: RawIssue): void;
}

export type Check = (ctx: CheckContext) => void;

/** Location of a row's cell for a role, in Excel terms. */
export function cellLoc(ctx: CheckContext, row: AppendixRow, role?: ColumnRole): IssueLocation {
  const loc: IssueLocation = { sheet: row.source.sheet, table: ctx.appendix.range, row: row.source.row };
  if (role) {
    loc.column = role;
    const cell = row.source.cells[role];
    if (cell) loc.cell = cell;
  }
  return loc;
}

/** The raw cell behind a row's role, when the sheet is available. */
export function rawCell(ctx: CheckContext, row: number, role: ColumnRole): Cell | null {
  const letter = ctx.appendix.columns[role];
  if (!ctx.sheet || !letter) return null;
  return ctx.sheet.cell(row, columnNumber(letter));
}

/** Rows that are tasks or indicators. */
export function items(a: Appendix): AppendixRow[] {
  return a.rows.filter((r) => r.kind === 'task' || r.kind === 'indicator');
}
