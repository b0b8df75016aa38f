// diffPlans: what changed between two revisions, task by task (same identity as the merge).
import type { AppendixRow, ColumnRole, Plan } from '../model/appendix.ts';
import { fieldNames, fieldValue, sameText } from './fields.ts';
import { appendixKeys } from './identity.ts';
import { itemRows } from './items.ts';
import { longestIncreasing } from './lis.ts';
import { matchRows } from './match-rows.ts';
import { interleave, type Placed } from './order.ts';

export interface TaskChange {
  /** appendixKey of the appendix. */
  appendix: string;
  /** The task's id, or "sheet!row" of the row when it has none. */
  taskId: string;
  tt: string | null;
  content: string;
  /** 'moved' when the task left the relative order of the others (it may also carry field changes). */
  change: 'added' | 'removed' | 'changed' | 'moved';
  fields?: { field: ColumnRole; before: string | null; after: string | null }[];
}

/**
 * Changes from `before` to `after`, appendix by appendix in after's order (removed appendices last),
 * each appendix's changes in after's row order with removed tasks where they stood. A new TT alone is a
 * 'changed' task with a 'tt' field, not a move: renumbering keeps the order.
 * @example diffPlans(v1, v2) // [{ appendix: 'tasks:pl ii', taskId: 't7', tt: '3', content: '…', change: 'changed', fields: [{ field: 'lead', before: 'Công an xã', after: 'Phòng Kinh tế' }] }]
 */
export function diffPlans(before: Plan, after: Plan): TaskChange[] {
  const beforeKeys = appendixKeys(before);
  const afterKeys = appendixKeys(after);
  const beforeAt = new Map(beforeKeys.map((k, i) => [k, i]));
  const out: TaskChange[] = [];
  after.appendices.forEach((a, j) => {
    const i = beforeAt.get(afterKeys[j]!);
    out.push(...diffRows(afterKeys[j]!, i === undefined ? [] : before.appendices[i]!.rows, a.rows));
  });
  const inAfter = new Set(afterKeys);
  before.appendices.forEach((a, i) => {
    if (!inAfter.has(beforeKeys[i]!)) out.push(...diffRows(beforeKeys[i]!, a.rows, []));
  });
  return out;
}

function diffRows(appendix: string, beforeRows: readonly AppendixRow[], afterRows: readonly AppendixRow[]): TaskChange[] {
  const B = itemRows(beforeRows);
  const A = itemRows(afterRows);
  const match = matchRows(B, A);
  const pairs = [...match].sort((x, y) => x[0] - y[0]);
  const inOrder = new Set(longestIncreasing(pairs.map((p) => p[1])).map((k) => pairs[k]![0]));
  const afterToBefore = new Map([...match].map(([i, j]) => [j, i]));

  const spine = A.map((row, j): TaskChange | null => {
    const i = afterToBefore.get(j);
    if (i === undefined) return change(appendix, row, 'added');
    const fields = fieldNames(B[i]!, row)
      .map((field) => ({ field, before: fieldValue(B[i]!, field), after: fieldValue(row, field) }))
      .filter((f) => !sameText(f.before, f.after));
    const moved = !inOrder.has(i);
    if (!moved && fields.length === 0) return null;
    return { ...change(appendix, row, moved ? 'moved' : 'changed'), ...(fields.length > 0 ? { fields } : {}) };
  });
  const placed = B.map((row, i): Placed<TaskChange | null> => {
    const j = match.get(i);
    return j === undefined ? { insert: change(appendix, row, 'removed') } : { at: j };
  });
  return interleave(spine, placed).filter((c): c is TaskChange => c !== null);
}

function change(appendix: string, row: AppendixRow, kind: TaskChange['change']): TaskChange {
  const taskId = row.id ?? `${row.source.sheet}!${row.source.row}`;
  return { appendix, taskId, tt: row.tt, content: row.fields.content ?? '', change: kind };
}
