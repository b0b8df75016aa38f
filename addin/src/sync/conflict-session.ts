// The conflict view's session, built in one place (openConflict), and the three sides of a push refused with 409.
import { mergePlans } from '../../../core/merge/index.ts';
import type { Plan } from '../../../core/model/index.ts';
import type { ConflictSession, QueuedPush } from '../state/sync-state.ts';
import type { SyncApi } from './api.ts';
import type { SyncContext } from './context.ts';
import { onlyTable, readLocal } from './plan-io.ts';

const EMPTY: Plan = { appendices: [] };

/** A session's fields; `baseSeq` 0 and `message` null unless given. */
export type FoundConflict = Omit<ConflictSession, 'baseSeq' | 'message'> & Partial<Pick<ConflictSession, 'baseSeq' | 'message'>>;

/**
 * Open the conflict view on `found`; `announce` also says how many conflicts there are (a landing does not: it never did).
 * @example openConflict(ctx, { origin: 'pull', headSeq: 9, conflicts, base, theirs, mine }, true)
 */
export function openConflict(ctx: SyncContext, found: FoundConflict, announce: boolean): void {
  const session: ConflictSession = {
    origin: found.origin,
    baseSeq: found.baseSeq ?? 0,
    headSeq: found.headSeq,
    conflicts: found.conflicts,
    base: found.base,
    theirs: found.theirs,
    mine: found.mine,
    message: found.message ?? null,
  };
  ctx.setSync({ conflict: session });
  if (announce) ctx.say('warning', (s) => s.conflictFound(session.conflicts.length));
}

/**
 * A revision's plan; before the first push (revision 0) the empty plan, which every plan merges onto.
 * @example const base = await revisionPlan(api, '05674', 'NQ57-2026', binding.baseSeq)
 */
export async function revisionPlan(a: SyncApi, commune: string, planKey: string, seq: number): Promise<Plan> {
  return seq > 0 ? (await a.revision(commune, planKey, seq)).plan : EMPTY;
}

/**
 * A push refused with 409: the three sides (the push's base, the head it met, the sheet now — it may have changed
 * since the push was queued) merged again here, so the view shows the conflicts the sheet has now.
 * @example await openPushConflict(ctx, api, item, err.conflict.headSeq)
 */
export async function openPushConflict(ctx: SyncContext, a: SyncApi, item: QueuedPush, headSeq: number): Promise<void> {
  const table = ctx.sync().binding?.table ?? null;
  const [base, head, local] = await Promise.all([
    revisionPlan(a, item.commune, item.planKey, item.baseSeq),
    a.revision(item.commune, item.planKey, headSeq).then((r) => r.plan),
    readLocal(ctx.port, table),
  ]);
  const sides = { base: onlyTable(base, table), theirs: onlyTable(head, table), mine: local.outgoing };
  const r = mergePlans(sides.base, sides.theirs, sides.mine);
  openConflict(
    ctx,
    { origin: 'push', baseSeq: item.baseSeq, headSeq, conflicts: r.ok ? [] : r.conflicts, ...sides, message: item.message },
    true,
  );
}
