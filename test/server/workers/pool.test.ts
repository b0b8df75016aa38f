// The worker pool: a bounded queue (then PoolBusyError), a time limit and a heap limit per job — the worker that
// passes one is ended and replaced, and the pool goes on serving.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { JobLimitError, PoolBusyError, WorkerPool } from '../../../server/workers/pool.ts';
import type { Job } from '../../../server/workers/jobs.ts';

const ENTRY = new URL('./support/test-worker.mjs', import.meta.url);
let pool: WorkerPool;
afterEach(() => pool?.close());

/** The test worker's jobs are not the server's: typed loosely on purpose. */
const job = (j: Record<string, unknown>) => j as unknown as Job;
const outcome = (p: Promise<unknown>) =>
  p.then(
    (r) => r,
    (e: unknown) => (e instanceof JobLimitError ? `limit:${e.reason}` : e instanceof PoolBusyError ? 'busy' : String(e)),
  );

describe('WorkerPool', () => {
  it('answers jobs, several at once on several workers', async () => {
    pool = new WorkerPool({ size: 2, maxQueue: 10, timeoutMs: 10_000, entry: ENTRY });
    const rs = await Promise.all([1, 2, 3, 4, 5].map((value) => pool.run(job({ kind: 'echo', value }))));
    expect(rs).toEqual([1, 2, 3, 4, 5].map((value) => ({ echo: value })));
    expect(pool.load).toEqual({ running: 0, queued: 0, workers: 2 });
  });

  it('keeps a process alive while a worker loads for an awaited job (a CLI with nothing else pending)', async () => {
    // The preloading test worker takes 600 ms to load: long enough for an unreferenced worker to let Node exit first.
    const script = fileURLToPath(new URL('./support/one-job.ts', import.meta.url));
    const out = await promisify(execFile)(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
    expect(out).toEqual({ stdout: JSON.stringify({ echo: 'answered' }), stderr: '' });
  });

  it('refuses a job past the queue bound with PoolBusyError, at once', async () => {
    pool = new WorkerPool({ size: 1, maxQueue: 1, timeoutMs: 10_000, entry: ENTRY });
    const running = pool.run(job({ kind: 'spin', ms: 300 }));
    const queued = pool.run(job({ kind: 'echo', value: 'waited' }));
    const t0 = performance.now();
    expect(await outcome(pool.run(job({ kind: 'echo', value: 'refused' })))).toBe('busy');
    expect(performance.now() - t0).toBeLessThan(50);
    expect(await running).toEqual({ spun: 300 });
    expect(await queued).toEqual({ echo: 'waited' });
  });

  it('ends a job past its time limit, replaces the worker, and serves the next job', async () => {
    pool = new WorkerPool({ size: 1, maxQueue: 4, timeoutMs: 200, entry: ENTRY });
    const spin = outcome(pool.run(job({ kind: 'spin', ms: 60_000 })));
    const next = pool.run(job({ kind: 'echo', value: 'after' }));
    const t0 = performance.now();
    expect(await spin).toBe('limit:timeout');
    // Bounded by the event (the timer firing), not by the spin: the worker was terminated mid-loop.
    expect(performance.now() - t0).toBeLessThan(5_000);
    expect(await next).toEqual({ echo: 'after' });
  });

  it('starts the time limit once the worker has loaded, and replaces an ended worker at once (preload)', async () => {
    pool = new WorkerPool({ size: 1, maxQueue: 4, timeoutMs: 400, preload: true, entry: ENTRY });
    // Loading takes 600 ms, longer than the limit: the job's 100 ms are what is timed.
    expect(await pool.run(job({ kind: 'spin', ms: 100 }))).toEqual({ spun: 100 });
    expect(await outcome(pool.run(job({ kind: 'spin', ms: 60_000 })))).toBe('limit:timeout');
    expect(pool.load.workers).toBe(1);
    await pool.warm();
    expect(await pool.run(job({ kind: 'spin', ms: 100 }))).toEqual({ spun: 100 });
  });

  it('ends a job past its heap limit (out-of-memory), and serves the next job on a fresh worker', async () => {
    pool = new WorkerPool({ size: 1, maxQueue: 4, timeoutMs: 60_000, maxHeapMb: 32, entry: ENTRY });
    expect(await outcome(pool.run(job({ kind: 'hog' })))).toBe('limit:out-of-memory');
    expect(await pool.run(job({ kind: 'echo', value: 'alive' }))).toEqual({ echo: 'alive' });
  });

  it('fails the job of a worker that dies, and carries on', async () => {
    pool = new WorkerPool({ size: 1, maxQueue: 4, timeoutMs: 60_000, entry: ENTRY });
    expect(await outcome(pool.run(job({ kind: 'exit' })))).toBe('limit:crash');
    expect(await pool.run(job({ kind: 'echo', value: 1 }))).toEqual({ echo: 1 });
  });

  it('hands a loaded worker its next job before the last is answered (depth 2), answers in order', async () => {
    pool = new WorkerPool({ size: 1, maxQueue: Infinity, timeoutMs: 0, depth: 2, entry: ENTRY });
    await pool.warm();
    const rs = [
      pool.run(job({ kind: 'spin', ms: 200 })),
      pool.run(job({ kind: 'echo', value: 2 })),
      pool.run(job({ kind: 'echo', value: 3 })),
    ];
    // Two jobs sent to the one worker, the third waits in the pool.
    expect(pool.load).toEqual({ running: 1, queued: 1, workers: 1 });
    expect(await Promise.all(rs)).toEqual([{ spun: 200 }, { echo: 2 }, { echo: 3 }]);
    expect(pool.load).toEqual({ running: 0, queued: 0, workers: 1 });
  });

  it("gives the jobs sent behind a dying worker's job to a fresh worker (depth 2)", async () => {
    pool = new WorkerPool({ size: 1, maxQueue: Infinity, timeoutMs: 0, depth: 2, entry: ENTRY });
    await pool.warm();
    const died = outcome(pool.run(job({ kind: 'exit' })));
    const behind = pool.run(job({ kind: 'echo', value: 'behind' }));
    expect(await died).toBe('limit:crash');
    expect(await behind).toEqual({ echo: 'behind' });
  });

  it('refuses jobs queued in a worker under a time limit', () => {
    expect(() => new WorkerPool({ size: 1, maxQueue: 4, timeoutMs: 1000, depth: 2, entry: ENTRY })).toThrow(
      'jobs queued in a worker cannot have a time limit',
    );
  });

  it('rejects waiting jobs when closed', async () => {
    pool = new WorkerPool({ size: 1, maxQueue: 4, timeoutMs: 60_000, entry: ENTRY });
    const a = outcome(pool.run(job({ kind: 'spin', ms: 200 })));
    const b = outcome(pool.run(job({ kind: 'echo', value: 1 })));
    await pool.close();
    expect(await a).toBe('limit:closed');
    expect(await b).toBe('limit:closed');
  });
});
