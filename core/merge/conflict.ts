// What a merge reports: conflicts located by appendix and task, and counts of the changes it combined.
import type { AppendixRow, ColumnRole } from '../model/appendix.ts';

/** One cell (or a whole row, for delete-versus-edit) changed differently by both sides. */
export interface FieldConflict {
  /** appendixKey of the appendix. */
  appendix: string;
  /** The task's id, or "sheet!row" of the row when it has none. */
  taskId: string;
  tt: string | null;
  content: string;
  field: ColumnRole | 'row';
  base: string | null;
  theirs: string | null;
  mine: string | null;
}

/** Changes combined, counted per field of a task and per inserted or deleted task. */
export interface MergeStats {
  /** Made in the head (theirs) only. */
  fromTheirs: number;
  /** Made in the pushed plan (mine) only. */
  fromMine: number;
  /** Made identically on both sides. */
  both: number;
}

/** Conflicts and counts of one merge, filled as it goes. */
export interface MergeLog {
  conflicts: FieldConflict[];
  stats: MergeStats;
  /** Appendices whose task numbers both sides changed differently: renumbered once merged. */
  renumber?: Set<string>;
}

/** The three versions of one task; at least one is present. */
export interface Versions {
  base: AppendixRow | null;
  theirs: AppendixRow | null;
  mine: AppendixRow | null;
}

/**
 * A conflict on a task, identified as the head (theirs) shows it, else as base or mine do.
 * @example conflictOn('tasks:pl ii', v, 'lead', { base: 'Công an xã', theirs: 'Phòng Kinh tế', mine: 'Trạm Y tế xã' })
 */
export function conflictOn(
  appendix: string,
  v: Versions,
  field: FieldConflict['field'],
  values: { base: string | null; theirs: string | null; mine: string | null },
): FieldConflict {
  const shown = (v.theirs ?? v.base ?? v.mine)!;
  const id = v.theirs?.id ?? v.mine?.id ?? v.base?.id ?? `${shown.source.sheet}!${shown.source.row}`;
  return { appendix, taskId: id, tt: shown.tt, content: shown.fields.content ?? '', field, ...values };
}
