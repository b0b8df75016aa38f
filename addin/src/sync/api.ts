// The sync server's HTTP API as the pane uses it: plain fetch, the server's structured errors kept as they are.
import type { FieldConflict, TaskChange } from '../../../core/merge/index.ts';
import type { RevisionMeta } from '../../../core/api/wire.ts';
import type { Plan } from '../../../core/model/appendix.ts';
import { sha256Hex } from './fingerprint.ts';

export type { RevisionMeta } from '../../../core/api/wire.ts';

export interface PushAnswer {
  /** What the key's first answer said ('replayed': an older server's replay). */
  status: 'created' | 'merged' | 'replayed';
  revision: RevisionMeta;
  plan: Plan;
  /** SHA-256 (hex) of the request body the server stored this answer for. */
  fingerprint?: string;
  /** The server sent the key's first answer again (Idempotent-Replayed). */
  replayed?: boolean;
}

/** Error codes after which the pane makes a new Idempotency-Key and sends again, rather than writing anything back. */
export const NEW_KEY_CODES = new Set(['idempotency-key-reused', 'fingerprint-mismatch']);

/** A failed call: `offline` when the server could not be reached, else the HTTP status with the server's error body. */
export class SyncApiError extends Error {
  constructor(
    readonly status: number | 'offline',
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'SyncApiError';
  }

  /** Worth retrying later as it is (network, server restarting or busy); anything else needs a person. */
  get transient(): boolean {
    return this.status === 'offline' || this.status === 408 || this.status === 429 || (typeof this.status === 'number' && this.status >= 500);
  }

  /** The 409 body's details. */
  get conflict(): { headSeq: number; conflicts: FieldConflict[] } | null {
    return this.status === 409 && this.code === 'merge-conflict' ? (this.details as { headSeq: number; conflicts: FieldConflict[] }) : null;
  }
}

export interface ApiOptions {
  /** e.g. https://phuluc.tinh.gov.vn (no trailing slash needed). */
  server: string;
  /** The bearer credential, asked for each call (an MSAL token may have been refreshed). */
  token(): Promise<string>;
  fetch?: typeof fetch;
}

export type SyncApi = ReturnType<typeof createApi>;

/**
 * @example const api = createApi({ server: location.origin, token: async () => 'phl_…' }); await api.head('10903', 'NQ57-2026')
 */
export function createApi(opts: ApiOptions) {
  const base = opts.server.replace(/\/+$/, '');
  const f = opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function call<T>(path: string, init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> } = {}): Promise<{ status: number; body: T; etag: string | null; replayed: boolean }> {
    const headers: Record<string, string> = { accept: 'application/json', authorization: `Bearer ${await opts.token()}`, ...(init.headers ?? {}) };
    let res: Response;
    try {
      res = await f(`${base}${path}`, { ...init, headers });
    } catch (err) {
      throw new SyncApiError('offline', 'offline', 'Không kết nối được máy chủ đồng bộ.', 'The sync server cannot be reached.', String(err));
    }
    if (res.status === 304) return { status: 304, body: null as T, etag: res.headers.get('etag'), replayed: false };
    const text = await res.text();
    const body = parseJson(text);
    if (!res.ok) {
      const e = (body as { error?: { code?: string; message?: string; messageEn?: string; details?: unknown } } | null)?.error;
      throw new SyncApiError(res.status, e?.code ?? `http-${res.status}`, e?.message ?? `Máy chủ trả lỗi ${res.status}.`, e?.messageEn ?? `The server answered ${res.status}.`, e?.details);
    }
    return { status: res.status, body: body as T, etag: res.headers.get('etag'), replayed: res.headers.get('idempotent-replayed') === 'true' };
  }

  /**
   * A push or restore answer, accepted only if it is for the request sent: its fingerprint must be the one computed
   * here, and a replay without one (an older server) cannot be trusted. Otherwise a 'fingerprint-mismatch' error.
   */
  function checked(r: { body: PushAnswer; replayed: boolean }, fingerprint: string): PushAnswer {
    const answer: PushAnswer = { ...r.body, replayed: r.replayed || r.body.status === 'replayed' };
    const ok = answer.fingerprint === undefined ? !answer.replayed : answer.fingerprint === fingerprint;
    if (!ok) {
      throw new SyncApiError(422, 'fingerprint-mismatch', 'Câu trả lời của máy chủ không phải cho nội dung vừa gửi; không ghi gì vào bảng, sẽ gửi lại với khóa mới.',
        'The server\'s answer is not for the content just sent; nothing written to the sheet, sending again with a new key.', { expected: fingerprint, got: answer.fingerprint ?? null });
    }
    return answer;
  }

  const plan = (commune: string, planKey: string) => `/api/communes/${encodeURIComponent(commune)}/plans/${encodeURIComponent(planKey)}`;

  return {
    /** The head revision; null when `knownSeq` is already the head (304) or the plan has no revision yet (404). */
    async head(commune: string, planKey: string, knownSeq?: number): Promise<{ revision: RevisionMeta; plan: Plan } | null> {
      try {
        const r = await call<{ revision: RevisionMeta; plan: Plan }>(plan(commune, planKey), knownSeq ? { headers: { 'if-none-match': `"${knownSeq}"` } } : {});
        return r.status === 304 ? null : r.body;
      } catch (err) {
        if (err instanceof SyncApiError && err.status === 404) return null;
        throw err;
      }
    },
    async push(commune: string, planKey: string, body: { plan: Plan; message?: string; partial?: boolean }, baseSeq: number, key: string): Promise<PushAnswer> {
      // Always a base, "0" included: a workbook never synced, pushed onto an existing plan, merges against nothing.
      const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': key, 'if-match': `"${baseSeq}"` };
      // The exact bytes sent are the ones fingerprinted: the server hashes the raw body.
      const text = JSON.stringify(body);
      const fingerprint = await sha256Hex(text);
      return checked(await call<PushAnswer>(`${plan(commune, planKey)}/revisions`, { method: 'POST', headers, body: text }), fingerprint);
    },
    async revisions(commune: string, planKey: string): Promise<RevisionMeta[]> {
      return (await call<{ revisions: RevisionMeta[] }>(`${plan(commune, planKey)}/revisions`)).body.revisions;
    },
    async revision(commune: string, planKey: string, seq: number): Promise<{ revision: RevisionMeta; plan: Plan }> {
      return (await call<{ revision: RevisionMeta; plan: Plan }>(`${plan(commune, planKey)}/revisions/${seq}`)).body;
    },
    async diff(commune: string, planKey: string, from: number, to: number): Promise<TaskChange[]> {
      return (await call<{ changes: TaskChange[] }>(`${plan(commune, planKey)}/diff?from=${from}&to=${to}`)).body.changes;
    },
    async restore(commune: string, planKey: string, seq: number, key: string): Promise<PushAnswer> {
      // A restore has no body: its request, and fingerprint, is the revision it restores.
      const fingerprint = await sha256Hex(`restore ${seq}`);
      return checked(await call<PushAnswer>(`${plan(commune, planKey)}/revisions/${seq}/restore`, { method: 'POST', headers: { 'idempotency-key': key } }), fingerprint);
    },
    async consolidated(province: string, planKey: string): Promise<unknown> {
      return (await call<unknown>(`/api/provinces/${encodeURIComponent(province)}/plans/${encodeURIComponent(planKey)}/consolidated?format=json`)).body;
    },
  };
}

/** A response body as JSON; null when empty or not JSON (a proxy's HTML error page). */
function parseJson(text: string): unknown {
  try {
    return text === '' ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
