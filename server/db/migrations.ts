// Schema migrations, run at start-up by Kysely's migrator; SQL kept to what PostgreSQL 15 and 18 (PGlite) both accept.
import { sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import { DVHC_DATA } from '../../core/data/index.ts';

const init: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('provinces')
      .addColumn('code', 'varchar(2)', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createTable('communes')
      .addColumn('code', 'varchar(5)', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('province_code', 'varchar(2)', (c) => c.notNull().references('provinces.code'))
      .execute();
    await db.schema.createIndex('communes_province').on('communes').column('province_code').execute();
    await db.schema
      .createTable('plans')
      .addColumn('id', 'serial', (c) => c.primaryKey())
      .addColumn('commune_code', 'varchar(5)', (c) => c.notNull().references('communes.code'))
      .addColumn('plan_key', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('plans_commune_key', ['commune_code', 'plan_key'])
      .execute();
    await db.schema
      .createTable('revisions')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('plan_id', 'integer', (c) => c.notNull().references('plans.id'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('base_seq', 'integer')
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text')
      .addColumn('idempotency_key', 'varchar(200)')
      .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('plan', 'jsonb', (c) => c.notNull())
      .addColumn('summary', 'jsonb', (c) => c.notNull())
      .addColumn('message', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      // The unique (plan, seq) pair is the concurrency guard: two pushes on one head cannot both become seq n+1.
      .addUniqueConstraint('revisions_plan_seq', ['plan_id', 'seq'])
      .addUniqueConstraint('revisions_plan_idem', ['plan_id', 'idempotency_key'])
      .execute();
    await db.schema
      .createTable('tokens')
      .addColumn('id', 'varchar(32)', (c) => c.primaryKey())
      .addColumn('hash', 'varchar(64)', (c) => c.notNull().unique())
      .addColumn('role', 'varchar(16)', (c) => c.notNull())
      .addColumn('commune_code', 'varchar(5)', (c) => c.references('communes.code'))
      .addColumn('province_code', 'varchar(2)', (c) => c.references('provinces.code'))
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('actor', 'text', (c) => c.notNull())
      .addColumn('action', 'varchar(32)', (c) => c.notNull())
      .addColumn('target', 'text', (c) => c.notNull())
      .addColumn('detail', 'jsonb')
      .execute();

    // The administrative units, from the bundled dataset, in a few multi-row inserts.
    const anyDb = db as Kysely<{
      provinces: { code: string; name: string };
      communes: { code: string; name: string; province_code: string };
    }>;
    await anyDb
      .insertInto('provinces')
      .values(DVHC_DATA.provinces.map((p) => ({ code: p.code, name: p.name })))
      .execute();
    const communes = DVHC_DATA.provinces.flatMap((p) => p.communes.map(([code, name]) => ({ code, name, province_code: p.code })));
    for (let i = 0; i < communes.length; i += 1000)
      await anyDb
        .insertInto('communes')
        .values(communes.slice(i, i + 1000))
        .execute();
  },
};

// Plans are stored and returned whole, never queried inside: plain json (kept as text) costs a quarter of jsonb's
// parse-and-compress on every push and nothing on the way out; lz4 (PostgreSQL built with it; not PGlite) halves
// the rest. Measured on a 55-task plan (36 KB): insert 0.9 ms → 0.22 ms (bench/RESULTS.md).
const planAsJson: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE revisions ALTER COLUMN plan TYPE json USING plan::json`.execute(db);
    const { rows } = await sql<{
      lz4: boolean;
    }>`SELECT 'lz4' = ANY(enumvals) AS lz4 FROM pg_settings WHERE name = 'default_toast_compression'`.execute(db);
    if (rows[0]?.lz4) await sql`ALTER TABLE revisions ALTER COLUMN plan SET COMPRESSION lz4`.execute(db);
  },
};

// Issue 14. An Idempotency-Key is bound to its principal (the revision's author) and to a fingerprint of the request:
// unique per (plan, author, key), so another caller's key never replays someone else's answer, and the fingerprint
// tells a retry (same body) from a reused key (another body → 422). `bytes` is the stored plan's size, summed per
// commune for the storage quota without reading plan bodies. Tokens gain expiry, revocation and last use.
const lifecycle: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE revisions ADD COLUMN request_hash varchar(64)`.execute(db);
    await sql`ALTER TABLE revisions ADD COLUMN bytes integer NOT NULL DEFAULT 0`.execute(db);
    await sql`UPDATE revisions SET bytes = octet_length(plan::text)`.execute(db);
    await sql`ALTER TABLE revisions DROP CONSTRAINT revisions_plan_idem`.execute(db);
    await sql`ALTER TABLE revisions ADD CONSTRAINT revisions_plan_author_idem UNIQUE (plan_id, author, idempotency_key)`.execute(db);
    await sql`ALTER TABLE tokens ADD COLUMN expires_at timestamptz`.execute(db);
    await sql`ALTER TABLE tokens ADD COLUMN revoked_at timestamptz`.execute(db);
    await sql`ALTER TABLE tokens ADD COLUMN revoked_by text`.execute(db);
    await sql`ALTER TABLE tokens ADD COLUMN last_used_at timestamptz`.execute(db);
  },
};

// Issue 16. Plans are chosen from a registry, not typed: `plan_registry` holds each plan key (canonical: upper case)
// with its title, year and due date, created by an admin or consolidator; every route resolves a path's key there.
// Keys already stored become canonical and registered (name = key until renamed, year from a 4-digit year in the
// key). A commune that stored one plan under two spellings ("nq57-2026" and "NQ57-2026") keeps both: the odd one moves
// to a key of its own, registered and named so an administrator can see and sort it out. Tokens gain a holder (the
// person shown as the sender in the history).
const planRegistry: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('plan_registry')
      .addColumn('key', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      // An ISO day as text: a date column would come back as a Date at the driver's time zone.
      .addColumn('due_date', 'varchar(10)')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .execute();
    await sql`ALTER TABLE tokens ADD COLUMN holder text`.execute(db);
    const { rows } = await sql<{ id: number; commune_code: string; plan_key: string }>`
      SELECT id, commune_code, plan_key FROM plans WHERE plan_key <> upper(plan_key) ORDER BY id`.execute(db);
    for (const r of rows) {
      const upper = r.plan_key.toUpperCase();
      let key = upper;
      for (let n = 2; ; n++) {
        const { rows: taken } = await sql`SELECT 1 FROM plans WHERE commune_code = ${r.commune_code} AND plan_key = ${key}`.execute(db);
        if (taken.length === 0) break;
        key = `${upper.slice(0, 58)}.CASE${n}`;
      }
      await sql`UPDATE plans SET plan_key = ${key} WHERE id = ${r.id}`.execute(db);
      if (key !== upper)
        await sql`INSERT INTO plan_registry (key, name, year, created_by)
          VALUES (${key}, ${`${upper} (bản gửi dưới mã “${r.plan_key}”)`}, ${yearOfKey(upper)}, 'migration')
          ON CONFLICT (key) DO NOTHING`.execute(db);
    }
    const { rows: keys } = await sql<{ plan_key: string }>`SELECT DISTINCT plan_key FROM plans`.execute(db);
    for (const { plan_key: key } of keys)
      await sql`INSERT INTO plan_registry (key, name, year, created_by) VALUES (${key}, ${key}, ${yearOfKey(key)}, 'migration')
        ON CONFLICT (key) DO NOTHING`.execute(db);
  },
};

/**
 * The year a plan key names (a 4-digit year 2000–2099 in it), else this year.
 * @example yearOfKey('NQ57-2026') // 2026
 */
export function yearOfKey(key: string): number {
  const m = /(?:^|\D)(20\d\d)(?!\d)/.exec(key);
  return m ? Number(m[1]) : new Date().getUTCFullYear();
}

// Issue 17. Progress through the year: the periods a province collects (with cut-offs), each commune's period reports as
// append-only versions (the unique (commune, plan, period, seq) is the concurrency guard, as for revisions), the
// province's decisions on them, and the communes' secret calendar addresses (only a hash is stored). Days are ISO text
// (varchar(10)), as plan_registry.due_date: a date column would come back as a Date at the driver's time zone, and
// ISO days compare correctly as text.
const progress: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('progress_periods')
      .addColumn('province_code', 'varchar(2)', (c) => c.notNull().references('provinces.code'))
      .addColumn('plan_key', 'varchar(64)', (c) => c.notNull())
      .addColumn('period', 'varchar(16)', (c) => c.notNull())
      .addColumn('cutoff', 'varchar(10)', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('progress_periods_pk', ['province_code', 'plan_key', 'period'])
      .execute();
    await db.schema
      .createTable('progress_versions')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('commune_code', 'varchar(5)', (c) => c.notNull().references('communes.code'))
      .addColumn('plan_key', 'varchar(64)', (c) => c.notNull())
      .addColumn('period', 'varchar(16)', (c) => c.notNull())
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('base_seq', 'integer')
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text')
      .addColumn('idempotency_key', 'varchar(200)')
      .addColumn('fingerprint', 'varchar(64)')
      .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
      .addColumn('report', 'jsonb', (c) => c.notNull())
      .addColumn('message', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addUniqueConstraint('progress_versions_seq', ['commune_code', 'plan_key', 'period', 'seq'])
      // As revisions: a key is bound to its principal, so one caller's key never replays another's answer.
      .addUniqueConstraint('progress_versions_idem', ['commune_code', 'plan_key', 'period', 'author', 'idempotency_key'])
      .execute();
    await db.schema
      .createTable('progress_reviews')
      .addColumn('id', 'bigserial', (c) => c.primaryKey())
      .addColumn('commune_code', 'varchar(5)', (c) => c.notNull().references('communes.code'))
      .addColumn('plan_key', 'varchar(64)', (c) => c.notNull())
      .addColumn('period', 'varchar(16)', (c) => c.notNull())
      .addColumn('decision', 'varchar(16)', (c) => c.notNull())
      .addColumn('seq', 'integer')
      .addColumn('reason', 'text')
      .addColumn('until', 'varchar(10)')
      .addColumn('author', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text')
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .execute();
    await db.schema.createIndex('progress_reviews_report').on('progress_reviews').columns(['commune_code', 'plan_key', 'period']).execute();
    await db.schema
      .createTable('calendar_links')
      .addColumn('secret_hash', 'varchar(64)', (c) => c.primaryKey())
      .addColumn('commune_code', 'varchar(5)', (c) => c.notNull().references('communes.code'))
      .addColumn('plan_key', 'varchar(64)', (c) => c.notNull())
      .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
      .addColumn('created_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('calendar_links_commune_plan', ['commune_code', 'plan_key'])
      .execute();
  },
};

const MIGRATIONS: Record<string, Migration> = {
  '0001_init': init,
  '0002_plan_json': planAsJson,
  '0003_idempotency_tokens_quota': lifecycle,
  '0004_plan_registry': planRegistry,
  '0005_progress': progress,
};

/** Migrations from code (not from a folder), so they ship with the bundle. */
export const migrationProvider: MigrationProvider = {
  getMigrations: async () => MIGRATIONS,
};

/** Every migration this version knows, in order (the health check and backups compare against it). */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS).sort();

/**
 * The migrations up to and including `last`: `phuluc restore` builds a backup's schema at the backup's own level.
 * @example new Migrator({ db, provider: migrationsUpTo('0004_plan_registry') })
 */
export function migrationsUpTo(last: string): MigrationProvider {
  const picked = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name <= last));
  return { getMigrations: async () => picked };
}
