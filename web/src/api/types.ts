// Shapes of the sync server's answers the pages read (see server/routes/*.ts and README's API table).
import type { Consolidated } from '../../../core/consolidate/types.ts';
import type { TaskChange } from '../../../core/merge/diff.ts';
import type { FieldConflict } from '../../../core/merge/conflict.ts';
import type { Plan } from '../../../core/model/appendix.ts';

export type { Principal, RevisionMeta, RevisionSummary, Role } from '../../../core/api/wire.ts';
import type { Principal, RevisionMeta, RevisionSummary } from '../../../core/api/wire.ts';

export interface Me {
  principal: Principal;
}

export type StatusCommune =
  | ({ code: string; name: string; submitted: true; revision: number; lastPush: string; author: string } & RevisionSummary)
  | { code: string; name: string; submitted: false };

export interface ProvinceStatus {
  province: { code: string; name: string };
  planKey: string;
  submitted: number;
  communes: number;
  communesList: StatusCommune[];
}

export type ConsolidatedResponse = Consolidated & { province: { code: string; name: string }; planKey: string };

export interface PlanHead {
  revision: RevisionMeta;
  plan: Plan;
}

export interface Revisions {
  revisions: RevisionMeta[];
}

export interface DiffResponse {
  from: number;
  to: number;
  changes: TaskChange[];
}

export interface UploadIssue {
  code: string;
  severity: 'error' | 'warning' | 'info';
  cell: string | null;
  row: number | null;
  message: string;
  messageEn: string;
}

export interface UploadResponse {
  status: 'created' | 'merged' | 'replayed';
  revision: RevisionMeta;
  report: { valid: boolean; stats: { errors: number; warnings: number; infos: number; tasks: number; indicators: number } };
}

export interface ConflictDetails {
  headSeq: number;
  conflicts: FieldConflict[];
}

/** A token as GET /api/tokens lists it (never its secret). */
export interface TokenInfo {
  id: string;
  role: 'editor' | 'consolidator' | 'admin';
  communeCode: string | null;
  provinceCode: string | null;
  label: string;
  createdBy: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  revokedBy: string | null;
  lastUsedAt: string | null;
  state: 'active' | 'expired' | 'revoked';
}

/** POST /api/tokens: the new token with its secret, shown once. */
export interface TokenCreated {
  id: string;
  role: 'editor' | 'consolidator' | 'admin';
  label: string;
  expiresAt: string | null;
  secret: string;
}

export interface ServerConfig {
  entra: { clientId: string; tenantId: string; audience: string } | null;
}
