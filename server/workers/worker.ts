// A pool worker (server/workers/pool.ts): says when it is loaded, then answers one job at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { preload, runJob, type Job } from './jobs.ts';

const port = parentPort!;
if ((workerData as { preload?: boolean } | null)?.preload) await preload();
port.on('message', (job: Job) => {
  void runJob(job).then((r) => port.postMessage(r));
});
port.postMessage({ ready: true });
