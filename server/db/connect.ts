// Open the database: embedded PGlite in a data folder (one laptop, no setup) or PostgreSQL from DATABASE_URL.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations.ts';
import type { DB } from './schema.ts';

export interface Database {
  db: Kysely<DB>;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres://… — a real PostgreSQL (several server processes may share it). */
  url?: string;
  /** Folder for PGlite's files (created on first run). */
  dataDir?: string;
  /** An already open PGlite (tests load one from a dumped template). */
  pglite?: PGlite;
  /** Connections in the pool for PostgreSQL. */
  poolSize?: number;
}

/** Thrown when another process holds the PGlite data folder: PGlite itself would let both write and corrupt it. */
export class DataDirLockedError extends Error {
  constructor(readonly dir: string, readonly pid: number) {
    super(`Thư mục dữ liệu ${dir} đang được tiến trình ${pid} sử dụng (máy chủ phuluc đang chạy?). / Data folder ${dir} is in use by process ${pid}.`);
    this.name = 'DataDirLockedError';
  }
}

/**
 * Open and migrate. PGlite never fsyncs: data survives a killed process but not a power cut (see README).
 * @example const { db, close } = await openDatabase({ dataDir: './data' })
 */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle connection can be cut (PostgreSQL restarted, a backend terminated): pg then emits 'error' on the pool,
    // and with no listener that would end the whole server. The pool drops that client; the next query reconnects.
    pool.on('error', (err) => process.stderr.write(`phuluc: kết nối CSDL nhàn rỗi bị đóng, sẽ kết nối lại / idle database connection closed, will reconnect: ${err.message}\n`));
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    await migrate(db);
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  let lite = opts.pglite;
  let unlock = async () => {};
  if (!lite) {
    const dir = path.resolve(opts.dataDir ?? 'data');
    await mkdir(dir, { recursive: true });
    unlock = await lockDir(dir);
    try {
      lite = new PGlite(path.join(dir, 'pg'));
      await lite.waitReady;
    } catch (err) {
      await unlock();
      throw err;
    }
  }
  const owned = !opts.pglite;
  const pool = new pg.Pool(createPgConfig(lite) as unknown as pg.PoolConfig);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  await migrate(db);
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      if (owned) await lite.close();
      await unlock();
    },
  };
}

/** Run pending migrations; throws with the failing migration's error. */
export async function migrate(db: Kysely<DB>): Promise<void> {
  const { error } = await new Migrator({ db, provider: migrationProvider }).migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
}

async function lockDir(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, 'phuluc.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeFile(file, String(process.pid), { flag: 'wx' });
      return () => rm(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const pid = Number(await readFile(file, 'utf8').catch(() => '0'));
      if (pid > 0 && pid !== process.pid && alive(pid)) throw new DataDirLockedError(dir, pid);
      // A stale lock from a killed process: take it over.
      await rm(file, { force: true });
    }
  }
  throw new DataDirLockedError(dir, 0);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
