// `phuluc serve`: the sync server (embedded PGlite in ./data, or DATABASE_URL), until Ctrl+C or SIGTERM.
import { startServer } from '../../serve.ts';
import type { EntraVerify } from '../../auth/authenticate.ts';

export interface ServeCommandOptions {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  entra?: EntraVerify | null;
}

/** @example await serveCommand({ port: 8787, host: '127.0.0.1', dataDir: 'data' }) */
export async function serveCommand(opts: ServeCommandOptions): Promise<number> {
  const server = await startServer({ port: opts.port, host: opts.host, dataDir: opts.dataDir, ...(opts.databaseUrl ? { databaseUrl: opts.databaseUrl } : {}), entra: opts.entra ?? null });
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
