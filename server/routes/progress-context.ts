// What the progress routes share (issue 17): today in Vietnam, the path's period, and a commune report's state read from the store.
import { z } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { ReportStatus } from '../../core/api/index.ts';
import { PeriodIdSchema, vietnamDay } from '../../core/progress/index.ts';
import type { DB } from '../db/schema.ts';
import { invalidRequest } from '../http/errors.ts';
import { findPeriodSetting } from '../store/progress-periods.ts';
import { listReviews, type StoredReview } from '../store/progress-reviews.ts';
import { headVersion, type ReportKey, type StoredVersion } from '../store/progress-versions.ts';
import { reportStatus } from '../sync/progress-status.ts';
import { CommuneParam, PlanKeyParam } from './params.ts';
import type { AppDeps } from './types.ts';

/** A period id in a path ("2026-H1"): the canonical ids only. */
export const PeriodParam = z
  .string()
  .max(16)
  .refine((s) => PeriodIdSchema.safeParse(s).success, {
    message: 'kỳ báo cáo ghi dạng 2026-M03, 2026-Q1, 2026-H1, 2026-9M, 2026 hoặc 2026-06-15',
  })
  .openapi({
    param: { name: 'period', in: 'path' },
    example: '2026-H1',
    description: 'Kỳ báo cáo (2026-H1, 2026-Q2, 2026-M03, 2026-9M, 2026)',
  });

export const ReportPath = z.object({ commune: CommuneParam, planKey: PlanKeyParam, period: PeriodParam });

/**
 * Today in Vietnam (yyyy-mm-dd): the app's clock when tests fix it.
 * @example const today = todayOf(deps)
 */
export function todayOf(deps: AppDeps): string {
  return deps.today?.() ?? vietnamDay(new Date().toISOString())!;
}

/** A report's head, its decisions and its state, read together. */
export interface ReportView {
  head: StoredVersion | undefined;
  reviews: StoredReview[];
  status: ReportStatus;
}

/**
 * Read a report's head, decisions and the province's setting of its period, and say where it stands.
 * @example const { head, status } = await reportView(db, { communeCode, planKey, period }, '31', today)
 */
export async function reportView(db: Kysely<DB>, k: ReportKey, provinceCode: string, today: string): Promise<ReportView> {
  const [head, reviews, setting] = await Promise.all([
    headVersion(db, k),
    listReviews(db, k.communeCode, k.planKey, k.period),
    findPeriodSetting(db, provinceCode, k.planKey, k.period),
  ]);
  return { head, reviews, status: reportStatus({ period: k.period, setting: setting ?? null, head, reviews, today }) };
}

/**
 * 400 when any text of a body holds U+0000: PostgreSQL refuses it in text and jsonb alike, which would be a 500
 * (the wire schemas of the progress bodies come from core/progress and do not refuse it themselves).
 * @example refuseNul(body)
 */
export function refuseNul(value: unknown, path = ''): void {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) throw invalidRequest([{ path, message: 'không được chứa ký tự NUL (U+0000) / must not contain U+0000' }]);
  } else if (Array.isArray(value)) value.forEach((v, i) => refuseNul(v, path ? `${path}.${i}` : String(i)));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) refuseNul(v, path ? `${path}.${k}` : k);
}
