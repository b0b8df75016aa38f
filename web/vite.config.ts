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
  resolve: {
    // exceljs's browser build (its own Buffer/stream shims), as the package's "browser" field names it.
    alias: [{ find: /^exceljs$/, replacement: path.resolve(here, '../node_modules/exceljs/dist/exceljs.min.js') }],
  },
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
        // Chunks shared by several pages would otherwise be named after whichever module came first.
        chunkFileNames: (chunk) => (chunk.isDynamicEntry ? 'assets/[name]-[hash].js' : 'assets/shared-[hash].js'),
        assetFileNames: (asset) =>
          asset.names.some((n) => n.endsWith('.css')) ? 'assets/style-[hash][extname]' : 'assets/[name]-[hash][extname]',
      },
    },
  },
});
