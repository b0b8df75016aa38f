// Every table's rows, whole, for comparing two databases: each row as row_to_json text (times in UTC), sorted.
import { sql, type Kysely } from 'kysely';
import { listTables } from '../../../server/backup/tables.ts';

/** @example expect(await snapshot(restored)).toEqual(await snapshot(source)) */
export async function snapshot(db: Kysely<unknown>): Promise<Record<string, string[]>> {
  return db.connection().execute(async (conn) => {
    await sql`SET TimeZone = 'UTC'`.execute(conn);
    const out: Record<string, string[]> = {};
    for (const t of await listTables(conn)) {
      const { rows } = await sql<{ j: string }>`SELECT row_to_json(t)::text AS j FROM ${sql.table(t.name)} AS t`.execute(conn);
      out[t.name] = rows.map((r) => r.j).sort();
    }
    return out;
  });
}
