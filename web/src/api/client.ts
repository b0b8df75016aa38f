// Calls to the sync server: the bearer credentials attached, and the server's structured error kept (code, vi, en).
import { credentials } from './credentials.ts';
import { en } from '../i18n/en.ts';
import { pick } from '../i18n/index.ts';
import { vi } from '../i18n/vi.ts';

/** A failed call: the HTTP status (0 = no answer) and the server's own error, never a generic "server error". */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    readonly details?: unknown,
  ) {
    super(messageVi);
    this.name = 'ApiFailure';
  }

  /** The message in the page's language. */
  text(): string {
    return pick({ message: this.messageVi, messageEn: this.messageEn });
  }
}

export interface CallOptions {
  method?: string;
  body?: BodyInit;
  headers?: Record<string, string>;
  /** Use this bearer instead of the stored one (checking a token before remembering it). */
  bearer?: string | null;
}

async function send(path: string, opts: CallOptions): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...(opts.headers ?? {}) };
  const bearer = opts.bearer === undefined ? credentials()?.bearer : opts.bearer;
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  let res: Response;
  try {
    res = await fetch(path, { method: opts.method ?? 'GET', headers, ...(opts.body !== undefined ? { body: opts.body } : {}), credentials: 'omit', cache: 'no-store' });
  } catch {
    throw new ApiFailure(0, 'network', vi.common.network, en.common.network);
  }
  if (!res.ok) throw await failureOf(res);
  return res;
}

async function failureOf(res: Response): Promise<ApiFailure> {
  try {
    const body = (await res.json()) as { error?: { code?: string; message?: string; messageEn?: string; details?: unknown } };
    if (body.error?.message) return new ApiFailure(res.status, body.error.code ?? 'error', body.error.message, body.error.messageEn ?? body.error.message, body.error.details);
  } catch {
    // Not JSON: fall through to the status line.
  }
  return new ApiFailure(res.status, 'http', vi.common.httpError(res.status), en.common.httpError(res.status));
}

/**
 * GET/POST and parse JSON.
 * @example const me = await apiJson<Me>('/api/me')
 */
export async function apiJson<T>(path: string, opts: CallOptions = {}): Promise<T> {
  return (await (await send(path, opts)).json()) as T;
}

/**
 * Fetch a file with the credentials (a plain link could not send the Authorization header).
 * @example const { blob, filename } = await apiBlob('/api/provinces/31/plans/NQ57-2026/consolidated?format=xlsx', 'tong-hop.xlsx')
 */
export async function apiBlob(path: string, fallbackName: string): Promise<{ blob: Blob; filename: string }> {
  const res = await send(path, { headers: { accept: '*/*' } });
  const cd = res.headers.get('content-disposition') ?? '';
  const m = /filename="([^"]+)"/.exec(cd);
  return { blob: await res.blob(), filename: m?.[1] ?? fallbackName };
}

/**
 * A path segment, encoded.
 * @example `/api/communes/${seg(code)}/plans/${seg(key)}`
 */
export function seg(s: string): string {
  return encodeURIComponent(s);
}
