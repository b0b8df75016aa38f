// The sync server's Hono app: request ids, logging, security headers, failed sign-in throttling, authentication, body
// limits, a time limit, every route, one error handler. Hono's own middleware where it fits (request-id,
// secure-headers, body-limit, timeout); limits from AppDeps (serve.ts reads them from the environment).
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler, Next } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { timeout } from 'hono/timeout';
import { authenticate } from './auth/authenticate.ts';
import { authThrottle, clientAddress } from './auth/throttle.ts';
import { ApiError, invalidRequest } from './http/errors.ts';
import { requestLog, stdoutSink } from './http/logger.ts';
import { requestContext, withRequestId } from './http/request-context.ts';
import { DEFAULT_LIMITS, formatBytes, LIMIT_ENV, setStoreLimits } from './limits.ts';
import { registerCalendarRoutes } from './routes/calendar.ts';
import { httpMetrics } from './metrics/http-metrics.ts';
import { createMetrics } from './metrics/registry.ts';
import { registerHealthRoute } from './routes/health.ts';
import { registerMetaRoutes } from './routes/meta.ts';
import { registerMetricsRoute } from './routes/metrics.ts';
import { registerNationalRoutes } from './routes/national.ts';
import { registerPageRoutes } from './routes/pages.ts';
import { registerPlanRoutes } from './routes/plans.ts';
import { registerProgressRoutes } from './routes/progress.ts';
import { registerProgressPeriodRoutes } from './routes/progress-periods.ts';
import { registerProvinceProgressRoutes } from './routes/progress-province.ts';
import { registerProvinceRoutes } from './routes/province.ts';
import { registerRegistryRoutes } from './routes/registry.ts';
import { registerAddinRoutes } from './routes/static.ts';
import { registerTokenRoutes } from './routes/tokens.ts';
import type { App, AppDeps, Env } from './routes/types.ts';
import { registerUploadRoute } from './routes/upload.ts';

export type { AppDeps } from './routes/types.ts';

export const DEFAULT_JSON_BYTES = DEFAULT_LIMITS.jsonBytes;
export const DEFAULT_UPLOAD_BYTES = DEFAULT_LIMITS.uploadBytes;

/** Marks the time limit's exception, told apart from other 503s in onError. */
const TIMED_OUT = Symbol('timed-out');

/** 413 for a body over its limit, naming the limit and its variable. */
function bodyTooLarge(limit: number, setting: string): ApiError {
  return new ApiError(
    413,
    'payload-too-large',
    `Dữ liệu gửi lên quá lớn (tối đa ${formatBytes(limit)}, giới hạn ${setting}).`,
    `Request body too large (at most ${formatBytes(limit)}, limit ${setting}).`,
    { limit: setting, max: limit },
  );
}

/**
 * A body limit with the API's 413; uploads get their own, larger limit. A body whose Content-Length is declared (and
 * not chunked) is judged by that header alone, as Hono's body-limit does, but without touching `c.req.raw.body`: on
 * @hono/node-server that builds a web Request and stream over the socket (~0.4 ms of a push), where the route could
 * read the bytes straight from Node's request. Chunked bodies go to Hono's body-limit, which counts them as they come.
 */
function bodyLimits(jsonBytes: number, uploadBytes: number): MiddlewareHandler {
  const limited = (maxSize: number, setting: string) => {
    const streamed = bodyLimit({
      maxSize,
      onError: () => {
        throw bodyTooLarge(maxSize, setting);
      },
    });
    return async function bodyLimitMiddleware(c: Context, next: Next) {
      const method = c.req.method;
      // No body to limit (node-server gives GET and HEAD requests none; Hono's limit passes them on too).
      if (method === 'GET' || method === 'HEAD') return next();
      const length = c.req.header('content-length');
      if (length !== undefined && c.req.header('transfer-encoding') === undefined) {
        if (parseInt(length || '0', 10) > maxSize) throw bodyTooLarge(maxSize, setting);
        return next();
      }
      return streamed(c, next);
    };
  };
  const json = limited(jsonBytes, LIMIT_ENV.jsonBytes);
  const upload = limited(uploadBytes, LIMIT_ENV.uploadBytes);
  return (c, next) => (c.req.path.endsWith('/upload') ? upload : json)(c, next);
}

/**
 * Build the app; routes are driven with app.request() in tests and served by @hono/node-server in production.
 * @example const app = createApp({ db }); await app.request('/api/health')
 */
