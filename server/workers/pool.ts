// One pool of worker threads for every heavy read: the CLI reading thousands of workbooks (consolidate), and the
// server reading an upload or a large JSON body off its event loop. Jobs wait in a bounded queue; each runs under a
// time limit and a heap limit, and a worker that passes either is ended and replaced.
import { Worker } from 'node:worker_threads';
import type { Job, JobResult } from './jobs.ts';

export interface PoolOptions {
  /** Worker threads at most (started on demand, kept while idle). */
  size: number;
  /** Jobs allowed to wait for a worker; past it run() rejects with PoolBusyError. Infinity: never refuse. */
  maxQueue: number;
  /** Time limit of one job in ms, 0 for none: past it the worker is terminated and the job fails with 'timeout'. */
  timeoutMs: number;
  /** Old-generation heap of each worker in MB (Worker resourceLimits): past it the job fails with 'out-of-memory'. */
  maxHeapMb?: number;
  /**
   * Load everything the server's jobs need before taking a job, and replace a worker the moment it is ended, so that
   * no job waits (or spends its time limit) on a worker loading. The CLI leaves it off: its workers read files only.
   */
  preload?: boolean;
  /**
   * Jobs handed to one worker at once (default 1). With 2 a worker starts its next job the moment it posts an answer,
   * instead of idling until the main thread, busy with the answers, sends it one: `phuluc consolidate`'s workers idled
   * a quarter of their time so. Only without a time limit: a job's time would otherwise include its wait behind another.
   */
  depth?: number;
  /** The worker script (default: ./worker.mjs, which loads the TypeScript jobs through tsx; worker.js when compiled). It posts `{ ready: true }` once loaded. */
  entry?: URL;
}

/** The queue is full: the caller should answer 503 with Retry-After. */
export class PoolBusyError extends Error {
  constructor(readonly queued: number) {
    super(`worker pool busy (${queued} jobs waiting)`);
    this.name = 'PoolBusyError';
  }
}

/** A job ended by the pool: past its time limit, past its heap limit, or its worker died. */
export class JobLimitError extends Error {
  constructor(
    readonly reason: 'timeout' | 'out-of-memory' | 'crash' | 'closed',
    /** The limit passed: ms for a timeout, MB for memory. */
    readonly limit: number,
    detail = '',
  ) {
    super(`worker job ${reason}${detail ? `: ${detail}` : ''}`);
    this.name = 'JobLimitError';
  }
}

interface Pending {
  job: Job;
  transfer: ArrayBuffer[];
  resolve: (r: JobResult) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Loaded (it said so): only then does it get a job, and only then does the job's time limit start. */
  ready: boolean;
  /** Jobs sent to it, oldest first: it answers them in this order (worker.ts runs one at a time). */
  jobs: Pending[];
  timer: NodeJS.Timeout | null;
  /** Set once the worker is being replaced: its late messages and exit are ignored. */
  retired: boolean;
}

// Worker threads do not inherit the main thread's TypeScript loader: from the sources, worker.mjs registers tsx and loads
// worker.ts; compiled (dist/node), this module is pool.js and worker.ts became worker.js beside it.
const DEFAULT_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './worker.mjs' : './worker.js', import.meta.url);

/**
 * @example
 * const pool = new WorkerPool({ size: 2, maxQueue: 8, timeoutMs: 30_000, maxHeapMb: 512 });
 * const r = await pool.run({ kind: 'read-upload', name: 'x.xlsx', bytes });
 */
