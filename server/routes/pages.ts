// The web pages: dashboard "/", check-and-submit "/kiem-tra", token administration "/token" (built by Vite into dist/web), their hashed assets under
// /web/, and the public /api/config the pages read to know whether Microsoft sign-in is offered.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { createRoute } from '@hono/zod-openapi';
import { secureHeaders } from 'hono/secure-headers';
import { API_PATHS, ServerConfig, type EntraPublicConfig } from '../../core/api/index.ts';
import { APP_ROOT } from '../app-root.ts';
import { baseErrors, json } from './responses.ts';
import type { App } from './types.ts';

type SecureHeadersOptions = NonNullable<Parameters<typeof secureHeaders>[0]>;

/** Where `npm run build:web` writes the pages (PHULUC_WEB_DIR overrides it, e.g. for tests). */
export const DEFAULT_WEB_DIR = path.join(APP_ROOT, 'dist/web');

/** Public Entra settings the browser needs for MSAL (no secret: a SPA client id, the tenant and the API audience). */
export type { EntraPublicConfig } from '../../core/api/index.ts';

export interface PageOptions {
  /** Folder holding index.html, kiem-tra.html and assets/ (default: PHULUC_WEB_DIR or dist/web). */
  dir?: string;
  /** Environment the Entra settings are read from (default: process.env). */
  env?: Record<string, string | undefined>;
}

const PAGES: Record<string, string> = {
  '/': 'index.html',
  '/kiem-tra': 'kiem-tra.html',
  '/dang-nhap': 'dang-nhap.html',
  '/token': 'token.html',
};
/** What may be served: Vite's output under assets/, and icons at the top of the folder. */
const ASSET_TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};
const TOP_TYPES: Record<string, string> = { '.svg': 'image/svg+xml', '.png': 'image/png' };
/** One path segment of a built file: no dot-dot, no slash, no hidden file. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,150}$/;
const ENTRA_AUTHORITY = 'https://login.microsoftonline.com';

/**
 * The Entra settings to advertise, or null when sign-in with Microsoft is not configured
 * (needs PHULUC_ENTRA_CLIENT_ID and PHULUC_ENTRA_TENANT_ID; the audience defaults to api://<client id>).
 * @example entraPublicConfig({ PHULUC_ENTRA_CLIENT_ID: 'c', PHULUC_ENTRA_TENANT_ID: 't', PHULUC_ENTRA_AUDIENCE: 'api://phuluc' })
 */
export function entraPublicConfig(env: Record<string, string | undefined>): EntraPublicConfig | null {
  const clientId = env.PHULUC_ENTRA_CLIENT_ID?.trim();
  const tenantId = env.PHULUC_ENTRA_TENANT_ID?.trim();
  if (!clientId || !tenantId) return null;
  const audience =
    (env.PHULUC_ENTRA_AUDIENCE ?? '')
      .split(',')
      .map((a) => a.trim())
      .find((a) => a !== '') ?? `api://${clientId}`;
  return { clientId, tenantId, audience };
}

/** The pages' Content-Security-Policy as directives (Hono's secure-headers writes them). */
function cspDirectives(entra: boolean) {
  return {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:', 'blob:'],
    connectSrc: ["'self'", ...(entra ? [ENTRA_AUTHORITY] : [])],
    objectSrc: ["'none'"],
    baseUri: ["'none'"],
    frameAncestors: ["'none'"],
    formAction: ["'self'"],
  };
}

/**
 * The pages' Content-Security-Policy: nothing inline, nothing from elsewhere. With Entra sign-in, MSAL must also
 * reach the Microsoft identity platform for tokens.
 * @example contentSecurityPolicy(false).includes("script-src 'self'") // true
 */
export function contentSecurityPolicy(entra: boolean): string {
  return Object.entries(cspDirectives(entra))
    .map(([k, v]) => `${k.replace(/[A-Z]/g, (ch) => `-${ch.toLowerCase()}`)} ${v.join(' ')}`)
    .join('; ');
}

