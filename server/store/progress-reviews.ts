// The province's decisions on commune reports (issue 17): accept, return with a reason, reopen until a day; append-only.
import type { Kysely, Selectable } from 'kysely';
import type { ProgressReview } from '../../core/api/index.ts';
import type { DB, ProgressReviewsTable } from '../db/schema.ts';
import type { ReportKey } from './progress-versions.ts';

/** A review with the period it is about (a commune's reviews of every period are read at once). */
export interface StoredReview extends ProgressReview {
  period: string;
}

/** The columns a review is read with. */
export const REVIEW_COLUMNS = ['period', 'decision', 'seq', 'reason', 'until', 'author', 'author_name', 'created_at'] as const;

/** A row as a stored review. */
export function toReview(r: Pick<Selectable<ProgressReviewsTable>, (typeof REVIEW_COLUMNS)[number]>): StoredReview {
  return {
    period: r.period,
    decision: r.decision,
    seq: r.seq,
    reason: r.reason,
    until: r.until,
    author: r.author,
    authorName: r.author_name,
    createdAt: new Date(r.created_at).toISOString(),
  };
}

/** A review as the wire shows it. */
export function reviewOnWire(r: StoredReview): ProgressReview {
  const { period: _p, ...rest } = r;
  return rest;
}

/** Every review of a commune's reports of a plan (all periods, or one), newest first. */
export async function listReviews(db: Kysely<DB>, communeCode: string, planKey: string, period?: string): Promise<StoredReview[]> {
  let q = db.selectFrom('progress_reviews').select(REVIEW_COLUMNS).where('commune_code', '=', communeCode).where('plan_key', '=', planKey);
  if (period !== undefined) q = q.where('period', '=', period);
  const rows = await q.orderBy('id', 'desc').execute();
  return rows.map(toReview);
}

export interface NewReview extends ReportKey {
  decision: 'accept' | 'return' | 'reopen';
  seq: number | null;
  reason: string | null;
  until: string | null;
  author: string;
  authorName: string | null;
}

/** Append a decision. */
export async function insertReview(db: Kysely<DB>, r: NewReview): Promise<StoredReview> {
  const row = await db
    .insertInto('progress_reviews')
    .values({
      commune_code: r.communeCode,
      plan_key: r.planKey,
      period: r.period,
      decision: r.decision,
      seq: r.seq,
      reason: r.reason,
      until: r.until,
      author: r.author,
      author_name: r.authorName,
    })
    .returning(REVIEW_COLUMNS)
    .executeTakeFirstOrThrow();
  return toReview(row);
}
