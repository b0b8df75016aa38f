// Test databases: PGlite loaded from a migrated template dump (≈0.6 s instead of a 4 s initdb), or a fresh
// PostgreSQL database on 127.0.0.1 created per test file and dropped afterwards. Both have the plans the suites push
// to registered (TEST_PLANS): the server answers 404 plan-unknown for any other key, as it does in production.
import { createHash, randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { openDatabase, type Database } from '../../server/db/connect.ts';
import { seedPlans, type PlanSeed } from '../../server/store/registry.ts';
import { REPO_ROOT } from './paths.ts';

/**
 * The plan keys the suites push to, registered in every test database and in every server process the tests start
 * (PHULUC_PLANS, test/support/server-process.ts). A suite that needs another key adds it here.
 */
export const TEST_PLAN_KEYS = [
  'NQ57-2026',
  'NQ57-2025',
  ...['NQ57-load', 'NQ57-kill', 'NQ57-race', 'NQ57-prov', 'NQ57-merge', 'NQ57-idem'],
  ...['B', 'BIG', 'D', 'F', 'H', 'HEAVY', 'IDEM', 'IDEM-2', 'J', 'K', 'L', 'N', 'N2', 'P', 'P-bad', 'R', 'U', 'UP'],
  ...['B0', 'B1', 'B2', 'B3', 'B4', 'B5', 'D0', 'D1', 'D2', 'D3', 'D4', 'D5', 'D6', 'D7', 'D8', 'Q1', 'Q2', 'Q3', 'Q4', 'Q5'],
  ...['one-table', 'revoked', 'key-reused', 'offline', 'one'],
] as const;

/** TEST_PLAN_KEYS as plans: name "Kế hoạch <KEY>", the year in the key or 2026. */
export const TEST_PLANS: PlanSeed[] = TEST_PLAN_KEYS.map((key) => ({
  key,
  name: key === 'NQ57-2026' ? 'Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026' : `Kế hoạch ${key.toUpperCase()}`,
  year: Number(/20\d\d/.exec(key)?.[0] ?? 2026),
  dueDate: null,
}));

/** PHULUC_PLANS for a server process: TEST_PLANS in its "KEY=Name" form. */
export const TEST_PLANS_ENV = TEST_PLANS.map((p) => `${p.key}=${p.name}`).join(';');

/** The PostgreSQL the tests use; CI starts it (see .ci/run). */
export const PG_ADMIN_URL = process.env.PHULUC_TEST_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function templateFile(): Promise<string> {
  // The template is keyed by the migrations' source, so a schema change builds a new one.
  const src = await readFile(path.join(REPO_ROOT, 'server/db/migrations.ts'));
  const key = createHash('sha256').update(src).digest('hex').slice(0, 12);
  const dir = path.join(REPO_ROOT, 'test-artifacts');
  const file = path.join(dir, `pglite-template-${key}.tar`);
  if (await exists(file)) return file;
  await mkdir(dir, { recursive: true });
  const lite = new PGlite('memory://');
  const db = await openDatabase({ pglite: lite });
  await db.close();
  const dump = await lite.dumpDataDir('none');
  await lite.close();
  // Parallel test files may build it at once: write aside, then rename (atomic on one file system).
  const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await writeFile(tmp, new Uint8Array(await dump.arrayBuffer()));
  await rename(tmp, file);
  return file;
}

async function exists(f: string): Promise<boolean> {
  return stat(f).then(
    () => true,
    () => false,
  );
}

/**
 * A fresh, migrated PGlite in memory.
 * @example const database = await freshPglite(); … await database.close()
 */
export async function freshPglite(): Promise<Database> {
  const bytes = await readFile(await templateFile());
  const lite = new PGlite({ loadDataDir: new Blob([bytes]) });
  await lite.waitReady;
  const database = await openDatabase({ pglite: lite });
  await seedPlans(database.db, TEST_PLANS, 'test');
  return {
    ...database,
    close: async () => {
      await database.close();
      await lite.close();
    },
  };
}

/**
 * A new, empty database (no schema) on the real PostgreSQL, named `<prefix>_<random>`; drop it with dropPostgres.
 * @example const { name, url } = await emptyPostgres('phuluc_bk')
 */
export async function emptyPostgres(prefix = 'phuluc_t'): Promise<{ name: string; url: string }> {
  const name = `${prefix}_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return { name, url: PG_ADMIN_URL.replace(/\/[^/]*$/, `/${name}`) };
}

/** Drop databases a test made, even with connections still open. */
export async function dropPostgres(names: Iterable<string>): Promise<void> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  for (const name of names) await admin.query(`drop database if exists ${name} with (force)`);
  await admin.end();
}

/**
 * A fresh, migrated database on the real PostgreSQL; dropped on close.
 * @example const database = await freshPostgres()
 */
export async function freshPostgres(): Promise<Database & { url: string }> {
  const { name, url } = await emptyPostgres();
  const database = await openDatabase({ url });
  await seedPlans(database.db, TEST_PLANS, 'test');
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await dropPostgres([name]);
    },
  };
}

/** Remove a PGlite data folder made by a test. */
export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
