// Build the web pages once per test file with Vite's API, into a fresh folder the server is pointed at (PHULUC_WEB_DIR).
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { REPO_ROOT } from '../../support/paths.ts';

/**
 * Build web/ into a temporary folder and return it.
 * @example const dir = await buildWeb(); startServerProcess({ env: { PHULUC_WEB_DIR: dir } })
 */
export async function buildWeb(): Promise<string> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'phuluc-web-'));
  await build({ configFile: path.join(REPO_ROOT, 'web', 'vite.config.ts'), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  return outDir;
}
