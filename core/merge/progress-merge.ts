// mergeProgress: three-way merge of a period's progress report per task (per indicator) and per field, for a report sent on an older head.
import type { IndicatorActual, ProgressReport, TaskProgress } from '../progress/index.ts';

/** The fields of a task entry merged one by one (who reported it and when is the server's to stamp, not merged). */
export const TASK_PROGRESS_FIELDS = [
  'status',
  'reason',
  'completedOn',
  'achieved',
  'evidence',
  'highlights',
  'obstacles',
  'proposals',
] as const satisfies readonly (keyof TaskProgress)[];
/** The fields of an indicator's actual merged one by one. */
export const INDICATOR_ACTUAL_FIELDS = ['value', 'mode', 'note', 'evidence'] as const satisfies readonly (keyof IndicatorActual)[];

/** One field both sides changed differently since the base (core/api ProgressConflictSchema on the wire). Values as text, null: empty. */
export interface ProgressConflict {
  kind: 'task' | 'indicator' | 'report';
  /** The task's or indicator's id; '' for the report itself (nothingToReport). */
  id: string;
  field: string;
  base: string | null;
  theirs: string | null;
  mine: string | null;
}

export type ProgressMergeResult = { ok: true; report: ProgressReport } | { ok: false; conflicts: ProgressConflict[] };

type Value = string | number | boolean | undefined;

/** A field's value as text: null when absent or empty. */
const text = (v: Value): string | null => (v === undefined || v === '' ? null : String(v));
const same = (a: Value, b: Value): boolean => text(a) === text(b);

/**
 * Merge `mine` (the report sent) onto `theirs` (the head) from `base` (the version mine was edited from; null when
 * mine was sent as a first report). Per entry (by taskId, by indicatorId) and per field: a field changed on one side
 * takes that side; changed alike on both is fine; changed differently on both is a conflict, and any conflict returns
 * every conflict and merges nothing. Entries only in the head stay (a report need not repeat what it does not change);
 * entries only in mine are added after the head's. "Không phát sinh" merges as a field of the report, and a merged
 * report that would say it while holding entries is a conflict on it. Pure: the inputs are never changed.
 * @example
 * const r = mergeProgress(base, head, sent);
 * if (!r.ok) return conflict(r.conflicts);
 */
export function mergeProgress(base: ProgressReport | null, theirs: ProgressReport, mine: ProgressReport): ProgressMergeResult {
  const conflicts: ProgressConflict[] = [];
  const entries = mergeList(
    'task',
    TASK_PROGRESS_FIELDS,
    (e: TaskProgress) => e.taskId,
    base?.entries ?? [],
    theirs.entries,
    mine.entries,
    conflicts,
  );
  const indicators = mergeList(
    'indicator',
    INDICATOR_ACTUAL_FIELDS,
    (a: IndicatorActual) => a.indicatorId,
    base?.indicators ?? [],
    theirs.indicators,
    mine.indicators,
    conflicts,
  );
  const flag = (r: ProgressReport | null | undefined) => r?.nothingToReport === true;
  const [b, t, m] = [flag(base), flag(theirs), flag(mine)];
  const nothing = t === m || m === b ? t : t === b ? m : null;
  const said = (v: boolean) => String(v);
  if (nothing === null) conflicts.push({ kind: 'report', id: '', field: 'nothingToReport', base: said(b), theirs: said(t), mine: said(m) });
  else if (nothing && (entries.length > 0 || indicators.length > 0) && conflicts.length === 0)
    // One side says "nothing to report", the other reported something: neither can be kept without the other's word.
    conflicts.push({ kind: 'report', id: '', field: 'nothingToReport', base: said(b), theirs: said(t), mine: said(m) });
  if (conflicts.length > 0) return { ok: false, conflicts };
  const report: ProgressReport = { ...theirs, entries, indicators };
  if (nothing) report.nothingToReport = true;
  else delete report.nothingToReport;
  return { ok: true, report };
}

/** Merge one list of entries by id and field; conflicts are appended to `out`. */
function mergeList<T extends object>(
  kind: 'task' | 'indicator',
  fields: readonly (keyof T & string)[],
  idOf: (item: T) => string,
  base: readonly T[],
  theirs: readonly T[],
  mine: readonly T[],
  out: ProgressConflict[],
): T[] {
  const baseById = new Map(base.map((x) => [idOf(x), x]));
  const mineById = new Map(mine.map((x) => [idOf(x), x]));
  const theirIds = new Set(theirs.map(idOf));
  const merged: T[] = [];
  for (const t of theirs) {
    const id = idOf(t);
    const m = mineById.get(id);
    if (!m) {
      merged.push({ ...t });
      continue;
    }
    const b = baseById.get(id);
    const entry = { ...t } as Record<string, unknown>;
    for (const f of fields) {
      const [bv, tv, mv] = [b?.[f], t[f], m[f]] as Value[];
      if (same(tv, mv) || same(mv, bv)) continue;
      if (same(tv, bv)) {
        if (mv === undefined) delete entry[f];
        else entry[f] = mv;
        continue;
      }
      out.push({ kind, id, field: f, base: text(bv), theirs: text(tv), mine: text(mv) });
    }
    merged.push(entry as T);
  }
  for (const m of mine) if (!theirIds.has(idOf(m))) merged.push({ ...m });
  return merged;
}