export class WorkerPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private closed = false;

  constructor(readonly opts: PoolOptions) {
    if (!(opts.size >= 1)) throw new Error('pool size must be ≥ 1');
    if (this.depth > 1 && opts.timeoutMs > 0) throw new Error('jobs queued in a worker cannot have a time limit');
  }

  private get depth(): number {
    return Math.max(1, this.opts.depth ?? 1);
  }

  /** Jobs running and waiting now. */
  get load(): { running: number; queued: number; workers: number } {
    return { running: this.slots.filter((s) => s.jobs.length > 0).length, queued: this.queue.length, workers: this.slots.length };
  }

  private readonly readyWaiters: (() => void)[] = [];

  /**
   * Run a job on a worker. `transfer` moves buffers instead of copying them (the caller must not use them after).
   * Rejects with PoolBusyError when the queue is full, JobLimitError when the job passes a limit.
   */
  run<J extends Job>(job: J, transfer: ArrayBuffer[] = []): Promise<JobResult<J>> {
    if (this.closed) return Promise.reject(new JobLimitError('closed', 0));
    const free = this.slots.filter((s) => s.jobs.length === 0).length + (this.opts.size - this.slots.length);
    if (this.queue.length >= free + this.opts.maxQueue) return Promise.reject(new PoolBusyError(this.queue.length));
    return new Promise<JobResult<J>>((resolve, reject) => {
      this.queue.push({ job, transfer, resolve: resolve as (r: JobResult) => void, reject });
      this.pump();
    });
  }

  /**
   * Start every worker now and wait until each has loaded (a worker takes a second or two to load, which the first
   * job would otherwise wait for). The server does not: an idle worker holds ~35 MiB that most servers never need.
   */
  async warm(): Promise<void> {
    while (!this.closed && this.slots.length < this.opts.size) this.slots.push(this.spawn());
    while (!this.closed && this.slots.some((s) => !s.ready)) await new Promise<void>((r) => this.readyWaiters.push(r));
  }

  /** End every worker; waiting jobs are rejected. */
  async close(): Promise<void> {
    this.closed = true;
    for (const p of this.queue.splice(0)) p.reject(new JobLimitError('closed', 0));
    const slots = this.slots.splice(0);
    for (const r of this.readyWaiters.splice(0)) r();
    for (const s of slots) {
      s.retired = true;
      if (s.timer) clearTimeout(s.timer);
      for (const p of s.jobs.splice(0)) p.reject(new JobLimitError('closed', 0));
    }
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      const slot = this.leastBusy();
      if (slot) {
        this.start(slot, this.queue.shift()!);
        continue;
      }
      // Every worker busy or loading: start another if there is room and too few are loading for the queue.
      const loading = this.slots.filter((s) => !s.ready).length;
      if (this.slots.length >= this.opts.size || loading >= this.queue.length) return;
      this.slots.push(this.spawn());
    }
  }

  /** A loaded worker with room for a job, the one with the fewest first: every worker gets one before any gets two. */
  private leastBusy(): Slot | undefined {
    let best: Slot | undefined;
    for (const s of this.slots) if (s.ready && s.jobs.length < this.depth && (!best || s.jobs.length < best.jobs.length)) best = s;
    return best;
  }

  private start(slot: Slot, p: Pending): void {
    slot.jobs.push(p);
    slot.worker.ref();
    if (this.opts.timeoutMs > 0) {
      slot.timer = setTimeout(() => this.replace(slot, new JobLimitError('timeout', this.opts.timeoutMs)), this.opts.timeoutMs);
    }
    try {
      slot.worker.postMessage(p.job, p.transfer);
    } catch (err) {
      // A job that cannot be cloned is the caller's mistake, not the worker's: the worker stays.
      slot.jobs.splice(slot.jobs.indexOf(p), 1);
      if (slot.jobs.length === 0) this.finish(slot);
      p.reject(err as Error);
    }
  }

  private spawn(): Slot {
    const resourceLimits = this.opts.maxHeapMb
      ? { maxOldGenerationSizeMb: this.opts.maxHeapMb, maxYoungGenerationSizeMb: Math.min(64, Math.max(16, this.opts.maxHeapMb / 8)) }
      : undefined;
    const worker = new Worker(this.opts.entry ?? DEFAULT_ENTRY, {
      workerData: { preload: this.opts.preload === true },
      ...(resourceLimits ? { resourceLimits } : {}),
      // A worker does not inherit process.setSourceMapsEnabled (bin/phuluc turns it on for dist/node): ask for it.
      ...(process.sourceMapsEnabled ? { execArgv: [...process.execArgv, '--enable-source-maps'] } : {}),
    });
    const slot: Slot = { worker, ready: false, jobs: [], timer: null, retired: false };
    worker.on('message', (r: JobResult | { ready: true }) => {
      if (slot.retired) return;
      if (!slot.ready) {
        slot.ready = true;
        for (const w of this.readyWaiters.splice(0)) w();
      } else {
        const p = this.finish(slot);
        p?.resolve(r as JobResult);
      }
      this.pump();
      // Loaded with no job for it: idle, it no longer keeps the process alive.
      if (slot.jobs.length === 0) slot.worker.unref();
    });
    worker.on('error', (err: Error & { code?: string }) => {
      if (slot.retired) return;
      const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.replace(slot, new JobLimitError(memory ? 'out-of-memory' : 'crash', memory ? (this.opts.maxHeapMb ?? 0) : 0, err.message));
    });
    worker.on('exit', (code) => {
      if (slot.retired) return;
      this.replace(slot, new JobLimitError('crash', 0, `exit ${code}`));
    });
    // An idle worker does not keep the process alive (after the listeners: adding one refs the worker's port again).
    // One started for a waiting job does while it loads: a CLI awaiting that job has nothing else pending, and would
    // end with its top-level await unsettled (exit 13) before the worker said it was ready.
    if (this.queue.length === 0) worker.unref();
    return slot;
  }

  /** The slot's oldest job is over: clear its timer; idle, it lets the process exit. */
  private finish(slot: Slot): Pending | null {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const p = slot.jobs.shift() ?? null;
    if (slot.jobs.length === 0) slot.worker.unref();
    return p;
  }

  /** End a worker that passed a limit or died, fail its job, and let the next job start a fresh one. */
  private replace(slot: Slot, why: JobLimitError): void {
    if (slot.retired) return;
    slot.retired = true;
    const p = this.finish(slot);
    // Jobs sent behind the failed one never started: they go back to the front of the queue, in order.
    this.queue.unshift(...slot.jobs.splice(0));
    const i = this.slots.indexOf(slot);
    if (i >= 0) this.slots.splice(i, 1);
    void slot.worker.terminate();
    p?.reject(why);
    if (!slot.ready) {
      // It died loading: a waiting job fails with it, so that a worker that cannot load does not respawn forever.
      this.queue.shift()?.reject(why);
      for (const w of this.readyWaiters.splice(0)) w();
    } else if (this.opts.preload && !this.closed) {
      // A preloading pool replaces the worker at once: the next job finds it loaded.
      this.slots.push(this.spawn());
    }
    this.pump();
  }
}
