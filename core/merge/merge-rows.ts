// Three-way merge of one appendix's rows: which tasks survive, which conflict, and in what order.
import type { AppendixRow } from '../model/appendix.ts';
import { conflictOn, type MergeLog } from './conflict.ts';
import { editedBesidesTt } from './fields.ts';
import { itemRows } from './items.ts';
import { matchRows } from './match-rows.ts';
import { mergeRow } from './merge-row.ts';
import { interleave, type Placed } from './order.ts';
import { renumberTasks } from './renumber.ts';

/**
 * Merge the item rows of one appendix. A side given as null deleted the whole appendix: its tasks count
 * as deleted and the other side's additions as conflicts (there is nowhere to put them).
 * Order: theirs' rows, with mine's new rows right after their nearest preceding row shared with theirs.
 * @example mergeAppendixRows('tasks:pl ii', base.rows, theirs.rows, mine.rows, log).length
 */
export function mergeAppendixRows(
  appendix: string,
  baseRows: readonly AppendixRow[],
  theirsRows: readonly AppendixRow[] | null,
  mineRows: readonly AppendixRow[] | null,
  log: MergeLog,
): AppendixRow[] {
  const B = itemRows(baseRows);
  const T = itemRows(theirsRows ?? []);
  const M = itemRows(mineRows ?? []);
  const baseToTheirs = matchRows(B, T);
  const baseToMine = matchRows(B, M);
  const theirsToBase = invert(baseToTheirs);
  const mineToBase = invert(baseToMine);
  const newTheirs = T.map((_, t) => t).filter((t) => !theirsToBase.has(t));
  const newMine = M.map((_, m) => m).filter((m) => !mineToBase.has(m));
  // Both sides adding the same task: matched like any rows, then merged against an empty ancestor.
  const addedBoth = new Map<number, number>();
  for (const [i, j] of matchRows(
    newTheirs.map((t) => T[t]!),
    newMine.map((m) => M[m]!),
  ))
    addedBoth.set(newTheirs[i]!, newMine[j]!);

  const spine: AppendixRow[] = [];
  const mineAt = new Map<number, number>();
  const keep = (row: AppendixRow, m: number | undefined) => {
    if (m !== undefined) mineAt.set(m, spine.length);
    spine.push(row);
  };

  T.forEach((theirs, t) => {
    const b = theirsToBase.get(t);
    if (b !== undefined) {
      const base = B[b]!;
      const m = baseToMine.get(b);
      if (m !== undefined) keep(mergeRow(appendix, base, theirs, M[m]!, log), m);
      else if (editedBesidesTt(base, theirs)) log.conflicts.push(rowConflict(appendix, base, theirs, null));
      else log.stats.fromMine++;
      return;
    }
    const m = addedBoth.get(t);
    if (m !== undefined) {
      keep(mergeRow(appendix, null, theirs, M[m]!, log), m);
      log.stats.both++;
    } else if (mineRows === null) log.conflicts.push(rowConflict(appendix, null, theirs, null));
    else {
      keep(structuredClone(theirs), undefined);
      log.stats.fromTheirs++;
    }
  });

  B.forEach((base, b) => {
    if (baseToTheirs.has(b)) return;
    const m = baseToMine.get(b);
    if (m === undefined) log.stats.both++;
    else if (editedBesidesTt(base, M[m]!)) log.conflicts.push(rowConflict(appendix, base, null, M[m]!));
    else log.stats.fromTheirs++;
  });

  const pairedMine = new Set(addedBoth.values());
  const placed = M.map((mine, m): Placed<AppendixRow> => {
    const at = mineAt.get(m);
    if (at !== undefined) return { at };
    if (mineToBase.has(m) || pairedMine.has(m)) return { dropped: true };
    if (theirsRows === null) {
      log.conflicts.push(rowConflict(appendix, null, null, mine));
      return { dropped: true };
    }
    log.stats.fromMine++;
    return { insert: structuredClone(mine) };
  });
  const rows = interleave(spine, placed);
  return log.renumber?.has(appendix) ? renumberTasks(rows) : rows;
}

/** Deleted on one side, edited (or added) on the other: the conflict is about the whole row. */
function rowConflict(appendix: string, base: AppendixRow | null, theirs: AppendixRow | null, mine: AppendixRow | null) {
  const content = (r: AppendixRow | null) => (r ? (r.fields.content ?? '') : null);
  return conflictOn(appendix, { base, theirs, mine }, 'row', { base: content(base), theirs: content(theirs), mine: content(mine) });
}

function invert(m: Map<number, number>): Map<number, number> {
  return new Map([...m].map(([k, v]) => [v, k]));
}
