// The sync server's Hono app: logging, body limits, authentication, every route, one error handler.
import { OpenAPIHono } from '@hono/zod-openapi';
import { HTTPException } from 'hono/http-exception';
import { authenticate } from './auth/authenticate.ts';
import { bodyCap } from './http/body-cap.ts';
import { ApiError } from './http/errors.ts';
import { requestLog, stdoutSink } from './http/logger.ts';
import { registerMetaRoutes } from './routes/meta.ts';
import { registerNationalRoutes } from './routes/national.ts';
import { registerPageRoutes } from './routes/pages.ts';
import { registerPlanRoutes } from './routes/plans.ts';
import { registerProvinceRoutes } from './routes/province.ts';
import { registerAddinRoutes } from './routes/static.ts';
import { registerTokenRoutes } from './routes/tokens.ts';
import type { App, AppDeps, Env } from './routes/types.ts';
import { registerUploadRoute } from './routes/upload.ts';

export type { AppDeps } from './routes/types.ts';

export const DEFAULT_JSON_BYTES = 4 * 1024 * 1024;
export const DEFAULT_UPLOAD_BYTES = 20 * 1024 * 1024;

/**
 * Build the app; routes are driven with app.request() in tests and served by @hono/node-server in production.
 * @example const app = createApp({ db }); await app.request('/api/health')
 */
export function createApp(deps: AppDeps): App {
  const log = deps.log ?? stdoutSink;
  const app: App = new OpenAPIHono<Env>({
    // zod validation failures become the API's own error shape, with where (path) and what for each problem.
    defaultHook: (result) => {
      if (!result.success) {
        const details = result.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
        throw new ApiError(400, 'invalid-request', `Dữ liệu gửi lên không hợp lệ: ${details.map((d) => `${d.path || '(gốc)'}: ${d.message}`).slice(0, 3).join('; ')}.`, 'Invalid request data.', details);
      }
    },
  });
  app.use('*', requestLog(log));
  // Authenticate before reading a body: an anonymous caller never gets megabytes buffered.
  const auth = authenticate({ db: deps.db, entra: deps.entra ?? null });
  for (const path of ['/api/me', '/api/communes/*', '/api/provinces/*', '/api/national/*', '/api/tokens', '/api/tokens/*']) app.use(path, auth);
  app.use('/api/*', bodyCap({ maxBytes: deps.limits?.jsonBytes ?? DEFAULT_JSON_BYTES, overrides: [{ suffix: '/upload', maxBytes: deps.limits?.uploadBytes ?? DEFAULT_UPLOAD_BYTES }] }));

  registerMetaRoutes(app);
  registerPlanRoutes(app, deps);
  registerUploadRoute(app, deps);
  registerProvinceRoutes(app, deps);
  registerNationalRoutes(app, deps);
  registerTokenRoutes(app, deps);
  registerPageRoutes(app);
  registerAddinRoutes(app);

  app.notFound((c) => c.json(new ApiError(404, 'not-found', 'Không có đường dẫn này.', 'No such route.').body(), 404));
  app.onError((err, c) => {
    if (err instanceof ApiError) return c.json(err.body(), err.status);
    // Hono's validators throw HTTPException(400) for a body that is not JSON at all.
    if (err instanceof SyntaxError || (err instanceof HTTPException && err.status === 400)) {
      return c.json(new ApiError(400, 'malformed-json', 'Dữ liệu gửi lên không phải JSON hợp lệ.', 'The body is not valid JSON.').body(), 400);
    }
    // A JSON route given another Content-Type: Hono's message is English only, users read Vietnamese.
    if (err instanceof HTTPException && err.status === 415) {
      return c.json(new ApiError(415, 'unsupported-media-type', 'Kiểu dữ liệu gửi lên không được hỗ trợ: hãy gửi JSON (Content-Type: application/json).', 'Unsupported media type: send JSON (Content-Type: application/json).').body(), 415);
    }
    if (err instanceof HTTPException) return c.json(new ApiError(err.status, 'http-error', `Yêu cầu không hợp lệ (${err.status}${err.message ? `: ${err.message}` : ''}).`, err.message || 'Bad request.').body(), err.status);
    log({ time: new Date().toISOString(), level: 'error', msg: 'unhandled', path: c.req.path, error: err instanceof Error ? err.stack ?? err.message : String(err) });
    return c.json(new ApiError(500, 'internal', 'Lỗi máy chủ; đã ghi nhật ký.', 'Server error; logged.').body(), 500);
  });
  return app;
}
