// Progress report versions (issue 17): append-only rows per (commune, plan, period); the newest seq is the head.
import type { Kysely, Selectable } from 'kysely';
import type { ProgressVersion } from '../../core/api/index.ts';
import type { ProgressReport } from '../../core/progress/index.ts';
import type { DB, ProgressVersionsTable } from '../db/schema.ts';

/** A stored version: its metadata as the wire has it, the report when read with it, the request fingerprint. */
export interface StoredVersion extends ProgressVersion {
  fingerprint: string | null;
  report?: ProgressReport;
}

/** Which report: a commune's, of a plan, for a period. */
export interface ReportKey {
  communeCode: string;
  planKey: string;
  period: string;
}

/** The columns a version is read with (the body is added where it is wanted). */
export const VERSION_COLUMNS = [
  'seq',
  'base_seq',
  'kind',
  'author',
  'author_name',
  'idempotency_key',
  'fingerprint',
  'content_hash',
  'message',
  'created_at',
] as const;

type Row = Pick<Selectable<ProgressVersionsTable>, (typeof VERSION_COLUMNS)[number]> & { report?: ProgressReport };

/** A row as a stored version. */
export function toVersion(r: Row): StoredVersion {
  const out: StoredVersion = {
    seq: r.seq,
    baseSeq: r.base_seq,
    kind: r.kind,
    author: r.author,
    authorName: r.author_name,
    idempotencyKey: r.idempotency_key,
    contentHash: r.content_hash,
    message: r.message,
    createdAt: new Date(r.created_at).toISOString(),
    fingerprint: r.fingerprint,
  };
  if (r.report) out.report = r.report;
  return out;
}

/** A stored version as the wire shows it (no fingerprint, no body). */
export function versionMeta(v: StoredVersion): ProgressVersion {
  const { fingerprint: _f, report: _r, ...meta } = v;
  return meta;
}

const ofReport = (db: Kysely<DB>, k: ReportKey) =>
  db
    .selectFrom('progress_versions')
    .where('commune_code', '=', k.communeCode)
    .where('plan_key', '=', k.planKey)
    .where('period', '=', k.period);

/** The head version with its report; undefined when nothing was sent for the period. */
export async function headVersion(db: Kysely<DB>, k: ReportKey): Promise<StoredVersion | undefined> {
  const r = await ofReport(db, k)
    .select([...VERSION_COLUMNS, 'report'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r ? toVersion(r) : undefined;
}

/** One version with its report. */
export async function getVersion(db: Kysely<DB>, k: ReportKey, seq: number): Promise<StoredVersion | undefined> {
  const r = await ofReport(db, k)
    .select([...VERSION_COLUMNS, 'report'])
    .where('seq', '=', seq)
    .executeTakeFirst();
  return r ? toVersion(r) : undefined;
}

/** The version this principal's idempotency key stored for the report, with its report. */
export async function versionByKey(db: Kysely<DB>, k: ReportKey, author: string, key: string): Promise<StoredVersion | undefined> {
  const r = await ofReport(db, k)
    .select([...VERSION_COLUMNS, 'report'])
    .where('author', '=', author)
    .where('idempotency_key', '=', key)
    .executeTakeFirst();
  return r ? toVersion(r) : undefined;
}

/** Every version without its report, newest first. */
export async function listVersions(db: Kysely<DB>, k: ReportKey): Promise<StoredVersion[]> {
  const rows = await ofReport(db, k).select(VERSION_COLUMNS).orderBy('seq', 'desc').execute();
  return rows.map(toVersion);
}

/**
 * The head of every period a commune reported on for a plan, with its report (reports are small: one entry a task).
 * @example const heads = await headsOfCommune(db, '10903', 'NQ57-2026'); heads.get('2026-H1')?.seq
 */
export async function headsOfCommune(db: Kysely<DB>, communeCode: string, planKey: string): Promise<Map<string, StoredVersion>> {
  const rows = await db
    .selectFrom('progress_versions as v')
    .select(['v.period', ...VERSION_COLUMNS.map((c) => `v.${c}` as const), 'v.report'])
    .where('v.commune_code', '=', communeCode)
    .where('v.plan_key', '=', planKey)
    .where((eb) =>
      eb(
        'v.seq',
        '=',
        eb
          .selectFrom('progress_versions as w')
          .select((e) => e.fn.max('w.seq').as('m'))
          .whereRef('w.commune_code', '=', 'v.commune_code')
          .whereRef('w.plan_key', '=', 'v.plan_key')
          .whereRef('w.period', '=', 'v.period'),
      ),
    )
    .execute();
  return new Map(rows.map((r) => [r.period, toVersion(r)]));
}

export interface NewVersion extends ReportKey {
  seq: number;
  baseSeq: number | null;
  kind: 'submit' | 'merge';
  author: string;
  authorName: string | null;
  idempotencyKey: string | null;
  fingerprint: string | null;
  contentHash: string;
  report: ProgressReport;
  message: string | null;
}

/**
 * Append a version. Throws a unique violation when another push took the seq (or this key) first: the caller
 * re-reads the head and tries again. Never updates a row.
 */
export async function insertVersion(db: Kysely<DB>, v: NewVersion): Promise<StoredVersion> {
  const r = await db
    .insertInto('progress_versions')
    .values({
      commune_code: v.communeCode,
      plan_key: v.planKey,
      period: v.period,
      seq: v.seq,
      base_seq: v.baseSeq,
      kind: v.kind,
      author: v.author,
      author_name: v.authorName,
      idempotency_key: v.idempotencyKey,
      fingerprint: v.fingerprint,
      content_hash: v.contentHash,
      report: JSON.stringify(v.report),
      message: v.message,
    })
    .returning(VERSION_COLUMNS)
    .executeTakeFirstOrThrow();
  return { ...toVersion(r), report: v.report };
}
