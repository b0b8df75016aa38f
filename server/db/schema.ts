// The database as Kysely sees it: provinces, communes, plans, append-only revisions, tokens, the audit log, and progress reports (issue 17).
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Plan } from '../../core/model/index.ts';
import type { ProgressReport } from '../../core/progress/index.ts';

export type { RevisionKind, RevisionSummary } from '../../core/api/index.ts';
import type { RevisionKind, RevisionSummary } from '../../core/api/index.ts';

export interface ProvincesTable {
  code: string;
  name: string;
}

export interface CommunesTable {
  code: string;
  name: string;
  province_code: string;
}

export interface PlansTable {
  id: Generated<number>;
  commune_code: string;
  plan_key: string;
  created_at: ColumnType<Date, never, never>;
  created_by: string;
}

/** The plans communes submit to (issue 16): `key` canonical (upper case), created by an admin or consolidator. */
export interface PlanRegistryTable {
  key: string;
  name: string;
  year: number;
  /** yyyy-mm-dd, or null. */
  due_date: string | null;
  created_at: ColumnType<Date, never, never>;
  created_by: string;
}

export interface RevisionsTable {
  id: Generated<number>;
  plan_id: number;
  /** 1, 2, 3… per plan: the revision number users see, and the optimistic-concurrency guard (unique with plan_id). */
  seq: number;
  base_seq: number | null;
  kind: RevisionKind;
  author: string;
  author_name: string | null;
  idempotency_key: string | null;
  /** SHA-256 (hex) of the request an idempotency key was first used with: a retry must send the same. */
  request_hash: ColumnType<string | null, string | null | undefined, never>;
  content_hash: string;
  plan: JSONColumnType<Plan, string, never>;
  summary: JSONColumnType<RevisionSummary, string, never>;
  message: string | null;
  /** Bytes of the stored plan JSON (the per-commune storage quota sums them). */
  bytes: ColumnType<number, number | undefined, never>;
  created_at: ColumnType<Date, never, never>;
}

export interface TokensTable {
  id: string;
  /** SHA-256 of the secret; the secret itself is shown once and never stored. */
  hash: string;
  role: string;
  commune_code: string | null;
  province_code: string | null;
  label: string;
  /** The holder's name (the sender in the history); null for tokens made before it existed or without one. */
  holder: ColumnType<string | null, string | null | undefined, never>;
  created_by: string;
  created_at: ColumnType<Date, never, never>;
  /** Null: never (only tokens made before expiry existed). */
  expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  revoked_at: ColumnType<Date | null, never, Date | null>;
  revoked_by: ColumnType<string | null, never, string | null>;
  /** Updated at most once a minute per token. */
  last_used_at: ColumnType<Date | null, never, Date | null>;
}

export interface AuditTable {
  id: Generated<number>;
  at: ColumnType<Date, never, never>;
  actor: string;
  action: string;
  target: string;
  detail: JSONColumnType<Record<string, unknown>, string, never> | null;
}

/** Issue 17: the periods a province collects for a plan. Days are ISO text (yyyy-mm-dd), compared as text. */
export interface ProgressPeriodsTable {
  province_code: string;
  plan_key: string;
  /** A canonical period id ("2026-H1"). */
  period: string;
  /** yyyy-mm-dd (Vietnam day): the last day a commune can send without the province reopening. */
  cutoff: string;
  created_at: ColumnType<Date, never, never>;
  created_by: string;
}

/** A commune's period report, append-only: 1, 2, 3… per (commune, plan, period), never updated or deleted. */
export interface ProgressVersionsTable {
  id: Generated<number>;
  commune_code: string;
  plan_key: string;
  period: string;
  seq: number;
  base_seq: number | null;
  kind: 'submit' | 'merge';
  author: string;
  author_name: string | null;
  idempotency_key: string | null;
  /** SHA-256 (hex) of the request body the idempotency key was first used with. */
  fingerprint: string | null;
  content_hash: string;
  report: JSONColumnType<ProgressReport, string, never>;
  message: string | null;
  created_at: ColumnType<Date, never, never>;
}

/** The province's decisions on a report: accept, return (with a reason), reopen (until a day). */
export interface ProgressReviewsTable {
  id: Generated<number>;
  commune_code: string;
  plan_key: string;
  period: string;
  decision: 'accept' | 'return' | 'reopen';
  seq: number | null;
  reason: string | null;
  /** yyyy-mm-dd, for 'reopen'. */
  until: string | null;
  author: string;
  author_name: string | null;
  created_at: ColumnType<Date, never, never>;
}

/** A commune's secret calendar address: only its SHA-256 is kept; one per (commune, plan). */
export interface CalendarLinksTable {
  secret_hash: string;
  commune_code: string;
  plan_key: string;
  created_at: ColumnType<Date, never, never>;
  created_by: string;
}

export interface DB {
  provinces: ProvincesTable;
  communes: CommunesTable;
  plans: PlansTable;
  plan_registry: PlanRegistryTable;
  revisions: RevisionsTable;
  tokens: TokensTable;
  audit_log: AuditTable;
  progress_periods: ProgressPeriodsTable;
  progress_versions: ProgressVersionsTable;
  progress_reviews: ProgressReviewsTable;
  calendar_links: CalendarLinksTable;
}
