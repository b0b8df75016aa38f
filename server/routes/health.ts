// GET /api/health: public on purpose — load balancers and uptime monitors call it without a token — so it answers only
// what is safe to show anyone: ok flags, the version and commit, the migration names (see core/api/wire.ts HealthAnswer).
import { createRoute } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { API_PATHS, HealthAnswer } from '../../core/api/index.ts';
import { checkHealth } from '../health.ts';
import { errors, json } from './responses.ts';
import type { App, AppDeps } from './types.ts';

/** @example registerHealthRoute(app, deps) */
export function registerHealthRoute(app: App, deps: Pick<AppDeps, 'db'>): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: API_PATHS.health,
      responses: {
        200: json(HealthAnswer, 'Máy chủ hoạt động: cơ sở dữ liệu trả lời, cấu trúc đúng phiên bản'),
        503: json(HealthAnswer, 'Có chỗ hỏng: cơ sở dữ liệu không trả lời, hoặc cấu trúc không khớp phiên bản'),
        ...errors(500),
      },
    }),
    async (c) => {
      const health = await checkHealth(deps.db as unknown as Kysely<unknown>);
      return health.ok ? c.json(health, 200) : c.json(health, 503);
    },
  );
}
