// What a push must know before it writes, in one round trip: the plan's id, its head (without the plan body) and
// whether the idempotency key was already used. The hot path of every push; bodies are loaded only when needed.
import { sql, type Kysely } from 'kysely';
import type { Plan } from '../../core/model/appendix.ts';
import type { DB, RevisionKind, RevisionSummary } from '../db/schema.ts';
import { getRevision, type Revision } from './revisions.ts';

export interface PushState {
  /** Null while the plan has never been pushed. */
  planId: number | null;
  /** The newest revision, with its plan only when asked for (withHeadPlan). */
  head: Revision | undefined;
  /** The seq an earlier push with the same idempotency key stored, if any. */
  replaySeq: number | null;
}

interface Row {
  plan_id: number;
  seq: number | null;
  base_seq: number | null;
  kind: RevisionKind | null;
  author: string | null;
  author_name: string | null;
  idempotency_key: string | null;
  content_hash: string | null;
  summary: RevisionSummary | null;
  message: string | null;
  created_at: Date | string | null;
  replay_seq: number | null;
  plan?: Plan | null;
}

/**
 * Plan id, head metadata and idempotency match of (commune, key) — one indexed query (two LATERAL look-ups).
 * @example const s = await pushState(db, '10903', 'NQ57-2026', 'k-1'); s.head?.seq
 */
export async function pushState(db: Kysely<DB>, communeCode: string, planKey: string, idempotencyKey: string | null, opts: { withHeadPlan?: boolean } = {}): Promise<PushState> {
  // A push that lost a race will merge onto the new head: it takes the head's body in the same round trip.
  const plan = opts.withHeadPlan ? sql`, h.plan` : sql``;
  const { rows } = await sql<Row>`
    SELECT p.id AS plan_id, h.seq, h.base_seq, h.kind, h.author, h.author_name, h.idempotency_key, h.content_hash, h.summary,
           h.message, h.created_at, i.seq AS replay_seq ${plan}
    FROM plans p
    LEFT JOIN LATERAL (
      SELECT seq, base_seq, kind, author, author_name, idempotency_key, content_hash, summary, message, created_at ${opts.withHeadPlan ? sql`, plan` : sql``}
      FROM revisions WHERE plan_id = p.id ORDER BY seq DESC LIMIT 1
    ) h ON true
    LEFT JOIN LATERAL (SELECT seq FROM revisions WHERE plan_id = p.id AND idempotency_key = ${idempotencyKey}) i ON true
    WHERE p.commune_code = ${communeCode} AND p.plan_key = ${planKey}`.execute(db);
  const r = rows[0];
  if (!r) return { planId: null, head: undefined, replaySeq: null };
  const head: Revision | undefined = r.seq === null ? undefined : {
    seq: r.seq, baseSeq: r.base_seq, kind: r.kind!, author: r.author!, authorName: r.author_name, idempotencyKey: r.idempotency_key,
    contentHash: r.content_hash!, summary: r.summary!, message: r.message, createdAt: new Date(r.created_at!).toISOString(),
    ...(r.plan ? { plan: r.plan } : {}),
  };
  return { planId: r.plan_id, head, replaySeq: r.replay_seq };
}

/**
 * The revision an idempotency key produced, with its plan (a replay is rare: loaded only then).
 * @example const replay = await replayOf(db, state)
 */
export async function replayOf(db: Kysely<DB>, state: PushState): Promise<Revision | undefined> {
  return state.planId !== null && state.replaySeq !== null ? getRevision(db, state.planId, state.replaySeq) : undefined;
}
