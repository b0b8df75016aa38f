// Counting every request for /api/metrics: by the pattern of the route that answered (never the raw path, so the
// number of series stays bounded), method and status; and the writes (push, restore, upload, progress report) by status.
import type { MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { ServerMetrics } from './registry.ts';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** The write a route pattern stands for, for POST. */
function writeKind(route: string): string | null {
  if (route.endsWith('/revisions')) return 'push';
  if (route.endsWith('/restore')) return 'restore';
  if (route.endsWith('/upload')) return 'upload';
  if (/\/progress\/:period$/.test(route)) return 'progress';
  return null;
}

/** @example app.use('*', httpMetrics(metrics)) */
export function httpMetrics(metrics: ServerMetrics): MiddlewareHandler {
  return async function httpMetricsMiddleware(c, next) {
    const t0 = performance.now();
    try {
      await next();
    } finally {
      // The last route that is not a middleware (app.use registers for ALL methods); none: no route matched.
      const route =
        matchedRoutes(c)
          .filter((r) => r.method !== 'ALL')
          .at(-1)?.path ?? 'unmatched';
      const method = METHODS.has(c.req.method) ? c.req.method : 'OTHER';
      const status = String(c.res.status);
      metrics.requests.labels(method, route, status).inc();
      metrics.duration.labels(method, route).observe((performance.now() - t0) / 1000);
      const kind = method === 'POST' ? writeKind(route) : null;
      if (kind) metrics.writes.labels(kind, status).inc();
    }
  };
}
