// server/routes/pages.ts driven with app.request(): the built pages and assets with their headers, no way out of the
// folder, the message before a build, and /api/config for Microsoft sign-in.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import type { Database } from '../../server/db/connect.ts';
import { contentSecurityPolicy, entraPublicConfig, registerPageRoutes } from '../../server/routes/pages.ts';
import type { App, Env } from '../../server/routes/types.ts';
import { freshPglite } from '../support/db.ts';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

let dir: string;
let empty: string;

function pagesApp(opts: { dir: string; env?: Record<string, string> }): App {
  const app: App = new OpenAPIHono<Env>();
  registerPageRoutes(app, { dir: opts.dir, env: opts.env ?? {} });
  return app;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'phuluc-pages-'));
  empty = await mkdtemp(path.join(os.tmpdir(), 'phuluc-pages-empty-'));
  await mkdir(path.join(dir, 'assets'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><title>tong hop</title>');
  await writeFile(path.join(dir, 'kiem-tra.html'), '<!doctype html><title>kiem tra</title>');
  await writeFile(path.join(dir, 'assets', 'index-AbC123.js'), 'export {};');
  await writeFile(path.join(dir, 'assets', 'style-AbC123.css'), 'body{}');
  await writeFile(path.join(dir, 'assets', 'notes.html'), '<p>not served</p>');
  await writeFile(path.join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  await writeFile(path.join(dir, 'secret.js'), 'no');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
  await rm(empty, { recursive: true, force: true });
});

describe('page routes', () => {
  it('serves / and /kiem-tra with a strict CSP and security headers, revalidated', async () => {
    const app = pagesApp({ dir });
    for (const [route, title] of [
      ['/', 'tong hop'],
      ['/kiem-tra', 'kiem tra'],
    ] as const) {
      const res = await app.request(route);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain(title);
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('referrer-policy')).toBe('no-referrer');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('keeps the pages’ popup group (COOP) except on the sign-in landing page; the token page is served like the others', async () => {
    await writeFile(path.join(dir, 'dang-nhap.html'), '<!doctype html><title>dang nhap</title>');
    await writeFile(path.join(dir, 'token.html'), '<!doctype html><title>token</title>');
    const app = pagesApp({ dir });
    const page = await app.request('/token');
    expect(page.status).toBe(200);
    expect(page.headers.get('cross-origin-opener-policy')).toBe('same-origin-allow-popups');
    expect(page.headers.get('permissions-policy')).toBe('camera=(), microphone=(), geolocation=()');
    expect(page.headers.get('content-security-policy')).toBe(CSP);
    const landing = await app.request('/dang-nhap');
    expect(landing.headers.get('cross-origin-opener-policy')).toBeNull();
    expect(landing.headers.get('x-frame-options')).toBe('DENY');
  });

  it('serves hashed assets for a year and the favicon for an hour, with their types', async () => {
    const app = pagesApp({ dir });
    const js = await app.request('/web/assets/index-AbC123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(js.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(js.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await app.request('/web/assets/style-AbC123.css')).headers.get('content-type')).toBe('text/css; charset=utf-8');
    const icon = await app.request('/web/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('cache-control')).toBe('public, max-age=3600');
  });

  it('never leaves the folder nor serves other kinds of files', async () => {
    const app = pagesApp({ dir });
    for (const p of [
      '/web/assets/../secret.js',
      '/web/assets/%2e%2e/secret.js',
      '/web/assets/..%2fsecret.js',
      '/web/assets/%2e%2e%2fsecret.js',
      '/web/..%2f..%2fpackage.json',
      '/web/assets/.hidden.js',
      '/web/assets/notes.html',
      '/web/assets/missing-1.js',
      '/web/a/b/c.js',
      '/web/index.html',
    ]) {
      const res = await app.request(p);
      expect([p, res.status]).toEqual([p, 404]);
    }
  });

  it('before a build: a 503 page in Vietnamese telling to run npm run build, while the API answers', async () => {
    const database: Database = await freshPglite();
    const before = process.env.PHULUC_WEB_DIR;
    process.env.PHULUC_WEB_DIR = empty;
    try {
      const app = createApp({ db: database.db, log: () => undefined });
      const res = await app.request('/');
      expect(res.status).toBe(503);
      const html = await res.text();
      expect(html).toContain('Trang web chưa được dựng');
      expect(html).toContain('npm run build');
      expect(html).toContain('English');
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      expect((await app.request('/kiem-tra')).status).toBe(503);
      expect((await app.request('/api/health')).status).toBe(200);
      expect((await app.request('/api/me')).status).toBe(401);
    } finally {
      if (before === undefined) delete process.env.PHULUC_WEB_DIR;
      else process.env.PHULUC_WEB_DIR = before;
      await database.close();
    }
  });

  it('advertises Microsoft sign-in only when configured, and then lets the page reach the identity platform', async () => {
    const none = await pagesApp({ dir }).request('/api/config');
    expect(await none.json()).toEqual({ entra: null });
    const env = {
      PHULUC_ENTRA_CLIENT_ID: '11111111-2222-3333-4444-555555555555',
      PHULUC_ENTRA_TENANT_ID: 'contoso.onmicrosoft.com',
      PHULUC_ENTRA_AUDIENCE: 'api://phuluc, other',
    };
    const app = pagesApp({ dir, env });
    const res = await app.request('/api/config');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({
      entra: { clientId: env.PHULUC_ENTRA_CLIENT_ID, tenantId: env.PHULUC_ENTRA_TENANT_ID, audience: 'api://phuluc' },
    });
    expect((await app.request('/')).headers.get('content-security-policy')).toContain(
      "connect-src 'self' https://login.microsoftonline.com;",
    );
    expect(entraPublicConfig({ PHULUC_ENTRA_TENANT_ID: 't' })).toBeNull();
    expect(entraPublicConfig({ PHULUC_ENTRA_CLIENT_ID: 'c', PHULUC_ENTRA_TENANT_ID: 't' })?.audience).toBe('api://c');
    expect(contentSecurityPolicy(false)).toBe(CSP);
  });
});
