// The database as Kysely sees it: provinces, communes, plans, append-only revisions, tokens and the audit log.
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { Plan } from '../../core/model/index.ts';

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

export interface DB {
  provinces: ProvincesTable;
  communes: CommunesTable;
  plans: PlansTable;
  plan_registry: PlanRegistryTable;
  revisions: RevisionsTable;
  tokens: TokensTable;
  audit_log: AuditTable;
}
