// The server's worker pool: uploads and large JSON bodies are read there, never on the event loop that answers every
// other request. Settings from the environment (README, "Giới hạn"); what the pool refuses becomes an API answer:
// 503 + Retry-After when the queue is full, 422 naming the limit when a job passes its time or memory limit.
import { existsSync } from 'node:fs';
import os from 'node:os';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { z } from 'zod';
import { PushBody } from '../../core/api/index.ts';
import { ApiError, badRequest, invalidRequest } from '../http/errors.ts';
import { quickCheck, type QuickCheck } from '../http/quick-check.ts';
import { WorkbookReadError } from '../../workbook/xlsx/errors.ts';
import { ConvertError, convertToXlsx, findSoffice } from '../../workbook/xlsx/convert.ts';
import { convertDocToDocx, DocConvertError } from '../../workbook/docx/convert.ts';
import { runJob, type BodySchemaName, type JobResult, type ReadUploadResult } from './jobs.ts';
import { JobLimitError, PoolBusyError, WorkerPool, type PoolOptions } from './pool.ts';

export interface ReadPoolSettings {
  /** Worker threads (PHULUC_READ_WORKERS; default: the cores but one, 1 to 4). */
  size: number;
  /** Jobs waiting beyond those running before 503 (PHULUC_READ_QUEUE). */
  maxQueue: number;
  /** Time limit of one read, ms (PHULUC_READ_TIMEOUT_MS). */
  timeoutMs: number;
  /** Heap of each worker, MB (PHULUC_READ_HEAP_MB). */
  maxHeapMb: number;
}

export const READ_POOL_ENV: Record<keyof ReadPoolSettings, string> = {
  size: 'PHULUC_READ_WORKERS',
  maxQueue: 'PHULUC_READ_QUEUE',
  timeoutMs: 'PHULUC_READ_TIMEOUT_MS',
  maxHeapMb: 'PHULUC_READ_HEAP_MB',
};

/** JSON bodies from this size are parsed and validated in a worker; smaller ones cost less than the hand-over. */
export const OFFLOAD_JSON_BYTES = 256 * 1024;
/** Seconds a client is told to wait when the queue is full. */
const RETRY_AFTER_SEC = 5;

/**
 * The settings from the environment; unset variables keep their defaults. Throws on a value that is not a whole
 * number ≥ 1 (start-up then fails naming the variable).
 * @example readPoolSettings({ PHULUC_READ_WORKERS: '2' }).size // 2
 */
export function readPoolSettings(env: Record<string, string | undefined> = process.env): ReadPoolSettings {
  const size = Math.max(1, Math.min(4, os.availableParallelism() - 1));
  const out: ReadPoolSettings = { size, maxQueue: 8 * size, timeoutMs: 30_000, maxHeapMb: 512 };
  for (const key of Object.keys(READ_POOL_ENV) as (keyof ReadPoolSettings)[]) {
    const raw = env[READ_POOL_ENV[key]]?.trim();
    if (!raw) continue;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < 1)
      throw new Error(`${READ_POOL_ENV[key]} phải là số nguyên ≥ 1 (nhận được “${raw}”) / must be a whole number ≥ 1.`);
    out[key] = n;
  }
  return out;
}

let shared: WorkerPool | null = null;

/**
 * The process's read pool, created on first use from the environment.
 * @example await serverPool().run({ kind: 'read-upload', name, bytes })
 */
export function serverPool(): WorkerPool {
  shared ??= new WorkerPool({ ...readPoolSettings(), preload: true } satisfies PoolOptions);
  return shared;
}

/** The pool's load for /api/metrics, without starting a pool that no request has needed yet (null then). */
export function serverPoolLoad(): WorkerPool['load'] | null {
  return shared?.load ?? null;
}

/** Use another pool (tests: small limits), or none to go back to the environment's. */
export function setServerPool(pool: WorkerPool | null): void {
  shared = pool;
}

/** Stop the process's pool (the server's close()). */
export async function closeServerPool(): Promise<void> {
  const p = shared;
  shared = null;
  await p?.close();
}

/** 503 with Retry-After: the pool's queue is full. */
function busy(c: Context, e: PoolBusyError): ApiError {
  c.header('Retry-After', String(RETRY_AFTER_SEC));
  return new ApiError(
    503,
    'busy-reading',
    `Máy chủ đang đọc nhiều tệp cùng lúc (${e.queued} việc đang chờ); hãy thử lại sau ${RETRY_AFTER_SEC} giây.`,
    `The server is reading many files at once (${e.queued} waiting); retry in ${RETRY_AFTER_SEC} s.`,
    { queued: e.queued, retryAfter: RETRY_AFTER_SEC },
  );
}

