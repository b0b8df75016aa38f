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
  const { sheet, row: at } = row.source;
  const table = ctx.appendix.range;
  if (!role) return { sheet, table, row: at };
  // Whole literals, not properties added one by one: each added property would grow a separate store per issue.
  const cell = row.source.cells[role];
  return cell ? { sheet, table, row: at, column: role, cell } : { sheet, table, row: at, column: role };
}

/** The raw cell behind a row's role, when the sheet is available. */
export function rawCell(ctx: CheckContext, row: number, role: ColumnRole): Cell | null {
  if (!ctx.sheet) return null;
  const col = columnOf(ctx, role);
  return col === undefined ? null : ctx.sheet.cell(row, col);
}

/** Rows that are tasks or indicators. */
export function items(a: Appendix): AppendixRow[] {
  return a.rows.filter((r) => r.kind === 'task' || r.kind === 'indicator');
}

/**
 * What several checks of one table ask for, worked out once per check context (one table in one validation):
 * kept beside the context rather than on the appendix, so a table edited and validated again is never answered
 * from an older reading.
 */
interface TableFacts {
  items?: AppendixRow[];
  columns?: Partial<Record<ColumnRole, number>>;
}

const FACTS = new WeakMap<CheckContext, TableFacts>();

function factsOf(ctx: CheckContext): TableFacts {
  let f = FACTS.get(ctx);
  if (!f) FACTS.set(ctx, (f = {}));
  return f;
}

/** The table's tasks and indicators (items(ctx.appendix)), filtered once for every check of the table. */
export function tableItems(ctx: CheckContext): AppendixRow[] {
  const f = factsOf(ctx);
  return (f.items ??= items(ctx.appendix));
}

/** The column number of a role's column, undefined when the table has none (letters converted once per table). */
export function columnOf(ctx: CheckContext, role: ColumnRole): number | undefined {
  const f = factsOf(ctx);
  let cols = f.columns;
  if (!cols) {
    cols = {};
    for (const [r, letter] of Object.entries(ctx.appendix.columns) as [ColumnRole, string][]) if (letter) cols[r] = columnNumber(letter);
    f.columns = cols;
  }
  return cols[role];
}
