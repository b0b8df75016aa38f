// When a build output counts as current: the stamp's hash against the sources, with the cheap time check in front of it.
import { mkdir, mkdtemp, readFile, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildState, inputHash, isBuilt, outDir, writeStamp, type BuildTarget } from '../../bin/build-state.mjs';

const target: BuildTarget = { out: 'out', inputs: ['src', 'cfg.json', 'absent'] };

let root: string;
const file = (rel: string) => path.join(root, rel);
/** Set a path's times to `s` seconds after the epoch: the test decides what is older, not the clock. */
const at = (rel: string, s: number) => utimes(file(rel), s, s);

/** A stamp written for the current sources, as the build would, dated `s`. */
async function build(s: number) {
  await mkdir(file('out'), { recursive: true });
  writeStamp(target, inputHash(target, root), new Date(s * 1000), root);
}

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'phuluc-build-state-'));
  await mkdir(file('src/deep'), { recursive: true });
  await writeFile(file('src/a.ts'), 'export const a = 1;\n');
  await writeFile(file('src/deep/b.ts'), 'export const b = 2;\n');
  await writeFile(file('cfg.json'), '{}\n');
  for (const rel of ['src/a.ts', 'src/deep/b.ts', 'src/deep', 'src', 'cfg.json']) await at(rel, 1000);
});
afterEach(() => rm(root, { recursive: true, force: true }));

describe('buildState', () => {
  it('is missing before a build, fresh right after', async () => {
    expect([buildState(target, root), isBuilt(target, root)]).toEqual(['missing', false]);
    await build(2000);
    expect([buildState(target, root), isBuilt(target, root)]).toEqual(['fresh', true]);
    expect(JSON.parse(await readFile(file('out/.build-stamp.json'), 'utf8'))).toEqual({
      hash: inputHash(target, root),
      builtAt: new Date(2_000_000).toISOString(),
    });
  });

  it('is stale once a source changes, in a nested folder or a single input file', async () => {
    await build(2000);
    await writeFile(file('src/deep/b.ts'), 'export const b = 3;\n');
    await at('src/deep/b.ts', 3000);
    expect(buildState(target, root)).toBe('stale');
    await writeFile(file('src/deep/b.ts'), 'export const b = 2;\n');
    await writeFile(file('cfg.json'), '{ "x": 1 }\n');
    await at('cfg.json', 3000);
    expect(buildState(target, root)).toBe('stale');
  });

  it('is stale when a source is added or removed (its folder is newer)', async () => {
    await build(2000);
    await writeFile(file('src/c.ts'), 'export const c = 1;\n');
    await at('src/c.ts', 1000);
    await at('src', 3000);
    expect(buildState(target, root)).toBe('stale');
    await unlink(file('src/c.ts'));
    await unlink(file('src/a.ts'));
    await at('src', 3000);
    expect(buildState(target, root)).toBe('stale');
  });

  it('stays fresh when files are only touched (a copy, a checkout), and moves the stamp forward', async () => {
    await build(2000);
    for (const rel of ['src/a.ts', 'src/deep', 'cfg.json']) await at(rel, 3000);
    expect(buildState(target, root)).toBe('fresh');
    expect((await stat(file('out/.build-stamp.json'))).mtimeMs).toBeGreaterThan(3_000_000);
  });

  it('hashes paths too: a renamed file is another build', async () => {
    const before = inputHash(target, root);
    await writeFile(file('src/z.ts'), 'export const a = 1;\n');
    await unlink(file('src/a.ts'));
    expect(inputHash(target, root)).not.toBe(before);
  });
});

describe('outDir', () => {
  it('is the target folder under the root, or the one its variable names', () => {
    const t: BuildTarget = { out: 'dist/web', outEnv: 'PHULUC_WEB_OUT', inputs: [] };
    expect([outDir(t, '/srv/phuluc', {}), outDir(t, '/srv/phuluc', { PHULUC_WEB_OUT: '/tmp/w' })]).toEqual([
      '/srv/phuluc/dist/web',
      '/tmp/w',
    ]);
  });
});
