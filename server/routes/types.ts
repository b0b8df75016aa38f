// The app's Hono environment and dependencies, shared by every route module.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { RequestIdVariables } from 'hono/request-id';
import type { Kysely } from 'kysely';
import type { AuthVars, EntraVerify } from '../auth/authenticate.ts';
import type { PoolStats } from '../db/connect.ts';
import type { DB } from '../db/schema.ts';
import type { LogSink } from '../http/logger.ts';
import type { Limits } from '../limits.ts';

export type Env = { Variables: AuthVars & RequestIdVariables };
export type App = OpenAPIHono<Env>;

export interface AppDeps {
  db: Kysely<DB>;
  entra?: EntraVerify | null;
  log?: LogSink;
  /** Limits (README, "Giới hạn"); unset ones keep their defaults (DEFAULT_LIMITS). */
  limits?: Partial<Limits>;
  /** The caller's network address (failed sign-ins are throttled per address); default: the socket's, via Hono. */
  clientAddress?: (c: import('hono').Context) => string | null;
  /** The database pool's counts for /api/metrics (serve.ts passes the open database's). */
  dbPool?: PoolStats;
  /** The bearer token Prometheus scrapes /api/metrics with (default: PHULUC_METRICS_TOKEN); admins' tokens work too. */
  metricsToken?: string | null;
  /** Today, for "as of" defaults (tests fix it). */
  today?: () => string;
}
