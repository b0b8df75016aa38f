// One queued report sent: the answer brought into the sheet and the period's head remembered; a 409 conflict opened
// for the official; a locked or unknown period said; a network failure kept with its back-off, as plan pushes are.
import { ApiError, ProgressConflictDetails, ProgressLockedDetails, PeriodListDetails } from '../../../core/api/index.ts';
import type { QueuedReport } from '../state/progress-state.ts';
import { NEW_KEY_CODES } from '../sync/api.ts';
import { readLocal } from '../sync/plan-io.ts';
import { backoffMs, newKey, QUEUE_KEYS, type createQueue } from '../sync/queue.ts';
import { labelOf, type ProgressContext } from './context.ts';
import { saveBaseReport, saveHead } from './heads.ts';
import { landingCells } from './land.ts';

export type ReportQueue = ReturnType<typeof createQueue<QueuedReport>>;

export const QUEUE_KEY = QUEUE_KEYS.reports;

/** A new Idempotency-Key for a report. */
export const reportKey = (): string => newKey().replace(/^push-/, 'progress-');

export function showQueue(pc: ProgressContext, queue: ReportQueue): void {
  pc.setProgress({ queue: queue.list() });
}

/**
 * Send one queued report; the queue keeps it until the server has answered or refused it for good.
 * @example await deliverReport(pc, queue, queue.list()[0])
 */
export async function deliverReport(pc: ProgressContext, queue: ReportQueue, item: QueuedReport, rekeyed = false): Promise<void> {
  const ctx = pc.sync;
  queue.update(item.key, { state: 'sending', attempts: item.attempts + 1 });
  showQueue(pc, queue);
  try {
    const body = { report: item.report, baseSeq: item.baseSeq, ...(item.message ? { message: item.message } : {}) };
    const answer = await pc.apiFor(item.server).send(item.commune, item.planKey, item.period, body, item.key);
    queue.remove(item.key);
    showQueue(pc, queue);
    const seq = answer.version.seq;
    saveBaseReport(ctx.storage, item, item.period, seq, answer.report);
    pc.setProgress({
      last: { period: item.period, seq, status: answer.status },
      periods: pc.progress().periods?.map((p) => (p.period === item.period ? { ...p, status: answer.state } : p)) ?? null,
      locked: null,
      unknownPeriod: null,
    });
    const b = ctx.sync().binding;
    // A report queued under another binding (the workbook was rebound meanwhile) is delivered, not written here.
    if (b && b.server === item.server && b.commune === item.commune && b.planKey === item.planKey) {
      await saveHead(ctx.port, b, item.period, seq);
      // Colleagues' entries merged in by the server come into the sheet, so the sheet says what the head says.
      const local = await readLocal(ctx.port, b.table);
      const cells = landingCells(local.plan, answer.report);
      if (cells.length > 0) await ctx.port.writeProgressCells(cells);
      const now = cells.length > 0 ? await readLocal(ctx.port, b.table) : local;
      ctx.store.set({ snapshot: now.snapshot, report: now.report, plan: now.plan });
    }
    ctx.say(answer.status === 'unchanged' ? 'info' : 'success', (s, lang) =>
      answer.status === 'unchanged'
        ? s.progress.unchanged(labelOf(pc, item.period, lang), seq)
        : s.progress.sent(labelOf(pc, item.period, lang), seq, answer.status === 'merged'),
    );
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    if (NEW_KEY_CODES.has(err.code) && !rekeyed) {
      const key = reportKey();
      queue.update(item.key, { key, state: 'waiting' });
      await deliverReport(pc, queue, { ...item, key, attempts: item.attempts + 1 }, true);
      return;
    }
    if (err.status === 409 && err.code === 'progress-conflict') {
      const d = ProgressConflictDetails.safeParse(err.details);
      if (d.success) {
        queue.remove(item.key);
        showQueue(pc, queue);
        pc.setProgress({
          conflict: {
            period: item.period,
            baseSeq: item.baseSeq,
            headSeq: d.data.headSeq,
            conflicts: d.data.conflicts,
            report: item.report,
            message: item.message,
          },
        });
        return;
      }
    }
    if (err.status === 409 && err.code === 'progress-locked') {
      const d = ProgressLockedDetails.safeParse(err.details);
      queue.remove(item.key);
      showQueue(pc, queue);
      const locked = {
        period: item.period,
        reason: d.success ? d.data.reason : ('cutoff-passed' as const),
        cutoff: d.success ? d.data.cutoff : null,
      };
      pc.setProgress({ locked });
      return;
    }
    if (err.status === 404 && err.code === 'period-unknown') {
      const d = PeriodListDetails.safeParse(err.details);
      queue.remove(item.key);
      showQueue(pc, queue);
      pc.setProgress({ unknownPeriod: { period: item.period, periods: d.success ? d.data.periods : [] } });
      return;
    }
    // Network, 408, 429, 5xx: tried again after the back-off; anything else waits for the user.
    const retry = err.transient;
    const nextAt = retry ? ctx.now() + backoffMs(item.attempts, ctx.random) : 0;
    queue.update(item.key, { state: 'error', nextAt, error: { message: err.message, messageEn: err.messageEn, retry } });
    showQueue(pc, queue);
    ctx.say('warning', (s) => (retry ? s.progress.queuedOffline : s.progress.refused));
  }
}
