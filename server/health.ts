// The health check behind /api/health: the database answers (within a few seconds) and holds exactly the migrations
// this version knows. Says what is wrong without saying anything secret (no address, no driver error).
import { sql, type Kysely } from 'kysely';
import type { HealthAnswer } from '../core/api/index.ts';
import { MIGRATION_NAMES } from './db/migrations.ts';
import { serverVersion } from './version.ts';

/** How long the check waits for the database before answering 'timeout'. */
export const HEALTH_DB_TIMEOUT_MS = 3000;

/**
 * @example const h = await checkHealth(db); c.json(h, h.ok ? 200 : 503)
 */
export async function checkHealth(db: Kysely<unknown>, timeoutMs = HEALTH_DB_TIMEOUT_MS): Promise<HealthAnswer> {
  const { version, commit } = serverVersion();
  const t0 = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const applied = await Promise.race([
    sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name`
      .execute(db)
      .then((r) => r.rows.map((x) => x.name))
      .catch(() => 'unreachable' as const),
    new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    }),
  ]).finally(() => clearTimeout(timer));
  const ms = Math.round((performance.now() - t0) * 10) / 10;
  if (typeof applied === 'string')
    return {
      ok: false,
      version,
      commit,
      database: { ok: false, problem: applied, ms },
      migrations: { ok: false, current: null, pending: [], unknown: [] },
    };
  const pending = MIGRATION_NAMES.filter((n) => !applied.includes(n));
  const unknown = applied.filter((n) => !MIGRATION_NAMES.includes(n));
  const migrationsOk = pending.length === 0 && unknown.length === 0;
  return {
    ok: migrationsOk,
    version,
    commit,
    database: { ok: true, problem: null, ms },
    migrations: { ok: migrationsOk, current: applied.at(-1) ?? null, pending, unknown },
  };
}
