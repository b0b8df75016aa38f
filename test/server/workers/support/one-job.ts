// Run as its own process by pool.test.ts: a pool with no worker yet, one awaited job, nothing else keeping Node alive.
import { WorkerPool } from '../../../../server/workers/pool.ts';
import type { Job } from '../../../../server/workers/jobs.ts';

const pool = new WorkerPool({ size: 1, maxQueue: 4, timeoutMs: 0, preload: true, entry: new URL('./test-worker.mjs', import.meta.url) });
process.stdout.write(JSON.stringify(await pool.run({ kind: 'echo', value: 'answered' } as unknown as Job)));
await pool.close();
