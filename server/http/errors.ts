// One error type for the API: an HTTP status, a stable code and messages in Vietnamese and English.
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export interface ErrorBody {
  error: { code: string; message: string; messageEn: string; details?: unknown };
}

/** Thrown by handlers and middleware; app.onError turns it into `{ error: { code, message, messageEn } }`. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly messageEn: string,
    readonly details?: unknown,
    /** Headers the answer carries (Retry-After on 429 and 503). */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  body(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message, messageEn: this.messageEn };
    if (this.details !== undefined) error.details = this.details;
    return { error };
  }
}

export const unauthorized = (why = 'Thiếu hoặc sai thông tin đăng nhập (token).', whyEn = 'Missing or invalid credentials (token).') =>
  new ApiError(401, 'unauthorized', why, whyEn);
export const forbidden = (what: string, whatEn: string) => new ApiError(403, 'forbidden', `Không có quyền: ${what}.`, `Forbidden: ${whatEn}.`);
export const notFound = (what: string, whatEn: string) => new ApiError(404, 'not-found', `Không tìm thấy ${what}.`, `Not found: ${whatEn}.`);
export const badRequest = (code: string, message: string, messageEn: string, details?: unknown) => new ApiError(400, code, message, messageEn, details);
