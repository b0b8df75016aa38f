// The Tiến độ tab's actions as the view calls them: periods, reading the sheet, edits written in one batch, the
// progress columns added, the report checked and queued (Idempotency-Key, the period's known head), conflicts
// resolved, "không phát sinh". No React, no Office: the port and the server's client do the work.
import { progressFromPlan, type ProgressReport } from '../../../core/progress/index.ts';
import type { QueuedReport } from '../state/progress-state.ts';
import { run, syncErrorNotice, type SyncContext } from '../sync/context.ts';
import type { Credentials } from '../sync/credentials.ts';
import { readLocal } from '../sync/plan-io.ts';
import { createDeliveryLoop } from '../sync/delivery-loop.ts';
import { createQueue } from '../sync/queue.ts';
import { columnsSpec, tablesWithoutProgress } from './columns.ts';
import { progressContext, type ProgressContext } from './context.ts';
import { deliverReport, QUEUE_KEY, reportKey, showQueue } from './deliver.ts';
import { baseReport, knownHead } from './heads.ts';
import { editCells, taskLines, type EditRole } from './lines.ts';
import { offlinePeriods } from './periods.ts';
import { resolveOnHead, type ConflictChoice } from './resolve.ts';

/** The status dropdown speaks the sheet's language (Vietnamese), whatever language the pane shows. */
const DROPDOWN_WORDS = { error: 'Hãy chọn một tình trạng trong danh sách.', prompt: 'Chọn tình trạng thực hiện của nhiệm vụ.' };

export type ProgressActions = ReturnType<typeof createProgressActions>;

