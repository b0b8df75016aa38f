// The event loop's longest stall, measured in the server process (perf_hooks.monitorEventLoopDelay) and written as a
// log line every PHULUC_LOOP_REPORT_MS: how an operator — or a test sending hostile uploads — sees that no request
// held the loop.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import type { LogSink } from './http/logger.ts';

/**
 * Start reporting when PHULUC_LOOP_REPORT_MS is set (ms ≥ 10): one `{ msg: 'event-loop', maxDelayMs, p99Ms }` line per
 * period, the histogram reset after each. Returns the function that stops it.
 * @example const stop = reportLoopDelay(stdoutSink, process.env); … stop()
 */
export function reportLoopDelay(log: LogSink, env: Record<string, string | undefined>): () => void {
  const every = Number(env.PHULUC_LOOP_REPORT_MS ?? 0);
  if (!Number.isFinite(every) || every < 10) return () => {};
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const timer = setInterval(() => {
    log({
      time: new Date().toISOString(),
      level: 'info',
      msg: 'event-loop',
      maxDelayMs: Math.round(h.max / 1e5) / 10,
      p99Ms: Math.round(h.percentile(99) / 1e5) / 10,
    });
    h.reset();
  }, every);
  timer.unref();
  return () => {
    clearInterval(timer);
    h.disable();
  };
}
