// The audit log: who did what to which target, appended and never changed.
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';

/** @example await audit(db, 'token:abc', 'push', '10903/NQ57-2026#4', { merged: true }) */
export async function audit(
  db: Kysely<DB>,
  actor: string,
  action: string,
  target: string,
  detail?: Record<string, unknown>,
): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({ actor, action, target, detail: detail ? JSON.stringify(detail) : null })
    .execute();
}
