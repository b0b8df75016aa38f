// Run a command as a child under /usr/bin/time -v: wall time and peak RSS of the whole process, as a user sees them.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

export interface ChildRun {
  ms: number;
  peakMiB: number;
  code: number;
  stdout: string;
  stderr: string;
}

const TIME = '/usr/bin/time';

/**
 * Wall time measured here; peak RSS from GNU time (the child's high-water mark, including its own children).
 * @example const r = await timedRun('node', ['bin/phuluc', 'consolidate', dir, '-o', out])
 */
export async function timedRun(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ChildRun> {
  const report = path.join(os.tmpdir(), `phuluc-bench-time-${process.pid}-${Math.random().toString(36).slice(2)}.txt`);
  const viaTime = existsSync(TIME);
  const argv = viaTime ? ['-f', '%M', '-o', report, cmd, ...args] : args;
  const t0 = performance.now();
  const { code, stdout, stderr } = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    const p = spawn(viaTime ? TIME : cmd, argv, { cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d.toString()));
    // Progress bars redraw thousands of times: keep only the tail.
    p.stderr.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-8000)));
    p.once('error', reject);
    p.once('exit', (c) => resolve({ code: c ?? -1, stdout: out, stderr: err }));
  });
  const ms = performance.now() - t0;
  let peakKiB = NaN;
  if (viaTime) {
    peakKiB = Number((await readFile(report, 'utf8').catch(() => '')).trim().split('\n').pop());
    await rm(report, { force: true });
  }
  return { ms, peakMiB: peakKiB / 1024, code, stdout, stderr };
}

/** Peak RSS (VmHWM) of a running process in MiB, from /proc; NaN where /proc is missing. */
export async function peakRssMiB(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmHWM:\s+(\d+)/.exec(status)?.[1];
  return kb ? Number(kb) / 1024 : NaN;
}
