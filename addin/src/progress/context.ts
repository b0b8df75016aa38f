// What the progress actions share with the Sync tab's (store, port, storage, fetch, clock, credentials) and their own
// slice of the state, today's day in Vietnam, the label of a period.
import { parsePeriodId, periodLabel, vietnamDay } from '../../../core/progress/index.ts';
import type { Lang } from '../i18n/index.ts';
import type { ProgressState } from '../state/progress-state.ts';
import type { SyncContext } from '../sync/context.ts';
import type { Credentials } from '../sync/credentials.ts';
import { createProgressApi, type ProgressApi } from './api.ts';

export interface ProgressContext {
  sync: SyncContext;
  creds: Credentials;
  progress(): ProgressState;
  setProgress(patch: Partial<ProgressState>): void;
  /** Today in Vietnam (yyyy-mm-dd), from the injected clock. */
  today(): string;
  apiFor(server: string): ProgressApi;
}

/** @example const pc = progressContext(ctx, creds) */
export function progressContext(ctx: SyncContext, creds: Credentials): ProgressContext {
  return {
    sync: ctx,
    creds,
    progress: () => ctx.store.get().progress,
    setProgress: (patch) => ctx.store.set((s) => ({ progress: { ...s.progress, ...patch } })),
    today: () => vietnamDay(new Date(ctx.now()).toISOString())!,
    apiFor: (server) => createProgressApi({ server, token: () => creds.bearer(server), fetch: ctx.fetch }),
  };
}

/**
 * A period's label: the server's when it listed the period, else core's words for the id.
 * @example labelOf(pc, '2026-H1', 'vi') // '6 tháng đầu năm 2026'
 */
export function labelOf(pc: ProgressContext, period: string, lang: Lang): string {
  const listed = pc.progress().periods?.find((p) => p.period === period);
  if (listed) return lang === 'vi' ? listed.label : listed.labelEn;
  const p = parsePeriodId(period);
  return p ? periodLabel(p, lang) : period;
}
