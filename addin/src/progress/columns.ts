// Which progress columns a task table lacks, and where "Thêm cột tiến độ" puts them: right of the table (and of its
// hidden id column), headed as the template heads them. Pure.
import { columnLetter, columnNumber, type Appendix, type Plan } from '../../../core/model/index.ts';
import { PROGRESS_COLUMNS, PROGRESS_STATUS_LABEL, PROGRESS_STATUSES } from '../../../core/progress/index.ts';
import type { ProgressColumnsSpec } from '../excel/port.ts';

/** The task tables of the plan that lack a progress column the view edits or sends. */
export function tablesWithoutProgress(plan: Plan): Appendix[] {
  return plan.appendices.filter((a) => a.kind === 'tasks' && PROGRESS_COLUMNS.some((c) => !a.columns[c.role]));
}

/** Whether no task table has the status column (then the view can only offer to add the columns). */
export function lacksStatus(plan: Plan): boolean {
  return plan.appendices.filter((a) => a.kind === 'tasks').every((a) => !a.columns.status);
}

/**
 * The spec adding a table's missing progress columns (in template order) at its right end.
 * @example columnsSpec(appendix, words).firstColumn // 'J' for a table A:H with its id column in I
 */
export function columnsSpec(a: Appendix, words: { error: string; prompt: string }): ProgressColumnsSpec {
  const range = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(a.range.replace(/\$/g, ''));
  const right = Math.max(range ? columnNumber(range[3]!) : 1, a.idColumn ? columnNumber(a.idColumn) : 0);
  const bottom = range ? Number(range[4]) : Math.max(...a.rows.map((r) => r.source.row));
  const headerBottom = Math.max(...a.header.rows);
  return {
    sheet: a.sheet,
    headerRows: a.header.rows,
    firstColumn: columnLetter(right + 1),
    firstRow: headerBottom + 1,
    lastRow: Math.max(bottom, headerBottom + 1),
    columns: PROGRESS_COLUMNS.filter((c) => !a.columns[c.role]).map((c) => ({
      label: c.label.vi,
      kind: c.role === 'status' ? 'status' : c.role === 'completedOn' ? 'date' : 'text',
    })),
    statuses: PROGRESS_STATUSES.map((s) => PROGRESS_STATUS_LABEL[s].vi),
    statusError: words.error,
    statusPrompt: words.prompt,
  };
}
