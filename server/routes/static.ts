// The Excel task pane, built by `npm run build` into dist/addin/, served under /addin/ (the manifest's SourceLocation
// on a deployed server): an allow-list of content types, hashed files under static/ cached for a year, the rest
// revalidated (ETag), nosniff, and no way out of the folder. Before a build, /addin/* answers a JSON 404 that says so.
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Context, Env, Hono } from 'hono';
import { APP_ROOT } from '../app-root.ts';
import { ApiError } from '../http/errors.ts';

/** Where `npm run build` writes the pane (PHULUC_ADDIN_DIR overrides it). */
export const DEFAULT_ADDIN_DIR = path.join(APP_ROOT, 'dist/addin');

export interface AddinStaticOptions {
  /** Folder holding taskpane.html, static/, assets/ (default: PHULUC_ADDIN_DIR or dist/addin). */
  dir?: string;
}

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
};
/** One path segment: starts with a letter or digit (so never "." or ".." or a hidden file), then a short safe name. */
const SAFE_SEGMENT = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,150}$/;
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * Register GET /addin (redirect) and GET /addin/* (files).
 * @example registerAddinRoutes(app, { dir: 'dist/addin' })
 */
export function registerAddinRoutes<E extends Env>(app: Hono<E>, opts: AddinStaticOptions = {}): void {
  const dir = path.resolve(opts.dir ?? process.env.PHULUC_ADDIN_DIR ?? DEFAULT_ADDIN_DIR);
  // Relative redirects keep working behind a reverse proxy that mounts the server under a path.
  app.get('/addin', (c) => c.redirect('addin/taskpane.html', 302));
  app.get('/addin/', (c) => c.redirect('taskpane.html', 302));
  app.get('/addin/*', serveAddin(dir));
}

/**
 * The file handler for a built pane folder.
 * @example app.get('/addin/*', serveAddin('/srv/phuluc/dist/addin'))
 */
export function serveAddin(dir: string) {
  return async function addinFile(c: Context) {
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'no-referrer');
    // No X-Frame-Options / frame-ancestors here: Office shows the pane inside its own frame.
    if (!(await isFile(path.join(dir, 'taskpane.html')))) {
      c.header('Cache-Control', 'no-store');
      return c.json(
        new ApiError(
          404,
          'addin-not-built',
          'Chưa dựng add-in Excel: chạy “npm run build” rồi tải lại.',
          'The Excel add-in is not built: run "npm run build", then reload.',
        ).body(),
        404,
      );
    }
    const rel = c.req.path.slice('/addin/'.length);
    const segments = rel.split('/');
    const type = CONTENT_TYPES[path.extname(rel).toLowerCase()];
    const file = path.join(dir, ...segments);
    if (!type || rel.includes('%') || rel.includes('\\') || !segments.every((s) => SAFE_SEGMENT.test(s)) || !(await inside(dir, file))) {
      return notFound(c);
    }
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) return notFound(c);
    const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
    c.header('ETag', etag);
    // Hashed names under static/ never change content; the page, icons and help.html keep their names across builds.
    c.header('Cache-Control', segments[0] === 'static' && segments.length === 2 ? IMMUTABLE : 'no-cache');
    if (c.req.header('If-None-Match') === etag) return c.body(null, 304);
    c.header('Content-Type', type);
    return c.body(new Uint8Array(await readFile(file)), 200);
  };
}

function notFound(c: Context) {
  c.header('Cache-Control', 'no-store');
  return c.json(new ApiError(404, 'not-found', 'Không có tệp này trong add-in.', 'No such file in the add-in.').body(), 404);
}

async function isFile(file: string): Promise<boolean> {
  return (await stat(file).catch(() => null))?.isFile() === true;
}

/** Whether `file` (symlinks resolved) lies inside `dir`; a missing file is judged by its lexical path. */
async function inside(dir: string, file: string): Promise<boolean> {
  const root = await realpath(dir).catch(() => dir);
  const real = await realpath(file).catch(() => path.resolve(file));
  return real.startsWith(root + path.sep);
}
