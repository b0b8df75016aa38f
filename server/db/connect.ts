// Open the database: embedded PGlite in a data folder (one laptop, no setup) or PostgreSQL from DATABASE_URL.
import { link, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
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
  /** The connection pool's counts, read live (for /api/metrics). */
  pool?: PoolStats;
  close(): Promise<void>;
}

/** What pg.Pool counts: connections open, idle among them, and queries waiting for one. */
export interface PoolStats {
  readonly totalCount: number;
  readonly idleCount: number;
  readonly waitingCount: number;
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
  /** Run pending migrations on open (default true); `phuluc restore` creates the schema itself, in its transaction. */
  migrate?: boolean;
  /**
   * One connection, never closed while idle: a transaction opened with a plain `BEGIN` stays on it across queries and
   * across Kysely's migrator (`phuluc restore` writes the schema and every row in one transaction).
   */
  singleConnection?: boolean;
}

/** Who holds a data folder: written into data/phuluc.lock. */
export interface LockInfo {
  pid: number;
  /** The process's start time (clock ticks since boot, /proc/<pid>/stat field 22); null where /proc is missing. */
  start: string | null;
  /** The kernel's boot id: a start time means nothing after a reboot. */
  boot: string | null;
  host: string;
  /** When the lock was taken (ISO), for the message. */
  since?: string;
}

/**
 * PGlite's start, with 16 MB of shared buffers instead of initdb's 128 MB: all of PostgreSQL lives in the process's
 * WebAssembly heap and PGlite touches every buffer at start, so the default held ~110 MiB more for good (a restarted
 * server idled at ~420 MiB, ~305 now; the national export peaked at ~540, ~360–380 now, as fast). A laptop's plans
 * are read from the OS's file cache just as quickly.
 */
const PGLITE_START = [...PGlite.defaultStartParams, '-c', 'shared_buffers=16MB'];

/** Thrown when another process holds the PGlite data folder: PGlite itself would let both write and corrupt it. */
export class DataDirLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockInfo | null,
  ) {
    const who = holder
      ? `tiến trình ${holder.pid} trên máy “${holder.host}”${holder.since ? `, từ ${holder.since}` : ''}`
      : 'một tiến trình khác';
    const whoEn = holder
      ? `process ${holder.pid} on host "${holder.host}"${holder.since ? ` since ${holder.since}` : ''}`
      : 'another process';
    const file = path.join(dir, 'phuluc.lock');
    super(
      `Thư mục dữ liệu ${dir} đang được ${who} dùng (một máy chủ phuluc đang chạy?). Hãy dừng tiến trình đó hoặc dùng thư mục khác (--data, PHULUC_DATA_DIR). ` +
        `Nếu chắc chắn không còn tiến trình nào dùng thư mục này, xóa tệp ${file}.\n` +
        `Data folder ${dir} is in use by ${whoEn}. Stop it or use another folder; if nothing uses it, delete ${file}.`,
    );
    this.name = 'DataDirLockedError';
  }

  get pid(): number {
    return this.holder?.pid ?? 0;
  }
}

const ONE_CONNECTION: pg.PoolConfig = { max: 1, idleTimeoutMillis: 0 };

/**
 * Open and migrate. PGlite never fsyncs: data survives a killed process but not a power cut (see README).
 * @example const { db, close } = await openDatabase({ dataDir: './data' })
 */
