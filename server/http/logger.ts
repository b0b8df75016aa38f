// Structured JSON logs: one line per request (method, path, status, duration, caller, request id), one per server error.
import type { MiddlewareHandler } from 'hono';

export type LogSink = (line: Record<string, unknown>) => void;

/** Writes JSON lines to stdout; tests pass their own sink. */
export const stdoutSink: LogSink = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

/** @example app.use('*', requestLog(stdoutSink)) */
export function requestLog(sink: LogSink): MiddlewareHandler {
  return async function requestLogMiddleware(c, next) {
    const t0 = performance.now();
    await next();
    const principal = c.get('principal' as never) as { subject?: string; role?: string } | undefined;
    const requestId = c.get('requestId' as never) as string | undefined;
    sink({
      time: new Date().toISOString(),
      level: c.res.status >= 500 ? 'error' : 'info',
      msg: 'request',
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - t0) * 10) / 10,
      ...(requestId ? { requestId } : {}),
      ...(principal ? { subject: principal.subject, role: principal.role } : {}),
    });
  };
}
