// assignIds: a stable id for every task, carried over from the previous revision when the task is the same.
import type { AppendixRow, Plan } from '../model/appendix.ts';
import { matchAppendices } from './identity.ts';
import { isItemRow } from './items.ts';
import { matchRows } from './match-rows.ts';

/**
 * Give every item row lacking an `id` a stable id: reuse the id of the matching row in `previous`
 * (same appendix) when there is one, else a new one from `newId()`. Returns a new plan; never mutates.
 * An id already used in the plan is never given twice (an earlier row keeps it, a later one gets a new id).
 * `newId` is called in document order, so a deterministic generator gives a deterministic plan.
 * @example
 * let n = 0;
 * const withIds = assignIds(reRead, lastRevision, () => `t${++n}`);
 */
export function assignIds(plan: Plan, previous: Plan | null, newId: () => string): Plan {
  const out = structuredClone(plan);
  const used = new Set<string>();
  for (const a of out.appendices) for (const r of a.rows) if (r.id !== undefined) used.add(r.id);
  const prevOf = previous ? matchAppendices(out, previous) : new Map<number, number>();

  out.appendices.forEach((a, i) => {
    const p = prevOf.get(i);
    const prevRows: AppendixRow[] = p === undefined ? [] : previous!.appendices[p]!.rows;
    const match = matchRows(a.rows, prevRows);
    a.rows.forEach((row, r) => {
      if (!isItemRow(row) || row.id !== undefined) return;
      const j = match.get(r);
      const reused = j === undefined ? undefined : prevRows[j]!.id;
      const id = reused !== undefined && !used.has(reused) ? reused : fresh(newId, used);
      row.id = id;
      used.add(id);
    });
  });
  return out;
}

/** A new id not yet in use; a generator that only repeats itself cannot give one. */
function fresh(newId: () => string, used: ReadonlySet<string>): string {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const id = newId();
    if (!used.has(id)) return id;
  }
  throw new Error('assignIds: newId() keeps returning ids already in use');
}
