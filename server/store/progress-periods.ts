// The periods a province collects reports for (issue 17), with their cut-offs; replaced as a whole list.
import type { Kysely } from 'kysely';
import type { ProgressPeriodSetting } from '../../core/api/index.ts';
import type { DB } from '../db/schema.ts';
import { audit } from './audit.ts';

/** A province's periods for a plan, in no particular order (the route orders them). */
export async function listPeriodSettings(db: Kysely<DB>, provinceCode: string, planKey: string): Promise<ProgressPeriodSetting[]> {
  return db
    .selectFrom('progress_periods')
    .select(['period', 'cutoff'])
    .where('province_code', '=', provinceCode)
    .where('plan_key', '=', planKey)
    .execute();
}

/** One period's setting, or undefined when the province does not collect it. */
export async function findPeriodSetting(
  db: Kysely<DB>,
  provinceCode: string,
  planKey: string,
  period: string,
): Promise<ProgressPeriodSetting | undefined> {
  return db
    .selectFrom('progress_periods')
    .select(['period', 'cutoff'])
    .where('province_code', '=', provinceCode)
    .where('plan_key', '=', planKey)
    .where('period', '=', period)
    .executeTakeFirst();
}

/**
 * Replace the list in one transaction, with its audit entry (the previous list and the new one).
 * @example await replacePeriodSettings(db, '31', 'NQ57-2026', [{ period: '2026-H1', cutoff: '2026-07-10' }], 'token:abc')
 */
export async function replacePeriodSettings(
  db: Kysely<DB>,
  provinceCode: string,
  planKey: string,
  periods: readonly ProgressPeriodSetting[],
  actor: string,
): Promise<void> {
  await db.transaction().execute(async (tx) => {
    const before = await listPeriodSettings(tx, provinceCode, planKey);
    await tx.deleteFrom('progress_periods').where('province_code', '=', provinceCode).where('plan_key', '=', planKey).execute();
    if (periods.length > 0)
      await tx
        .insertInto('progress_periods')
        .values(
          periods.map((p) => ({ province_code: provinceCode, plan_key: planKey, period: p.period, cutoff: p.cutoff, created_by: actor })),
        )
        .execute();
    await audit(tx, actor, 'progress-periods', `${provinceCode}/${planKey}`, { before, after: periods });
  });
}