export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10, ...(opts.singleConnection ? ONE_CONNECTION : {}) });
    // An idle connection can be cut (PostgreSQL restarted, a backend terminated): pg then emits 'error' on the pool,
    // and with no listener that would end the whole server. The pool drops that client; the next query reconnects.
    pool.on('error', (err) =>
      process.stderr.write(
        `phuluc: kết nối CSDL nhàn rỗi bị đóng, sẽ kết nối lại / idle database connection closed, will reconnect: ${err.message}\n`,
      ),
    );
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    if (opts.migrate !== false) await migrate(db);
    return { db, kind: 'postgres', pool, close: () => db.destroy() };
  }
  let lite = opts.pglite;
  let unlock = async () => {};
  if (!lite) {
    const dir = path.resolve(opts.dataDir ?? 'data');
    await mkdir(dir, { recursive: true });
    unlock = await lockDir(dir);
    try {
      lite = new PGlite(path.join(dir, 'pg'), { startParams: PGLITE_START });
      await lite.waitReady;
    } catch (err) {
      await unlock();
      throw err;
    }
  }
  const owned = !opts.pglite;
  const pool = new pg.Pool({ ...(createPgConfig(lite) as unknown as pg.PoolConfig), ...(opts.singleConnection ? ONE_CONNECTION : {}) });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  if (opts.migrate !== false) await migrate(db);
  return {
    db,
    kind: 'pglite',
    pool,
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

/**
 * Take data/phuluc.lock, or throw DataDirLockedError naming its holder. The lock records pid, process start time, boot
 * id and host: a lock is stale — and taken over — when its process is gone, or its pid now belongs to another process
 * (a different start time: pid reuse after a crash or a reboot). A lock from another host cannot be checked: held.
 * @example const unlock = await lockDir('/srv/phuluc/data'); … await unlock()
 */
export async function lockDir(dir: string): Promise<() => Promise<void>> {
  const file = path.join(dir, 'phuluc.lock');
  const mine: LockInfo = {
    pid: process.pid,
    start: await processStart(process.pid),
    boot: await bootId(),
    host: os.hostname(),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt++) {
    // Written aside, then linked into place: the lock never exists half-written, and link() fails if it exists.
    const tmp = `${file}.${process.pid}.${Date.now()}`;
    await writeFile(tmp, JSON.stringify(mine));
    try {
      await link(tmp, file);
      return () => rm(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      await rm(tmp, { force: true });
    }
    const holder = parseLock(await readFile(file, 'utf8').catch(() => ''));
    if (holder && (await lockHeld(holder, mine))) throw new DataDirLockedError(dir, holder);
    // A stale lock from a killed process (or a reused pid): take it over.
    await rm(file, { force: true });
  }
  throw new DataDirLockedError(dir, null);
}

/** The lock file's content: JSON, or a bare pid (locks written before start times were recorded). */
export function parseLock(text: string): LockInfo | null {
  const t = text.trim();
  if (/^\d+$/.test(t)) return { pid: Number(t), start: null, boot: null, host: os.hostname() };
  try {
    const j = JSON.parse(t) as Partial<LockInfo>;
    if (typeof j.pid !== 'number' || !Number.isInteger(j.pid) || j.pid <= 0 || typeof j.host !== 'string') return null;
    return {
      pid: j.pid,
      start: typeof j.start === 'string' ? j.start : null,
      boot: typeof j.boot === 'string' ? j.boot : null,
      host: j.host,
      ...(typeof j.since === 'string' ? { since: j.since } : {}),
    };
  } catch {
    return null;
  }
}

/** Whether the process a lock names is still the one that wrote it. */
export async function lockHeld(holder: LockInfo, mine: Pick<LockInfo, 'pid' | 'boot' | 'host'>): Promise<boolean> {
  if (holder.host !== mine.host) return true;
  if (holder.pid === mine.pid || !alive(holder.pid)) return false;
  if (holder.boot && mine.boot && holder.boot !== mine.boot) return false;
  const now = await processStart(holder.pid);
  if (holder.start && now) return holder.start === now;
  // An old lock (pid only) on Linux: held only if that pid is a Node process (a phuluc server runs on Node).
  if (!holder.start && now) return /node|phuluc/i.test(await readFile(`/proc/${holder.pid}/cmdline`, 'utf8').catch(() => ''));
  return true;
}

/** /proc/<pid>/stat field 22 (start time in clock ticks after boot); null without /proc (macOS, Windows). */
export async function processStart(pid: number): Promise<string | null> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
  if (!stat) return null;
  // Field 2 (the command) is in parentheses and may hold spaces: count from the last ')'; field 3 is index 0.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return fields[19] ?? null;
}

async function bootId(): Promise<string | null> {
  return (await readFile('/proc/sys/kernel/random/boot_id', 'utf8').catch(() => '')).trim() || null;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
