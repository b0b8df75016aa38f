// The request a piece of work belongs to, carried by AsyncLocalStorage: every log line written while a request is
// handled — by the request log, authentication, a route, the error handler — carries that request's id, the same id
// the answer's X-Request-Id header gives the caller (accepted from a proxy when it is sane, generated otherwise).
import { AsyncLocalStorage } from 'node:async_hooks';
import type { MiddlewareHandler } from 'hono';
import type { LogSink } from './logger.ts';

const current = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Run the rest of the request inside its context; after Hono's request-id middleware.
 * @example app.use('*', requestId(), requestContext())
 */
export function requestContext(): MiddlewareHandler {
  return async function requestContextMiddleware(c, next) {
    const requestId = (c.get('requestId' as never) as string | undefined) ?? '';
    await current.run({ requestId }, next);
  };
}

/** The id of the request being handled, or undefined outside any request. */
export function currentRequestId(): string | undefined {
  return current.getStore()?.requestId || undefined;
}

/**
 * A sink that adds the current request's id to every line that does not carry one.
 * @example const log = withRequestId(stdoutSink); log({ level: 'warn', msg: '…' })
 */
export function withRequestId(sink: LogSink): LogSink {
  return function logWithRequestId(line) {
    const requestId = currentRequestId();
    sink(requestId && line.requestId === undefined ? { ...line, requestId } : line);
  };
}
