// The sync server's API contract: every request body and every answer as a zod schema, with its type inferred. The
// server declares its routes with these schemas (server/routes/*, /api/openapi.json), the one client (client.ts) types
// its answers with them, and the pane and the pages take their types from here: a field added on one side cannot
// silently be missing on another. `.meta({ id })` names an OpenAPI component; core imports plain zod only.
import { z } from 'zod';
import { TASK_STATUSES, type Consolidated } from '../consolidate/index.ts';
import type { FieldConflict, TaskChange } from '../merge/index.ts';
import { ColumnRoleSchema, PatchSchema, PlanSchema, SourceSchema } from '../model/index.ts';
import { PeriodListDetails, ProgressConflictDetails, ProgressLockedDetails } from './progress-wire.ts';
import type { CheckFile as CoreCheckFile, ReportStats, Severity } from '../validate/index.ts';

// ---------------------------------------------------------------------------------------------------------------
// Paths and codes

/** Every API path, as OpenAPI writes it; the client fills the {names}. */
export const API_PATHS = {
  health: '/api/health',
  config: '/api/config',
  me: '/api/me',
  plans: '/api/plans',
  plan: '/api/communes/{commune}/plans/{planKey}',
  revisions: '/api/communes/{commune}/plans/{planKey}/revisions',
  revision: '/api/communes/{commune}/plans/{planKey}/revisions/{seq}',
  restore: '/api/communes/{commune}/plans/{planKey}/revisions/{seq}/restore',
  diff: '/api/communes/{commune}/plans/{planKey}/diff',
  upload: '/api/communes/{commune}/plans/{planKey}/upload',
  provinceStatus: '/api/provinces/{province}/plans/{planKey}/status',
  provinceConsolidated: '/api/provinces/{province}/plans/{planKey}/consolidated',
  nationalConsolidated: '/api/national/plans/{planKey}/consolidated',
  tokens: '/api/tokens',
  token: '/api/tokens/{id}',
} as const;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * A commune's 5-digit code, a province's 2-digit code, a plan key (the server's path parameters use the same). A plan
 * key in a path may be written in any case: the server answers under the registered, canonical key (CANONICAL_PLAN_KEY).
 */
export const COMMUNE_CODE = /^\d{5}$/;
export const PROVINCE_CODE = /^\d{2}$/;
export const PLAN_KEY = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** A plan key as the server stores and answers it: upper-case ASCII. */
export const CANONICAL_PLAN_KEY = /^[A-Z0-9][A-Z0-9._-]{0,63}$/;

/**
 * A plan key as the server stores it (trimmed, upper case), or null when it cannot be one.
 * @example canonicalPlanKey(' nq57-2026 ') // 'NQ57-2026'
 */
export function canonicalPlanKey(key: string): string | null {
  const k = key.trim().toUpperCase();
  return CANONICAL_PLAN_KEY.test(k) ? k : null;
}
export const CommuneCode = z.string().regex(COMMUNE_CODE);
export const ProvinceCode = z.string().regex(PROVINCE_CODE);
export const PlanKey = z.string().regex(PLAN_KEY);
/** An ISO day, yyyy-mm-dd. */
export const IsoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

/**
 * Free text stored in a text column (a push message, a token label). PostgreSQL text cannot hold U+0000: refused with
 * a 400 instead of failing in the database with a 500.
 * @example const Body = z.object({ message: StoredText(500).optional() })
 */
export const StoredText = (max: number, min = 0) =>
  z
    .string()
    .min(min)
    .max(max)
    .refine((s) => !s.includes('\u0000'), { message: 'không được chứa ký tự NUL (U+0000) / must not contain U+0000' });

// ---------------------------------------------------------------------------------------------------------------
// Who is calling

export const RoleSchema = z.enum(['editor', 'consolidator', 'admin']);
export type Role = z.infer<typeof RoleSchema>;
export const ROLES: readonly Role[] = RoleSchema.options;

/** Who is calling: a role and its scope (one commune for an editor, one province for a consolidator). */
export const PrincipalSchema = z
  .object({
    role: RoleSchema,
    /** Stable id of the caller: the token id, or the Entra object id. */
    subject: z.string(),
    name: z.string().optional(),
    /** An editor's commune (5-digit code). */
    communeCode: z.string().optional(),
    /** A consolidator's province (2-digit code). */
    provinceCode: z.string().optional(),
    via: z.enum(['token', 'entra']),
    /** The server token that authenticated the caller (via 'token'). */
    tokenId: z.string().optional(),
  })
  .meta({ id: 'Principal' });
export type Principal = z.infer<typeof PrincipalSchema>;

/** GET /api/me. */
export const MeAnswer = z.object({ principal: PrincipalSchema }).meta({ id: 'Me' });
export type MeAnswer = z.infer<typeof MeAnswer>;

/** The Entra settings the server advertises (a SPA client id, the tenant, the API's audience); no secret. */
export const EntraPublicConfigSchema = z.object({ clientId: z.string(), tenantId: z.string(), audience: z.string() });
export type EntraPublicConfig = z.infer<typeof EntraPublicConfigSchema>;

/** GET /api/config (public): whether Microsoft sign-in is offered. */
export const ServerConfig = z.object({ entra: EntraPublicConfigSchema.nullable() }).meta({ id: 'ServerConfig' });
export type ServerConfig = z.infer<typeof ServerConfig>;

/**
 * GET /api/health (public, for load balancers and monitoring): 200 when the database answers and its schema is this
 * version's, else 503 with the same body saying what is wrong. Nothing secret: no address, no error text.
 */
export const HealthAnswer = z
  .object({
    ok: z.boolean(),
    /** phuluc's version (package.json) and the git commit it was built from, when known. */
    version: z.string(),
    commit: z.string().nullable(),
    database: z.object({
      ok: z.boolean(),
      /** Why not: 'unreachable' (the query failed) or 'timeout' (no answer within the check's time). */
      problem: z.enum(['unreachable', 'timeout']).nullable(),
      ms: z.number(),
    }),
    migrations: z.object({
      ok: z.boolean(),
      /** The last migration applied, null when none or unknown. */
      current: z.string().nullable(),
      /** Migrations this version knows and the database lacks (run `phuluc serve` once to apply them). */
      pending: z.array(z.string()),
      /** Migrations the database has that this version does not know (a newer phuluc migrated it). */
      unknown: z.array(z.string()),
    }),
  })
  .meta({ id: 'Health' });
export type HealthAnswer = z.infer<typeof HealthAnswer>;

// ---------------------------------------------------------------------------------------------------------------
// The plan registry: the plans communes submit to, created by an admin or a consolidator

/** A registered plan. `key` is canonical (CANONICAL_PLAN_KEY); every route with {planKey} answers under it. */
export const PlanEntrySchema = z
  .object({
    key: z.string(),
    /** Vietnamese title, e.g. "Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026". */
    name: z.string(),
    year: z.number().int(),
    /** Submission due date (yyyy-mm-dd), or null. */
    dueDate: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'PlanEntry' });
export type PlanEntry = z.infer<typeof PlanEntrySchema>;

/** GET /api/plans: newest year first, then by key. */
export const PlanList = z.object({ plans: z.array(PlanEntrySchema) }).meta({ id: 'PlanList' });
export type PlanList = z.infer<typeof PlanList>;

/** 404 plan-unknown: every registered plan; 409 plan-exists: the plan that has the key. */
const PlanListDetails = z.object({ plans: z.array(PlanEntrySchema) });

/** POST /api/plans. The key may be typed in any case and with spaces around it: it is stored canonical. */
export const PlanCreate = z
  .object({
    key: z
      .string()
      .regex(/^\s*[A-Za-z0-9][A-Za-z0-9._-]{0,63}\s*$/)
      .max(80)
      .meta({ description: 'Mã kế hoạch (chữ, số, . _ -), lưu chữ hoa', example: 'NQ57-2026' }),
    name: StoredText(300, 1).meta({ example: 'Kế hoạch thực hiện Nghị quyết 57-NQ/TW năm 2026' }),
    year: z.number().int().min(2000).max(2100),
    dueDate: IsoDay.nullable().optional().meta({ description: 'Hạn nộp (yyyy-mm-dd)', example: '2026-03-31' }),
  })
  .meta({ id: 'PlanCreate' });
export type PlanCreate = z.infer<typeof PlanCreate>;

// ---------------------------------------------------------------------------------------------------------------
// Errors

/** The problems of a request that failed validation (400 invalid-request), at most 20. */
export const ValidationProblems = z.array(z.object({ path: z.string(), message: z.string() }));

/** One cell (or a whole row, for delete-versus-edit) changed differently by both sides. */
export const FieldConflictSchema = z
  .object({
    /** appendixKey of the appendix. */
    appendix: z.string(),
    /** The task's id, or "sheet!row" of the row when it has none. */
    taskId: z.string(),
    tt: z.string().nullable(),
    content: z.string(),
    field: z.union([ColumnRoleSchema, z.literal('row')]),
    base: z.string().nullable(),
    theirs: z.string().nullable(),
    mine: z.string().nullable(),
  })
  .meta({ id: 'FieldConflict' });

/** 409 merge-conflict: the head the push met and every conflicting cell; nothing was stored. */
export const ConflictDetails = z.object({ headSeq: z.number().int(), conflicts: z.array(FieldConflictSchema) });
export type ConflictDetails = z.infer<typeof ConflictDetails>;

/** 412 bad-base, 428 if-match-required: the head revision. */
export const HeadDetails = z.object({ headSeq: z.number().int() });

/** 413 and 429 over a limit: the limit's environment variable, its value, and what was asked or used. */
export const LimitDetails = z.object({
  limit: z.string(),
  max: z.number(),
  actual: z.number().optional(),
  used: z.number().optional(),
  windowSeconds: z.number().optional(),
  retryAfterSeconds: z.number().optional(),
});

/** 503 busy-reading: the reads waiting, and when to retry. */
export const BusyDetails = z.object({ queued: z.number().int(), retryAfter: z.number() });

/** 500 internal: the request id the server logged the failure under. */
export const RequestIdDetails = z.object({ requestId: z.string() });

/** A commune as a message names it: code, official name, province. */
export const NamedCommuneSchema = z.object({ code: z.string(), name: z.string(), provinceName: z.string() });

/**
 * 409 commune-mismatch: the file's title block names another commune than the one it is sent for; nothing stored
 * until the sender confirms (push body `confirmCommune: true`, upload form field `confirmCommune=1`).
 */
export const CommuneMismatchDetails = z.object({
  /** The commune as the file writes it ("xã Phú Lương"). */
  fileCommune: z.string(),
  /** The commune of the 2025 list that name means (one in the target's province first); null when none. */
  fileCommuneCode: z.string().nullable(),
  targetCommune: NamedCommuneSchema,
});
export type CommuneMismatchDetails = z.infer<typeof CommuneMismatchDetails>;

// The check report (docs/check-json.md, core/validate/check-json.ts); 422 no-table carries it as its details.
const SeveritySchema = z.enum(['error', 'warning', 'info']);

export const ReportStatsSchema = z.object({
  tables: z.number().int(),
  tasks: z.number().int(),
  indicators: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  infos: z.number().int(),
  /** Issues with a safe fix. */
  fixable: z.number().int(),
});

export const CheckIssueSchema = z.object({
  code: z.string(),
  severity: SeveritySchema,
  cell: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  message: z.string(),
  messageEn: z.string(),
  tags: z.array(z.string()),
  fix: PatchSchema.optional(),
});
export type CheckIssue = z.infer<typeof CheckIssueSchema>;

/** One file's entry of `phuluc check --format json`, and the report an upload answers with. */
export const CheckFileSchema = z
  .object({
    path: z.string(),
    valid: z.boolean(),
    stats: ReportStatsSchema,
    /** `omitted`: issues of the table left out of `issues` (the upload route's answer lists at most a few thousand). */
    tables: z.array(
      z.object({
        sheet: z.string(),
        range: z.string().nullable(),
        kind: z.string().nullable(),
        issues: z.array(CheckIssueSchema),
        omitted: z.number().int().optional(),
      }),
    ),
    error: z.object({ code: z.string(), message: z.string(), messageEn: z.string() }).optional(),
    /** What could not be read though the file was (a Word table with a table nested in a cell), said where. */
    notes: z.array(z.object({ message: z.string(), messageEn: z.string() })).optional(),
  })
  .meta({ id: 'CheckFile' });
export type CheckFile = z.infer<typeof CheckFileSchema>;

/** What an error's details hold, by code (the more specific shapes first). */
export const ErrorDetails = z.union([
  ValidationProblems,
  ConflictDetails,
  // Before HeadDetails, which would take a progress conflict's headSeq alone.
  ProgressConflictDetails,
  ProgressLockedDetails,
  PeriodListDetails,
  CommuneMismatchDetails,
  PlanListDetails,
  HeadDetails,
  LimitDetails,
  BusyDetails,
  RequestIdDetails,
  CheckFileSchema,
]);
export type ErrorDetails = z.infer<typeof ErrorDetails>;

/** The one error body of every API answer from 400 up: a stable code, a Vietnamese message and an English one. */
export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      /** Vietnamese. */
      message: z.string(),
      messageEn: z.string(),
      details: ErrorDetails.optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

// ---------------------------------------------------------------------------------------------------------------
// Plans and revisions

export const Plan = PlanSchema.meta({ id: 'Plan' });

/** Counts stored with each revision, so status pages never re-validate old plans. */
export const RevisionSummarySchema = z.object({
  tasks: z.number().int(),
  indicators: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  infos: z.number().int(),
});
export type RevisionSummary = z.infer<typeof RevisionSummarySchema>;

export const RevisionKindSchema = z.enum(['push', 'merge', 'upload', 'restore']);
export type RevisionKind = z.infer<typeof RevisionKindSchema>;

/** A revision as the server lists it (no plan body). */
export const RevisionMetaSchema = z
  .object({
    seq: z.number().int(),
    baseSeq: z.number().int().nullable(),
    kind: RevisionKindSchema,
    /** Machine id of the sender: token:<id>, or the Microsoft (Entra) object id. */
    author: z.string(),
    /** The person who sent it, when known: the token holder (else its label), the Microsoft display name. */
    authorName: z.string().nullable(),
    /** The Idempotency-Key the revision was stored under, if its request had one. */
    idempotencyKey: z.string().nullable(),
    /** SHA-256 (hex) of the stored plan's canonical JSON (object keys sorted): the same plan, the same hash. */
    contentHash: z.string(),
    summary: RevisionSummarySchema,
    message: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: 'RevisionMeta' });
export type RevisionMeta = z.infer<typeof RevisionMetaSchema>;

/** GET a plan's head, or one revision: its metadata and the plan. */
export const PlanRevision = z.object({ revision: RevisionMetaSchema, plan: Plan }).meta({ id: 'PlanRevision' });
export type PlanRevision = z.infer<typeof PlanRevision>;

/** GET …/revisions: newest first. */
export const RevisionList = z.object({ revisions: z.array(RevisionMetaSchema) });
export type RevisionList = z.infer<typeof RevisionList>;

/** POST …/revisions: a plan, with a message; `partial`: the plan holds only some appendices, the others stay. */
export const PushBody = z
  .object({
    plan: Plan,
    message: StoredText(500).optional(),
    /** The plan holds only some appendices; the others stay as they are on the server. */
    partial: z.boolean().optional(),
    /** Store it although its title block names another commune (409 commune-mismatch otherwise). */
    confirmCommune: z.boolean().optional(),
  })
  .meta({ id: 'PushBody' });
export type PushBody = z.infer<typeof PushBody>;

/** Something stored, but worth telling the sender (a commune mismatch they confirmed). */
export const ApiWarningSchema = z
  .object({ code: z.enum(['commune-mismatch']), message: z.string(), messageEn: z.string() })
  .meta({ id: 'ApiWarning' });
export type ApiWarning = z.infer<typeof ApiWarningSchema>;

/**
 * 201 of a push, a restore (and, with the report, an upload): what was stored; a replay repeats the first answer.
 * 200 with status 'unchanged': the plan is the head's exactly (same content hash); nothing stored, the head answered.
 */
export const PushAnswer = z
  .object({
    /** Stored on the head as sent, merged onto a newer head, or identical to the head (nothing stored). */
    status: z.enum(['created', 'merged', 'unchanged']),
    revision: RevisionMetaSchema,
    plan: Plan,
    /** SHA-256 (hex) of the request the answer is for (push: the raw body; restore: "restore n"; upload: the plan read). */
    fingerprint: z.string(),
    warnings: z.array(ApiWarningSchema).optional(),
  })
  .meta({ id: 'PushAnswer' });
export type PushAnswer = z.infer<typeof PushAnswer>;

/** POST …/upload: a workbook (.xlsx; .xls and .ods when the server has LibreOffice) as multipart/form-data, field "file". */
export const UploadForm = z
  .object({
    file: z.string().meta({
      format: 'binary',
      description: 'Tệp .xlsx hoặc tài liệu Word .docx (.xls, .ods, .doc nếu máy chủ có LibreOffice) / the workbook or Word document',
    }),
    confirmCommune: z
      .enum(['1'])
      .optional()
      .meta({ description: 'Gửi dù khối tiêu đề ghi xã/phường khác (409 commune-mismatch nếu không) / store despite a commune mismatch' }),
  })
  .meta({ id: 'UploadForm' });

/** 201 of an upload: the push answer and the check report of the file. */
export const UploadAnswer = PushAnswer.extend({ report: CheckFileSchema }).meta({ id: 'UploadAnswer' });
export type UploadAnswer = z.infer<typeof UploadAnswer>;

/** What changed in one task between two revisions. */
export const TaskChangeSchema = z
  .object({
    /** appendixKey of the appendix. */
    appendix: z.string(),
    /** The task's id, or "sheet!row" of the row when it has none. */
    taskId: z.string(),
    tt: z.string().nullable(),
    content: z.string(),
    /** 'moved' when the task left the relative order of the others (it may also carry field changes). */
    change: z.enum(['added', 'removed', 'changed', 'moved']),
    fields: z.array(z.object({ field: ColumnRoleSchema, before: z.string().nullable(), after: z.string().nullable() })).optional(),
  })
  .meta({ id: 'TaskChange' });

/** GET …/diff?from&to. */
export const DiffAnswer = z.object({ from: z.number().int(), to: z.number().int(), changes: z.array(TaskChangeSchema) });
export type DiffAnswer = z.infer<typeof DiffAnswer>;

// ---------------------------------------------------------------------------------------------------------------
// Provinces: submission status and the consolidated table

export const ProvinceSchema = z.object({ code: z.string(), name: z.string() });
export const CommuneSchema = z.object({ code: z.string(), name: z.string(), provinceCode: z.string(), provinceName: z.string() });

/** One commune of the province: its head's counts when it has submitted. */
export const StatusCommune = z.discriminatedUnion('submitted', [
  RevisionSummarySchema.extend({
    code: z.string(),
    name: z.string(),
    submitted: z.literal(true),
    revision: z.number().int(),
    lastPush: z.string(),
    /** Machine id of who sent the head (token:…, an Entra object id). */
    author: z.string(),
    /** The person who sent it, when known (the token holder, the Microsoft display name). */
    authorName: z.string().nullable(),
  }),
  z.object({ code: z.string(), name: z.string(), submitted: z.literal(false) }),
]);
export type StatusCommune = z.infer<typeof StatusCommune>;

/** GET …/status: every commune of the province, submitted or not. */
export const ProvinceStatus = z
  .object({
    province: ProvinceSchema,
    planKey: z.string(),
    /** Communes that submitted. */
    submitted: z.number().int(),
    /** Communes of the province. */
    communes: z.number().int(),
    communesList: z.array(StatusCommune),
  })
  .meta({ id: 'ProvinceStatus' });
export type ProvinceStatus = z.infer<typeof ProvinceStatus>;

const GroupRefSchema = z.object({ id: z.string(), number: z.number().int(), short: z.string(), shortEn: z.string() });
const TaskStatusSchema = z.enum(TASK_STATUSES);
const RowOriginSchema = z.object({
  communeCode: z.string(),
  communeName: z.string(),
  planKey: z.string(),
  revision: z.number().int(),
  source: SourceSchema,
});
const TaskCountsSchema = z.object({
  tasks: z.number().int(),
  byGroup: z.record(z.string(), z.number().int()),
  byStatus: z.record(TaskStatusSchema, z.number().int()),
  missingLead: z.number().int(),
  missingDeadline: z.number().int(),
  missingResult: z.number().int(),
  overdue: z.number().int(),
  indicators: z.number().int(),
});

/** A province's (or the country's) plans as one table: one row per task and per indicator, and the counts. */
export const ConsolidatedSchema = z.object({
  asOf: z.string(),
  province: ProvinceSchema.optional(),
  communes: z.array(CommuneSchema),
  rows: z.array(
    RowOriginSchema.extend({
      group: GroupRefSchema,
      groupHeading: z.string(),
      tt: z.string(),
      content: z.string(),
      lead: z.string(),
      leadCanonical: z.string(),
      partners: z.string(),
      result: z.string(),
      deadline: z.string(),
      dueDate: z.string().nullable(),
      status: TaskStatusSchema,
      statusText: z.string(),
    }),
  ),
  indicators: z.array(
    RowOriginSchema.extend({
      groupHeading: z.string(),
      tt: z.string(),
      content: z.string(),
      unit: z.string(),
      target: z.string(),
      monitor: z.string(),
    }),
  ),
  stats: z.object({
    communes: z.array(TaskCountsSchema.extend({ code: z.string(), name: z.string() })),
    groups: z.array(GroupRefSchema.extend({ tasks: z.number().int(), communes: z.number().int() })),
    totals: TaskCountsSchema.extend({ communes: z.number().int() }),
    /** Tasks per lead agency, one line per agency however it is written (its catalog name), most first; at most 200. */
    leads: z.array(z.object({ name: z.string(), tasks: z.number().int() })),
  }),
});

/** GET …/provinces/{province}/plans/{planKey}/consolidated (JSON). */
export const ProvinceConsolidated = ConsolidatedSchema.extend({ province: ProvinceSchema, planKey: z.string() }).meta({
  id: 'ProvinceConsolidated',
});
export type ProvinceConsolidated = z.infer<typeof ProvinceConsolidated>;

/** GET /api/national/plans/{planKey}/consolidated (JSON). */
export const NationalConsolidated = ConsolidatedSchema.extend({ planKey: z.string() }).meta({ id: 'NationalConsolidated' });
export type NationalConsolidated = z.infer<typeof NationalConsolidated>;

/** A workbook answer (the consolidated table as .xlsx), streamed. */
export const XlsxFile = z.string().meta({ format: 'binary', description: 'Tệp .xlsx / an .xlsx workbook' });

export const ConsolidatedQuery = z.object({
  asOf: IsoDay.optional(),
  format: z.enum(['json', 'xlsx']).optional(),
  lang: z.enum(['vi', 'en']).optional(),
});

// ---------------------------------------------------------------------------------------------------------------
// Tokens

/** POST /api/tokens. */
export const TokenRequest = z
  .object({
    role: RoleSchema,
    commune: CommuneCode.optional(),
    province: ProvinceCode.optional(),
    label: StoredText(200, 1)
      .optional()
      .meta({ description: 'Người giữ token, ví dụ "Nguyễn Văn A, cán bộ VP"', example: 'Nguyễn Văn A, cán bộ VP' }),
    /** The holder's name, shown as the sender in the history; default: the label when one is given. */
    holder: StoredText(120, 1)
      .optional()
      .meta({ description: 'Họ tên người giữ token (hiện là "Người gửi" trong lịch sử)', example: 'Nguyễn Văn A' }),
    expires: z.string().max(40).optional().meta({
      description:
        'Hạn dùng: 90d, 12w, 1y hoặc ngày YYYY-MM-DD (hết ngày đó, giờ Việt Nam). Mặc định 180 ngày (editor, consolidator), 365 ngày (admin); tối đa 5 năm.',
      example: '90d',
    }),
  })
  .meta({ id: 'TokenBody' });
export type TokenRequest = z.infer<typeof TokenRequest>;

/** A token's record: never the secret, never the hash. */
export const TokenRecordSchema = z.object({
  id: z.string(),
  role: RoleSchema,
  communeCode: z.string().nullable(),
  provinceCode: z.string().nullable(),
  label: z.string(),
  /** The holder's name (the sender in the history), or null. */
  holder: z.string().nullable(),
  /** ISO time; null = never (only tokens made before expiry existed). */
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
});
export type TokenRecord = z.infer<typeof TokenRecordSchema>;

/** A token as the list shows it. */
export const TokenInfoSchema = TokenRecordSchema.extend({
  createdBy: z.string(),
  createdAt: z.string(),
  revokedBy: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
  state: z.enum(['active', 'expired', 'revoked']),
}).meta({ id: 'TokenInfo' });
export type TokenInfo = z.infer<typeof TokenInfoSchema>;

/** 201 of POST /api/tokens: the new token with its secret, shown this once. */
export const TokenCreated = TokenRecordSchema.extend({ secret: z.string() }).meta({ id: 'TokenCreated' });
export type TokenCreated = z.infer<typeof TokenCreated>;

/** GET /api/tokens: newest first. */
export const TokenList = z.object({ tokens: z.array(TokenInfoSchema) });
export type TokenList = z.infer<typeof TokenList>;

/** DELETE /api/tokens/{id}: the token as it now is. */
export const TokenRevoked = z.object({ token: TokenInfoSchema });
export type TokenRevoked = z.infer<typeof TokenRevoked>;

// ---------------------------------------------------------------------------------------------------------------
// The schemas above restate shapes core computes (merge, diff, consolidation, reports): these fail to compile when
// the two drift apart.

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export type WireMatchesCore = [
  Same<z.infer<typeof FieldConflictSchema>, FieldConflict>,
  Same<z.infer<typeof TaskChangeSchema>, TaskChange>,
  Same<z.infer<typeof ConsolidatedSchema>, Consolidated>,
  Same<z.infer<typeof ReportStatsSchema>, ReportStats>,
  Same<z.infer<typeof SeveritySchema>, Severity>,
  Same<CheckFile, CoreCheckFile>,
] extends true[]
  ? true
  : never;
export const WIRE_MATCHES_CORE: WireMatchesCore = true;
