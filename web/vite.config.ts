// Vite build of the web pages (dashboard "/", "Kiểm tra" "/kiem-tra", "Quản lý token" "/token"): hashed assets under /web/assets/, no CDN,
// nothing inline (the server sends a strict Content-Security-Policy).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/web/',
  publicDir: path.join(here, 'public'),
  logLevel: 'warn',
  build: {
    outDir: process.env.PHULUC_WEB_OUT ?? path.resolve(here, '../dist/web'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Inline data: assets and the modulepreload polyfill would need CSP exceptions.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    chunkSizeWarningLimit: 1500,
    target: 'es2022',
    rollupOptions: {
      input: {
        index: path.join(here, 'index.html'),
        'kiem-tra': path.join(here, 'kiem-tra.html'),
        'dang-nhap': path.join(here, 'dang-nhap.html'),
        token: path.join(here, 'token.html'),
      },
      output: {
        manualChunks: (id) => {
          // zod in one chunk with shell/no-eval.ts, which every page imports first and so runs first in it: split
          // otherwise, a chunk of schemas could run before it and zod probe `new Function` (the CSP forbids eval).
          if (id.includes('/node_modules/zod/') || id.endsWith('/web/src/shell/no-eval.ts')) return 'zod';
          return undefined;
        },
        chunkFileNames: (chunk) => {
          // Chunks shared by several pages would otherwise be named after whichever module came first.
          if (!chunk.isDynamicEntry) return 'assets/shared-[hash].js';
          // The workbook and Word readers are both read-browser.ts: their folder tells them apart.
          const folder = path.basename(path.dirname(chunk.facadeModuleId ?? ''));
          return folder === 'docx' || folder === 'xlsx' ? `assets/${folder}-[name]-[hash].js` : 'assets/[name]-[hash].js';
        },
        assetFileNames: (asset) =>
          asset.names.some((n) => n.endsWith('.css')) ? 'assets/style-[hash][extname]' : 'assets/[name]-[hash][extname]',
      },
    },
  },
});
