// One real server process serving both the web pages and the task pane, on PGlite or PostgreSQL, with Chromium: what
// the progress end-to-end suite drives (two panes report, the dashboard reads).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { buildPane, bundleScript } from '../../addin/browser/support/build.ts';
import { fakeDataScript } from '../../addin/browser/support/fixtures.ts';
import { freshPostgres } from '../../support/db.ts';
import { startServerProcess, type ServerProcess } from '../../support/server-process.ts';
import { apiOf, type Api } from './api.ts';
import { launchBrowser } from './browser.ts';
import { buildWeb } from './build.ts';

export type StoreKind = 'pglite' | 'postgres';

export interface ProgressStack {
  server: ServerProcess;
  url: string;
  admin: string;
  api: Api;
  browser: Browser;
  /** Init scripts of a pane page: the fixture workbook's data, then the strict fake Excel host. */
  paneScripts: string[];
  stop(): Promise<void>;
}

/**
 * Build the pages and the pane, start the server on a fresh store, launch Chromium.
 * @example const s = await startProgressStack('postgres', { PHULUC_PLANS: 'NQ57-2026=…' }, 'quang-son-phu-luc.xlsx')
 */
export async function startProgressStack(kind: StoreKind, env: Record<string, string>, workbook: string): Promise<ProgressStack> {
  const dataDir = kind === 'pglite' ? await mkdtemp(path.join(os.tmpdir(), 'phuluc-progress-data-')) : null;
  const database = kind === 'postgres' ? await freshPostgres() : null;
  // The two vite builds one after the other: the pane's build sets NODE_ENV for its duration.
  const webDir = await buildWeb();
  const paneDir = await buildPane();
  const [browser, fakeHost, fixtureData] = await Promise.all([
    launchBrowser(),
    bundleScript('test/addin/browser/support/fake-entry.ts'),
    fakeDataScript(workbook),
  ]);
  // The server runs the migrations itself; this process keeps its connection to the PostgreSQL database only to drop it.
  const server = await startServerProcess({
    ...(dataDir ? { dataDir } : {}),
    ...(database ? { databaseUrl: database.url } : {}),
    env: { PHULUC_WEB_DIR: webDir, PHULUC_ADDIN_DIR: paneDir, ...env },
  });
  if (!server.adminToken) throw new Error(`no admin token printed:\n${server.output()}`);
  return {
    server,
    url: server.url,
    admin: server.adminToken,
    api: apiOf(server.url),
    browser,
    paneScripts: [fixtureData, fakeHost],
    async stop() {
      await browser.close();
      await server.stop();
      await database?.close();
      await Promise.all([
        dataDir ? rm(dataDir, { recursive: true, force: true }) : null,
        rm(webDir, { recursive: true, force: true }),
        rm(paneDir, { recursive: true, force: true }),
      ]);
    },
  };
}
