// Read many workbooks on every core: the worker pool (server/workers/pool.ts, the one the server reads uploads with),
// results handed back in file order — plans (readPlans), or for `phuluc consolidate` each plan's rows worked out in
// the worker (consolidateFiles).
import os from 'node:os';
import type { Lang, RowsWire } from '../core/consolidate/index.ts';
import type { Plan } from '../core/model/index.ts';
import {
  runJob,
  type ConsolidateFileResult,
  type Job,
  type JobFault,
  type JobResult,
  type ReadFileResult,
} from '../server/workers/jobs.ts';
import { WorkerPool } from '../server/workers/pool.ts';
import { fileProblem } from './file-errors.ts';

type ReadError = { i: number; error: { code?: string; vi: string; en: string } };
export type ReadResponse = { i: number; plan: Plan } | ReadError;
/** A plan's commune code and rows (rowsToWire; none for a commune of another province), or why it has no commune. */
export type ConsolidateResponse = { i: number; code: string; wire?: RowsWire } | { i: number; noCommune: string } | ReadError;

/** Below this many files the workers' start-up (each loads the reader) costs more than it saves. */
const MIN_FILES_PER_WORKER = 40;
/** Files queued per worker: enough to keep it busy while the main thread takes results. */
const IN_FLIGHT = 4;

function failure(i: number, file: string, r: { error: { code: string; vi: string; en: string } } | JobFault): ReadError {
  if ('error' in r) return { i, error: { code: r.error.code, vi: r.error.vi, en: r.error.en } };
  // A fault is a thrown error's stack: its errno code ("ENOENT: no such file…") said in words, never the stack.
  const errno = /\b(E[A-Z]+):/.exec(r.fault)?.[1];
  return { i, error: fileProblem(file, { code: errno }) };
}

function readResponse(i: number, file: string, r: ReadFileResult | JobFault): ReadResponse {
  if ('plan' in r) return { i, plan: r.plan };
  if ('planJson' in r) return { i, plan: JSON.parse(r.planJson) as Plan };
  return failure(i, file, r);
}

function consolidateResponse(i: number, file: string, r: ConsolidateFileResult | JobFault): ConsolidateResponse {
  if ('code' in r) return { i, code: r.code, ...(r.wire === undefined ? {} : { wire: r.wire }) };
  if ('noCommune' in r) return { i, noCommune: r.noCommune };
  return failure(i, file, r);
}

/**
 * Run `jobOf(file)` for each of `files` in worker threads and yield the answers in the order of `files`; one worker
 * per core (at most `maxWorkers`), none for a handful of files. Memory stays flat: at most a few answers wait.
 */
async function* inOrder<J extends Job, R>(
  files: string[],
  jobOf: (file: string) => J,
  answer: (i: number, file: string, r: JobResult<J>) => R,
  maxWorkers: number,
): AsyncGenerator<R> {
  const n = Math.max(0, Math.min(maxWorkers, Math.floor(files.length / MIN_FILES_PER_WORKER)));
  if (n <= 1) {
    for (let i = 0; i < files.length; i++) yield answer(i, files[i]!, await runJob(jobOf(files[i]!)));
    return;
  }
  // No time or memory limit: the person running the command sees it working and can stop it. Two jobs per worker: it
  // starts its next file while the main thread, busy merging and writing, has not yet taken its last answer.
  const pool = new WorkerPool({ size: n, maxQueue: Infinity, timeoutMs: 0, depth: 2 });
  const pending = new Map<number, Promise<JobResult<J>>>();
  let next = 0;
  try {
    for (let i = 0; i < files.length; i++) {
      for (; next < files.length && next < i + n * IN_FLIGHT; next++) {
        const p = pool.run(jobOf(files[next]!));
        // Awaited in order below; a failure meanwhile must not count as unhandled.
        p.catch(() => {});
        pending.set(next, p);
      }
      const r = await pending.get(i)!;
      pending.delete(i);
      yield answer(i, files[i]!, r);
    }
  } finally {
    await pool.close();
  }
}

/**
 * Read `files` into plans in worker threads, each result yielded in the order of `files`.
 * @example for await (const r of readPlans(files)) if ('plan' in r) use(r.plan)
 */
export function readPlans(files: string[], maxWorkers = os.availableParallelism()): AsyncGenerator<ReadResponse> {
  // Plans come back as JSON text: plans are JSON by design (the wire and stored form), and a string crosses threads
  // at memcpy speed, where the plan's object tree is cloned node by node on both sides.
  return inOrder<Extract<Job, { kind: 'read-file' }>, ReadResponse>(
    files,
    (file) => ({ kind: 'read-file', file, json: true }),
    readResponse,
    maxWorkers,
  );
}

/** What consolidateFiles' workers need to work out a plan's rows as the consolidation and its writer would. */
export interface ConsolidateReadOptions {
  asOf: string;
  planKey: string;
  province?: string;
  lang: Lang;
  /** Each row's source too (`--json` prints the rows); without it rows carry NO_SOURCE. */
  sources?: boolean;
}

/**
 * Read `files` in worker threads, each plan's commune found and its consolidated rows (with their row heights)
 * worked out there; results yielded in the order of `files`. The main thread then merges and writes only.
 * @example for await (const r of consolidateFiles(files, { asOf, planKey, lang: 'vi' })) if ('wire' in r) merge(r)
 */
export function consolidateFiles(
  files: string[],
  opts: ConsolidateReadOptions,
  maxWorkers = os.availableParallelism(),
): AsyncGenerator<ConsolidateResponse> {
  const { asOf, planKey, province, lang, sources } = opts;
  return inOrder<Extract<Job, { kind: 'consolidate-file' }>, ConsolidateResponse>(
    files,
    (file) => ({
      kind: 'consolidate-file',
      file,
      asOf,
      planKey,
      lang,
      ...(province === undefined ? {} : { province }),
      ...(sources ? { sources: true as const } : {}),
    }),
    consolidateResponse,
    maxWorkers,
  );
}
