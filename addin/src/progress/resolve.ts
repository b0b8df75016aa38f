// A progress conflict resolved as the plan's are: each choice written into both sides (the server's head and my
// report), then core's three-way merge from the version mine was edited from, so every other change of either side is
// kept; the result goes again on the head. Pure.
import type { ProgressConflict } from '../../../core/api/index.ts';
import { mergeProgress } from '../../../core/merge/index.ts';
import { parseDay, parseStatus, PROGRESS_STATUSES, type ProgressReport, type ProgressStatus } from '../../../core/progress/index.ts';

export type ConflictChoice = 'mine' | 'theirs';

/** A conflict's status as text: the code or the label a person reads. */
function statusFrom(text: string): ProgressStatus | null {
  return (PROGRESS_STATUSES as readonly string[]).includes(text) ? (text as ProgressStatus) : parseStatus(text);
}

function setField(target: Record<string, unknown>, field: string, value: string | null): void {
  if (value === null || value === '') {
    // A status, a value and its mode are never empty: an empty side of those keeps what it has.
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
 * The report with each conflict's field set to the value given (null: emptied).
 * @example withValues(report, [{ conflict, value: conflict.theirs }]).entries[0].status // 'done'
 */
export function withValues(report: ProgressReport, items: readonly { conflict: ProgressConflict; value: string | null }[]): ProgressReport {
  const out: ProgressReport = structuredClone(report);
  for (const { conflict: c, value } of items) {
    if (c.kind === 'report') {
      out.nothingToReport = value === 'true';
      if (out.nothingToReport) {
        out.entries = [];
        out.indicators = [];
      }
    } else if (c.kind === 'task') {
      const e = out.entries.find((x) => x.taskId === c.id);
      if (e) setField(e as Record<string, unknown>, c.field, value);
    } else {
      const a = out.indicators.find((x) => x.indicatorId === c.id);
      if (a) setField(a as Record<string, unknown>, c.field, value);
    }
  }
  return out;
}

/**
 * What to send again on the head: `base` (the version mine was edited from, null when unknown or a first report),
 * `theirs` (the head), `mine` (the report refused), the official's choice per conflict. A field neither the 409 nor
 * the official saw — possible only when the base is unknown — keeps mine.
 * @example resolveOnHead(null, head.report, mine, conflicts, ['theirs'])
 */
export function resolveOnHead(
  base: ProgressReport | null,
  theirs: ProgressReport,
  mine: ProgressReport,
  conflicts: readonly ProgressConflict[],
  choices: readonly ConflictChoice[],
): ProgressReport {
  const chosen = conflicts.map((c, i) => ({ conflict: c, value: choices[i] === 'theirs' ? c.theirs : c.mine }));
  let head = withValues(theirs, chosen);
  const sent = withValues(mine, chosen);
  for (;;) {
    const r = mergeProgress(base, head, sent);
    if (r.ok) return r.report;
    const before = JSON.stringify(head);
    head = withValues(
      head,
      r.conflicts.map((c) => ({ conflict: c, value: c.mine })),
    );
    // Nothing more to give mine (a conflict the fields cannot carry): send mine as it stands.
    if (JSON.stringify(head) === before) return sent;
  }
}
