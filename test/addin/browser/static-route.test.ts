// server/routes/static.ts: the built pane under /addin/ — content types, caching, nosniff, ETag, no traversal,
// a JSON 404 before the pane is built; and its registration in the real app (server/app.ts).
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../server/app.ts';
import { registerAddinRoutes } from '../../../server/routes/static.ts';
import { freshPglite } from '../../support/db.ts';

let root = '';
let built = '';
let empty = '';
let app: Hono;

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'phuluc-static-'));
  built = path.join(root, 'addin');
  empty = path.join(root, 'empty');
  await mkdir(path.join(built, 'static'), { recursive: true });
  await mkdir(path.join(built, 'assets'), { recursive: true });
  await mkdir(empty);
  await writeFile(path.join(built, 'taskpane.html'), '<!doctype html><title>phuluc</title>');
  await writeFile(path.join(built, 'ie-check.js'), 'void 0;');
  await writeFile(path.join(built, 'static/taskpane-AbC123xy.js'), 'console.log(1);');
  await writeFile(path.join(built, 'static/taskpane-AbC123xy.css'), 'body{}');
  await writeFile(path.join(built, 'static/phu-luc-nhiem-vu-Q1w2E3r4.xlsx'), new Uint8Array([0x50, 0x4b, 3, 4]));
  await writeFile(path.join(built, 'assets/icon-32.png'), new Uint8Array([0x89, 0x50, 0x4e, 0x47]));
  await writeFile(path.join(built, 'bundle-size.json'), '{}');
  await writeFile(path.join(built, '.env'), 'SECRET=1');
  await writeFile(path.join(built, 'notes.exe'), 'MZ');
  await writeFile(path.join(root, 'secret.txt'), 'outside');
  await symlink(path.join(root, 'secret.txt'), path.join(built, 'assets/link.txt'));
  app = new Hono();
  registerAddinRoutes(app, { dir: built });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('GET /addin/*', () => {
  it('serves each kind of file with its content type, nosniff and the right caching', async () => {
    const cases: [string, string, string][] = [
      ['/addin/taskpane.html', 'text/html; charset=utf-8', 'no-cache'],
      ['/addin/ie-check.js', 'text/javascript; charset=utf-8', 'no-cache'],
      ['/addin/static/taskpane-AbC123xy.js', 'text/javascript; charset=utf-8', 'public, max-age=31536000, immutable'],
      ['/addin/static/taskpane-AbC123xy.css', 'text/css; charset=utf-8', 'public, max-age=31536000, immutable'],
      [
        '/addin/static/phu-luc-nhiem-vu-Q1w2E3r4.xlsx',
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        'public, max-age=31536000, immutable',
      ],
      ['/addin/assets/icon-32.png', 'image/png', 'no-cache'],
      ['/addin/bundle-size.json', 'application/json; charset=utf-8', 'no-cache'],
    ];
    for (const [url, type, cache] of cases) {
      const res = await app.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type'), url).toBe(type);
      expect(res.headers.get('cache-control'), url).toBe(cache);
      expect(res.headers.get('x-content-type-options'), url).toBe('nosniff');
      // Office shows the pane in a frame: no header may forbid it.
      expect(res.headers.get('x-frame-options'), url).toBeNull();
    }
    expect(await (await app.request('/addin/static/taskpane-AbC123xy.js')).text()).toBe('console.log(1);');
    expect(new Uint8Array(await (await app.request('/addin/static/phu-luc-nhiem-vu-Q1w2E3r4.xlsx')).arrayBuffer())).toEqual(
      new Uint8Array([0x50, 0x4b, 3, 4]),
    );
  });

  it('answers 304 to a matching If-None-Match, HEAD without a body', async () => {
    const first = await app.request('/addin/taskpane.html');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    const again = await app.request('/addin/taskpane.html', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
    const head = await app.request('/addin/taskpane.html', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });

  it('redirects /addin and /addin/ to the pane (relative, so a path prefix survives)', async () => {
    const a = await app.request('/addin');
    expect(a.status).toBe(302);
    expect(new URL(a.headers.get('location')!, 'http://h/addin').pathname).toBe('/addin/taskpane.html');
    const b = await app.request('/addin/');
    expect(new URL(b.headers.get('location')!, 'http://h/addin/').pathname).toBe('/addin/taskpane.html');
  });

  it('never leaves the folder, never lists it, never serves hidden or unknown files', async () => {
    const attempts = [
      '/addin/../package.json',
      '/addin/%2e%2e/secret.txt',
      '/addin/static/%2e%2e/%2e%2e/secret.txt',
      '/addin/..%2fsecret.txt',
      '/addin/%2e%2e%2fsecret.txt',
      '/addin/static/..%5c..%5csecret.txt',
      '/addin/.env',
      '/addin/static/',
      '/addin/static',
      '/addin/assets/link.txt',
      '/addin/notes.exe',
      '/addin/nope.js',
      '/addin/static/taskpane-AbC123xy.js%00.png',
      '/addin//etc/passwd',
    ];
    for (const url of attempts) {
      const res = await app.request(url);
      expect(res.status, url).toBe(404);
      const body = await res.text();
      expect(body, url).not.toMatch(/outside|SECRET|MZ|"name": "phuluc"/);
      // URLs the client normalizes away from /addin/ (../) reach the app's own 404, not this route.
      if (new URL(url, 'http://h').pathname.startsWith('/addin/')) expect(JSON.parse(body).error.code, url).toBe('not-found');
    }
  });

  it('answers a JSON 404 that says so when the pane is not built', async () => {
    const bare = new Hono();
    registerAddinRoutes(bare, { dir: empty });
    const res = await bare.request('/addin/taskpane.html');
    expect(res.status).toBe(404);
    const body = (await res.json()) as { error: { code: string; message: string; messageEn: string } };
    expect(body.error.code).toBe('addin-not-built');
    expect(body.error.message).toContain('npm run build');
    expect(body.error.messageEn).toContain('npm run build');
  });
});

describe('the sync server app', () => {
  it('serves the pane from PHULUC_ADDIN_DIR, and says when it is not built', async () => {
    const database = await freshPglite();
    const before = process.env.PHULUC_ADDIN_DIR;
    try {
      process.env.PHULUC_ADDIN_DIR = built;
      const withPane = createApp({ db: database.db, log: () => {} });
      process.env.PHULUC_ADDIN_DIR = empty;
      const without = createApp({ db: database.db, log: () => {} });
      const ok = await withPane.request('/addin/taskpane.html');
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(((await (await without.request('/addin/taskpane.html')).json()) as { error: { code: string } }).error.code).toBe(
        'addin-not-built',
      );
      // Other routes are untouched.
      expect((await withPane.request('/api/health')).status).toBe(200);
    } finally {
      if (before === undefined) delete process.env.PHULUC_ADDIN_DIR;
      else process.env.PHULUC_ADDIN_DIR = before;
      await database.close();
    }
  });
});
