// GET /api/metrics: Prometheus's text format. Not public — route patterns, counts and the version help an attacker —
// so it answers a scraper holding PHULUC_METRICS_TOKEN (a bearer token of its own, compared in constant time, no
// database look-up) or an administrator's token; anything else goes through the usual authentication (401) and the
// policy (403). The caller's address is never trusted: behind a reverse proxy every request comes from loopback.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { can } from '../auth/policy.ts';
import { forbidden } from '../http/errors.ts';
import type { ServerMetrics } from '../metrics/registry.ts';
import type { App } from './types.ts';

export const METRICS_PATH = '/api/metrics';

/** Whether the Authorization header carries the metrics token (both hashed first: equal lengths, constant time). */
function isMetricsToken(header: string | undefined, token: string | null): boolean {
  if (!token || !header?.startsWith('Bearer ')) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(header.slice(7).trim()), digest(token));
}

/**
 * The metrics token answers at once; any other caller goes through `guards` (throttle, authentication) and must be an
 * administrator.
 * @example registerMetricsRoute(app, metrics, process.env.PHULUC_METRICS_TOKEN ?? null, [throttle, auth])
 */
export function registerMetricsRoute(app: App, metrics: ServerMetrics, token: string | null, guards: MiddlewareHandler[]): void {
  const answer = async (c: Context) => {
    c.header('Content-Type', metrics.registry.contentType);
    return c.body(await metrics.registry.metrics());
  };
  app.use(
    METRICS_PATH,
    async function metricsToken(c, next) {
      if (isMetricsToken(c.req.header('authorization'), token)) return answer(c);
      await next();
    },
    ...guards,
  );
  app.get(METRICS_PATH, (c) => {
    if (!can(c.var.principal, 'admin'))
      throw forbidden(
        'xem số liệu giám sát (chỉ quản trị viên hoặc mã PHULUC_METRICS_TOKEN)',
        'metrics (admins or PHULUC_METRICS_TOKEN only)',
      );
    return answer(c);
  });
}
