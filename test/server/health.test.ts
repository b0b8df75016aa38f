// /api/health (issue 19): public, 200 with the version, commit and migration level when the database answers and holds
// exactly this version's migrations; 503 saying what is wrong — a migration pending, one unknown (a newer phuluc), the
// database unreachable or not answering in time — and never an address or a driver's error text.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kysely, Migrator, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HealthAnswer } from '../../core/api/index.ts';
import { createApp } from '../../server/app.ts';
import { MIGRATION_NAMES, migrationsUpTo } from '../../server/db/migrations.ts';
import type { DB } from '../../server/db/schema.ts';
import { checkHealth } from '../../server/health.ts';
import { freshPglite, freshPostgres } from '../support/db.ts';
import { REPO_ROOT } from '../support/paths.ts';

const VERSION = (JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
// The commit as a build sets it (PHULUC_COMMIT wins over .git, whose HEAD moves while other work is committed); read
// once, at the first answer. The .git fallback is seen in the metrics test's phuluc_info.
const COMMIT = 'b1d0c0ffee42';
process.env.PHULUC_COMMIT = COMMIT;
afterAll(() => {
  delete process.env.PHULUC_COMMIT;
});

async function health(db: Kysely<DB>): Promise<{ status: number; body: HealthAnswer }> {
  const res = await createApp({ db, log: () => {} }).request('/api/health');
  return { status: res.status, body: (await res.json()) as HealthAnswer };
}

const healthy = (ms: number): HealthAnswer => ({
  ok: true,
  version: VERSION,
  commit: COMMIT,
  database: { ok: true, problem: null, ms },
  migrations: { ok: true, current: MIGRATION_NAMES.at(-1)!, pending: [], unknown: [] },
});

describe('/api/health', { timeout: 120_000 }, () => {
  let pgdb: Awaited<ReturnType<typeof freshPostgres>>;
  beforeAll(async () => {
    pgdb = await freshPostgres();
  });
  afterAll(() => pgdb?.close());

  it('answers 200 without a token on PGlite: version, commit, the current migration', async () => {
    const database = await freshPglite();
    try {
      const r = await health(database.db);
      expect(r).toEqual({ status: 200, body: healthy(r.body.database.ms) });
    } finally {
      await database.close();
    }
  });

  it('answers 503 naming a migration the database has not had yet, and one it should not know', async () => {
    await sql`DELETE FROM kysely_migration WHERE name = ${MIGRATION_NAMES.at(-1)!}`.execute(pgdb.db);
    await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('9999_future', '2030-01-01T00:00:00Z')`.execute(pgdb.db);
    const r = await health(pgdb.db);
    expect(r).toEqual({
      status: 503,
      body: {
        ...healthy(r.body.database.ms),
        ok: false,
        migrations: { ok: false, current: '9999_future', pending: [MIGRATION_NAMES.at(-1)], unknown: ['9999_future'] },
      },
    });
  });

  it('answers 503 "unreachable" when the database refuses connections, without its address or error', async () => {
    // Port 1 on loopback: nothing listens there, the connection is refused at once.
    const db = new Kysely<DB>({
      dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: 'postgres://postgres@127.0.0.1:1/x' }) }),
    });
    try {
      const r = await health(db);
      expect(r).toEqual({
        status: 503,
        body: {
          ...healthy(r.body.database.ms),
          ok: false,
          database: { ok: false, problem: 'unreachable', ms: r.body.database.ms },
          migrations: { ok: false, current: null, pending: [], unknown: [] },
        },
      });
    } finally {
      await db.destroy();
    }
  });

  it('answers "timeout" when the database does not answer in time (a lock held by another transaction)', async () => {
    const holder = new pg.Client({ connectionString: pgdb.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('LOCK TABLE kysely_migration IN ACCESS EXCLUSIVE MODE');
    try {
      const answer = await checkHealth(pgdb.db as unknown as Kysely<unknown>, 200);
      expect(answer).toEqual({
        ...healthy(answer.database.ms),
        ok: false,
        database: { ok: false, problem: 'timeout', ms: answer.database.ms },
        migrations: { ok: false, current: null, pending: [], unknown: [] },
      });
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
  });

  it('is healthy again at the level a restore or an older server leaves, once migrated', async () => {
    // A database at the previous level: 503 with the pending migration, 200 after the migrator ran.
    const database = await freshPostgres();
    try {
      await sql`DROP TABLE progress_reviews, progress_versions, progress_periods, calendar_links`.execute(database.db);
      await sql`DELETE FROM kysely_migration WHERE name = '0005_progress'`.execute(database.db);
      expect((await health(database.db)).body.migrations).toEqual({
        ok: false,
        current: '0004_plan_registry',
        pending: ['0005_progress'],
        unknown: [],
      });
      const { error } = await new Migrator({ db: database.db, provider: migrationsUpTo('0005_progress') }).migrateToLatest();
      expect(error).toBeUndefined();
      expect((await health(database.db)).status).toBe(200);
    } finally {
      await database.close();
    }
  });
});
