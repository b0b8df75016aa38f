// Build what the browser tests load: the pane itself (vite, with the repository's addin/vite.config.ts) and a
// browser script that installs the fake Excel host (one IIFE, added with page.addInitScript before the app runs).
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build, type InlineConfig } from 'vite';
import { REPO_ROOT } from '../../../support/paths.ts';

/**
 * `vite build` of the pane into a fresh temporary folder (what `npm run build` does, elsewhere).
 * @example const dir = await buildPane(); … await rm(dir, { recursive: true })
 */
export async function buildPane(extra: InlineConfig = {}): Promise<string> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'phuluc-addin-'));
  // vitest sets NODE_ENV=test, which would make vite and the React plugin build for development; build as
  // `npm run build` does (NODE_ENV unset means production).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({
      ...extra,
      configFile: path.join(REPO_ROOT, 'addin/vite.config.ts'),
      mode: 'production',
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return outDir;
}

/**
 * Bundle a browser entry into one classic script (IIFE), returned as text.
 * @example await page.addInitScript({ content: await bundleScript('test/addin/browser/support/fake-entry.ts') })
 */
export async function bundleScript(entry: string): Promise<string> {
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'phuluc-fake-'));
  try {
    await build({
      configFile: false,
      root: REPO_ROOT,
      logLevel: 'warn',
      define: { 'process.env.NODE_ENV': '"production"' },
      build: {
        outDir,
        emptyOutDir: true,
        minify: false,
        target: 'es2022',
        lib: { entry: path.resolve(REPO_ROOT, entry), formats: ['iife'], name: 'PhulucFakeHost', fileName: () => 'fake.js' },
      },
    });
    return await readFile(path.join(outDir, 'fake.js'), 'utf8');
  } finally {
    await rm(outDir, { recursive: true, force: true });
  }
}
