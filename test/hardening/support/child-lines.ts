// Run a TypeScript entry in a child Node (capped heap, tsx), collecting its JSON lines; killed when it goes quiet.
import { spawn } from 'node:child_process';

export interface ChildRun {
  lines: Record<string, unknown>[];
  /** Exit code, or the signal name when killed (SIGKILL after going quiet, or an out-of-memory abort). */
  exit: number | string;
  stderr: string;
  /** Set when the watchdog killed the child: the last line it printed. */
  stalledAfter?: Record<string, unknown> | null;
}

/**
 * Spawn `node --max-old-space-size=<heapMb> --import tsx <entry> ...args`. A child that prints nothing for
 * `quietMs` is killed: a bound in time that works for synchronous code, which a test timeout cannot interrupt.
 * @example const run = await runChild('test/hardening/support/xlsx-hostile-runner.ts', ['0', '1'], { heapMb: 512, quietMs: 30_000 })
 */
export function runChild(entry: string, args: string[], o: { heapMb: number; quietMs: number }): Promise<ChildRun> {
  const proc = spawn(process.execPath, [`--max-old-space-size=${o.heapMb}`, '--import', 'tsx', entry, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let stderr = '';
  let buffer = '';
  let stalled = false;
  let timer = setTimeout(() => {
    stalled = true;
    proc.kill('SIGKILL');
  }, o.quietMs);
  proc.stdout.on('data', (d: Buffer) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      stalled = true;
      proc.kill('SIGKILL');
    }, o.quietMs);
    buffer += d.toString();
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n')) {
      lines.push(JSON.parse(buffer.slice(0, nl)) as Record<string, unknown>);
      buffer = buffer.slice(nl + 1);
    }
  });
  proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => {
    proc.once('exit', (code, signal) => {
      clearTimeout(timer);
      const run: ChildRun = { lines, exit: code ?? signal ?? 'unknown', stderr: stderr.slice(-2000) };
      if (stalled) run.stalledAfter = lines.at(-1) ?? null;
      resolve(run);
    });
  });
}
