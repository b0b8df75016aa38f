// Page weight (issue 20): the pane and the web pages built into a temporary folder, and what each page fetches before
// any user action (bench/page-weight-load.ts), gzip-summed, with what the pane's first Kiểm tra fetches; peers built
// the same way: a bare React + Fluent UI page (FluentProvider and a Button, what any Fluent pane starts from) and
// exceljs alone (what /kiem-tra used to fetch with a workbook).
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { readFileSync, readdirSync } from 'node:fs';
import { firstLoad, onDemand, type FirstLoad } from './page-weight-load.ts';
import type { BenchResult, TargetCheck } from './measure.ts';

const SECTION = 'Page weight';
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const vite = path.join(root, 'node_modules/vite/bin/vite.js');
const PANE_TARGET = 250 * 1000;
const CHECK_TARGET = 200 * 1000;

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;

/** Build the pane, the pages and the peers into a temporary folder, then weigh each first load. */
export async function benchPageWeight(): Promise<{ results: BenchResult[]; checks: TargetCheck[] }> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'phuluc-bench-weight-'));
  try {
    const addin = path.join(tmp, 'addin');
    const web = path.join(tmp, 'web');
    const build = (config: string, env: Record<string, string>) =>
      execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '-c', config], {
        cwd: root,
        env: { ...process.env, ...env },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
    build('addin/vite.config.ts', { PHULUC_ADDIN_OUT: addin });
    build('web/vite.config.ts', { PHULUC_WEB_OUT: web });
    const pane = await firstLoad(addin, 'taskpane.html');
    const check = await firstLoad(web, 'kiem-tra.html', '/web/');
    const dashboard = await firstLoad(web, 'index.html', '/web/');
    const tokens = await firstLoad(web, 'token.html', '/web/');
    const bare = await barePeer(tmp);
    const exceljs = exceljsPeer();
    const reader = (await onDemand(web, `assets/${chunkNamed(web, 'assets', /^xlsx-read-browser-/)}`, check)).total;
    const firstCheck = await fetchedWith(addin, pane, [/^check-actions-/, /^port-impl-/, /^CheckResults-/]);
    const results: BenchResult[] = [
      row('task pane first load (taskpane.html)', pane, `vs bare React + Fluent page: ${(pane.total.gzip / bare.total.gzip).toFixed(2)}×`),
      {
        section: SECTION,
        name: 'task pane: fetched with the first Kiểm tra',
        ms: [],
        note: `${kB(firstCheck.gzip)} gzip (${kB(firstCheck.bytes)}): the check actions, core's engine, zod, the bundled commune and agency data, the Excel port, the results view`,
      },
      row('bare React + Fluent UI page (peer)', bare),
      row('/kiem-tra first load', check),
      {
        section: SECTION,
        name: '/kiem-tra: workbook reader, fetched with the first workbook',
        ms: [],
        vs: `${((reader.gzip / exceljs.gzip) * 100).toFixed(1)}% of exceljs`,
        note: `${kB(reader.gzip)} gzip (${kB(reader.bytes)}): the fast reader and fflate's inflate; never exceljs`,
      },
      {
        section: SECTION,
        name: 'exceljs browser build alone (peer: what /kiem-tra fetched before)',
        ms: [],
        note: `${kB(exceljs.gzip)} gzip (${kB(exceljs.bytes)})`,
      },
      row('dashboard first load (/)', dashboard),
      row('token page first load (/token)', tokens),
    ];
    return {
      results,
      checks: [
        {
          target: 'pane first load ≤ 250 kB gzip (issue 20)',
          measured: kB(pane.total.gzip),
          met: pane.total.gzip <= PANE_TARGET,
          why: 'Fluent UI ≈ 105 kB and React ≈ 68 kB are the floor; core engine, zod and the bundled data come with the first Kiểm tra (bench/NOTES.md)',
        },
        { target: '/kiem-tra first load ≤ 200 kB gzip (issue 20)', measured: kB(check.total.gzip), met: check.total.gzip <= CHECK_TARGET },
        {
          target: '/kiem-tra checks a workbook without exceljs (issue 20)',
          measured: readdirSync(path.join(web, 'assets')).some((f) => f.startsWith('exceljs'))
            ? 'exceljs bundled'
            : 'no exceljs in the pages',
          met: !readdirSync(path.join(web, 'assets')).some((f) => f.startsWith('exceljs')),
        },
      ],
    };
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

function row(name: string, load: FirstLoad, vs?: string): BenchResult {
  const largest = [...load.files].sort((a, b) => b.gzip - a.gzip)[0]!;
  return {
    section: SECTION,
    name,
    ms: [],
    ...(vs ? { vs } : {}),
    note: `${kB(load.total.gzip)} gzip (${kB(load.total.bytes)}) in ${load.files.length} files; largest ${path.basename(largest.file)} ${kB(largest.gzip)}${load.external.length ? `; not counted: ${load.external.map((u) => new URL(u).hostname).join(', ')}` : ''}`,
  };
}

/** A page with React, ReactDOM and Fluent UI's provider and one Button, built with the pane's own Vite settings. */
async function barePeer(tmp: string): Promise<FirstLoad> {
  const dir = path.join(tmp, 'bare-src');
  const out = path.join(tmp, 'bare');
  await mkdir(dir, { recursive: true });
  // The checkout's packages, as the pane's build sees them.
  await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'));
  await writeFile(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div><script type="module" src="./main.tsx"></script>\n');
  await writeFile(
    path.join(dir, 'main.tsx'),
    [
      "import { Button, FluentProvider, webLightTheme } from '@fluentui/react-components';",
      "import { createRoot } from 'react-dom/client';",
      "createRoot(document.getElementById('root')!).render(<FluentProvider theme={webLightTheme}><Button>OK</Button></FluentProvider>);",
      '',
    ].join('\n'),
  );
  await writeFile(
    path.join(dir, 'vite.config.mjs'),
    [
      "import react from '@vitejs/plugin-react';",
      `export default { root: ${JSON.stringify(dir)}, base: './', plugins: [react()], build: { outDir: ${JSON.stringify(out)}, emptyOutDir: true, target: 'es2022' } };`,
      '',
    ].join('\n'),
  );
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn', '-c', path.join(dir, 'vite.config.mjs')], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return firstLoad(out, 'index.html');
}

/** exceljs's own minified browser build, as the check page bundled it before. */
function exceljsPeer(): { bytes: number; gzip: number } {
  const data = readFileSync(path.join(root, 'node_modules/exceljs/dist/exceljs.min.js'));
  return { bytes: data.length, gzip: gzipSync(data).length };
}

/** The file name of a lazy chunk of the web build. */
function chunkNamed(dir: string, sub: string, name: RegExp): string {
  const file = readdirSync(path.join(dir, sub)).find((f) => name.test(f));
  if (!file) throw new Error(`no chunk ${name} in ${sub}/ of the build`);
  return file;
}

/** What the chunks named `names` (pane's static/) bring beyond `loaded`, together with all they import statically. */
async function fetchedWith(dir: string, loaded: FirstLoad, names: RegExp[]): Promise<{ bytes: number; gzip: number }> {
  let have = loaded;
  const total = { bytes: 0, gzip: 0 };
  for (const name of names) {
    const more = await onDemand(dir, `static/${chunkNamed(dir, 'static', name)}`, have);
    total.bytes += more.total.bytes;
    total.gzip += more.total.gzip;
    have = { ...have, files: [...have.files, ...more.files] };
  }
  return total;
}
