// A real phuluc server process (bin/phuluc serve) on a loopback port, for real-HTTP, multi-process and kill -9 tests.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { TEST_PLANS_ENV } from './db.ts';
import { REPO_ROOT } from './paths.ts';

export interface ServerProcess {
  url: string;
  proc: ChildProcess;
  /** The admin token printed on first start, when this start printed one. */
  adminToken: string | null;
  output(): string;
  /** SIGTERM and wait for exit. */
  stop(): Promise<void>;
  /** SIGKILL (kill -9) and wait for exit. */
  kill(): Promise<void>;
}

/**
 * Spawn the server and resolve once it prints its URL.
 * @example const s = await startServerProcess({ dataDir }); await fetch(`${s.url}/api/health`)
 */
export async function startServerProcess(opts: {
  dataDir?: string;
  databaseUrl?: string;
  env?: Record<string, string>;
}): Promise<ServerProcess> {
  // The suites' plans are registered at start (PHULUC_PLANS), as an administrator would seed them; env may replace them.
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: '0',
    HOST: '127.0.0.1',
    PHULUC_PLANS: TEST_PLANS_ENV,
    ...(opts.env ?? {}),
  };
  delete env.DATABASE_URL;
  if (opts.databaseUrl) env.DATABASE_URL = opts.databaseUrl;
  if (opts.dataDir) env.PHULUC_DATA_DIR = opts.dataDir;
  const proc = spawn(process.execPath, [path.join(REPO_ROOT, 'bin', 'phuluc'), 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    // It resolves on the server's own "listening" line or rejects on its exit; this only stops a hung start, so it is
    // generous: creating a fresh PGlite folder takes well over ten seconds on a loaded two-core machine.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 180_000);
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening: (http:\/\/[^\s]+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${out}`));
    });
  });
  const admin = /\n\s+(phl_\S+)\n/.exec(out)?.[1] ?? null;
  return {
    url,
    proc,
    adminToken: admin,
    output: () => out,
    stop: async () => {
      proc.kill('SIGTERM');
      await exited;
    },
    kill: async () => {
      proc.kill('SIGKILL');
      await exited;
    },
  };
}
