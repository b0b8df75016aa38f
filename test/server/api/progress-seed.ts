// Progress data for the province view's and the calendar's suites: a province's periods and a commune's period reports (with the province's decision), stored through the progress store.
import { createHash } from 'node:crypto';
import type { ProgressPeriodSetting } from '../../../core/api/index.ts';
import type { ProgressReport } from '../../../core/progress/index.ts';
import { replacePeriodSettings } from '../../../server/store/progress-periods.ts';
import { insertReview } from '../../../server/store/progress-reviews.ts';
import { headVersion, insertVersion } from '../../../server/store/progress-versions.ts';
import type { Harness } from './harness.ts';

/** @example await seedPeriods(h, '31', 'NQ57-2026', [{ period: '2026-H1', cutoff: '2026-07-10' }]) */
export async function seedPeriods(h: Harness, province: string, planKey: string, periods: ProgressPeriodSetting[]): Promise<void> {
  await replacePeriodSettings(h.database.db, province, planKey, periods, 'test');
}

/**
 * Store the next version of a commune's report of a period, and the province's decision on it when given.
 * @example await seedReport(h, '10903', 'NQ57-2026', { period: '2026-H1', entries: [], indicators: [] }, { decision: 'accept' })
 */
export async function seedReport(
  h: Harness,
  communeCode: string,
  planKey: string,
  report: ProgressReport,
  review?: { decision: 'accept' | 'return'; reason?: string },
): Promise<number> {
  const key = { communeCode, planKey, period: report.period };
  const head = await headVersion(h.database.db, key);
  const seq = (head?.seq ?? 0) + 1;
  await insertVersion(h.database.db, {
    ...key,
    seq,
    baseSeq: head?.seq ?? null,
    kind: 'submit',
    author: 'test',
    authorName: 'Nguyễn Văn A',
    idempotencyKey: null,
    fingerprint: null,
    contentHash: createHash('sha256').update(JSON.stringify(report)).digest('hex'),
    report,
    message: null,
  });
  if (review)
    await insertReview(h.database.db, {
      ...key,
      decision: review.decision,
      seq,
      reason: review.reason ?? null,
      until: null,
      author: 'test',
      authorName: 'Trần Thị B',
    });
  return seq;
}
