// One queued push sent: its answer landed, a 409 opened as a conflict, re-keyed on an answer for another body, else kept.
import { ApiError } from '../../../core/api/index.ts';
import type { QueuedPush } from '../state/sync-state.ts';
import { NEW_KEY_CODES } from './api.ts';
import { openPushConflict } from './conflict-session.ts';
import type { SyncContext } from './context.ts';
import type { Credentials } from './credentials.ts';
import { land } from './landing.ts';
import { backoffMs, newKey, type PushQueue } from './queue.ts';

/** The queue as the Sync tab shows it, after every change of an item's state. */
export function showQueue(ctx: SyncContext, queue: PushQueue): void {
  ctx.setSync({ queue: queue.list() });
}

/**
 * Send one queued push; the queue keeps it until the server has answered (or refused for good). An answer that is
 * not for this body (the key was used for another body: 422, or a fingerprint that does not match) is never written
 * back: the push gets a new key and is sent again, once.
 * @example await deliverPush(ctx, creds, queue, queue.list()[0])
 */
export async function deliverPush(
  ctx: SyncContext,
  creds: Credentials,
  queue: PushQueue,
  item: QueuedPush,
  rekeyed = false,
): Promise<void> {
  queue.update(item.key, { state: 'sending', attempts: item.attempts + 1 });
  showQueue(ctx, queue);
  const a = creds.apiFor(item.server);
  try {
    const body = {
      plan: item.plan,
      ...(item.message ? { message: item.message } : {}),
      ...(item.partial ? { partial: true } : {}),
      ...(item.confirmCommune ? { confirmCommune: true } : {}),
    };
    const answer = await a.push(item.commune, item.planKey, body, item.baseSeq, item.key);
    queue.remove(item.key);
    showQueue(ctx, queue);
    ctx.setSync({
      last: { action: 'push', seq: answer.revision.seq, status: answer.replayed ? 'replayed' : answer.status, at: ctx.now() },
    });
    const b = ctx.sync().binding;
    // A push queued under another binding (the workbook was rebound meanwhile) is delivered, not written here.
    if (b && b.server === item.server && b.commune === item.commune && b.planKey === item.planKey) {
      const from = item.sheet ?? item.plan;
      const landed = await land(ctx, { kind: 'answer', from, plan: answer.plan, seq: answer.revision.seq, table: b.table });
      const seq = answer.revision.seq;
      // A warning (a commune mismatch the user confirmed) is said with the result, in the server's words.
      const warned = (answer.warnings ?? []).map((w) => ({ vi: w.message, en: w.messageEn }));
      if (landed)
        ctx.say(warned.length > 0 ? 'warning' : answer.status === 'unchanged' ? 'info' : 'success', (s, lang) =>
          [
            answer.status === 'unchanged' ? s.pushedUnchanged(seq) : s.pushed(seq, answer.status === 'merged'),
            ...warned.map((w) => w[lang]),
          ].join(' '),
        );
    }
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (NEW_KEY_CODES.has(err.code) && !rekeyed) {
      const key = newKey();
      queue.update(item.key, { key, state: 'waiting' });
      showQueue(ctx, queue);
      await deliverPush(ctx, creds, queue, { ...item, key, attempts: item.attempts + 1 }, true);
      return;
    }
    const mismatch = err.communeMismatch;
    if (mismatch) {
      // Nothing stored: the push waits in the queue for the user to confirm the commune (or drop it).
      queue.update(item.key, { state: 'error', nextAt: 0, error: { message: err.message, messageEn: err.messageEn, retry: false } });
      showQueue(ctx, queue);
      ctx.setSync({ mismatch: { key: item.key, details: mismatch } });
      return;
    }
    const c = err.conflict;
    if (c) {
      queue.remove(item.key);
      showQueue(ctx, queue);
      await openPushConflict(ctx, a, item, c.headSeq);
      return;
    }
    // An unknown plan: its answer lists the plans there are, for the picker.
    if (err.knownPlans) ctx.setSync({ plans: err.knownPlans });
    // Network, 408, 429, 5xx: tried again after the back-off; anything else waits for the user.
    const retry = err.transient;
    const nextAt = retry ? ctx.now() + backoffMs(item.attempts, ctx.random) : 0;
    queue.update(item.key, { state: 'error', nextAt, error: { message: err.message, messageEn: err.messageEn, retry } });
    showQueue(ctx, queue);
    ctx.say('warning', (s) => (retry ? s.queuedOffline : s.pushRefused));
  }
}