async function run<R>(c: Context, work: () => Promise<R>, limit: (e: JobLimitError) => Error): Promise<Exclude<R, { fault: string }>> {
  let r: R;
  try {
    r = await work();
  } catch (err) {
    if (err instanceof PoolBusyError) throw busy(c, err);
    if (err instanceof JobLimitError && (err.reason === 'timeout' || err.reason === 'out-of-memory')) throw limit(err);
    throw err;
  }
  // A bug in the reader: the route answers 500 and the stack is logged.
  if (r && typeof r === 'object' && 'fault' in r) throw new Error(`worker job failed: ${(r as { fault: string }).fault}`);
  return r as Exclude<R, { fault: string }>;
}

/**
 * Read and check an uploaded workbook on the pool, from the raw multipart body: parsing megabytes of form data takes
 * the event loop a few hundred ms too, so it is done there as well. A body that is not a form with a "file" is a 400;
 * a file that cannot be read (WorkbookReadError, or a read past the time or memory limit) a 422 `xlsx-<code>` whose
 * message starts with the file's name; a full queue a 503 with Retry-After.
 * @example const { name, plan, report } = await readUpload(c, await c.req.arrayBuffer(), c.req.header('content-type')!)
 */
export async function readUpload(c: Context, body: ArrayBuffer, type: string): Promise<Extract<ReadUploadResult, { plan: unknown }>> {
  const asError = (name: string, e: { code: string; vi: string; en: string; docx?: true }) =>
    new ApiError(422, `${e.docx ? 'docx' : 'xlsx'}-${e.code}`, `${name}: ${e.vi}`, `${name}: ${e.en}`);
  const limit = (e: JobLimitError) => {
    // The file's name was the worker's to find: this message speaks of "the file".
    const w = new WorkbookReadError(
      e.reason as 'timeout' | 'out-of-memory',
      String(e.reason === 'timeout' ? Math.round(e.limit / 1000) : e.limit),
    );
    return new ApiError(422, `xlsx-${w.code}`, w.message, w.messageEn);
  };
  let r = await run(c, () => serverPool().run({ kind: 'read-upload', body, type }, [body]), limit);
  if ('form' in r) {
    if (r.form === 'malformed') throw badRequest('bad-multipart', 'Dữ liệu multipart hỏng.', 'Malformed multipart body.');
    throw badRequest('no-file', 'Thiếu trường “file” chứa tệp .xlsx hoặc .docx.', 'Missing the "file" field with the .xlsx or .docx.');
  }
  if ('convert' in r) {
    // An .xls, .ods or .doc: LibreOffice (a child process with its own time limit) makes the .xlsx or .docx, read like
    // any other.
    const { name, confirmCommune } = r;
    const xlsx = await converted(c, name, r.bytes, r.convert);
    const again = await run(c, () => serverPool().run({ kind: 'read-xlsx', name, bytes: xlsx }, [xlsx]), limit);
    if ('form' in again || 'convert' in again) throw new Error('read-xlsx: unexpected answer');
    r = { ...again, confirmCommune };
  }
  if ('error' in r) throw asError(r.name, r.error);
  return r;
}

/** Time limit of one LibreOffice conversion, ms (PHULUC_CONVERT_TIMEOUT_MS; default 45 s, inside the request's 60 s). */
export function convertTimeoutMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.PHULUC_CONVERT_TIMEOUT_MS?.trim();
  if (!raw) return 45_000;
  const n = Number(raw);
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`PHULUC_CONVERT_TIMEOUT_MS phải là số nguyên ≥ 1 (nhận được “${raw}”) / must be a whole number ≥ 1.`);
  return n;
}

// Conversions running and waiting: each is a LibreOffice process of a few hundred MB, so no more run at once than the
// pool has workers, and no more wait than its queue holds (503 busy-reading past it, as for reads).
let converting = 0;
const waiting: (() => void)[] = [];

/**
 * The .xlsx of an uploaded .xls/.ods, the .docx of a .doc; the refusals as API answers (415 without LibreOffice, with
 * how to save as .xlsx or .docx).
 */
