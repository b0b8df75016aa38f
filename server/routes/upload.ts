// Upload a workbook or Word plan for a commune (.xlsx, .docx; .xls, .ods, .doc converted by LibreOffice when the server has it): read and
// validated with core on the worker pool, its commune checked against the title block, stored as a revision (or
// answered 'unchanged' when it is the head's content), the report returned.
import { createRoute, z } from '@hono/zod-openapi';
import { API_PATHS, UploadAnswer, UploadForm } from '../../core/api/index.ts';
import { can } from '../auth/policy.ts';
import { ApiError, badRequest, forbidden } from '../http/errors.ts';
import { pushRevision } from '../sync/push.ts';
import { readUpload } from '../workers/server-pool.ts';
import { baseFromIfMatch, communeOf, etag, idempotencyKey, PlanPath, storedName } from './params.ts';
import { communeWarnings, pushResponse } from './plans.ts';
import { planEntryOr404 } from './registry.ts';
import { authErrors, documented, errors, json } from './responses.ts';
import type { App, AppDeps } from './types.ts';

/** @example registerUploadRoute(app, deps) */
export function registerUploadRoute(app: App, deps: AppDeps): void {
  const formDoc = documented(app, 'UploadForm', UploadForm);
  app.openapi(
    createRoute({
      method: 'post',
      path: API_PATHS.upload,
      security: [{ bearer: [] }],
      description:
        'Gửi tệp .xlsx hoặc tài liệu Word .docx chứa bảng phụ lục (multipart/form-data, trường "file"; loại tệp nhận theo nội dung, không theo tên); tệp .xls, .ods được chuyển sang .xlsx, tệp .doc sang .docx bằng LibreOffice nếu máy chủ có (không có: 415 convert-no-libreoffice, kèm cách lưu thành .xlsx hay .docx). Tệp .docx không đọc được: 422 docx-<mã> (docx-zip-bomb, docx-corrupt, docx-encrypted, docx-too-large, docx-too-many-tables, docx-cell-too-long, docx-not-docx, docx-empty); không có bảng phụ lục: 422 no-table kèm kết quả kiểm tra (bảng Word có bảng lồng trong ô: thông báo nói bảng, hàng, ô nào; report.notes). Không có If-Match: tệp thay cho phiên bản mới nhất. Khối tiêu đề ghi xã/phường khác: 409 commune-mismatch, trừ khi có trường confirmCommune=1 (khi đó lưu và trả warnings). Giống hệt phiên bản mới nhất: 200, status unchanged, không lưu gì.',
      // The form is documented, not validated here: the worker pool parses it, off the event loop.
      request: {
        params: PlanPath,
        headers: z.object({ 'if-match': z.string().optional(), 'idempotency-key': z.string().optional() }),
        body: { content: { 'multipart/form-data': { schema: formDoc } }, required: true },
      },
      responses: {
        200: json(UploadAnswer, 'Không có thay đổi (status unchanged): giống hệt phiên bản mới nhất, không lưu gì; kèm kết quả kiểm tra'),
        201: json(UploadAnswer, 'Đã lưu (hoặc câu trả lời đầu của khóa); kèm kết quả kiểm tra'),
        ...errors(400, 403, 404, 409, 412, 413, 415, 422),
        ...authErrors,
      },
    }),
    async (c) => {
      const { commune, planKey: asked } = c.req.valid('param');
      const p = c.var.principal;
      const com = communeOf(commune);
      if (!can(p, 'write-commune', { communeCode: com.code, provinceCode: com.provinceCode }))
        throw forbidden(`gửi kế hoạch của ${com.name}`, `upload the plan of ${com.code}`);
      const planKey = (await planEntryOr404(deps.db, asked)).key;
      const type = c.req.header('content-type') ?? '';
      if (!type.startsWith('multipart/form-data'))
        throw badRequest(
          'not-multipart',
          'Hãy gửi tệp dạng multipart/form-data, trường “file”.',
          'Send the file as multipart/form-data, field "file".',
        );
      // The body is parsed (multipart), read and checked on the worker pool: the event loop goes on answering every
      // other request meanwhile.
      const { name, plan, report, appendices, confirmCommune } = await readUpload(c, await c.req.arrayBuffer(), type);
      if (appendices === 0) {
        // Why, as precisely as the reader knows: a Word table it could not read (said where), a document without an
        // appendix, a workbook without a header row.
        const unread = report.notes?.[0];
        const word = plan.source?.format === 'docx';
        throw new ApiError(
          422,
          'no-table',
          unread?.message ??
            (word
              ? `${name}: tài liệu Word không có phụ lục nào (không có bảng có dòng tiêu đề cột TT, Nội dung…, cũng không có danh sách đánh số).`
              : `${name}: không tìm thấy bảng phụ lục nào (dòng tiêu đề cột TT, Nội dung…).`),
          unread?.messageEn ??
            (word
              ? `${name}: the Word document has no appendix (no table with a header row TT, Nội dung…, nor a numbered list).`
              : `${name}: no appendix table found (header row TT, Nội dung…).`),
          report,
        );
      }
      const warnings = communeWarnings(plan, com, confirmCommune);
      const outcome = await pushRevision(deps.db, {
        communeCode: commune,
        planKey,
        plan,
        baseSeq: baseFromIfMatch(c.req.header('if-match')),
        idempotencyKey: idempotencyKey(c.req.header('idempotency-key')),
        author: p.subject,
        authorName: p.name ?? null,
        kind: 'upload',
        message: storedName(name),
      });
      const res = pushResponse(outcome, warnings);
      c.header('ETag', etag(res.seq));
      // The same file sent again with the same key: the first answer, marked so the page can say it was already received.
      if (res.replayed) c.header('Idempotent-Replayed', 'true');
      return c.json({ ...res.body, report }, res.status);
    },
  );
}
