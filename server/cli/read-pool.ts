// Read many workbooks into plans on every core: a small pool of worker threads, results handed back in file order.
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Plan } from '../../core/model/appendix.ts';

export interface ReadRequest {
  i: number;
  file: string;
}

export type ReadResponse = { i: number; plan: Plan } | { i: number; error: { vi: string; en: string } };

/** Below this many files the workers' start-up (each loads the reader) costs more than it saves. */
const MIN_FILES_PER_WORKER = 40;
/** Files queued per worker: enough to keep it busy while the main thread takes results. */
const IN_FLIGHT = 4;

/**
 * Read `files` in worker threads and yield each result in the order of `files`; one worker per core (at most
 * `maxWorkers`), none for a handful of files. Memory stays flat: at most a few results wait out of order.
 * @example for await (const r of readPlans(files)) if ('plan' in r) use(r.plan)
 */
export async function* readPlans(files: string[], maxWorkers = os.availableParallelism()): AsyncGenerator<ReadResponse> {
  const n = Math.max(0, Math.min(maxWorkers, Math.floor(files.length / MIN_FILES_PER_WORKER)));
  if (n <= 1) {
    const { readOne } = await import('./read-worker.ts');
    for (let i = 0; i < files.length; i++) yield await readOne({ i, file: files[i]! });
    return;
  }
  const workers = Array.from({ length: n }, () => new Worker(new URL('./read-worker.mjs', import.meta.url)));
  const done = new Map<number, ReadResponse>();
  let waiting: { i: number; resolve: (r: ReadResponse) => void; reject: (e: Error) => void } | null = null;
  let failure: Error | null = null;
  let next = 0;
  const send = (w: Worker) => {
    if (next < files.length) w.postMessage({ i: next, file: files[next++]! } satisfies ReadRequest);
  };
  for (const w of workers) {
    w.on('message', (r: ReadResponse) => {
      send(w);
      if (waiting && waiting.i === r.i) {
        const { resolve } = waiting;
        waiting = null;
        resolve(r);
      } else done.set(r.i, r);
    });
    w.on('error', (e) => {
      failure = e;
      waiting?.reject(e);
    });
    for (let k = 0; k < IN_FLIGHT; k++) send(w);
  }
  try {
    for (let i = 0; i < files.length; i++) {
      if (failure) throw failure;
      const ready = done.get(i);
      if (ready) {
        done.delete(i);
        yield ready;
      } else yield await new Promise<ReadResponse>((resolve, reject) => (waiting = { i, resolve, reject }));
    }
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
