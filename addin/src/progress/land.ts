// A report the server answered with (merged with colleagues' entries) brought into the sheet: the progress cells that
// differ from it, for the tasks the sheet holds, in one batch. Pure part: `landingCells`.
import { a1, columnNumber, type Plan } from '../../../core/model/index.ts';
import {
  parseDay,
  parseStatus,
  progressCellValues,
  PROGRESS_ROLES,
  type ProgressReport,
  type ProgressRole,
} from '../../../core/progress/index.ts';
import type { ProgressCell } from '../excel/port.ts';

/** What a cell holds, compared the way the report reads it (a status by its word, a day by its date, text trimmed). */
function same(role: ProgressRole, cell: string | undefined, value: ReturnType<typeof progressCellValues>[ProgressRole]): boolean {
  const text = (cell ?? '').trim();
  if (value === null) return text === '';
  if (role === 'status') return parseStatus(text) === parseStatus(String(value));
  if (value instanceof Date) return parseDay(text) === value.toISOString().slice(0, 10);
  return text === String(value).trim();
}

/**
 * The cells to write so the sheet's task rows say what the report says (rows whose id the report has an entry for;
 * columns the table has).
 * @example landingCells(plan, answer.report) // [{ sheet: 'PL II', cell: 'J14', value: 'Đang thực hiện' }]
 */
export function landingCells(plan: Plan, report: ProgressReport): ProgressCell[] {
  const byId = new Map(report.entries.map((e) => [e.taskId, e]));
  const out: ProgressCell[] = [];
  for (const a of plan.appendices) {
    if (a.kind !== 'tasks') continue;
    for (const row of a.rows) {
      const entry = row.kind === 'task' && row.id !== undefined ? byId.get(row.id) : undefined;
      if (!entry) continue;
      const values = progressCellValues(entry);
      for (const role of PROGRESS_ROLES) {
        const col = a.columns[role];
        if (!col || same(role, row.fields[role], values[role])) continue;
        out.push({ sheet: row.source.sheet, cell: a1(row.source.row, columnNumber(col)), value: values[role] });
      }
    }
  }
  return out;
}
