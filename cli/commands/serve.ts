// `phuluc serve`: the sync server (embedded PGlite in ./data, or DATABASE_URL), until Ctrl+C or SIGTERM.
import { startServer, type RunningServer } from '../../server/serve.ts';
import type { EntraVerify } from '../../server/auth/authenticate.ts';
import { DataDirLockedError } from '../../server/db/connect.ts';
import { limitsFromEnv } from '../../server/limits.ts';

export interface ServeCommandOptions {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  entra?: EntraVerify | null;
}

/** @example await serveCommand({ port: 8787, host: '127.0.0.1', dataDir: 'data' }) */
export async function serveCommand(opts: ServeCommandOptions): Promise<number> {
  let server: RunningServer;
  try {
    const limits = limitsFromEnv(process.env);
    server = await startServer({
      port: opts.port,
      host: opts.host,
      dataDir: opts.dataDir,
      ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}),
      entra: opts.entra ?? null,
      limits,
    });
  } catch (err) {
    // What went wrong in words, never a stack trace (PHULUC_DEBUG=1 shows it).
    process.stderr.write(`phuluc: ${startFailure(err, opts)}\n`);
    if (process.env.PHULUC_DEBUG === '1' && err instanceof Error) process.stderr.write(`${err.stack}\n`);
    return 2;
  }
  const where = server.database.kind === 'pglite' ? `PGlite (${opts.dataDir})` : 'PostgreSQL (DATABASE_URL)';
  process.stdout.write(`phuluc đang chạy / listening: ${server.url}  ·  API: ${server.url}/api/docs  ·  CSDL / database: ${where}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await server.close();
  return 0;
}

/** A start-up failure as a message for the person starting the server. */
export function startFailure(err: unknown, opts: Pick<ServeCommandOptions, 'port' | 'host' | 'databaseUrl'>): string {
  if (err instanceof DataDirLockedError) return err.message;
  const e = err as NodeJS.ErrnoException;
  if (e?.code === 'EADDRINUSE')
    return `Cổng ${opts.port} trên ${opts.host} đang được chương trình khác dùng; chọn cổng khác (--port, PORT). / Port ${opts.port} is in use; choose another (--port, PORT).`;
  if (e?.code === 'EACCES' || e?.code === 'EADDRNOTAVAIL')
    return `Không mở được cổng ${opts.port} trên ${opts.host} (${e.code}); kiểm tra --host, --port. / Cannot listen on ${opts.host}:${opts.port} (${e.code}).`;
  if (opts.databaseUrl && (e?.code === 'ECONNREFUSED' || e?.code === 'ENOTFOUND' || e?.code === '28P01' || e?.code === '3D000')) {
    return `Không kết nối được PostgreSQL (DATABASE_URL): ${e.message}. / Cannot connect to PostgreSQL (DATABASE_URL).`;
  }
  return `không khởi động được máy chủ / the server could not start: ${e instanceof Error ? e.message : String(err)}`;
}
