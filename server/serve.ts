// Start the sync server: open (and migrate) the database, print an admin token on first start, listen, stop cleanly.
import { serve, type ServerType } from '@hono/node-server';
import { createApp } from './app.ts';
import { openDatabase, type Database } from './db/connect.ts';
import { stdoutSink, type LogSink } from './http/logger.ts';
import { createToken, hasAdminToken } from './store/tokens.ts';
import type { EntraVerify } from './auth/authenticate.ts';

export interface ServeOptions {
  port: number;
  host: string;
  databaseUrl?: string;
  dataDir?: string;
  entra?: EntraVerify | null;
  log?: LogSink;
  /** Where first-start messages go (the admin token). */
  announce?: (text: string) => void;
}

export interface RunningServer {
  url: string;
  database: Database;
  close(): Promise<void>;
}

/**
 * Open the database and listen. Resolves once the port is bound.
 * @example const s = await startServer({ port: 8787, host: '127.0.0.1' }); console.log(s.url)
 */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const announce = opts.announce ?? ((t: string) => process.stdout.write(t));
  const database = await openDatabase(opts.databaseUrl ? { url: opts.databaseUrl } : { dataDir: opts.dataDir ?? 'data' });
  if (!(await hasAdminToken(database.db))) {
    const t = await createToken(database.db, { role: 'admin', label: 'quản trị viên đầu tiên', createdBy: 'first-start' });
    announce(`\nToken quản trị (chỉ hiện một lần, hãy cất giữ) / admin token (shown once):\n  ${t.secret}\n\n`);
  }
  const app = createApp({ db: database.db, entra: opts.entra ?? null, log: opts.log ?? stdoutSink });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: opts.port, hostname: opts.host }, () => resolve(s));
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  const url = `http://${opts.host.includes(':') ? `[${opts.host}]` : opts.host}:${port}`;
  return {
    url,
    database,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}
