// Run the real command line (`node bin/phuluc …`) from a test: its output and exit code, never a thrown error.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from './paths.ts';

const run = promisify(execFile);
export const BIN = path.join(REPO_ROOT, 'bin', 'phuluc');

/**
 * `phuluc ARGS…` as a child process of this Node: stdout, stderr and the exit code.
 * @example const { code, stdout } = await phuluc('check', file)
 */
export async function phuluc(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 64 << 20 });
    return { stdout, stderr, code: 0 };
  } catch (err) {
    const e = err as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}
