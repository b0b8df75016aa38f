// The one client of the sync API, for the task pane (addin/src/sync/api.ts) and the web pages (web/src/api/client.ts):
// paths from API_PATHS, answers typed by the wire schemas, every failure an ApiError with the server's own code and
// words. The caller brings `fetch` (the browser's, Office's, a test's), so core needs neither Node's nor the DOM's.
import { ApiError, NO_ANSWER } from './error.ts';
import {
  API_PATHS,
  type DiffAnswer,
  type ErrorBody,
  type HealthAnswer,
  type MeAnswer,
  type NationalConsolidated,
  type PlanCreate,
  type PlanEntry,
  type PlanList,
  type PlanRevision,
  type ProvinceConsolidated,
  type ProvinceStatus,
  type PushAnswer,
  type RevisionList,
  type ServerConfig,
  type TokenCreated,
  type TokenList,
  type TokenRequest,
  type TokenRevoked,
  type UploadAnswer,
} from './wire.ts';
import {
  PROGRESS_PATHS,
  type CalendarLink,
  type CommuneProgress,
  type ProgressHead,
  type ProgressHistory,
  type ProgressPeriodList,
  type ProgressPeriodsBody,
  type ProgressPushAnswer,
  type ProgressReopenBody,
  type ProgressReviewBody,
  type ProvinceProgress,
  type ReportStatus,
} from './progress-wire.ts';

/** What the client reads of a fetch Response (the global Response has it). */
export interface FetchResponse {
  readonly status: number;
  readonly ok: boolean;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** What the client passes to fetch; `B` is the caller's form body type (FormData in a browser). */
export interface FetchInit<B> {
  method: string;
  headers: Record<string, string>;
  body?: string | B;
}

export interface ClientOptions<B, R extends FetchResponse> {
  /** The server's origin, e.g. https://phuluc.tinh.gov.vn ('' for the page's own); a trailing slash is ignored. */
  server?: string;
  fetch: (url: string, init: FetchInit<B>) => Promise<R>;
  /** The bearer credential for each call (asked every time: a Microsoft token may have been refreshed); null: none. */
  bearer: () => string | null | Promise<string | null>;
  /** The words of a call that got no answer. */
  offline?: { message: string; messageEn: string };
}

/** An answer with what its headers say. */
export interface Answer<T> {
  status: number;
  body: T;
  /** ETag: the revision number, quoted. */
  etag: string | null;
  /** Idempotent-Replayed: the key's first answer, sent again. */
  replayed: boolean;
}

const OFFLINE = { message: 'Không kết nối được máy chủ.', messageEn: 'Cannot reach the server.' };

/**
 * A path with its {names} filled in, each encoded.
 * @example fillPath(API_PATHS.revision, { commune: '10903', planKey: 'NQ57-2026', seq: 3 })
 */
export function fillPath(path: string, params: Record<string, string | number>): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(v));
  });
}

/**
 * The error a failed answer means: the server's error body when it sent one, else the status line.
 * @example throw errorOf(res.status, await res.text())
 */
export function errorOf(status: number, text: string): ApiError {
  const e = (parseJson(text) as Partial<ErrorBody> | null)?.error;
  if (e && typeof e.message === 'string')
    return new ApiError(status, e.code ?? `http-${status}`, e.message, e.messageEn ?? e.message, e.details);
  return new ApiError(status, `http-${status}`, `Máy chủ trả lỗi ${status}.`, `The server answered ${status}.`);
}

/**
 * @example const api = createApiClient({ server: '', fetch: (u, i) => fetch(u, i), bearer: () => token }); await api.me()
 */
