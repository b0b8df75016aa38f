// Vite build of the Excel task pane (React + Fluent UI) into dist/addin/, served by the sync server under /addin/.
// office.js comes from Microsoft's CDN (a <script> in taskpane.html), never from the bundle.
// `npm run dev:addin` serves https://localhost:3000/addin/taskpane.html with office-addin-dev-certs' certificate.
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));
/** Where the sync server runs in development: the pane's /api and /kiem-tra links reach it through the dev server. */
const SYNC_SERVER = process.env.PHULUC_SYNC_URL ?? 'http://127.0.0.1:8787';

export interface BundleSize {
  files: { file: string; bytes: number; gzip: number }[];
  total: { bytes: number; gzip: number };
}

/** Writes bundle-size.json (every emitted file, raw and gzipped) and prints the total after the build. */
export function bundleSize(): Plugin {
  let outDir = '';
  const files: BundleSize['files'] = [];
  return {
    name: 'phuluc-bundle-size',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    generateBundle(_options, bundle) {
      files.length = 0;
      for (const item of Object.values(bundle)) {
        const data = item.type === 'chunk' ? Buffer.from(item.code) : Buffer.from(item.source);
        files.push({ file: item.fileName, bytes: data.length, gzip: gzipSync(data).length });
      }
    },
    async closeBundle() {
      if (!outDir || files.length === 0) return;
      files.sort((a, b) => b.bytes - a.bytes);
      const total = files.reduce((t, f) => ({ bytes: t.bytes + f.bytes, gzip: t.gzip + f.gzip }), { bytes: 0, gzip: 0 });
      const report: BundleSize = { files, total };
      await writeFile(path.join(outDir, 'bundle-size.json'), `${JSON.stringify(report, null, 2)}\n`);
      const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
      console.log(
        `phuluc add-in: ${files.length} files, ${kb(total.bytes)} (gzip ${kb(total.gzip)}) → ${path.relative(process.cwd(), outDir) || '.'}/bundle-size.json`,
      );
    },
  };
}

export default defineConfig(async ({ command }) => ({
  root: here,
  // Relative URLs in the build, so the pane also works behind a reverse proxy under a path (https://host/phuluc/addin/);
  // the dev server serves it at /addin/ like the sync server does.
  base: command === 'build' ? './' : '/addin/',
  publicDir: path.join(here, 'public'),
  plugins: [react(), bundleSize()],
  build: {
    outDir: process.env.PHULUC_ADDIN_OUT ?? path.resolve(here, '../dist/addin'),
    emptyOutDir: true,
    // Hashed files go to static/ (cached for a year by server/routes/static.ts); icons and help.html stay at fixed names.
    assetsDir: 'static',
    // The .xlsx templates stay files (fetched when inserted), never data: URLs in the bundle.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1500,
    target: 'es2022',
    rolldownOptions: { input: { taskpane: path.join(here, 'taskpane.html'), auth: path.join(here, 'auth.html') } },
  },
  server: {
    port: 3000,
    strictPort: true,
    // Office loads add-ins over HTTPS only: the dev certificate is created (and trusted) on first use.
    https: command === 'serve' && process.env.PHULUC_DEV_HTTP !== '1' ? await devCertificate() : undefined,
    proxy: { '/api': SYNC_SERVER, '/kiem-tra': SYNC_SERVER, '/web': SYNC_SERVER },
  },
}));

async function devCertificate(): Promise<{ ca: Buffer; cert: Buffer; key: Buffer }> {
  const certs = (await import('office-addin-dev-certs')) as unknown as {
    getHttpsServerOptions(): Promise<{ ca: Buffer; cert: Buffer; key: Buffer }>;
  };
  return certs.getHttpsServerOptions();
}
