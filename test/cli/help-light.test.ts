// `phuluc --help` stays quick because it loads commander and the help text only: every command's module (exceljs, Hono,
// PGlite, pg, kysely …) is imported when that command runs. The packages a start loads, told by a module hook.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../support/cli.ts';
import { REPO_ROOT } from '../support/paths.ts';

const run = promisify(execFile);

// Registered with --import: every module resolved (by the main thread) is written to stderr as one line.
const HOOK = `export async function resolve(s, c, next) {
  const r = await next(s, c);
  process.stderr.write('loaded ' + r.url + '\\n');
  return r;
}
`;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'phuluc-help-light-'));
  await writeFile(path.join(dir, 'hook.mjs'), HOOK);
  await writeFile(path.join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister('./hook.mjs', import.meta.url);\n`);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** tsx and what it pulls in: loaded in a development checkout whose build is older than the sources, never by phuluc. */
function loaderPackages(name = 'tsx', into = new Set<string>()): Set<string> {
  const file = path.join(REPO_ROOT, 'node_modules', name, 'package.json');
  // Optional dependencies for other platforms are not installed.
  if (into.has(name) || !existsSync(file)) return into;
  into.add(name);
  const pkg = JSON.parse(readFileSync(file, 'utf8')) as {
    dependencies?: Record<string, string>;
    optionalDependencies?: Record<string, string>;
  };
  for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies })) loaderPackages(dep, into);
  return into;
}

async function packagesLoaded(...args: string[]): Promise<string[]> {
  const { stderr } = await run(process.execPath, ['--import', pathToFileURL(path.join(dir, 'register.mjs')).href, BIN, ...args]);
  const names = [...stderr.matchAll(/^loaded file:\/\/.*?\/node_modules\/((?:@[^/]+\/)?[^/]+)\//gm)].map((m) => m[1]!);
  const loader = loaderPackages();
  return [...new Set(names)].filter((n) => !loader.has(n)).sort();
}

describe('phuluc --help', () => {
  it('loads commander and nothing else from node_modules', async () => {
    expect(await packagesLoaded('--help')).toEqual(['commander']);
  });

  it('as does the help of one command', async () => {
    expect(await packagesLoaded('help', 'serve')).toEqual(['commander']);
  });
});
