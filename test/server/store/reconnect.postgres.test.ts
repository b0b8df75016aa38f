// An idle PostgreSQL connection cut under the server (restart, terminated backend) must not end the process.
import pg from 'pg';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshPostgres, PG_ADMIN_URL } from '../../support/db.ts';

let database: Awaited<ReturnType<typeof freshPostgres>>;
beforeAll(async () => {
  database = await freshPostgres();
});
afterAll(async () => {
  await database?.close();
});

describe('PostgreSQL pool', () => {
  it('survives its idle connections being terminated, and the next query reconnects', async () => {
    await sql`select 1`.execute(database.db); // leaves an idle client in the pool
    const name = new URL(database.url).pathname.slice(1);
    const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    const { rows } = await admin.query<{ n: string }>(
      'select count(pg_terminate_backend(pid)) as n from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
      [name],
    );
    await admin.end();
    expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    // The pool hears of the cut connection asynchronously; without an 'error' listener this is an uncaught exception.
    await new Promise((r) => setTimeout(r, 300));
    const { rows: after } = await sql<{ one: number }>`select 1 as one`.execute(database.db);
    expect(after[0]!.one).toBe(1);
  });
});
