// What a push must know before it writes, in one round trip: the plan's id, its head (without the plan body), whether
// this caller already used the idempotency key on this plan (and with which request), and — when quotas are on — the
// commune's revisions today and stored bytes. The hot path of every push; bodies are loaded only when needed.
import { CompiledQuery, type Kysely } from 'kysely';
import type { Plan } from '../../core/model/index.ts';
import type { DB, RevisionKind, RevisionSummary } from '../db/schema.ts';
import { getRevision, type Revision } from './revisions.ts';

export interface PushState {
  /** Null while the plan has never been pushed. */
  planId: number | null;
  /** The newest revision, with its plan only when asked for (withHeadPlan). */
  head: Revision | undefined;
  /** The seq an earlier push by the same principal with the same idempotency key stored, if any. */
  replaySeq: number | null;
  /** The request fingerprint that earlier push was stored with (null for revisions stored before fingerprints). */
  replayHash: string | null;
  /** The commune's usage, when asked for (quotas). */
  usage?: CommuneUsage;
}

export interface CommuneUsage {
  /** Revisions of every plan of the commune since `since`. */
  revisionsToday: number;
  /** Bytes of every stored plan of the commune (all revisions). */
  bytes: number;
}

interface Row {
  plan_id: number | null;
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
  replay_hash: string | null;
  today?: number | string | null;
  bytes?: number | string | null;
  plan?: Plan | null;
}

export interface PushStateOptions {
  withHeadPlan?: boolean;
  /** The caller the idempotency key belongs to (a key is looked up only among this principal's revisions). */
  principal?: string;
  /** Count the commune's usage; revisions "today" are those created at or after this instant. */
  usageSince?: Date;
}

/**
 * The state query's text for one combination of options, written once (it is the same on every push; the query
 * builder wrote it again each time). $1 commune, $2 plan key, $3 idempotency key, then the principal when bound to
 * one, then the start of "today" when usage is counted: every value a parameter.
 */
const stateSql = new Map<string, string>();
function pushStateSql(withHeadPlan: boolean, byAuthor: boolean, usage: boolean): string {
  const key = `${+withHeadPlan}${+byAuthor}${+usage}`;
  let text = stateSql.get(key);
  if (text !== undefined) return text;
  // A push that lost a race will merge onto the new head: it takes the head's body in the same round trip.
  const plan = withHeadPlan ? ', h.plan' : '';
  // Without a principal (store-level callers) a key matches any author, as before keys were bound to principals.
  const author = byAuthor ? ' AND author = $4' : '';
  const since = byAuthor ? '$5' : '$4';
  text = `SELECT p.id AS plan_id, h.seq, h.base_seq, h.kind, h.author, h.author_name, h.idempotency_key, h.content_hash, h.summary,
       h.message, h.created_at, i.seq AS replay_seq, i.request_hash AS replay_hash${plan}${usage ? ', u.today, u.bytes' : ''}
FROM (SELECT 1) one
LEFT JOIN plans p ON p.commune_code = $1 AND p.plan_key = $2
LEFT JOIN LATERAL (
  SELECT seq, base_seq, kind, author, author_name, idempotency_key, content_hash, summary, message, created_at${withHeadPlan ? ', plan' : ''}
  FROM revisions WHERE plan_id = p.id ORDER BY seq DESC LIMIT 1
) h ON true
LEFT JOIN LATERAL (SELECT seq, request_hash FROM revisions WHERE plan_id = p.id AND idempotency_key = $3${author} LIMIT 1) i ON true${
    usage
      ? `
CROSS JOIN LATERAL (
  SELECT count(*) FILTER (WHERE r.created_at >= ${since}::timestamptz) AS today, coalesce(sum(r.bytes), 0) AS bytes
  FROM plans q JOIN revisions r ON r.plan_id = q.id WHERE q.commune_code = $1) u`
      : ''
  }`;
  stateSql.set(key, text);
  return text;
}

/**
 * Plan id, head metadata and idempotency match of (commune, key, principal) — one indexed query (LATERAL look-ups).
 * @example const s = await pushState(db, '10903', 'NQ57-2026', 'k-1', { principal: 'token:abc' }); s.head?.seq
 */
export async function pushState(
  db: Kysely<DB>,
  communeCode: string,
  planKey: string,
  idempotencyKey: string | null,
  opts: PushStateOptions = {},
): Promise<PushState> {
  const params: unknown[] = [communeCode, planKey, idempotencyKey];
  if (opts.principal !== undefined) params.push(opts.principal);
  if (opts.usageSince) params.push(opts.usageSince.toISOString());
  const { rows } = await db.executeQuery<Row>(
    CompiledQuery.raw(pushStateSql(opts.withHeadPlan === true, opts.principal !== undefined, opts.usageSince !== undefined), params),
  );
  const r = rows[0]!;
  const used = opts.usageSince ? { usage: { revisionsToday: Number(r.today ?? 0), bytes: Number(r.bytes ?? 0) } } : {};
  if (r.plan_id === null) return { planId: null, head: undefined, replaySeq: null, replayHash: null, ...used };
  const head: Revision | undefined =
    r.seq === null
      ? undefined
      : {
          seq: r.seq,
          baseSeq: r.base_seq,
          kind: r.kind!,
          author: r.author!,
          authorName: r.author_name,
          idempotencyKey: r.idempotency_key,
          contentHash: r.content_hash!,
          summary: r.summary!,
          message: r.message,
          createdAt: new Date(r.created_at!).toISOString(),
          ...(r.plan ? { plan: r.plan } : {}),
        };
  return { planId: r.plan_id, head, replaySeq: r.replay_seq, replayHash: r.replay_hash, ...used };
}

/**
 * The revision an idempotency key produced, with its plan (a replay is rare: loaded only then).
 * @example const replay = await replayOf(db, state)
 */
export async function replayOf(db: Kysely<DB>, state: PushState): Promise<Revision | undefined> {
  return state.planId !== null && state.replaySeq !== null ? getRevision(db, state.planId, state.replaySeq) : undefined;
}

/**
 * Whether a request with fingerprint `hash` may replay what the key stored: the same request, or a revision stored
 * before fingerprints existed (nothing to compare).
 * @example if (state.replaySeq !== null && !sameRequest(state, fp)) → 422
 */
export function sameRequest(state: PushState, hash: string): boolean {
  return state.replayHash === null || state.replayHash === hash;
}
