// Progress reads across a province and a commune's secret calendar addresses (issue 17): the period's head reports of many communes at once, the head reports of one commune in every period, calendar links by hash.
import { sql, type Kysely } from 'kysely';
import type { ProgressReport, TaskProgress } from '../../core/progress/index.ts';
import type { DB } from '../db/schema.ts';

/** A commune's head version of one period, without its body. */
export interface PeriodHeadMeta {
  communeCode: string;
  seq: number;
  nothingToReport: boolean;
  createdAt: string;
}

/**
 * The head version (highest seq) of the period's report of every commune of the province that sent one, without
 * bodies: one small row per commune.
 * @example await periodHeadsOfProvince(db, '31', 'NQ57-2026', '2026-H1')
 */
export async function periodHeadsOfProvince(db: Kysely<DB>, province: string, planKey: string, period: string): Promise<PeriodHeadMeta[]> {
  const rows = await db
    .selectFrom('progress_versions as v')
    .innerJoin('communes as c', 'c.code', 'v.commune_code')
    .select(['v.commune_code', 'v.seq', 'v.created_at', sql<boolean | null>`(v.report->>'nothingToReport')::boolean`.as('nothing')])
    .where('c.province_code', '=', province)
    .where('v.plan_key', '=', planKey)
    .where('v.period', '=', period)
    .distinctOn('v.commune_code')
    .orderBy('v.commune_code')
    .orderBy('v.seq', 'desc')
    .execute();
  return rows.map((r) => ({
    communeCode: r.commune_code,
    seq: r.seq,
    nothingToReport: r.nothing === true,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/**
 * The bodies of given head versions ((commune, seq) pairs of one period): a page of communes' reports at a time.
 * @example await reportBodies(db, 'NQ57-2026', '2026-H1', [{ communeCode: '10903', seq: 2 }])
 */
export async function reportBodies(
  db: Kysely<DB>,
  planKey: string,
  period: string,
  heads: readonly { communeCode: string; seq: number }[],
): Promise<Map<string, ProgressReport>> {
  if (heads.length === 0) return new Map();
  const rows = await db
    .selectFrom('progress_versions')
    .select(['commune_code', 'report'])
    .where('plan_key', '=', planKey)
    .where('period', '=', period)
    .where((eb) => eb.or(heads.map((h) => eb.and([eb('commune_code', '=', h.communeCode), eb('seq', '=', h.seq)]))))
    .execute();
  return new Map(rows.map((r) => [r.commune_code, r.report]));
}

/**
 * Every entry of the head report of every period of one commune's plan (what its calendar judges tasks by).
 * @example const entries = await headEntriesOfCommune(db, '10903', 'NQ57-2026')
 */
export async function headEntriesOfCommune(db: Kysely<DB>, communeCode: string, planKey: string): Promise<TaskProgress[]> {
  const rows = await db
    .selectFrom('progress_versions')
    .select(['period', 'report'])
    .where('commune_code', '=', communeCode)
    .where('plan_key', '=', planKey)
    .distinctOn('period')
    .orderBy('period')
    .orderBy('seq', 'desc')
    .execute();
  return rows.flatMap((r) => r.report.entries);
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

/**
 * The periods a province collects for a plan, with their cut-offs, by cut-off then period.
 * @example await periodSettings(db, '31', 'NQ57-2026') // [{ period: '2026-H1', cutoff: '2026-07-10' }]
 */
export async function periodSettings(db: Kysely<DB>, province: string, planKey: string): Promise<{ period: string; cutoff: string }[]> {
  return db
    .selectFrom('progress_periods')
    .select(['period', 'cutoff'])
    .where('province_code', '=', province)
    .where('plan_key', '=', planKey)
    .orderBy('cutoff')
    .orderBy('period')
    .execute();
}
