// Landing a server plan in the sheet, one path for a push's answer, a pull and a resolved pull conflict.
import { fixAll, fixSummary } from '../../../core/fix/index.ts';
import { diffPlans, mergePlans } from '../../../core/merge/index.ts';
import type { Plan } from '../../../core/model/index.ts';
import { saveBinding } from './binding.ts';
import { openConflict } from './conflict-session.ts';
import type { SyncContext } from './context.ts';
import { onlyTable, readLocal, type LocalRead } from './plan-io.ts';
import { writeBackOps, type WriteBackSummary } from './write-back.ts';

export interface Landing {
  /**
   * 'answer': a plan the server made from `from` (a push's answer; a resolution of a pull conflict) — merged with the
   * sheet only when the sheet changed since `from`, and a conflict opens the view silently, as it always has.
   * 'pull': the head, over the base revision `from` — always merged with the sheet, a conflict announced.
   */
  kind: 'answer' | 'pull';
  /** The plan the server's plan was made from, restricted to the bound table (what was pushed; the base revision). */
  from: Plan;
  /** Its revision number when it is one (a pull's base); 0 otherwise. */
  fromSeq?: number;
  /** The server's plan (all tables: the bound one is taken from it) and its revision, the sheet's new base. */
  plan: Plan;
  seq: number;
  table: string | null;
  /** The sheet, when the caller has read it already (a pull reads it while the base revision downloads). */
  local?: LocalRead;
}

/**
 * Bring the sheet to the server's plan, keeping edits made in the sheet since `from`: one batch of row ops, then the
 * base moves to `seq`. The write-back's summary, or null when the merge found conflicts (the conflict view is then
 * open, origin 'pull': resolving lands again).
 * @example const r = await land(ctx, { kind: 'answer', from: sent, plan: answer.plan, seq: answer.revision.seq, table })
 */
export async function land(ctx: SyncContext, l: Landing): Promise<WriteBackSummary | null> {
  const local = l.local ?? (await readLocal(ctx.port, l.table));
  const theirs = onlyTable(l.plan, l.table);
  let target = theirs;
  // An answer already holds `from`, so only edits made in the sheet since need merging; with none (the usual case)
  // the answer is the target as it is. A pull merges always: the sheet may hold edits never pushed.
  if (l.kind === 'pull' || diffPlans(l.from, local.outgoing).length > 0) {
    const r = mergePlans(l.from, theirs, local.outgoing);
    if (!r.ok) {
      openConflict(
        ctx,
        { origin: 'pull', baseSeq: l.fromSeq ?? 0, headSeq: l.seq, conflicts: r.conflicts, base: l.from, theirs, mine: local.outgoing },
        l.kind === 'pull',
      );
      return null;
    }
    target = r.plan;
  }
  const { ops, summary } = writeBackOps(local.plan, target, l.table);
  await ctx.port.applyRowOps(ops);
  await setBase(ctx, l.seq);
  // Read again: the Check tab's state must describe the sheet as it is now (ids written, rows inserted or deleted).
  const after = await readLocal(ctx.port, null);
  ctx.store.set({ snapshot: after.snapshot, report: after.report, plan: after.plan, fixes: fixSummary(fixAll(after.snapshot.grids)) });
  return summary;
}

/** The sheet now matches revision `seq`: saved in the workbook, so the next push and pull start from there. */
async function setBase(ctx: SyncContext, seq: number): Promise<void> {
  const b = ctx.sync().binding;
  if (!b) return;
  const next = { ...b, baseSeq: seq };
  await saveBinding(ctx.port, next);
  ctx.setSync({ binding: next });
}
