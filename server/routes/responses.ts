// How the routes declare their answers in the OpenAPI document: a success with its wire schema (core/api/wire.ts), and
// the error answers each route can give, every one the one error body. The error table is also the docs page's.
import { z } from '@hono/zod-openapi';
import { ErrorBody, XLSX_TYPE, XlsxFile } from '../../core/api/index.ts';
import type { App } from './types.ts';

/** The error statuses of the API: the codes each is sent with, and what it means (Vietnamese / English). */
export const ERROR_STATUSES = {
  400: [
    'invalid-request, malformed-json, bad-if-match, bad-idempotency-key, bad-expiry, bad-scope, bad-as-of, not-multipart, bad-multipart, no-file, reason-required, bad-until',
    'Dữ liệu, tiêu đề hoặc tham số số không hợp lệ (mọi số đều có giới hạn: không bao giờ 500) / invalid data, header or number',
  ],
  401: [
    'unauthorized, token-revoked, token-expired',
    'Thiếu hoặc sai token; token đã bị thu hồi hoặc hết hạn / missing or invalid credentials; revoked or expired token',
  ],
  403: ['forbidden', 'Không có quyền (sai xã, tỉnh, hoặc không phải quản trị viên) / not allowed'],
  404: [
    'not-found, plan-unknown, period-unknown, progress-none',
    'Không có xã, tỉnh, kế hoạch, phiên bản hoặc token này; mã kế hoạch chưa đăng ký (details.plans: các kế hoạch đang có); kỳ báo cáo tỉnh không thu (details.periods); kỳ chưa có báo cáo / no such commune, province, plan, revision or token; an unregistered plan code (details.plans lists the plans); a period the province does not collect (details.periods); no report for the period',
  ],
  409: [
    'merge-conflict, commune-mismatch, plan-exists, progress-conflict, progress-locked',
    'Cùng ô bị sửa khác nhau, không lưu gì (details.conflicts); tệp ghi xã/phường khác, cần xác nhận (details.fileCommune, targetCommune); mã kế hoạch đã có; báo cáo tiến độ bị sửa khác nhau (details.conflicts) hoặc đã khóa (quá hạn chót hoặc đã được chấp nhận: details.reason) / the same cell changed both ways, nothing stored; the file names another commune, confirm to store; the plan code exists; a progress report changed both ways, or locked (cut-off passed, accepted)',
  ],
  412: [
    'bad-base, review-stale',
    'Phiên bản gốc (If-Match, baseSeq) không tồn tại; xã đã gửi bản mới hơn bản được xét / unknown base revision; a newer report than the one reviewed',
  ],
  413: [
    'payload-too-large, plan-too-large, quota-commune-bytes, convert-too-large',
    'Quá lớn; details.limit nêu biến môi trường của giới hạn / too large; details.limit names the setting',
  ],
  415: [
    'unsupported-media-type, convert-no-libreoffice',
    'Thân yêu cầu không phải JSON (Content-Type); tệp .xls/.ods/.doc mà máy chủ không có LibreOffice để chuyển (lời nhắn nói cách lưu thành .xlsx hay .docx) / the body is not JSON; an .xls/.ods/.doc the server cannot convert (no LibreOffice)',
  ],
  422: [
    'idempotency-key-reused, progress-invalid, xlsx-*, docx-*, no-table, body-timeout, body-out-of-memory, convert-failed, convert-timeout',
    'Idempotency-Key đã dùng cho yêu cầu khác, không lưu gì; tệp (bảng tính hay tài liệu Word) không đọc được hoặc không có bảng phụ lục / key used for another request, nothing stored; unreadable workbook or Word document, or no appendix table',
  ],
  428: ['if-match-required', 'Kế hoạch đã có: cần If-Match / the plan exists: If-Match required'],
  429: ['quota-revisions-per-day, too-many-failed-sign-ins', 'Vượt hạn mức; xem Retry-After / over a quota; see Retry-After'],
  500: ['internal', 'Lỗi máy chủ, đã ghi nhật ký (details.requestId) / server error, logged (details.requestId)'],
  503: [
    'busy, busy-reading, timeout, identity-unavailable',
    'Tạm thời không xử lý được; thử lại sau Retry-After / temporarily unavailable; retry after Retry-After',
  ],
} as const satisfies Record<number, readonly [string, string]>;

export type ErrorStatus = keyof typeof ERROR_STATUSES;

type ErrorResponse = { content: { 'application/json': { schema: typeof ErrorBody } }; description: string };

/**
 * The error answers of a route, each the one error body. Routes behind authentication can always answer 401, 429
 * (failed sign-ins), 503 (identity provider or time limit) and 500: `authErrors` adds them.
 * @example responses: { 200: json(PlanRevision, 'Phiên bản mới nhất'), ...errors(400, 403, 404), ...authErrors }
 */
export function errors<S extends ErrorStatus>(...statuses: S[]): { [K in S]: ErrorResponse } {
  const out: Partial<Record<ErrorStatus, ErrorResponse>> = {};
  for (const s of statuses)
    out[s] = { content: { 'application/json': { schema: ErrorBody } }, description: `${ERROR_STATUSES[s][0]}: ${ERROR_STATUSES[s][1]}` };
  return out as { [K in S]: ErrorResponse };
}

/** What any API route can answer: a server error, or the time limit (503). */
export const baseErrors = errors(500, 503);
/** What any route behind authentication can answer, besides its own errors. */
export const authErrors = errors(401, 429, 500, 503);

/**
 * A JSON answer with its wire schema.
 * @example 200: json(RevisionList, 'Lịch sử phiên bản, mới nhất trước')
 */
export function json<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

/** A JSON answer, or the same as an .xlsx workbook (?format=xlsx). */
export function jsonOrXlsx<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema }, [XLSX_TYPE]: { schema: XlsxFile } }, description } as {
    content: { 'application/json': { schema: T } } & Record<typeof XLSX_TYPE, { schema: typeof XlsxFile }>;
    description: string;
  };
}

/**
 * A request body documented as a component but not validated by the route (the worker pool reads it, off the event
 * loop): its $ref. Registered as a copy made by the server's zod, which has .openapi(): a schema core made before
 * @hono/zod-openapi was loaded has not.
 * @example body: { content: { 'application/json': { schema: documented(app, 'PushBody', PushBody) } }, required: true }
 */
export function documented(app: App, name: string, schema: z.ZodObject): { $ref: string } {
  app.openAPIRegistry.register(name, z.object(schema.shape));
  return { $ref: `#/components/schemas/${name}` };
}
