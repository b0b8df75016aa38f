// Progress reads across a province and the communes' secret calendar addresses (issue 17): a page of communes' head reports and review decisions for one period at once; calendar links by hash.
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { REVIEW_COLUMNS, toReview, type StoredReview } from './progress-reviews.ts';
import type { ProgressReport } from '../../core/progress/index.ts';
import { toVersion, VERSION_COLUMNS, type StoredVersion } from './progress-versions.ts';

/**
 * The head version (highest seq) of the period's report, with its body, of each of the given communes that sent one:
 * one query for a page of communes.
 * @example (await periodHeads(db, 'NQ57-2026', '2026-H1', ['10903', '10904'])).get('10903')?.seq
 */
export async function periodHeads(
  db: Kysely<DB>,
  planKey: string,
  period: string,
  communeCodes: readonly string[],
): Promise<Map<string, StoredVersion>> {
  if (communeCodes.length === 0) return new Map();
  const rows = await db
    .selectFrom('progress_versions as v')
    .select(['v.commune_code', ...VERSION_COLUMNS.map((c) => `v.${c}` as const), 'v.report'])
    .where('v.plan_key', '=', planKey)
    .where('v.period', '=', period)
    .where('v.commune_code', 'in', communeCodes)
    .distinctOn('v.commune_code')
    .orderBy('v.commune_code')
    .orderBy('v.seq', 'desc')
    .execute();
  return new Map(rows.map((r) => [r.commune_code, toVersion(r)]));
}

/**
 * Every period's head report of each of the given communes (one query): what core's judgePlan chooses from, per task,
 * the entry of the latest-ending period already begun (docs/tien-do.md, "Báo cáo nào được dùng").
 * @example (await allPeriodHeads(db, 'NQ57-2026', ['10903'])).get('10903')?.length
 */
export async function allPeriodHeads(
  db: Kysely<DB>,
  planKey: string,
  communeCodes: readonly string[],
): Promise<Map<string, ProgressReport[]>> {
  const out = new Map<string, ProgressReport[]>();
  if (communeCodes.length === 0) return out;
  const rows = await db
    .selectFrom('progress_versions as v')
    .select(['v.commune_code', 'v.period', 'v.report'])
    .where('v.plan_key', '=', planKey)
    .where('v.commune_code', 'in', communeCodes)
    .distinctOn(['v.commune_code', 'v.period'])
    .orderBy('v.commune_code')
    .orderBy('v.period')
    .orderBy('v.seq', 'desc')
    .execute();
  for (const r of rows) out.set(r.commune_code, [...(out.get(r.commune_code) ?? []), r.report]);
  return out;
}

/**
 * The province's decisions on the period's reports of each of the given communes, newest first (as reportStatus
 * reads them): one query for a page of communes.
 * @example (await periodReviews(db, 'NQ57-2026', '2026-H1', ['10903'])).get('10903') ?? []
 */
export async function periodReviews(
  db: Kysely<DB>,
  planKey: string,
  period: string,
  communeCodes: readonly string[],
): Promise<Map<string, StoredReview[]>> {
  const out = new Map<string, StoredReview[]>();
  if (communeCodes.length === 0) return out;
  const rows = await db
    .selectFrom('progress_reviews')
    .select(['commune_code', ...REVIEW_COLUMNS])
    .where('plan_key', '=', planKey)
    .where('period', '=', period)
    .where('commune_code', 'in', communeCodes)
    .orderBy('id', 'desc')
    .execute();
  for (const r of rows) {
    const list = out.get(r.commune_code) ?? out.set(r.commune_code, []).get(r.commune_code)!;
    list.push(toReview(r));
  }
  return out;
}

/** A calendar address's owner. */
export interface CalendarLinkRow {
  communeCode: string;
  planKey: string;
  createdAt: string;
}

/**
 * Store a new calendar address for the commune's plan, replacing the previous one (its address stops working): one
 * statement, so two requests at once leave exactly one address.
 * @example await replaceCalendarLink(db, { secretHash, communeCode: '10903', planKey: 'NQ57-2026', createdBy: 'token:abc' })
 */
export async function replaceCalendarLink(
  db: Kysely<DB>,
  link: { secretHash: string; communeCode: string; planKey: string; createdBy: string },
): Promise<CalendarLinkRow> {
  const { rows } = await sql<{ commune_code: string; plan_key: string; created_at: Date | string }>`
    INSERT INTO calendar_links (secret_hash, commune_code, plan_key, created_by)
    VALUES (${link.secretHash}, ${link.communeCode}, ${link.planKey}, ${link.createdBy})
    ON CONFLICT (commune_code, plan_key)
    DO UPDATE SET secret_hash = EXCLUDED.secret_hash, created_by = EXCLUDED.created_by, created_at = now()
    RETURNING commune_code, plan_key, created_at`.execute(db);
  const row = rows[0]!;
  return { communeCode: row.commune_code, planKey: row.plan_key, createdAt: new Date(row.created_at).toISOString() };
}

/**
 * The calendar address whose secret hashes to `hash` (found through the primary key), or undefined.
 * @example await calendarLinkByHash(db, sha256hex(secret))
 */
export async function calendarLinkByHash(db: Kysely<DB>, hash: string): Promise<CalendarLinkRow | undefined> {
  const r = await db
    .selectFrom('calendar_links')
    .select(['commune_code', 'plan_key', 'created_at'])
    .where('secret_hash', '=', hash)
    .executeTakeFirst();
  return r && { communeCode: r.commune_code, planKey: r.plan_key, createdAt: new Date(r.created_at).toISOString() };
}
