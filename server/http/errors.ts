// The server's API error: the one ApiError of the contract (core/api) with an HTTP status Hono can send, headers the
// answer carries, and the one error body (core/api/wire.ts, ErrorBody) it is written as.
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ApiError as ContractError } from '../../core/api/index.ts';
import type { ErrorBody, ErrorDetails } from '../../core/api/index.ts';

export type { ErrorBody } from '../../core/api/index.ts';

/** Thrown by handlers and middleware; app.onError turns it into `{ error: { code, message, messageEn, details? } }`. */
export class ApiError extends ContractError {
  declare readonly status: ContentfulStatusCode;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    message: string,
    messageEn: string,
    details?: ErrorDetails,
    /** Headers the answer carries (Retry-After on 429 and 503). */
    readonly headers?: Record<string, string>,
  ) {
    super(status, code, message, messageEn, details);
  }

  body(): ErrorBody {
    const error: ErrorBody['error'] = { code: this.code, message: this.message, messageEn: this.messageEn };
    if (this.details !== undefined) error.details = this.details as ErrorDetails;
    return { error };
  }
}

export const unauthorized = (why = 'Thiếu hoặc sai thông tin đăng nhập (token).', whyEn = 'Missing or invalid credentials (token).') =>
  new ApiError(401, 'unauthorized', why, whyEn);
export const forbidden = (what: string, whatEn: string) =>
  new ApiError(403, 'forbidden', `Không có quyền: ${what}.`, `Forbidden: ${whatEn}.`);
export const notFound = (what: string, whatEn: string) =>
  new ApiError(404, 'not-found', `Không tìm thấy ${what}.`, `Not found: ${whatEn}.`);
export const badRequest = (code: string, message: string, messageEn: string, details?: ErrorDetails) =>
  new ApiError(400, code, message, messageEn, details);

/**
 * 400 invalid-request: a body that fails its schema, the first paths named (the routes' zod hook and the worker pool).
 * @example throw invalidRequest([{ path: 'plan.appendices', message: 'Required' }])
 */
export function invalidRequest(details: { path: string; message: string }[]): ApiError {
  return new ApiError(
    400,
    'invalid-request',
    `Dữ liệu gửi lên không hợp lệ: ${details
      .map((d) => `${d.path || '(gốc)'}: ${d.message}`)
      .slice(0, 3)
      .join('; ')}.`,
    'Invalid request data.',
    details,
  );
}
