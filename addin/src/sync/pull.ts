// Pull: the head when newer than the base (304: up to date), landed over the base revision so unpushed edits stay.
import type { SyncContext } from './context.ts';
import { revisionPlan } from './conflict-session.ts';
import type { Credentials } from './credentials.ts';
import { land } from './landing.ts';
import { onlyTable, readLocal } from './plan-io.ts';

/**
 * Edits in the sheet never pushed stay there and go with the next push, on the new base.
 * @example await pull(ctx, creds) // a "pulled" notice, "up to date", or the conflict view
 */
export async function pull(ctx: SyncContext, creds: Credentials): Promise<void> {
  const { api: a, b } = creds.bound();
  const head = await a.head(b.commune, b.planKey, b.baseSeq > 0 ? b.baseSeq : undefined);
  if (!head) {
    ctx.say('info', (s) => s.upToDate(b.baseSeq));
    return;
  }
  // The sheet is read while the base revision downloads.
  const [base, local] = await Promise.all([revisionPlan(a, b.commune, b.planKey, b.baseSeq), readLocal(ctx.port, b.table)]);
  const seq = head.revision.seq;
  const summary = await land(ctx, {
    kind: 'pull',
    from: onlyTable(base, b.table),
    fromSeq: b.baseSeq,
    plan: head.plan,
    seq,
    table: b.table,
    local,
  });
  if (!summary) return;
  ctx.setSync({ last: { action: 'pull', seq, status: 'pulled', at: ctx.now() } });
  ctx.say('success', (s) => s.pulled(seq, summary.cells, summary.inserted, summary.deleted));
}
