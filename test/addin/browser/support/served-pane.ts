// One built pane served on loopback and one headless Chromium per test file: made before its tests, removed after.
import { rm } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launch } from './browser.ts';
import { buildPane, bundleScript } from './build.ts';
import { fakeDataScript } from './fixtures.ts';
import { startPaneServer, type PaneServer } from './server.ts';

export interface ServedPane {
  /** The built pane's folder. */
  dir: string;
  server: PaneServer;
  browser: Browser;
  /** The strict fake Excel host's script ('' unless asked for). */
  fakeHost: string;
  /** Each asked-for fixture workbook's data script for the fake host, by file name. */
  data: Record<string, string>;
}

export interface ServedPaneOptions {
  /** Bundle the strict fake Excel host (test/addin/browser/support/fake-entry.ts). */
  fakeHost?: boolean;
  /** Fixture workbooks (test/fixtures/workbooks) to load into the fake host. */
  data?: string[];
  timeout?: number;
}

/**
 * Register the file's beforeAll/afterAll and return the pane they fill in (read its fields inside tests only).
 * @example const pane = servedPane({ fakeHost: true, data: ['quang-son-phu-luc.xlsx'] })
 */
export function servedPane(opts: ServedPaneOptions = {}): ServedPane {
  const pane = { dir: '', fakeHost: '', data: {} } as ServedPane;
  beforeAll(async () => {
    const names = opts.data ?? [];
    const [dir, fakeHost, ...data] = await Promise.all([
      buildPane(),
      opts.fakeHost ? bundleScript('test/addin/browser/support/fake-entry.ts') : Promise.resolve(''),
      ...names.map((name) => fakeDataScript(name)),
    ]);
    pane.dir = dir;
    pane.fakeHost = fakeHost;
    names.forEach((name, i) => (pane.data[name] = data[i] ?? ''));
    pane.server = await startPaneServer(dir);
    pane.browser = await launch();
  }, opts.timeout ?? 120_000);
  afterAll(async () => {
    await pane.browser?.close();
    await pane.server?.close();
    if (pane.dir) await rm(pane.dir, { recursive: true, force: true });
  });
  return pane;
}
