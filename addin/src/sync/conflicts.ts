// Resolving the conflict view: the choices merged (resolve.ts), then pushed again on the head or landed in the sheet.
import { openConflict } from './conflict-session.ts';
import type { SyncContext } from './context.ts';
import type { Delivery } from './delivery.ts';
import { land } from './landing.ts';
import { resolveConflicts, type Choice } from './resolve.ts';

/** @example await resolve(ctx, delivery, choices) */
export async function resolve(ctx: SyncContext, delivery: Delivery, choices: Map<string, Choice>): Promise<void> {
  const c = ctx.sync().conflict;
  if (!c) return;
  const r = resolveConflicts(c.base, c.theirs, c.mine, c.conflicts, choices);
  if (!r.ok) {
    // Cells left without a choice: the view stays open on what remains.
    openConflict(ctx, { ...c, conflicts: r.conflicts }, true);
    return;
  }
  ctx.setSync({ conflict: null });
  if (c.origin === 'push') {
    // `mine` is what the sheet held: the answer's write-back keeps edits made after it.
    await delivery.enqueue(r.plan, c.mine, c.headSeq, c.message);
    return;
  }
  await land(ctx, { kind: 'answer', from: c.mine, plan: r.plan, seq: c.headSeq, table: ctx.sync().binding?.table ?? null });
  ctx.say('success', (s) => s.pulled(c.headSeq, 0, 0, 0));
}
