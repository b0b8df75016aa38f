// Upload an .xlsx for a commune: read and validated with core, stored as a revision, the report returned.
import { createRoute, z } from '@hono/zod-openapi';
import { readPlan } from '../../core/read/index.ts';
import { validate } from '../../core/validate/validate.ts';
import { can } from '../auth/policy.ts';
import { checkFile } from '../cli/check-json.ts';
import { ApiError, badRequest, forbidden } from '../http/errors.ts';
import { readWorkbook, WorkbookReadError } from '../xlsx/index.ts';
import { pushRevision } from '../sync/push.ts';
import { baseFromIfMatch, communeOf, etag, idempotencyKey, PlanPath, storedName } from './params.ts';
import { pushResponse } from './plans.ts';
import type { App, AppDeps } from './types.ts';

/** @example registerUploadRoute(app, deps) */
export function registerUploadRoute(app: App, deps: AppDeps): void {
  app.openapi(createRoute({
    method: 'post', path: '/api/communes/{commune}/plans/{planKey}/upload', security: [{ bearer: [] }],
    description: 'Gửi tệp .xlsx (multipart/form-data, trường "file"). Không có If-Match: tệp thay cho phiên bản mới nhất.',
    request: { params: PlanPath },
    responses: { 201: { content: { 'application/json': { schema: z.unknown() } }, description: 'Đã lưu; kèm kết quả kiểm tra' }, 200: { content: { 'application/json': { schema: z.unknown() } }, description: 'Đã nhận trước đó' }, 422: { description: 'Tệp không đọc được' } },
  }), async (c) => {
    const { commune, planKey } = c.req.valid('param');
    const p = c.var.principal;
    const com = communeOf(commune);
    if (!can(p, 'write-commune', { communeCode: com.code, provinceCode: com.provinceCode })) throw forbidden(`gửi kế hoạch của ${com.name}`, `upload the plan of ${com.code}`);
    const type = c.req.header('content-type') ?? '';
    if (!type.startsWith('multipart/form-data')) throw badRequest('not-multipart', 'Hãy gửi tệp dạng multipart/form-data, trường “file”.', 'Send the file as multipart/form-data, field "file".');
    let file: unknown;
    try {
      file = (await c.req.parseBody())['file'];
    } catch {
      throw badRequest('bad-multipart', 'Dữ liệu multipart hỏng.', 'Malformed multipart body.');
    }
    if (!(file instanceof File)) throw badRequest('no-file', 'Thiếu trường “file” chứa tệp .xlsx.', 'Missing the "file" field with the .xlsx.');
    let grids;
    try {
      grids = (await readWorkbook(new Uint8Array(await file.arrayBuffer()))).sheets;
    } catch (err) {
      if (err instanceof WorkbookReadError) throw new ApiError(422, `xlsx-${err.code}`, `${file.name}: ${err.message}`, `${file.name}: ${err.messageEn}`);
      throw err;
    }
    const { plan, sheets } = readPlan(grids, { file: file.name, format: 'xlsx' });
    const report = validate({ plan, grids, sheets });
    if (plan.appendices.length === 0) {
      throw new ApiError(422, 'no-table', `${file.name}: không tìm thấy bảng phụ lục nào (dòng tiêu đề cột TT, Nội dung…).`, `${file.name}: no appendix table found (header row TT, Nội dung…).`, checkFile(file.name, report));
    }
    const outcome = await pushRevision(deps.db, {
      communeCode: commune, planKey, plan, baseSeq: baseFromIfMatch(c.req.header('if-match')), idempotencyKey: idempotencyKey(c.req.header('idempotency-key')),
      author: p.subject, authorName: p.name ?? null, kind: 'upload', message: storedName(file.name),
    });
    const res = pushResponse(outcome);
    c.header('ETag', etag(res.seq));
    return c.json({ ...(res.body as object), report: checkFile(file.name, report) }, res.status);
  });
}
