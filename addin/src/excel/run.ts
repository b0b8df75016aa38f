// The guarded Excel.run every operation goes through: one batch context, syncs watched by a timeout, errors mapped.
import { layerError, toLayerError } from './errors.ts';
import type { ExcelHost } from './host.ts';

export interface Batch {
  context: Excel.RequestContext;
  /** context.sync(), failing with 'timeout' when Excel does not answer in time. */
  sync(): Promise<void>;
}

export interface RunEnv {
  host: ExcelHost;
  timeoutMs: number;
}

class Expired extends Error {}

/**
 * Run one operation in one Excel.run. A sync with no answer within `timeoutMs` rejects with ExcelLayerError('timeout');
 * Office errors become ExcelLayerError (cell-edit mode, payload, unsupported API, missing sheet).
 * @example await runExcel(env, async ({ context, sync }) => { …queue…; await sync(); })
 */
export async function runExcel<T>(env: RunEnv, fn: (b: Batch) => Promise<T>, ctx: { sheet?: string } = {}): Promise<T> {
  const dog = watchdog(env.timeoutMs);
  const run = env.host.Excel.run(async (context) => {
    const sync = async () => {
      dog.kick();
      await context.sync();
      dog.kick();
    };
    return fn({ context, sync });
  });
  try {
    // Awaited here, inside try: a rejection from Excel.run must reach the catch below.
    return await Promise.race([run, dog.expired]);
  } catch (err) {
    if (err instanceof Expired) throw layerError('timeout', String(Math.round(env.timeoutMs / 100) / 10), err);
    throw toLayerError(err, ctx);
  } finally {
    dog.stop();
    // A run the watchdog gave up on may still settle later; nobody is listening any more.
    run.catch(() => undefined);
  }
}

/** Rejects `expired` when nothing happened for `ms` (each sync start and end counts as something). */
function watchdog(ms: number): { expired: Promise<never>; kick(): void; stop(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let reject: (e: Error) => void = () => undefined;
  const expired = new Promise<never>((_, rej) => {
    reject = rej;
  });
  const kick = () => {
    if (stopped) return;
    clearTimeout(timer);
    timer = setTimeout(() => reject(new Expired()), ms);
  };
  kick();
  return {
    expired,
    kick,
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
