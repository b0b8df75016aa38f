// Conflict resolution: the user's choice for each conflicting cell is written into both sides, so the three-way
// merge then sees the same change on both and combines everything else as usual.
import { appendixKeys, matchRows, mergePlans, type FieldConflict } from '../../../core/merge/index.ts';
import type { AppendixRow, Plan } from '../../../core/model/index.ts';

/** For a cell: the value to keep (null = empty). For a whole row (deleted on one side): keep the row or not. */
export type Choice = { kind: 'value'; value: string | null } | { kind: 'row'; keep: 'theirs' | 'mine' };

/**
 * Identity of a conflict in the list (task, field, table).
 * @example choices.set(conflictKey(c), { kind: 'value', value: c.theirs })
 */
export function conflictKey(c: FieldConflict): string {
  return `${c.appendix}\u0000${c.taskId}\u0000${c.field}`;
}

function findRow(
  plan: Plan,
  appendix: string,
  taskId: string,
  like: AppendixRow | null = null,
): { rows: AppendixRow[]; index: number } | null {
  const i = appendixKeys(plan).indexOf(appendix);
  if (i < 0) return null;
  const rows = plan.appendices[i]!.rows;
  const index = rows.findIndex((r) => r.id === taskId || `${r.source.sheet}!${r.source.row}` === taskId);
  if (index >= 0 || !like) return { rows, index };
  // A side whose rows have no ids yet (a workbook never synced): the task is found as the merge found it.
  return { rows, index: matchRows([like], rows).get(0) ?? -1 };
}

/** The conflicting task as one of the three sides holds it (to find it by content in a side without ids). */
function sample(plans: Plan[], c: FieldConflict): AppendixRow | null {
  for (const p of plans) {
    const hit = findRow(p, c.appendix, c.taskId);
    if (hit && hit.index >= 0) return hit.rows[hit.index]!;
  }
  return null;
}

function setField(row: AppendixRow, field: FieldConflict['field'], value: string | null): void {
  if (field === 'row') return;
  if (field === 'tt') {
    row.tt = value;
    delete row.ordinal;
    if (value === null) delete row.fields.tt;
    return;
  }
  if (value === null) delete row.fields[field];
  else row.fields[field] = value;
  if (field === 'deadline') delete row.deadline;
}

/** Make `to` hold `from`'s version of a task: copied in (after the row before it in `from`), replaced, or removed. */
function copyRow(from: Plan, to: Plan, c: FieldConflict): void {
  const src = findRow(from, c.appendix, c.taskId);
  const dst = findRow(to, c.appendix, c.taskId, src && src.index >= 0 ? src.rows[src.index]! : null);
  if (!dst) return;
  const row = src && src.index >= 0 ? structuredClone(src.rows[src.index]!) : null;
  if (dst.index >= 0) {
    if (row) dst.rows[dst.index] = row;
    else dst.rows.splice(dst.index, 1);
    return;
  }
  if (!row || !src) return;
  const prevId = src.rows[src.index - 1]?.id;
  const at = prevId === undefined ? -1 : dst.rows.findIndex((r) => r.id === prevId);
  dst.rows.splice(at + 1, 0, row);
}

/**
 * Apply the choices to both sides and merge. Conflicts without a choice stay conflicts.
 * @example const r = resolveConflicts(base, head, mine, conflicts, choices); if (r.ok) push(r.plan, head seq)
 */
export function resolveConflicts(base: Plan, theirs: Plan, mine: Plan, conflicts: FieldConflict[], choices: Map<string, Choice>) {
  const t = structuredClone(theirs);
  const m = structuredClone(mine);
  for (const c of conflicts) {
    const choice = choices.get(conflictKey(c));
    if (!choice) continue;
    if (choice.kind === 'row') {
      if (choice.keep === 'theirs') copyRow(theirs, m, c);
      else copyRow(mine, t, c);
      continue;
    }
    const like = sample([theirs, mine, base], c);
    for (const plan of [t, m]) {
      const hit = findRow(plan, c.appendix, c.taskId, like);
      if (hit && hit.index >= 0) setField(hit.rows[hit.index]!, c.field, choice.value);
    }
  }
  return mergePlans(base, t, m);
}
