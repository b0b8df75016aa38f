// The push queue's runner: due pushes one at a time, oldest first, and the next attempt planned on the injected timer.
import type { Plan } from '../../../core/model/index.ts';
import { syncErrorNotice, type SyncContext } from './context.ts';
import type { Credentials } from './credentials.ts';
import { deliverPush, showQueue } from './deliver.ts';
import { createDeliveryLoop } from './delivery-loop.ts';
import { createQueue, newKey } from './queue.ts';

export type Delivery = ReturnType<typeof createDelivery>;

/** @example const delivery = createDelivery(ctx, creds); await delivery.enqueue(plan, null, binding.baseSeq, null) */
export function createDelivery(ctx: SyncContext, creds: Credentials) {
  const queue = createQueue(ctx.storage);
  const { deliverDue, schedule } = createDeliveryLoop(ctx, queue, {
    deliver: (item) => deliverPush(ctx, creds, queue, item),
    after: () => showQueue(ctx, queue),
    onError: (err) => ctx.store.set({ notice: syncErrorNotice(err) }),
  });

  function discard(key: string): void {
    queue.remove(key);
    if (ctx.sync().mismatch?.key === key) ctx.setSync({ mismatch: null });
    showQueue(ctx, queue);
    schedule();
  }

  return {
    list: () => queue.list(),
    deliverDue,
    /** Queue a push of `plan` on revision `baseSeq` and send it; `sheet`: what the sheet held, when that differs. */
    async enqueue(plan: Plan, sheet: Plan | null, baseSeq: number, message: string | null): Promise<void> {
      const b = ctx.sync().binding!;
      queue.add({
        key: newKey(),
        server: b.server,
        commune: b.commune,
        planKey: b.planKey,
        baseSeq,
        plan,
        ...(sheet ? { sheet } : {}),
        partial: b.table !== null,
        message,
        createdAt: ctx.now(),
        attempts: 0,
        nextAt: 0,
        state: 'waiting',
      });
      showQueue(ctx, queue);
      await deliverDue();
    },
    /** After signing in, pushes that stopped for want of credentials may go again. */
    async release(): Promise<void> {
      for (const i of queue.list())
        if (i.state === 'error' && i.error?.retry === false) queue.update(i.key, { state: 'waiting', nextAt: 0 });
      await deliverDue();
    },
    /** Try every failed push now (the "Thử lại ngay" button). */
    async retryNow(): Promise<void> {
      for (const i of queue.list()) if (i.state === 'error') queue.update(i.key, { nextAt: 0, state: 'waiting' });
      await deliverDue();
    },
    discard,
    /** The user confirmed the commune: the push waiting on it goes again, saying so. */
    async confirmCommune(): Promise<void> {
      const m = ctx.sync().mismatch;
      if (!m) return;
      ctx.setSync({ mismatch: null });
      queue.update(m.key, { confirmCommune: true, state: 'waiting', nextAt: 0 });
      await deliverDue();
    },
    /** The user does not send it to this commune: the push leaves the queue. */
    dropMismatch(): void {
      const m = ctx.sync().mismatch;
      if (m) discard(m.key);
    },
  };
}