export function createApp(deps: AppDeps): App {
  // Every line logged while a request is handled carries its id (http/request-context.ts).
  const log = withRequestId(deps.log ?? stdoutSink);
  const app: App = new OpenAPIHono<Env>({
    // zod validation failures become the API's own error shape, with where (path) and what for each problem.
    defaultHook: (result) => {
      if (!result.success) {
        throw invalidRequest(result.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message })));
      }
    },
  });
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };
  // Every path that stores a revision (push, upload, restore) finds the plan size and quota limits by the database.
  setStoreLimits(deps.db, limits);
  const metrics = createMetrics(deps.dbPool ? { dbPool: deps.dbPool } : {});
  // A sane incoming X-Request-Id (a proxy's: letters, digits, _ - =, at most 255) is kept, otherwise a UUID.
  app.use('*', requestId(), requestContext());
  app.use('*', requestLog(log));
  app.use('*', httpMetrics(metrics));
  // API answers are never cached nor sniffed; framing, referrers and cross-origin reads refused.
  app.use('/api/*', secureHeaders({ crossOriginOpenerPolicy: false, xFrameOptions: 'DENY' }), async function noStore(c, next) {
    await next();
    c.res.headers.set('Cache-Control', 'no-store');
  });
  // Failed sign-ins throttled per address, then authentication — both before reading a body: an anonymous caller
  // never gets megabytes buffered.
  const throttling = {
    failures: limits.authFailures,
    windowSeconds: limits.authWindowSeconds,
    address: deps.clientAddress ?? clientAddress(process.env.PHULUC_TRUST_PROXY === '1'),
  };
  const throttle = authThrottle(throttling);
  const auth = authenticate({
    db: deps.db,
    entra: deps.entra ?? null,
    warn: (msg) => log({ time: new Date().toISOString(), level: 'warn', msg }),
  });
  for (const path of ['/api/me', '/api/plans', '/api/communes/*', '/api/provinces/*', '/api/national/*', '/api/tokens', '/api/tokens/*'])
    app.use(path, throttle, auth);
  // Prometheus's scraper with its own token, or an administrator (routes/metrics.ts).
  registerMetricsRoute(app, metrics, deps.metricsToken ?? process.env.PHULUC_METRICS_TOKEN ?? null, [throttle, auth]);
  // The calendar feed is public, its address the secret: wrong addresses (404) are throttled like failed sign-ins.
  app.use('/api/calendar/*', authThrottle({ ...throttling, watch: () => true, failed: (status) => status === 404 }));
  app.use('/api/*', bodyLimits(limits.jsonBytes, limits.uploadBytes));
  if (limits.requestTimeoutMs > 0) {
    // The national export streams for as long as it takes; every other API answer has a time limit. Work that runs on
    // after it (a push) still completes: a retry with the same Idempotency-Key gets its answer.
    const limit = timeout(limits.requestTimeoutMs, () => new HTTPException(503, { message: 'timeout', cause: TIMED_OUT }));
    app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/national/') ? next() : limit(c, next)));
  }

  registerHealthRoute(app, deps);
  registerMetaRoutes(app, limits);
  registerRegistryRoutes(app, deps);
  registerPlanRoutes(app, deps);
  registerUploadRoute(app, deps);
  registerProgressPeriodRoutes(app, deps);
  registerProgressRoutes(app, deps);
  registerProvinceRoutes(app, deps);
  registerNationalRoutes(app, deps);
  registerTokenRoutes(app, deps);
  registerCalendarRoutes(app, deps);
  registerProvinceProgressRoutes(app, deps);
  registerPageRoutes(app);
  registerAddinRoutes(app);

  app.notFound((c) => c.json(new ApiError(404, 'not-found', 'Không có đường dẫn này.', 'No such route.').body(), 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) {
      for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
      return c.json(err.body(), err.status);
    }
    if (err instanceof HTTPException && err.cause === TIMED_OUT) {
      const sec = Math.round(limits.requestTimeoutMs / 1000);
      c.header('Retry-After', '5');
      return c.json(
        new ApiError(
          503,
          'timeout',
          `Máy chủ xử lý quá lâu (quá ${sec} giây, giới hạn ${LIMIT_ENV.requestTimeoutMs}); hãy thử lại — gửi lại với cùng Idempotency-Key không tạo bản trùng.`,
          `The server took too long (over ${sec} s, limit ${LIMIT_ENV.requestTimeoutMs}); retry — resending with the same Idempotency-Key stores nothing twice.`,
        ).body(),
        503,
      );
    }
    // Hono's validators throw HTTPException(400) for a body that is not JSON at all.
    if (err instanceof SyntaxError || (err instanceof HTTPException && err.status === 400)) {
      return c.json(
        new ApiError(400, 'malformed-json', 'Dữ liệu gửi lên không phải JSON hợp lệ.', 'The body is not valid JSON.').body(),
        400,
      );
    }
    // A JSON route given another Content-Type: Hono's message is English only, users read Vietnamese.
    if (err instanceof HTTPException && err.status === 415) {
      return c.json(
        new ApiError(
          415,
          'unsupported-media-type',
          'Kiểu dữ liệu gửi lên không được hỗ trợ: hãy gửi JSON (Content-Type: application/json).',
          'Unsupported media type: send JSON (Content-Type: application/json).',
        ).body(),
        415,
      );
    }
    if (err instanceof HTTPException)
      return c.json(
        new ApiError(
          err.status,
          'http-error',
          `Yêu cầu không hợp lệ (${err.status}${err.message ? `: ${err.message}` : ''}).`,
          err.message || 'Bad request.',
        ).body(),
        err.status,
      );
    const id = c.get('requestId');
    log({
      time: new Date().toISOString(),
      level: 'error',
      msg: 'unhandled',
      path: c.req.path,
      requestId: id,
      error: err instanceof Error ? (err.stack ?? err.message) : String(err),
    });
    return c.json(
      new ApiError(500, 'internal', `Lỗi máy chủ; đã ghi nhật ký (mã yêu cầu ${id}).`, `Server error; logged (request id ${id}).`, {
        requestId: id,
      }).body(),
      500,
    );
  });
  return app;
}