/**
 * Register the page routes.
 * @example registerPageRoutes(app, { dir: 'dist/web' })
 */
export function registerPageRoutes(app: App, opts: PageOptions = {}): void {
  const env = opts.env ?? process.env;
  const dir = path.resolve(opts.dir ?? env.PHULUC_WEB_DIR ?? DEFAULT_WEB_DIR);
  const entra = entraPublicConfig(env);
  // Hono's secure-headers: CSP, nosniff, no referrer, no framing, no camera/microphone/location.
  const headers: SecureHeadersOptions = {
    contentSecurityPolicy: cspDirectives(entra !== null),
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  };
  // The pages keep their popup (Microsoft sign-in) in their group; the popup's landing page must have no COOP at
  // all, or the browser cuts it off from the window that opened it (MSAL v5 redirect bridge). Assets need none.
  const pageHeaders = secureHeaders({ ...headers, crossOriginOpenerPolicy: 'same-origin-allow-popups' });
  const plainHeaders = secureHeaders({ ...headers, crossOriginOpenerPolicy: false });

  app.openapi(
    createRoute({
      method: 'get',
      path: API_PATHS.config,
      responses: { 200: json(ServerConfig, 'Cấu hình công khai: có đăng nhập Microsoft không'), ...baseErrors },
    }),
    (c) => {
      c.header('Cache-Control', 'no-store');
      return c.json({ entra }, 200);
    },
  );

  for (const [route, file] of Object.entries(PAGES)) {
    app.get(route, file === 'dang-nhap.html' ? plainHeaders : pageHeaders, async function webPage(c) {
      const html = await readIfFile(path.join(dir, file));
      if (html === null) {
        c.header('Cache-Control', 'no-store');
        return c.html(notBuiltPage(dir), 503);
      }
      // HTML names the hashed assets: always revalidated, so a new build is picked up at once.
      c.header('Cache-Control', 'no-cache');
      return c.html(new TextDecoder().decode(html), 200);
    });
  }

  app.get('/web/*', plainHeaders, async function webAsset(c) {
    const rel = c.req.path.slice('/web/'.length).split('/');
    const inAssets = rel.length === 2 && rel[0] === 'assets';
    const name = inAssets ? rel[1]! : rel.length === 1 ? rel[0]! : '';
    const type = (inAssets ? ASSET_TYPES : TOP_TYPES)[path.extname(name).toLowerCase()];
    if (!SAFE_NAME.test(name) || !type) return c.text('Không có tệp này. / Not found.', 404);
    const data = await readIfFile(path.join(dir, ...(inAssets ? ['assets', name] : [name])));
    if (data === null) return c.text('Không có tệp này. / Not found.', 404);
    c.header('Content-Type', type);
    // Names under assets/ carry a content hash: cache them for a year; the rest (favicon) for an hour.
    c.header('Cache-Control', inAssets ? 'public, max-age=31536000, immutable' : 'public, max-age=3600');
    return c.body(data, 200);
  });
}

async function readIfFile(file: string): Promise<Uint8Array<ArrayBuffer> | null> {
  const s = await stat(file).catch(() => null);
  if (!s?.isFile()) return null;
  return new Uint8Array(await readFile(file));
}

/** What the pages answer before `npm run build`: in Vietnamese first, the API is still there. */
function notBuiltPage(dir: string): string {
  const where = dir.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>phuluc — chưa dựng trang web</title></head><body>
<h1>Trang web chưa được dựng</h1>
<p>Máy chủ không tìm thấy các trang đã dựng trong <code>${where}</code>. Hãy chạy <code>npm run build</code> rồi tải lại trang này
(không cần khởi động lại máy chủ). API đồng bộ vẫn hoạt động: <a href="/api/docs">/api/docs</a>.</p>
<p lang="en">English: the web pages are not built yet. Run <code>npm run build</code>, then reload this page. The sync API works meanwhile: <a href="/api/docs">/api/docs</a>.</p>
</body></html>`;
}
