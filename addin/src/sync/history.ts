// The plan's history on the server: its revisions, what one changed, and restoring one (a new revision, then pulled).
import type { SyncContext } from './context.ts';
import type { Credentials } from './credentials.ts';
import { pull } from './pull.ts';
import { newKey } from './queue.ts';

/** @example await openHistory(ctx, creds) // ctx.sync().history.revisions, newest last */
export async function openHistory(ctx: SyncContext, creds: Credentials): Promise<void> {
  const { api: a, b } = creds.bound();
  ctx.setSync({ history: { revisions: await a.revisions(b.commune, b.planKey), selected: null, changes: null } });
}

/** What revision `seq` changed from the one before it. */
export async function showRevision(ctx: SyncContext, creds: Credentials, seq: number): Promise<void> {
  const { api: a, b } = creds.bound();
  const changes = await a.diff(b.commune, b.planKey, seq - 1, seq);
  // The view may have been closed while the diff downloaded.
  const h = ctx.sync().history;
  if (h) ctx.setSync({ history: { ...h, selected: seq, changes } });
}

/** Restore revision `seq` on the server (its own Idempotency-Key: a retried restore lands once), then pull it. */
export async function restore(ctx: SyncContext, creds: Credentials, seq: number): Promise<void> {
  const { api: a, b } = creds.bound();
  const answer = await a.restore(b.commune, b.planKey, seq, newKey());
  const revisions = await a.revisions(b.commune, b.planKey);
  const last = { action: 'restore' as const, seq: answer.revision.seq, status: answer.status, at: ctx.now() };
  ctx.setSync({ history: { revisions, selected: null, changes: null }, last });
  await pull(ctx, creds);
}
