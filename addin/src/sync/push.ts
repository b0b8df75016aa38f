// A push: read and check the workbook, ask first when it has errors (anyway, draft, fix), then queue the outgoing plan.
import { fixAll, fixSummary } from '../../../core/fix/index.ts';
import type { SyncContext } from './context.ts';
import type { Credentials } from './credentials.ts';
import type { Delivery } from './delivery.ts';
import { readLocal } from './plan-io.ts';

export type PushMode = 'check' | 'anyway' | 'draft';

/** @example await push(ctx, creds, delivery, 'draft') // queued with the message "Bản nháp (còn 3 lỗi)" */
export async function push(ctx: SyncContext, creds: Credentials, delivery: Delivery, mode: PushMode): Promise<void> {
  const { b } = creds.bound();
  const local = await readLocal(ctx.port, b.table);
  // The Check tab shows what was read, so the errors the question counts are the ones it lists.
  ctx.store.set({ snapshot: local.snapshot, report: local.report, plan: local.plan, fixes: fixSummary(fixAll(local.snapshot.grids)) });
  const { errors, warnings } = local.report.stats;
  if (mode === 'check' && errors > 0) {
    ctx.setSync({ confirm: { errors, warnings } });
    return;
  }
  ctx.setSync({ confirm: null });
  if (local.outgoing.appendices.length === 0) {
    ctx.say('warning', (s) => s.nothingToPush);
    return;
  }
  await delivery.enqueue(local.outgoing, null, b.baseSeq, mode === 'draft' ? `Bản nháp (còn ${errors} lỗi)` : null);
}
