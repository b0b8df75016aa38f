// What a user runs: bin/phuluc over a current dist/node, built in a snapshot of the sources (the checkout's
// node_modules linked), so that an edit made meanwhile in the checkout cannot send a measured run to the tsx fallback.
import { execFileSync } from 'node:child_process';
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { TARGETS } from '../bin/build-state.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Build a snapshot, run `use` with its folder (its bin/phuluc is the compiled CLI), then remove it.
 * @example await withSnapshot((snap) => timedRun(process.execPath, [path.join(snap, 'bin/phuluc'), '--help']))
 */
export async function withSnapshot<T>(use: (snap: string) => Promise<T>): Promise<T> {
  const snap = await mkdtemp(path.join(os.tmpdir(), 'phuluc-bench-snap-'));
  try {
    for (const rel of [...TARGETS.node.inputs, 'bin', 'scripts/build.mjs', 'package.json']) {
      await cp(path.join(root, rel), path.join(snap, rel), { recursive: true });
    }
    await symlink(path.join(root, 'node_modules'), path.join(snap, 'node_modules'));
    execFileSync(process.execPath, [path.join(snap, 'scripts/build.mjs'), 'node'], { stdio: 'inherit' });
    return await use(snap);
  } finally {
    await rm(snap, { recursive: true, force: true });
  }
}
