// A fresh copy of phuluc as the README installs it: `npm ci` then `npm start` builds and serves; then the same tree
// reinstalled with `npm ci --omit=dev` (no TypeScript, tsx or Vite) starts from the built output and serves the pane,
// the pages and the API, and the CLI reads workbooks in worker threads. Slow (two installs, one full build): one file.
import { execFile, spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, REPO_ROOT } from '../support/paths.ts';

const run = promisify(execFile);
let app: string;

/** The environment of a user's shell: none of the npm_* variables of the npm that started this test run. */
function userEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^npm_/i.test(k) && k !== 'NODE_OPTIONS'));
  delete env.DATABASE_URL;
  return { ...env, ...extra };
}

async function npm(...args: string[]): Promise<void> {
  await run('npm', [...args, '--prefer-offline', '--no-audit', '--no-fund'], { cwd: app, env: userEnv({}), maxBuffer: 64 << 20 });
}

/** `npm start` in the copy on a free loopback port; resolves with its URL and a stop function once it listens. */
async function npmStart(data: string): Promise<{ url: string; output: () => string; stop: () => Promise<void> }> {
  // Its own process group, so that stopping it reaches the server under npm and the shell.
  const proc = spawn('npm', ['start'], {
    cwd: app,
    env: userEnv({ PORT: '0', HOST: '127.0.0.1', PHULUC_DATA_DIR: data }),
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let out = '';
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = /listening: (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`npm start exited with ${code}:\n${out}`)));
  });
  return {
    url,
    output: () => out,
    stop: async () => {
      process.kill(-proc.pid!, 'SIGTERM');
      await exited;
    },
  };
}

/** What the server answers for the pane, its script, two pages and two API routes, next to the built files. */
async function served(url: string) {
  const addin = path.join(app, 'dist/addin');
  const pane = await readFile(path.join(addin, 'taskpane.html'), 'utf8');
  const script = /src="\.\/(static\/taskpane-[\w-]+\.js)"/.exec(pane)![1]!;
  const get = async (p: string) => {
    const r = await fetch(`${url}${p}`);
    return { status: r.status, type: r.headers.get('content-type'), body: await r.text() };
  };
  const page = async (p: string, file: string) => ({ ...(await get(p)), file: await readFile(file, 'utf8') });
  const api = await get('/api/openapi.json');
  const doc = JSON.parse(api.body) as { openapi: string; info: { title: string }; paths: Record<string, unknown> };
  return {
    pane: await page('/addin/taskpane.html', path.join(addin, 'taskpane.html')),
    paneScript: await page(`/addin/${script}`, path.join(addin, script)),
    dashboard: await page('/', path.join(app, 'dist/web/index.html')),
    check: await page('/kiem-tra', path.join(app, 'dist/web/kiem-tra.html')),
    config: await get('/api/config'),
    openapi: {
      status: api.status,
      type: api.type,
      version: doc.openapi.slice(0, 2),
      hasUpload: Object.keys(doc.paths).some((p) => p.endsWith('/upload')),
    },
  };
}

/** Every page equals its built file; the API answers JSON. */
function expectServed(s: Awaited<ReturnType<typeof served>>) {
  const html = 'text/html; charset=utf-8';
  const same = (x: { status: number; type: string | null; body: string; file: string }) => ({
    status: x.status,
    type: x.type?.toLowerCase(),
    same: x.body === x.file,
  });
  expect({
    pane: same(s.pane),
    paneScript: same(s.paneScript),
    dashboard: same(s.dashboard),
    check: same(s.check),
    config: { status: s.config.status, body: JSON.parse(s.config.body) },
    openapi: s.openapi,
  }).toEqual({
    pane: { status: 200, type: html, same: true },
    paneScript: { status: 200, type: 'text/javascript; charset=utf-8', same: true },
    dashboard: { status: 200, type: html, same: true },
    check: { status: 200, type: html, same: true },
    config: { status: 200, body: { entra: null } },
    openapi: { status: 200, type: 'application/json', version: '3.', hasUpload: true },
  });
}

const exists = (p: string) =>
  stat(path.join(app, p)).then(
    () => true,
    () => false,
  );

beforeAll(async () => {
  app = path.join(await mkdtemp(path.join(os.tmpdir(), 'phuluc-install-')), 'phuluc');
  // The checkout's files (committed or not, never what .gitignore leaves out: no dist, no node_modules, no data);
  // tests and benchmarks are not needed to build or run.
  const { stdout } = await run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: REPO_ROOT,
    maxBuffer: 64 << 20,
  });
  for (const rel of stdout.split('\0').filter((f) => f && !/^(test|bench)\//.test(f))) {
    const from = path.join(REPO_ROOT, rel);
    if (!(await stat(from).catch(() => null))?.isFile()) continue; // deleted in the working tree
    await mkdir(path.dirname(path.join(app, rel)), { recursive: true });
    await copyFile(from, path.join(app, rel));
  }
}, 120_000);
afterAll(() => rm(path.dirname(app), { recursive: true, force: true }));

describe('installing phuluc', () => {
  it('npm ci then npm start builds what is missing and serves; npm ci --omit=dev on the built tree starts and serves too', async () => {
    expect(await exists('dist')).toBe(false);
    await npm('ci');
    const first = await npmStart(path.join(app, 'data'));
    try {
      expectServed(await served(first.url));
    } finally {
      await first.stop();
    }

    const stamps = await Promise.all(['node', 'addin', 'web'].map((t) => readFile(path.join(app, `dist/${t}/.build-stamp.json`), 'utf8')));

    await npm('ci', '--omit=dev');
    expect({
      tsx: await exists('node_modules/tsx'),
      typescript: await exists('node_modules/typescript'),
      vite: await exists('node_modules/vite'),
      hono: await exists('node_modules/hono'),
    }).toEqual({ tsx: false, typescript: false, vite: false, hono: true });
    const second = await npmStart(path.join(app, 'data'));
    try {
      expectServed(await served(second.url));
    } finally {
      await second.stop();
    }

    // Everything was current: prestart built nothing (it could not: no dev tools), every stamp is the one of the build.
    expect(await Promise.all(['node', 'addin', 'web'].map((t) => readFile(path.join(app, `dist/${t}/.build-stamp.json`), 'utf8')))).toEqual(
      stamps,
    );

    // The CLI from the production install: 40 workbooks are read in a worker thread (compiled worker.js).
    const many = path.join(path.dirname(app), 'many');
    await mkdir(many);
    for (let i = 0; i < 40; i++) await copyFile(fixture('cam-giang-phu-luc.xlsx'), path.join(many, `${String(i).padStart(2, '0')}.xlsx`));
    // Exit code 1: the fixture has an error in each table.
    const check = await run(process.execPath, ['bin/phuluc', 'check', '--format', 'json', many], {
      cwd: app,
      env: userEnv({}),
      maxBuffer: 64 << 20,
    }).then(
      (r) => ({ ...r, code: 0 }),
      (e: { stdout: string; stderr: string; code: number }) => e,
    );
    const report = JSON.parse(check.stdout) as { stats: { tables: number; tasks: number } };
    expect({ code: check.code, stderr: check.stderr, tables: report.stats.tables, tasks: report.stats.tasks }).toEqual({
      code: 1,
      stderr: '',
      tables: 40,
      tasks: 40 * 34,
    });
  }, 1_200_000);
});
