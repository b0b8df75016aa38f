// Read many workbooks into plans on every core: the worker pool (server/workers/pool.ts, the one the server reads
// uploads with), results handed back in file order.
import os from 'node:os';
import type { Plan } from '../core/model/index.ts';
import { runJob, type ReadFileResult, type JobFault } from '../server/workers/jobs.ts';
import { WorkerPool } from '../server/workers/pool.ts';
import { fileProblem } from './file-errors.ts';

export type ReadResponse = { i: number; plan: Plan } | { i: number; error: { code?: string; vi: string; en: string } };

/** Below this many files the workers' start-up (each loads the reader) costs more than it saves. */
const MIN_FILES_PER_WORKER = 40;
/** Files queued per worker: enough to keep it busy while the main thread takes results. */
const IN_FLIGHT = 4;

function response(i: number, file: string, r: ReadFileResult | JobFault): ReadResponse {
  if ('plan' in r) return { i, plan: r.plan };
  if ('planJson' in r) return { i, plan: JSON.parse(r.planJson) as Plan };
  if ('error' in r) return { i, error: { code: r.error.code, vi: r.error.vi, en: r.error.en } };
  // A fault is a thrown error's stack: its errno code ("ENOENT: no such file…") said in words, never the stack.
  const errno = /\b(E[A-Z]+):/.exec(r.fault)?.[1];
  return { i, error: fileProblem(file, { code: errno }) };
}

/**
 * Read `files` in worker threads and yield each result in the order of `files`; one worker per core (at most
 * `maxWorkers`), none for a handful of files. Memory stays flat: at most a few results wait out of order.
 * @example for await (const r of readPlans(files)) if ('plan' in r) use(r.plan)
 */
export async function* readPlans(files: string[], maxWorkers = os.availableParallelism()): AsyncGenerator<ReadResponse> {
  const n = Math.max(0, Math.min(maxWorkers, Math.floor(files.length / MIN_FILES_PER_WORKER)));
  if (n <= 1) {
    for (let i = 0; i < files.length; i++) yield response(i, files[i]!, await runJob({ kind: 'read-file', file: files[i]! }));
    return;
  }
  // No time or memory limit: the person running the command sees it working and can stop it.
  const pool = new WorkerPool({ size: n, maxQueue: Infinity, timeoutMs: 0 });
  const pending = new Map<number, Promise<ReadFileResult | JobFault>>();
  let next = 0;
  try {
    for (let i = 0; i < files.length; i++) {
      for (; next < files.length && next < i + n * IN_FLIGHT; next++) {
        // Plans come back as JSON text: plans are JSON by design (the wire and stored form), and a string crosses
        // threads at memcpy speed, where the plan's object tree is cloned node by node on both sides.
        const p = pool.run({ kind: 'read-file', file: files[next]!, json: true });
        // Awaited in order below; a failure meanwhile must not count as unhandled.
        p.catch(() => {});
        pending.set(next, p);
      }
      const r = await pending.get(i)!;
      pending.delete(i);
      yield response(i, files[i]!, r);
    }
  } finally {
    await pool.close();
  }
}
