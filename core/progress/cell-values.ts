// What a sheet holds for a progress entry, role by role: the one mapping the pane and the template write with.
import { PROGRESS_ROLES, type ProgressRole } from './columns.ts';
import type { TaskProgress } from './entry.ts';
import type { IndicatorActual } from './indicator.ts';
import { PROGRESS_STATUS_LABEL } from './status.ts';

/** A progress cell's value: text, a date (UTC calendar day, for a dd/mm/yyyy cell), a number, or null to clear it. */
export type ProgressCellValue = string | number | Date | null;

/**
 * The value of every progress column for an entry: the status label the dropdown lists, the completion date as a
 * Date, the texts as written, null where the entry says nothing (so writing an entry clears what it no longer says).
 * Text is returned as is: a writer neutralizes formulas as it does for any other cell.
 * @example progressCellValues({ taskId: 't1', period: '2026-Q2', status: 'done', completedOn: '2026-06-15' }).status // 'Đã hoàn thành'
 */
export function progressCellValues(entry: TaskProgress): Record<ProgressRole, ProgressCellValue> {
  const out = {} as Record<ProgressRole, ProgressCellValue>;
  for (const role of PROGRESS_ROLES) {
    if (role === 'status') out.status = PROGRESS_STATUS_LABEL[entry.status].vi;
    else if (role === 'completedOn') out.completedOn = entry.completedOn === undefined ? null : dayDate(entry.completedOn);
    else out[role] = entry[role] ?? null;
  }
  return out;
}

/**
 * The cells of an indicator's actual: the achieved value (a number stays a number) and its evidence.
 * @example actualCellValues({ indicatorId: 'c1', period: '2026-Q2', value: 75, mode: 'cumulative' }) // { achieved: 75, evidence: null }
 */
export function actualCellValues(actual: IndicatorActual): { achieved: number | string; evidence: string | null } {
  return { achieved: actual.value, evidence: actual.evidence ?? null };
}

/** "2026-06-15" → the Date of that calendar day at UTC midnight, as readers give date cells. */
function dayDate(day: string): Date {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}
