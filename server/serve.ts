// Start the sync server: open (and migrate) the database, print an admin token on first start, listen, stop cleanly.
import v8 from 'node:v8';
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import { openDatabase, type Database } from './db/connect.ts';
import { stdoutSink, type LogSink } from './http/logger.ts';
import { reportLoopDelay } from './loop-delay.ts';
import { closeServerPool } from './workers/server-pool.ts';
import type { Limits } from './limits.ts';
import { createToken, hasAdminToken } from './store/tokens.ts';
import { parsePlanSeeds, seedPlans, type PlanSeed } from './store/registry.ts';
import type { EntraVerify } from './auth/authenticate.ts';

export interface ServeOptions {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir?: string;
  entra?: EntraVerify | null;
  log?: LogSink;
  /** Limits (default: DEFAULT_LIMITS; `phuluc serve` reads them from the environment). */
  limits?: Partial<Limits>;
  /** Where first-start messages go (the admin token). */
  announce?: (text: string) => void;
  /** Plans registered at start when missing (default: PHULUC_PLANS, see parsePlanSeeds); existing ones are kept as they are. */
  plans?: PlanSeed[];
}

export interface RunningServer {
  url: string;
  database: Database;
  close(): Promise<void>;
}

/**
 * V8 lets the old generation grow to up to 4× what survived its last full collection before the next one; a server's
 * long jobs (the national export: 3,321 plans through the pg driver, ~250 MB of plan text that outlives the young
 * generation) then peaked ~100 MiB above the live heap. 1.5× holds that export to ~280 MiB instead of ~360–420 (PGlite,
 * no read worker started), for ~4% more CPU: measured with the flag set here, at start, not on the command line.
 */
const HEAP_GROWING = '--heap-growing-percent=50';

/**
 * Open the database and listen. Resolves once the port is bound.
 * @example const s = await startServer({ port: 8787, host: '127.0.0.1' }); console.log(s.url)
 */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  v8.setFlagsFromString(HEAP_GROWING);
  // The read pool's worker starts with the first upload or large body (server-pool.ts), not here: it holds ~35 MiB,
  // which a server answering pushes and exports never needs. That first read waits a second or two for it to load.
  const announce = opts.announce ?? ((t: string) => process.stdout.write(t));
  // A bad PHULUC_PLANS entry stops the start before the database is opened, naming the entry.
  const plans = opts.plans ?? parsePlanSeeds(process.env.PHULUC_PLANS);
  const database = await openDatabase(opts.databaseUrl ? { url: opts.databaseUrl } : { dataDir: opts.dataDir ?? 'data' });
  try {
    await seedPlans(database.db, plans, 'PHULUC_PLANS');
    // First start — or every admin token expired or revoked: whoever runs the server gets a new one.
    if (!(await hasAdminToken(database.db))) {
      const t = await createToken(database.db, { role: 'admin', label: 'quản trị viên đầu tiên', createdBy: 'first-start' });
      announce(
        `\nToken quản trị (chỉ hiện một lần, hãy cất giữ; hết hạn ${t.expiresAt?.slice(0, 10)}) / admin token (shown once):\n  ${t.secret}\n\n`,
      );
    }
  } catch (err) {
    await database.close();
    throw err;
  }
  const app = createApp({
    db: database.db,
    entra: opts.entra ?? null,
    log: opts.log ?? stdoutSink,
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(database.pool ? { dbPool: database.pool } : {}),
  });
  let server: ServerType;
  try {
    server = await new Promise((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, () => {
        s.off('error', reject);
        resolve(s);
      });
      // A port in use is an 'error' event, not an exception: without a listener it would end the process.
      s.once('error', reject);
    });
  } catch (err) {
    await database.close();
    throw err;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
  const stopLoopReport = reportLoopDelay(opts.log ?? stdoutSink, process.env);
  return {
    url,
    database,
    close: async () => {
      stopLoopReport();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await closeServerPool();
      await database.close();
    },
  };
}