/** @example const progress = createProgressActions(ctx, creds); await progress.loadPeriods() */
export function createProgressActions(ctx: SyncContext, creds: Credentials) {
  const pc: ProgressContext = progressContext(ctx, creds);
  const queue = createQueue<QueuedReport>(ctx.storage, QUEUE_KEY);
  const guarded = (work: () => Promise<void>) => run(ctx, work);
  const { deliverDue, schedule } = createDeliveryLoop(ctx, queue, {
    deliver: (item) => deliverReport(pc, queue, item),
    after: () => showQueue(pc, queue),
    // As for plan pushes: a run that fails as a whole is said on the notice line.
    onError: (err) => ctx.store.set({ notice: syncErrorNotice(err) }),
  });

  async function read(): Promise<void> {
    const local = await readLocal(ctx.port, ctx.sync().binding?.table ?? null);
    ctx.store.set({ snapshot: local.snapshot, report: local.report, plan: local.plan });
  }

  /** The unsaved edits written to the sheet (one batch), then read back. */
  async function save(): Promise<number> {
    const { plan } = ctx.store.get();
    const { period, drafts } = pc.progress();
    if (!plan || !period || Object.keys(drafts).length === 0) return 0;
    const lines = taskLines(plan, period, drafts, pc.today()).filter((l) => l.dirty);
    const cells = editCells(lines);
    if (cells.length > 0) await ctx.port.writeProgressCells(cells);
    pc.setProgress({ drafts: {} });
    await read();
    return lines.length;
  }

  async function enqueue(period: string, report: ProgressReport, baseSeq: number | null, message: string | null): Promise<void> {
    const b = ctx.sync().binding!;
    queue.add({
      key: reportKey(),
      server: b.server,
      commune: b.commune,
      planKey: b.planKey,
      period,
      baseSeq,
      report,
      message,
      createdAt: ctx.now(),
      attempts: 0,
      nextAt: 0,
      state: 'waiting',
    });
    showQueue(pc, queue);
    await deliverDue();
  }

  /** The binding, or a notice saying how to get one. */
  function bound(): ReturnType<Credentials['bound']>['b'] | null {
    const b = ctx.sync().binding;
    if (!b) ctx.say('warning', (s) => s.progress.needsBinding);
    return b;
  }

  return {
    /** Reports left in the queue when the pane closed are sent again (same keys). */
    async init(): Promise<void> {
      showQueue(pc, queue);
      await deliverDue();
    },
    /** The server's periods for the bound commune and plan; this year's when there is no binding or no answer. */
    loadPeriods: () =>
      guarded(async () => {
        const b = ctx.sync().binding;
        let periods = offlinePeriods(pc.today());
        let source: 'server' | 'offline' = 'offline';
        if (b && ctx.sync().auth) {
          try {
            const listed = await pc.apiFor(b.server).periods(b.commune, b.planKey);
            if (listed.length > 0) {
              periods = listed.map(({ label, labelEn, current, ...status }) => ({
                period: status.period,
                label,
                labelEn,
                current,
                status,
              }));
              source = 'server';
            }
          } catch (err) {
            console.error('phuluc progress: periods', err);
          }
        }
        const chosen = pc.progress().period;
        const keep = periods.some((p) => p.period === chosen);
        const current = periods.find((p) => p.current) ?? periods[0]!;
        pc.setProgress({ periods, source, period: keep ? chosen : current.period });
      }),
    choosePeriod(period: string): void {
      pc.setProgress({ period, issues: null, locked: null, unknownPeriod: null, confirmNothing: false });
    },
    read: () => guarded(read),
    setField(key: string, role: EditRole, value: string): void {
      const drafts = pc.progress().drafts;
      pc.setProgress({ drafts: { ...drafts, [key]: { ...drafts[key], [role]: value } } });
    },
    discardEdits(): void {
      pc.setProgress({ drafts: {} });
    },
    save: () =>
      guarded(async () => {
        const n = await save();
        if (n > 0) ctx.say('success', (s) => s.progress.saved(n));
      }),
    /** "Thêm cột tiến độ": the missing columns of each task table, then read again. */
    addColumns: () =>
      guarded(async () => {
        const plan = ctx.store.get().plan;
        if (!plan) return;
        let added = 0;
        for (const a of tablesWithoutProgress(plan)) {
          const spec = columnsSpec(a, DROPDOWN_WORDS);
          await ctx.port.addProgressColumns(spec);
          added += spec.columns.length;
        }
        await read();
        ctx.say('success', (t) => t.progress.columnsAdded(added));
      }),
    /** "Gửi báo cáo tiến độ": edits written, the sheet read and checked, the report queued and sent. */
    send: () =>
      guarded(async () => {
        const b = bound();
        const period = pc.progress().period;
        if (!b || !period) return;
        await save();
        const local = await readLocal(ctx.port, b.table);
        ctx.store.set({ snapshot: local.snapshot, report: local.report, plan: local.plan });
        const { report, issues } = progressFromPlan(local.outgoing, period, { today: pc.today() });
        pc.setProgress({ issues: issues.length > 0 ? issues : null, locked: null, unknownPeriod: null });
        if (issues.some((i) => i.severity === 'error')) return;
        if (report.entries.length === 0 && report.indicators.length === 0) {
          ctx.say('warning', (s) => s.progress.noEntries);
          return;
        }
        await enqueue(period, report, knownHead(ctx.port, b, period), null);
      }),
    askNothing(): void {
      pc.setProgress({ confirmNothing: true });
    },
    cancelNothing(): void {
      pc.setProgress({ confirmNothing: false });
    },
    /** "Không phát sinh", confirmed: an empty report that says so. */
    sendNothing: () =>
      guarded(async () => {
        const b = bound();
        const period = pc.progress().period;
        pc.setProgress({ confirmNothing: false, issues: null });
        if (!b || !period) return;
        await enqueue(period, { period, nothingToReport: true, entries: [], indicators: [] }, knownHead(ctx.port, b, period), null);
      }),
    /**
     * The choices written into both sides and merged from the base (every other change of either side kept), sent
     * again on the head: a report sent on the head replaces it, so it must hold the head's entries too.
     */
    resolve: (choices: ConflictChoice[]) =>
      guarded(async () => {
        const c = pc.progress().conflict;
        const b = ctx.sync().binding;
        if (!c || !b) return;
        const head = await pc.apiFor(b.server).head(b.commune, b.planKey, c.period);
        const base = baseReport(ctx.storage, b, c.period, c.baseSeq);
        const report = head ? resolveOnHead(base, head.report, c.report, c.conflicts, choices) : c.report;
        pc.setProgress({ conflict: null });
        await enqueue(c.period, report, head?.version.seq ?? c.headSeq, c.message);
      }),
    cancelConflict(): void {
      pc.setProgress({ conflict: null });
    },
    retryNow: () =>
      guarded(async () => {
        for (const i of queue.list()) if (i.state === 'error') queue.update(i.key, { nextAt: 0, state: 'waiting' });
        await deliverDue();
      }),
    discard(key: string): void {
      queue.remove(key);
      showQueue(pc, queue);
      schedule();
    },
  };
}
