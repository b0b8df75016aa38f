// The server's limits, each from an environment variable with a documented default (README, "Giới hạn"): body sizes,
// plan size, per-commune quotas, failed sign-in throttling and the request time limit. 0 turns a quota off.

export interface Limits {
  /** Bytes of a JSON request body (PHULUC_MAX_JSON_BYTES). */
  jsonBytes: number;
  /** Bytes of an .xlsx upload request (PHULUC_MAX_UPLOAD_BYTES). */
  uploadBytes: number;
  /** Rows (tasks, headings, indicators) in one plan, all appendices together (PHULUC_MAX_PLAN_ROWS). */
  planRows: number;
  /** Bytes of one stored plan as JSON, after merging (PHULUC_MAX_PLAN_BYTES). */
  planBytes: number;
  /** New revisions per commune per day, Vietnam time (PHULUC_MAX_REVISIONS_PER_DAY). */
  revisionsPerDay: number;
  /** Bytes stored for a commune, every revision of every plan (PHULUC_MAX_COMMUNE_BYTES). */
  communeBytes: number;
  /** Failed authentications allowed per client address within the window (PHULUC_AUTH_FAILURES). */
  authFailures: number;
  /** The window, seconds (PHULUC_AUTH_WINDOW_SECONDS). */
  authWindowSeconds: number;
  /** Longest time an API request may take before the answer is 503 (PHULUC_REQUEST_TIMEOUT_MS). */
  requestTimeoutMs: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_LIMITS: Limits = {
  jsonBytes: 4 * MiB,
  uploadBytes: 20 * MiB,
  planRows: 5_000,
  planBytes: 4 * MiB,
  revisionsPerDay: 500,
  communeBytes: 200 * MiB,
  authFailures: 20,
  authWindowSeconds: 60,
  requestTimeoutMs: 60_000,
};

/** Each limit's environment variable (also named in the error messages, so an administrator knows what to raise). */
export const LIMIT_ENV: Record<keyof Limits, string> = {
  jsonBytes: 'PHULUC_MAX_JSON_BYTES',
  uploadBytes: 'PHULUC_MAX_UPLOAD_BYTES',
  planRows: 'PHULUC_MAX_PLAN_ROWS',
  planBytes: 'PHULUC_MAX_PLAN_BYTES',
  revisionsPerDay: 'PHULUC_MAX_REVISIONS_PER_DAY',
  communeBytes: 'PHULUC_MAX_COMMUNE_BYTES',
  authFailures: 'PHULUC_AUTH_FAILURES',
  authWindowSeconds: 'PHULUC_AUTH_WINDOW_SECONDS',
  requestTimeoutMs: 'PHULUC_REQUEST_TIMEOUT_MS',
};

/**
 * The limits from the environment; an unset variable keeps its default. Throws (start-up fails with the variable's
 * name) on a value that is not a whole number ≥ 0.
 * @example limitsFromEnv({ PHULUC_MAX_PLAN_ROWS: '8000' }).planRows // 8000
 */
export function limitsFromEnv(env: Record<string, string | undefined>): Limits {
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(LIMIT_ENV) as (keyof Limits)[]) {
    const raw = env[LIMIT_ENV[key]]?.trim();
    if (raw === undefined || raw === '') continue;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < 0)
      throw new Error(`${LIMIT_ENV[key]} phải là số nguyên ≥ 0 (nhận được “${raw}”) / must be a whole number ≥ 0.`);
    out[key] = n;
  }
  return out;
}

/** What the store enforces on every new revision (push, merge, upload, restore); 0 = no limit. */
export type StoreLimits = Pick<Limits, 'planRows' | 'planBytes' | 'revisionsPerDay' | 'communeBytes'>;

// The limits of the app serving a database, keyed by its Kysely instance: every path that stores a revision
// (the push route, uploads, restore) goes through pushRevision(db, …), which finds them here.
const byStore = new WeakMap<object, StoreLimits>();

/** @example setStoreLimits(deps.db, limits) */
export function setStoreLimits(db: object, limits: StoreLimits): void {
  byStore.set(db, limits);
}

/** The limits set for `db`; undefined (no limits) for a store no app configured (tools, tests of the store). */
export function storeLimits(db: object): StoreLimits | undefined {
  return byStore.get(db);
}

const VN_OFFSET_MS = 7 * 3600_000;

/**
 * Midnight of `now`'s day in Vietnam (UTC+7, no daylight saving), as an instant: the per-day quota's start.
 * @example vietnamDayStart(new Date('2026-06-30T18:00:00Z')).toISOString() // '2026-06-30T17:00:00.000Z'
 */
export function vietnamDayStart(now: Date): Date {
  const local = now.getTime() + VN_OFFSET_MS;
  return new Date(local - (((local % 86_400_000) + 86_400_000) % 86_400_000) - VN_OFFSET_MS);
}

/**
 * Bytes in a readable form for messages.
 * @example formatBytes(200 * 1024 * 1024) // '200 MB'
 */
export function formatBytes(n: number): string {
  if (n >= MiB) return `${Math.round((n / MiB) * 10) / 10} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}
