// Everything a page test needs: the pages built, a real server process on a fresh PGlite folder serving them, Chromium.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { startServerProcess, type ServerProcess } from '../../support/server-process.ts';
import { apiOf, type Api } from './api.ts';
import { launchBrowser } from './browser.ts';
import { buildWeb } from './build.ts';

export interface Stack {
  server: ServerProcess;
  url: string;
  admin: string;
  api: Api;
  browser: Browser;
  stop(): Promise<void>;
}

/**
 * Build, start and launch (in parallel where they do not depend on each other).
 * @example const s = await startStack(); … await s.stop()
 */
export async function startStack(env: Record<string, string> = {}): Promise<Stack> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'phuluc-web-data-'));
  const [webDir, browser] = await Promise.all([buildWeb(), launchBrowser()]);
  const server = await startServerProcess({ dataDir, env: { PHULUC_WEB_DIR: webDir, ...env } });
  if (!server.adminToken) throw new Error(`no admin token printed:\n${server.output()}`);
  return {
    server,
    url: server.url,
    admin: server.adminToken,
    api: apiOf(server.url),
    browser,
    async stop() {
      await browser.close();
      await server.stop();
      await Promise.all([rm(dataDir, { recursive: true, force: true }), rm(webDir, { recursive: true, force: true })]);
    },
  };
}
