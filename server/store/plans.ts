// Plans: one row per (commune, plan key), created on first push and never changed.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

export interface PlanRow {
  id: number;
  communeCode: string;
  planKey: string;
}

/** The plan for (commune, key), or undefined. */
export async function findPlan(db: Kysely<DB>, communeCode: string, planKey: string): Promise<PlanRow | undefined> {
  const row = await db
    .selectFrom('plans')
    .select(['id', 'commune_code', 'plan_key'])
    .where('commune_code', '=', communeCode)
    .where('plan_key', '=', planKey)
    .executeTakeFirst();
  return row ? { id: row.id, communeCode: row.commune_code, planKey: row.plan_key } : undefined;
}

/**
 * The plan for (commune, key), created if missing; safe under concurrency (insert … on conflict do nothing, then read).
 * @example const plan = await ensurePlan(db, '10903', 'NQ57-2026', 'token:abc')
 */
export async function ensurePlan(db: Kysely<DB>, communeCode: string, planKey: string, actor: string): Promise<PlanRow> {
  const found = await findPlan(db, communeCode, planKey);
  if (found) return found;
  await db
    .insertInto('plans')
    .values({ commune_code: communeCode, plan_key: planKey, created_by: actor })
    .onConflict((oc) => oc.columns(['commune_code', 'plan_key']).doNothing())
    .execute();
  return (await findPlan(db, communeCode, planKey))!;
}
