// The app's Hono environment and dependencies, shared by every route module.
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import type { AuthVars, EntraVerify } from '../auth/authenticate.ts';
import type { DB } from '../db/schema.ts';
import type { LogSink } from '../http/logger.ts';

export type Env = { Variables: AuthVars };
export type App = OpenAPIHono<Env>;

export interface AppDeps {
  db: Kysely<DB>;
  entra?: EntraVerify | null;
  log?: LogSink;
  /** Bytes: JSON bodies, and .xlsx uploads. */
  limits?: { jsonBytes?: number; uploadBytes?: number };
  /** Today, for "as of" defaults (tests fix it). */
  today?: () => string;
}
