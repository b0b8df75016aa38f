// A server process for the benchmarks (phuluc serve on PGlite or PostgreSQL, or a peer script) on a loopback port.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const PG_ADMIN_URL = process.env.PHULUC_BENCH_PG ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface BenchServer {
  url: string;
  pid: number;
  adminToken: string | null;
  stop(): Promise<void>;
}

/**
 * Spawn `node …args` and resolve once it prints "listening: URL". Request logs are read and dropped, as a log
 * shipper would: the server still formats and writes every line.
 * @example const s = await spawnServer([path.join(root, 'bin/phuluc'), 'serve'], { PHULUC_DATA_DIR: dir })
 */
export async function spawnServer(args: string[], env: Record<string, string> = {}): Promise<BenchServer> {
  const childEnv: Record<string, string> = { ...(process.env as Record<string, string>), PORT: '0', HOST: '127.0.0.1', ...env };
  if (!env.DATABASE_URL) delete childEnv.DATABASE_URL;
  const proc: ChildProcess = spawn(process.execPath, args, { cwd: root, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
  let head = '';
  let started = false;
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${head}`)), 120_000);
    proc.stdout!.on('data', (d: Buffer) => {
      if (started) return;
      head += d.toString();
      const m = /listening: (http:\/\/\S+)/.exec(head);
      if (m) {
        started = true;
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    proc.stderr!.on('data', (d: Buffer) => (head = (head + d.toString()).slice(-20_000)));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`server exited with ${code}:\n${head}`));
    });
  });
  return {
    url,
    pid: proc.pid!,
    adminToken: /\n\s+(phl_\S+)\n/.exec(head)?.[1] ?? null,
    stop: async () => {
      proc.kill('SIGTERM');
      await exited;
    },
  };
}

/** The per-commune quotas off: a benchmark stores thousands of revisions per commune in minutes, on purpose. */
const NO_QUOTAS = { PHULUC_MAX_REVISIONS_PER_DAY: '0', PHULUC_MAX_COMMUNE_BYTES: '0' };

/** The plans the benchmarks push and upload to, registered at start (a server answers 404 for any other key). */
const PLANS = { PHULUC_PLANS: 'NQ57-2026=Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026;BENCH-PUSH=Đo tải gửi kế hoạch' };

/** `phuluc serve` on a PGlite folder or a PostgreSQL URL; `phuluc` the CLI to run (a snapshot's, bench/snapshot.ts). */
export function startPhuluc(
  db: { dataDir: string } | { databaseUrl: string },
  phuluc = path.join(root, 'bin/phuluc'),
): Promise<BenchServer> {
  return spawnServer([phuluc, 'serve'], {
    ...NO_QUOTAS,
    ...PLANS,
    ...('dataDir' in db ? { PHULUC_DATA_DIR: db.dataDir } : { DATABASE_URL: db.databaseUrl }),
  });
}

/** A fresh PostgreSQL database for one benchmark run; drop() removes it. Null when no server answers. */
export async function benchDatabase(name = `phuluc_bench_${process.pid}`): Promise<{ url: string; drop(): Promise<void> } | null> {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: PG_ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}