export function createApiClient<B = never, R extends FetchResponse = FetchResponse>(opts: ClientOptions<B, R>) {
  const base = (opts.server ?? '').replace(/\/+$/, '');
  const offline = opts.offline ?? OFFLINE;

  /** Send a request; a failure (no answer, or a status from 400) becomes an ApiError. */
  async function send(
    method: string,
    path: string,
    o: { body?: string | B; headers?: Record<string, string>; accept?: string } = {},
  ): Promise<R> {
    const headers: Record<string, string> = { accept: o.accept ?? 'application/json', ...(o.headers ?? {}) };
    const bearer = await opts.bearer();
    if (bearer) headers.authorization = `Bearer ${bearer}`;
    let res: R;
    try {
      res = await opts.fetch(`${base}${path}`, { method, headers, ...(o.body !== undefined ? { body: o.body } : {}) });
    } catch (err) {
      throw new ApiError(NO_ANSWER, 'offline', offline.message, offline.messageEn, String(err));
    }
    if (!res.ok && res.status !== 304) throw errorOf(res.status, await res.text());
    return res;
  }

  /** A JSON answer (null body on 304). */
  async function call<T>(
    method: string,
    path: string,
    o: { body?: string | B; headers?: Record<string, string> } = {},
  ): Promise<Answer<T>> {
    const res = await send(method, path, o);
    const body = res.status === 304 ? null : parseJson(await res.text());
    return {
      status: res.status,
      body: body as T,
      etag: res.headers.get('etag'),
      replayed: res.headers.get('idempotent-replayed') === 'true',
    };
  }
  const json = async <T>(method: string, path: string, o?: { body?: string | B; headers?: Record<string, string> }): Promise<T> =>
    (await call<T>(method, path, o)).body;

  /** A file answer: the response to read the bytes from, and the name the server gave it. */
  async function file(path: string): Promise<{ response: R; filename: string | null }> {
    const response = await send('GET', path, { accept: '*/*' });
    const m = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '');
    return { response, filename: m?.[1] ?? null };
  }

  const plan = (commune: string, planKey: string) => ({ commune, planKey });
  const jsonBody = (body: unknown) => ({ body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
  const consolidatedQuery = (q: { format: 'json' | 'xlsx'; asOf?: string; lang?: 'vi' | 'en' }) =>
    `?${new URLSearchParams({ format: q.format, ...(q.asOf ? { asOf: q.asOf } : {}), ...(q.lang ? { lang: q.lang } : {}) })}`;

  return {
    health: () => json<HealthAnswer>('GET', API_PATHS.health),
    /** Public: whether Microsoft sign-in is offered. */
    config: () => json<ServerConfig>('GET', API_PATHS.config),
    me: () => json<MeAnswer>('GET', API_PATHS.me),

    /** The registered plans, newest year first (any signed-in caller). */
    listPlans: () => json<PlanList>('GET', API_PATHS.plans),
    /** Register a plan (admin or consolidator); 409 plan-exists when the key is taken in any case. */
    createPlan: (body: PlanCreate) =>
      json<PlanEntry>('POST', API_PATHS.plans, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),

    /** The head revision; null body when `knownSeq` is still the head (304). */
    head: (commune: string, planKey: string, knownSeq?: number) =>
      call<PlanRevision | null>(
        'GET',
        fillPath(API_PATHS.plan, plan(commune, planKey)),
        knownSeq ? { headers: { 'if-none-match': `"${knownSeq}"` } } : {},
      ),
    /**
     * Push a plan on top of revision `baseSeq` (0: a plan never synced) under an Idempotency-Key. `text` is the body
     * exactly as sent (JSON of a PushBody): the server fingerprints those bytes. 201 created/merged; 200 'unchanged'
     * (the head's content exactly: nothing stored); 409 commune-mismatch unless the body has `confirmCommune: true`.
     */
    push: (commune: string, planKey: string, text: string, o: { baseSeq: number; key: string }) =>
      call<PushAnswer>('POST', fillPath(API_PATHS.revisions, plan(commune, planKey)), {
        body: text,
        headers: { 'content-type': 'application/json', 'idempotency-key': o.key, 'if-match': `"${o.baseSeq}"` },
      }),
    revisions: (commune: string, planKey: string) => json<RevisionList>('GET', fillPath(API_PATHS.revisions, plan(commune, planKey))),
    revision: (commune: string, planKey: string, seq: number) =>
      json<PlanRevision>('GET', fillPath(API_PATHS.revision, { ...plan(commune, planKey), seq })),
    diff: (commune: string, planKey: string, from: number, to: number) =>
      json<DiffAnswer>(
        'GET',
        `${fillPath(API_PATHS.diff, plan(commune, planKey))}?${new URLSearchParams({ from: String(from), to: String(to) })}`,
      ),
    /** Restore revision `seq` as a new revision (its fingerprint: "restore seq"). */
    restore: (commune: string, planKey: string, seq: number, key: string) =>
      call<PushAnswer>('POST', fillPath(API_PATHS.restore, { ...plan(commune, planKey), seq }), { headers: { 'idempotency-key': key } }),
    /**
     * Upload a workbook (multipart/form-data, field "file"; field "confirmCommune" = "1" to store it despite a commune
     * mismatch); without `baseSeq` it replaces the head. 201 stored; 200 'unchanged' (nothing stored).
     */
    upload: (commune: string, planKey: string, form: B, o: { key: string; baseSeq?: number }) =>
      call<UploadAnswer>('POST', fillPath(API_PATHS.upload, plan(commune, planKey)), {
        body: form,
        headers: { 'idempotency-key': o.key, ...(o.baseSeq !== undefined ? { 'if-match': `"${o.baseSeq}"` } : {}) },
      }),

    provinceStatus: (province: string, planKey: string) =>
      json<ProvinceStatus>('GET', fillPath(API_PATHS.provinceStatus, { province, planKey })),
    provinceConsolidated: (province: string, planKey: string, q: { asOf?: string } = {}) =>
      json<ProvinceConsolidated>(
        'GET',
        fillPath(API_PATHS.provinceConsolidated, { province, planKey }) + consolidatedQuery({ format: 'json', ...q }),
      ),
    provinceConsolidatedXlsx: (province: string, planKey: string, q: { asOf?: string; lang?: 'vi' | 'en' } = {}) =>
      file(fillPath(API_PATHS.provinceConsolidated, { province, planKey }) + consolidatedQuery({ format: 'xlsx', ...q })),
    nationalConsolidated: (planKey: string, q: { asOf?: string } = {}) =>
      json<NationalConsolidated>(
        'GET',
        fillPath(API_PATHS.nationalConsolidated, { planKey }) + consolidatedQuery({ format: 'json', ...q }),
      ),
    nationalConsolidatedXlsx: (planKey: string, q: { asOf?: string; lang?: 'vi' | 'en' } = {}) =>
      file(fillPath(API_PATHS.nationalConsolidated, { planKey }) + consolidatedQuery({ format: 'xlsx', ...q })),

    /** The periods a province collects for a plan, with cut-offs (anyone whose scope covers the province). */
    progressPeriods: (province: string, planKey: string) =>
      json<ProgressPeriodList>('GET', fillPath(PROGRESS_PATHS.progressPeriods, { province, planKey })),
    /** Replace the list of periods (the province's consolidator, an admin); answers the new list. */
    setProgressPeriods: (province: string, planKey: string, body: ProgressPeriodsBody) =>
      json<ProgressPeriodList>('PUT', fillPath(PROGRESS_PATHS.progressPeriods, { province, planKey }), jsonBody(body)),
    /** A commune's report state in every period its province collects. */
    communeProgress: (commune: string, planKey: string) =>
      json<CommuneProgress>('GET', fillPath(PROGRESS_PATHS.communeProgress, plan(commune, planKey))),
    /** The head report of a period (404 progress-none when nothing was sent). */
    progressHead: (commune: string, planKey: string, period: string) =>
      json<ProgressHead>('GET', fillPath(PROGRESS_PATHS.progressReport, { ...plan(commune, planKey), period })),
    /**
     * Send a period's report under an Idempotency-Key. `text` is the body exactly as sent (JSON of a
     * ProgressPushBody, its baseSeq the head it was edited from): the server fingerprints those bytes. 201
     * created/merged; 200 'unchanged'; 409 progress-conflict (details: ProgressConflictDetails) or progress-locked.
     */
    sendProgress: (commune: string, planKey: string, period: string, text: string, o: { key: string }) =>
      call<ProgressPushAnswer>('POST', fillPath(PROGRESS_PATHS.progressReport, { ...plan(commune, planKey), period }), {
        body: text,
        headers: { 'content-type': 'application/json', 'idempotency-key': o.key },
      }),
    /** Every version and review decision of a period's report, newest first. */
    progressHistory: (commune: string, planKey: string, period: string) =>
      json<ProgressHistory>('GET', fillPath(PROGRESS_PATHS.progressHistory, { ...plan(commune, planKey), period })),
    /** Accept the head report, or return it with a reason (consolidator, admin); answers the new state. */
    reviewProgress: (commune: string, planKey: string, period: string, body: ProgressReviewBody) =>
      json<ReportStatus>('POST', fillPath(PROGRESS_PATHS.progressReview, { ...plan(commune, planKey), period }), jsonBody(body)),
    /** Let the commune send again until a day (consolidator, admin); answers the new state. */
    reopenProgress: (commune: string, planKey: string, period: string, body: ProgressReopenBody) =>
      json<ReportStatus>('POST', fillPath(PROGRESS_PATHS.progressReopen, { ...plan(commune, planKey), period }), jsonBody(body)),
    /** The province's view of a period (consolidator of the province, admin). */
    provinceProgress: (province: string, planKey: string, period: string, q: { asOf?: string } = {}) =>
      json<ProvinceProgress>(
        'GET',
        fillPath(PROGRESS_PATHS.provinceProgress, { province, planKey, period }) + consolidatedQuery({ format: 'json', ...q }),
      ),
    /** The province's summary workbook of a period. */
    provinceProgressXlsx: (province: string, planKey: string, period: string, q: { asOf?: string; lang?: 'vi' | 'en' } = {}) =>
      file(fillPath(PROGRESS_PATHS.provinceProgress, { province, planKey, period }) + consolidatedQuery({ format: 'xlsx', ...q })),
    /** Make (or replace) the commune's secret calendar address. */
    calendarLink: (commune: string, planKey: string) =>
      json<CalendarLink>('POST', fillPath(PROGRESS_PATHS.calendarLink, plan(commune, planKey))),

    tokens: () => json<TokenList>('GET', API_PATHS.tokens),
    createToken: (body: TokenRequest) =>
      json<TokenCreated>('POST', API_PATHS.tokens, { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
    revokeToken: (id: string) => json<TokenRevoked>('DELETE', fillPath(API_PATHS.token, { id })),
  };
}

export type ApiClient<B = never, R extends FetchResponse = FetchResponse> = ReturnType<typeof createApiClient<B, R>>;

/** A response body as JSON; null when empty or not JSON (a proxy's HTML error page). */
function parseJson(text: string): unknown {
  try {
    return text === '' ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
