// Progress data for the province view's and the calendar's suites, sent through the real progress routes: a province's periods, a commune's period reports and the province's decisions.
import { expect } from 'vitest';
import type { ProgressPeriodSetting } from '../../../core/api/index.ts';
import type { ProgressReport } from '../../../core/progress/index.ts';
import type { Harness } from './harness.ts';

/** @example await seedPeriods(h, '31', 'NQ57-2026', [{ period: '2026-H1', cutoff: '2026-07-10' }]) */
export async function seedPeriods(h: Harness, province: string, planKey: string, periods: ProgressPeriodSetting[]): Promise<void> {
  const r = await h.call('PUT', `/api/provinces/${province}/plans/${planKey}/progress-periods`, { json: { periods } });
  expect(r.status).toBe(200);
}

/**
 * Send a commune's report of a period as a first report (an admin sends it), reopening the period first when its
 * cut-off has passed, then the province's decision on it when given. Answers the stored version's seq.
 * @example await seedReport(h, '10903', 'NQ57-2026', { period: '2026-H1', entries: [], indicators: [] }, { decision: 'accept' })
 */
export async function seedReport(
  h: Harness,
  communeCode: string,
  planKey: string,
  report: ProgressReport,
  opts: { review?: { decision: 'accept' | 'return'; reason?: string }; reopenUntil?: string } = {},
): Promise<number> {
  const base = `/api/communes/${communeCode}/plans/${planKey}/progress/${report.period}`;
  if (opts.reopenUntil !== undefined) {
    const reopened = await h.call('POST', `${base}/reopen`, { json: { until: opts.reopenUntil } });
    expect(reopened.status).toBe(200);
  }
  const sent = await h.call('POST', base, { json: { report, baseSeq: null } });
  expect([sent.status, sent.body.status]).toEqual([201, 'created']);
  const seq = sent.body.version.seq as number;
  if (opts.review) {
    const reviewed = await h.call('POST', `${base}/review`, { json: { ...opts.review, seq } });
    expect(reviewed.status).toBe(200);
  }
  return seq;
}
