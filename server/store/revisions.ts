// Revisions: append-only rows holding the plan model; the newest seq of a plan is its head.
import { CompiledQuery, type Kysely, type Selectable } from 'kysely';
import type { Plan } from '../../core/model/index.ts';
import type { DB, RevisionKind, RevisionSummary, RevisionsTable } from '../db/schema.ts';

export interface Revision {
  seq: number;
  baseSeq: number | null;
  kind: RevisionKind;
  author: string;
  authorName: string | null;
  idempotencyKey: string | null;
  contentHash: string;
  summary: RevisionSummary;
  message: string | null;
  createdAt: string;
  plan?: Plan;
}

const META = [
  'seq',
  'base_seq',
  'kind',
  'author',
  'author_name',
  'idempotency_key',
  'content_hash',
  'summary',
  'message',
  'created_at',
] as const;

function toRevision(r: Pick<Selectable<RevisionsTable>, (typeof META)[number]> & { plan?: Plan }): Revision {
  const out: Revision = {
    seq: r.seq,
    baseSeq: r.base_seq,
    kind: r.kind,
    author: r.author,
    authorName: r.author_name,
    idempotencyKey: r.idempotency_key,
    contentHash: r.content_hash,
    summary: r.summary,
    message: r.message,
    createdAt: new Date(r.created_at).toISOString(),
  };
  if (r.plan) out.plan = r.plan;
  return out;
}

/** The newest revision with its plan, or undefined for a plan never pushed. */
export async function headRevision(db: Kysely<DB>, planId: number): Promise<Revision | undefined> {
  const r = await db
    .selectFrom('revisions')
    .select([...META, 'plan'])
    .where('plan_id', '=', planId)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? toRevision(r) : undefined;
}

/** One revision with its plan. */
export async function getRevision(db: Kysely<DB>, planId: number, seq: number): Promise<Revision | undefined> {
  const r = await db
    .selectFrom('revisions')
    .select([...META, 'plan'])
    .where('plan_id', '=', planId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  return r ? toRevision(r) : undefined;
}

/** The revision an idempotency key produced, if that push was already stored. */
export async function revisionByIdempotencyKey(db: Kysely<DB>, planId: number, key: string): Promise<Revision | undefined> {
  const r = await db
    .selectFrom('revisions')
    .select([...META, 'plan'])
    .where('plan_id', '=', planId)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return r ? toRevision(r) : undefined;
}

/** History without plan bodies, newest first. */
export async function listRevisions(db: Kysely<DB>, planId: number, limit = 200): Promise<Revision[]> {
  const rows = await db
    .selectFrom('revisions')
    .select([...META])
    .where('plan_id', '=', planId)
    .orderBy('seq', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toRevision);
}

export interface NewRevision {
  planId: number;
  seq: number;
  baseSeq: number | null;
  kind: RevisionKind;
  author: string;
  authorName: string | null;
  idempotencyKey: string | null;
  /** SHA-256 (hex) of the request that carried the idempotency key. */
  requestHash?: string | null;
  contentHash: string;
  plan: Plan;
  /** JSON.stringify(plan), when the caller already has it (it hashed it). */
  planJson?: string;
  /** The UTF-8 size of planJson, when the caller already counted it (its size limit). */
  planBytes?: number;
  summary: RevisionSummary;
  message: string | null;
  /** An audit entry written by the same statement: one round trip and one commit, and never one without the other. */
  audit?: { actor: string; action: string; target: string; detail?: Record<string, unknown> };
}

/** A revision row's values, in the order of INSERT_WITH_AUDIT's parameters. */
interface RevisionValues {
  plan_id: number;
  seq: number;
  base_seq: number | null;
  kind: RevisionKind;
  author: string;
  author_name: string | null;
  idempotency_key: string | null;
  request_hash: string | null;
  content_hash: string;
  plan: string;
  summary: string;
  message: string | null;
  bytes: number;
}

/** Insert a revision; a unique violation (seq taken, key used) propagates for the caller to retry or replay. */
export async function insertRevision(db: Kysely<DB>, r: NewRevision): Promise<Revision> {
  const json = r.planJson ?? JSON.stringify(r.plan);
  const values: RevisionValues = {
    plan_id: r.planId,
    seq: r.seq,
    base_seq: r.baseSeq,
    kind: r.kind,
    author: r.author,
    author_name: r.authorName,
    idempotency_key: r.idempotencyKey,
    request_hash: r.requestHash ?? null,
    content_hash: r.contentHash,
    plan: json,
    summary: JSON.stringify(r.summary),
    message: r.message,
    bytes: r.planBytes ?? Buffer.byteLength(json),
  };
  const a = r.audit;
  const row = a
    ? await insertWithAudit(db, values, a)
    : await db
        .insertInto('revisions')
        .values(values)
        .returning([...META])
        .executeTakeFirstOrThrow();
  return { ...toRevision(row), plan: r.plan };
}

/**
 * The revision and its audit entry in one statement, written once as text: the query builder made the same statement
 * again on every push (a fifth of the store's CPU per push). Its values are parameters, as the builder's were.
 */
const INSERT_WITH_AUDIT = `WITH "r" AS (INSERT INTO "revisions" ("plan_id", "seq", "base_seq", "kind", "author", "author_name",
  "idempotency_key", "request_hash", "content_hash", "plan", "summary", "message", "bytes")
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING ${META.map((c) => `"${c}"`).join(', ')}),
"a" AS (INSERT INTO "audit_log" ("actor", "action", "target", "detail") VALUES ($14, $15, $16, $17))
SELECT * FROM "r"`;

type MetaRow = Pick<Selectable<RevisionsTable>, (typeof META)[number]>;

async function insertWithAudit(db: Kysely<DB>, v: RevisionValues, a: NonNullable<NewRevision['audit']>): Promise<MetaRow> {
  const params = [
    v.plan_id,
    v.seq,
    v.base_seq,
    v.kind,
    v.author,
    v.author_name,
    v.idempotency_key,
    v.request_hash,
    v.content_hash,
    v.plan,
    v.summary,
    v.message,
    v.bytes,
    a.actor,
    a.action,
    a.target,
    a.detail ? JSON.stringify(a.detail) : null,
  ];
  const { rows } = await db.executeQuery<MetaRow>(CompiledQuery.raw(INSERT_WITH_AUDIT, params));
  const row = rows[0];
  if (!row) throw new Error('insert returned no revision');
  return row;
}
