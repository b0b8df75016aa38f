// A progress conflict resolved: each field the official chose "lấy bản trên máy chủ" for takes the server's value in
// the report, which is then sent again on the head (so the server sees no difference there any more). Pure.
import type { ProgressConflict } from '../../../core/api/index.ts';
import { parseDay, parseStatus, PROGRESS_STATUSES, type ProgressReport, type ProgressStatus } from '../../../core/progress/index.ts';

export type ConflictChoice = 'mine' | 'theirs';

/** A conflict's status as text: the code or the label a person reads. */
function statusFrom(text: string): ProgressStatus | null {
  return (PROGRESS_STATUSES as readonly string[]).includes(text) ? (text as ProgressStatus) : parseStatus(text);
}

function setField(target: Record<string, unknown>, field: string, value: string | null): void {
  if (value === null || value === '') {
    if (field !== 'status' && field !== 'value' && field !== 'mode') delete target[field];
    return;
  }
  if (field === 'status') {
    const s = statusFrom(value);
    if (s) target.status = s;
  } else if (field === 'completedOn') {
    const d = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : parseDay(value);
    if (d) target.completedOn = d;
  } else if (field === 'value') {
    const num = Number(value);
    target.value = value.trim() !== '' && Number.isFinite(num) ? num : value;
  } else target[field] = value;
}

/**
 * The report with the server's value wherever `choices[i]` is 'theirs' (mine is kept elsewhere).
 * @example resolveReport(report, conflicts, ['theirs']).entries[0].status // 'done'
 */
export function resolveReport(
  report: ProgressReport,
  conflicts: readonly ProgressConflict[],
  choices: readonly ConflictChoice[],
): ProgressReport {
  const out: ProgressReport = structuredClone(report);
  conflicts.forEach((c, i) => {
    if (choices[i] !== 'theirs') return;
    if (c.kind === 'report') {
      out.nothingToReport = c.theirs === 'true';
      if (out.nothingToReport) {
        out.entries = [];
        out.indicators = [];
      }
    } else if (c.kind === 'task') {
      const e = out.entries.find((x) => x.taskId === c.id);
      if (e) setField(e as Record<string, unknown>, c.field, c.theirs);
    } else {
      const a = out.indicators.find((x) => x.indicatorId === c.id);
      if (a) setField(a as Record<string, unknown>, c.field, c.theirs);
    }
  });
  return out;
}
