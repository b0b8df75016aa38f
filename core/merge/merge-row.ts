// Three-way merge of one task present on both sides: field by field against the common ancestor.
import type { AppendixRow } from '../model/appendix.ts';
import { fold } from '../text/fold.ts';
import { conflictOn, type MergeLog } from './conflict.ts';
import { fieldNames, fieldValue, sameText, takeField } from './fields.ts';
import { isTaskNumber } from './renumber.ts';

/**
 * Merge `theirs` and `mine` against `base` (null when both sides added the task). The result starts as a
 * copy of theirs — the head keeps its position, source and groups — and takes each field mine alone changed;
 * a field both changed to folded-equal text takes mine's spelling; changed both ways is a conflict.
 * @example mergeRow('tasks:pl ii', base, theirs, mine, log).fields.lead
 */
export function mergeRow(appendix: string, base: AppendixRow | null, theirs: AppendixRow, mine: AppendixRow, log: MergeLog): AppendixRow {
  const row = structuredClone(theirs);
  for (const field of fieldNames(base, theirs, mine)) {
    const b = fieldValue(base, field);
    const t = fieldValue(theirs, field);
    const m = fieldValue(mine, field);
    const theirsChanged = !sameText(b, t);
    const mineChanged = !sameText(b, m);
    if (!mineChanged) {
      if (theirsChanged && base) log.stats.fromTheirs++;
    } else if (!theirsChanged) {
      takeField(row, field, mine);
      if (base) log.stats.fromMine++;
    } else if (fold(t ?? '') === fold(m ?? '')) {
      takeField(row, field, mine);
      if (base) log.stats.both++;
    } else if (field === 'tt' && isTaskNumber(t) && isTaskNumber(m)) {
      // Both sides inserted or removed tasks around this one: keep theirs for now, renumber the merged table.
      (log.renumber ??= new Set()).add(appendix);
    } else {
      log.conflicts.push(conflictOn(appendix, { base, theirs, mine }, field, { base: b, theirs: t, mine: m }));
    }
  }
  // Kind follows the TT and layout; take mine's only when mine alone changed it.
  if (base && mine.kind !== base.kind && theirs.kind === base.kind) row.kind = mine.kind;
  if (row.id === undefined && mine.id !== undefined) row.id = mine.id;
  return row;
}