async function converted(c: Context, name: string, bytes: ArrayBuffer, ext: 'xls' | 'ods' | 'doc'): Promise<ArrayBuffer> {
  const settings = readPoolSettings();
  if (converting >= settings.size) {
    if (waiting.length >= settings.maxQueue) throw busy(c, new PoolBusyError(waiting.length));
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  converting++;
  try {
    const opts = { timeoutMs: convertTimeoutMs() };
    const out = ext === 'doc' ? await convertDocToDocx(new Uint8Array(bytes), opts) : await convertToXlsx(new Uint8Array(bytes), ext, opts);
    return out.buffer.slice(out.byteOffset, out.byteOffset + out.byteLength) as ArrayBuffer;
  } catch (err) {
    if (err instanceof DocConvertError) {
      // 'legacy-doc' is said both when LibreOffice is missing and when it failed: which one is the server's to know.
      const soffice = findSoffice();
      const code = err.code === 'legacy-doc' ? (soffice && existsSync(soffice) ? 'failed' : 'no-libreoffice') : err.code;
      const status = code === 'no-libreoffice' ? 415 : code === 'too-large' ? 413 : 422;
      throw new ApiError(status, `convert-${code}`, `${name}: ${err.message}`, `${name}: ${err.messageEn}`);
    }
    if (!(err instanceof ConvertError)) throw err;
    const status = err.code === 'no-libreoffice' ? 415 : err.code === 'too-large' ? 413 : 422;
    throw new ApiError(status, `convert-${err.code}`, `${name}: ${err.message}`, `${name}: ${err.messageEn}`);
  } finally {
    converting--;
    waiting.shift()?.();
  }
}

/** The schemas behind the workers' body names, for their quick checks (http/quick-check.ts) on the event loop. */
const BODY_SCHEMAS: Record<BodySchemaName, z.ZodType> = { 'push-body': PushBody };
const quickChecks = new Map<BodySchemaName, QuickCheck | null>();

function quickCheckOf(name: BodySchemaName): QuickCheck | null {
  let q = quickChecks.get(name);
  if (q === undefined) quickChecks.set(name, (q = quickCheck(BODY_SCHEMAS[name])));
  return q;
}

/**
 * The request's JSON body validated against a schema the workers know: parsed here when small, in a worker from
 * OFFLOAD_JSON_BYTES (a 4 MB plan takes a few hundred ms to parse and validate). Errors answer as the app's zod hook
 * does: 415 not JSON, 400 malformed-json, 400 invalid-request with the paths; 503 when the pool is full.
 * @example const body = await validJson(c, 'push-body')
 */
export async function validJson<T = unknown>(c: Context, schema: BodySchemaName): Promise<T> {
  const type = c.req.header('content-type');
  if (!type || !/^application\/([a-z-.]+\+)?json/i.test(type)) throw new HTTPException(415, { message: 'Unsupported Media Type' });
  // Hono keeps the text: later readers of the body (the request's fingerprint) get the same string.
  const text = await c.req.text();
  let r: JobResult<{ kind: 'json'; schema: BodySchemaName; text: string }>;
  if (text.length < OFFLOAD_JSON_BYTES) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new HTTPException(400, { message: 'Malformed JSON in request body' });
    }
    // What the schema's quick check vouches for is what zod would give back: zod runs (and words the 400) otherwise.
    if (quickCheckOf(schema)?.(value)) return value as T;
    r = await runJob({ kind: 'json', schema, text });
    if ('fault' in r) throw new Error(r.fault);
  } else {
    r = await run(
      c,
      () => serverPool().run({ kind: 'json', schema, text }),
      (e) =>
        e.reason === 'timeout'
          ? new ApiError(
              422,
              'body-timeout',
              `Kiểm tra dữ liệu gửi lên mất quá ${Math.round(e.limit / 1000)} giây nên đã dừng để bảo vệ máy chủ.`,
              `Checking the request body took more than ${Math.round(e.limit / 1000)} s and was stopped to protect the server.`,
            )
          : new ApiError(
              422,
              'body-out-of-memory',
              `Kiểm tra dữ liệu gửi lên cần quá nhiều bộ nhớ (hơn ${e.limit} MB) nên đã dừng để bảo vệ máy chủ.`,
              `Checking the request body needs more than ${e.limit} MB of memory and was stopped to protect the server.`,
            ),
    );
  }
  if ('syntax' in r) throw new HTTPException(400, { message: 'Malformed JSON in request body' });
  if ('issues' in r) throw invalidRequest(r.issues);
  return r.data as T;
}
