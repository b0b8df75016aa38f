// One stored queue's runner, shared by plan pushes and progress reports: due items one at a time, oldest first, then
// the next attempt planned on the injected timer.
import type { SyncContext } from './context.ts';

/** What the runner reads of a queued item. */
export interface Retryable {
  state: 'waiting' | 'sending' | 'error';
  nextAt: number;
  error?: { retry: boolean };
}

export interface DeliveryLoopHooks<T> {
  /** Send one due item (it updates the queue itself). */
  deliver(item: T): Promise<void>;
  /** After every run, whatever happened: show the queue. */
  after(): void;
  /** A run that failed as a whole (not one item's failed send). */
  onError(err: unknown): void;
}

/**
 * @example const loop = createDeliveryLoop(ctx, queue, { deliver, after: show, onError }); await loop.deliverDue()
 */
export function createDeliveryLoop<T extends Retryable>(
  ctx: Pick<SyncContext, 'now' | 'setTimer' | 'clearTimer'>,
  queue: { reload(): void; list(): T[] },
  hooks: DeliveryLoopHooks<T>,
) {
  let timer: unknown = null;
  // One run at a time: a timer firing while a button's run is sending must not send the same item twice.
  let delivering = false;

  /** Deliver every due item, oldest first, one at a time; then plan the next attempt. */
  async function deliverDue(): Promise<void> {
    if (delivering) return;
    delivering = true;
    try {
      // Another pane of the same user may have changed the stored queue.
      queue.reload();
      for (const item of queue.list()) {
        const due = item.state === 'waiting' || (item.state === 'error' && item.error?.retry !== false && item.nextAt <= ctx.now());
        if (due) await hooks.deliver(item);
      }
    } catch (err) {
      hooks.onError(err);
    } finally {
      delivering = false;
      hooks.after();
      schedule();
    }
  }

  function schedule(): void {
    if (timer !== null) ctx.clearTimer(timer);
    timer = null;
    // Waiting items (queued while another was being sent) go at once; failed ones at their back-off time.
    const retried = queue.list().filter((i) => i.state === 'waiting' || (i.state === 'error' && i.error?.retry !== false));
    const next = retried.map((i) => (i.state === 'waiting' ? 0 : i.nextAt));
    if (next.length === 0) return;
    const fire = () => {
      timer = null;
      void deliverDue();
    };
    timer = ctx.setTimer(fire, Math.max(0, Math.min(...next) - ctx.now()));
  }

  return { deliverDue, schedule };
}
