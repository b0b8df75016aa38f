// A pool worker (server/workers/pool.ts): says when it is loaded, then answers its jobs one at a time, in order.
import { parentPort, workerData } from 'node:worker_threads';
import { preload, runJob, type Job } from './jobs.ts';

const port = parentPort!;
if ((workerData as { preload?: boolean } | null)?.preload) await preload();
// The pool may send a job before the last is answered (PoolOptions.depth): jobs wait their turn here, because the pool
// matches answers to jobs by order, and a job's file reads must not interleave with another's.
let turn: Promise<void> = Promise.resolve();
port.on('message', (job: Job) => {
  turn = turn.then(() => runJob(job).then((r) => port.postMessage(r)));
});
port.postMessage({ ready: true });
