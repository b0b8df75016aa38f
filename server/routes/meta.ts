// Public routes: the OpenAPI document and its docs page (health: health.ts); and /api/me for the signed-in caller. The docs page
// explains what the OpenAPI document cannot say in one place: idempotency, tokens, limits and their error answers,
// with the limits this server actually runs with.
import { createRoute } from '@hono/zod-openapi';
import { API_PATHS, MeAnswer } from '../../core/api/index.ts';
import { PROGRESS_CATEGORIES, PROGRESS_CATEGORY_LABEL, PROGRESS_STATUS_LABEL, PROGRESS_STATUSES } from '../../core/progress/index.ts';
import { DEFAULT_LIMITS, formatBytes, LIMIT_ENV, type Limits } from '../limits.ts';
import { DEFAULT_TOKEN_DAYS } from '../store/tokens.ts';
import { authErrors, ERROR_STATUSES, json } from './responses.ts';
import type { App } from './types.ts';

/** What each limit is, for the docs page (Vietnamese, English). */
const LIMIT_TEXT: Record<keyof Limits, [string, string, (n: number) => string]> = {
  jsonBytes: ['thân yêu cầu JSON', 'JSON request body', formatBytes],
  uploadBytes: ['yêu cầu tải tệp .xlsx', '.xlsx upload request', formatBytes],
  planRows: ['số dòng của một kế hoạch (mọi phụ lục)', 'rows in one plan (all appendices)', String],
  planBytes: ['kích thước kế hoạch khi lưu (JSON, sau khi gộp)', 'stored plan size (JSON, after merging)', formatBytes],
  revisionsPerDay: ['phiên bản mới mỗi xã mỗi ngày (giờ Việt Nam)', 'new revisions per commune per day (Vietnam time)', String],
  communeBytes: ['dung lượng lưu của mỗi xã (mọi phiên bản)', 'stored bytes per commune (every revision)', formatBytes],
  authFailures: ['lần đăng nhập sai từ một địa chỉ trong cửa sổ', 'failed sign-ins per address within the window', String],
  authWindowSeconds: ['cửa sổ đếm lần đăng nhập sai (giây)', 'failed sign-in window (seconds)', String],
  requestTimeoutMs: ['thời gian tối đa của một yêu cầu API (ms)', 'longest API request (ms)', String],
};

/** The error answers worth knowing, with their status (the routes declare the same table). */
const ERRORS: [string, string, string][] = Object.entries(ERROR_STATUSES).map(([status, [codes, what]]) => [status, codes, what]);

const DESCRIPTION = `API máy chủ đồng bộ phụ lục kế hoạch NQ57. Xác thực: Authorization: Bearer (token máy chủ phl_… hoặc access token Microsoft Entra ID).
Idempotency-Key (theo bản thảo IETF): khóa gắn với người gọi, kế hoạch và SHA-256 của thân yêu cầu; gửi lại cùng khóa, cùng thân → câu trả lời đầu (Idempotent-Replayed: true); thân khác → 422.
Lỗi: { error: { code, message (tiếng Việt), messageEn, details? } }. Giới hạn và mã lỗi: /api/docs.
English: the key is bound to the caller, the plan and the body's SHA-256; errors carry a Vietnamese message and an English one.`;

/** @example registerMetaRoutes(app, limits) */
export function registerMetaRoutes(app: App, limits: Limits = DEFAULT_LIMITS): void {
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'Token máy chủ (phl_…) hoặc access token Microsoft Entra ID',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: { title: 'phuluc — máy chủ đồng bộ phụ lục NQ57', version: '1', description: DESCRIPTION },
  });
  const page = docsPage(limits);
  app.get('/api/docs', (c) => {
    // A static page (no inline script, CSP-friendly) that lists the routes; the JSON document is the contract.
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'self'");
    return c.html(page);
  });
  app.openapi(
    createRoute({
      method: 'get',
      path: API_PATHS.me,
      security: [{ bearer: [] }],
      responses: { 200: json(MeAnswer, 'Người đang gọi'), ...authErrors },
    }),
    (c) => {
      return c.json({ principal: c.var.principal }, 200);
    },
  );
}

function docsPage(limits: Limits): string {
  const rows = (Object.keys(LIMIT_TEXT) as (keyof Limits)[])
    .map((k) => {
      const [vi, en, fmt] = LIMIT_TEXT[k];
      const value = limits[k] === 0 ? 'tắt / off' : fmt(limits[k]);
      return `<tr><td><code>${LIMIT_ENV[k]}</code></td><td>${vi}<br><small>${en}</small></td><td>${value}</td><td>${fmt(DEFAULT_LIMITS[k])}</td></tr>`;
    })
    .join('\n');
  const errors = ERRORS.map(([s, codes, what]) => `<tr><td>${s}</td><td><code>${codes}</code></td><td>${what}</td></tr>`).join('\n');
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>phuluc API</title></head><body>
<h1>phuluc — API máy chủ đồng bộ</h1>
<p>Tài liệu OpenAPI 3.1: <a href="/api/openapi.json">/api/openapi.json</a>. Mọi đường dẫn dưới <code>/api/communes</code>, <code>/api/provinces</code>,
<code>/api/national</code>, <code>/api/tokens</code>, <code>/api/me</code> cần <code>Authorization: Bearer …</code> (token máy chủ <code>phl_…</code> hoặc access token Microsoft Entra ID).
Lỗi luôn có dạng <code>{ "error": { "code", "message", "messageEn", "details"? } }</code>; không bao giờ có vết ngăn xếp (stack trace). Mọi câu trả lời API có
<code>X-Content-Type-Options: nosniff</code>, <code>Cache-Control: no-store</code> và <code>X-Request-Id</code> (ghi trong nhật ký, nêu trong lỗi 500).
<code>/api/health</code> công khai (200 khi CSDL trả lời và cấu trúc đúng phiên bản, 503 nói chỗ hỏng); <code>/api/metrics</code> (số liệu Prometheus) cần
<code>Authorization: Bearer</code> với mã <code>PHULUC_METRICS_TOKEN</code> hoặc token quản trị.</p>
<p lang="en">English: the OpenAPI 3.1 document above is the API contract; every route except health and these docs needs a bearer token. Errors are
<code>{ error: { code, message, messageEn, details? } }</code>, never a stack trace; every API answer carries nosniff, no-store and a request id.
<code>/api/health</code> is public (200, or 503 saying what is wrong); <code>/api/metrics</code> needs the <code>PHULUC_METRICS_TOKEN</code> bearer or an admin token.</p>

<h2>Gửi lại an toàn: Idempotency-Key</h2>
<p>Gửi phiên bản (<code>POST …/revisions</code>), khôi phục (<code>POST …/revisions/{n}/restore</code>) và tải tệp (<code>POST …/upload</code>) nhận tiêu đề
<code>Idempotency-Key</code> (1–200 ký tự ASCII in được), theo bản thảo IETF <em>The Idempotency-Key HTTP Header Field</em>. Khóa gắn với <strong>người gọi</strong>
(token hoặc tài khoản Microsoft), <strong>kế hoạch</strong> (xã + khóa kế hoạch) và <strong>dấu vân tay</strong> SHA-256 của thân yêu cầu đúng từng byte
(khôi phục: của số phiên bản được khôi phục; tải tệp: của kế hoạch đọc được từ tệp):</p>
<ul>
<li>cùng khóa, cùng thân → máy chủ trả lại <strong>đúng câu trả lời đầu</strong> (cùng mã 201, cùng thân) kèm <code>Idempotent-Replayed: true</code>, không lưu thêm — kể cả khi
đã hết hạn mức trong ngày;</li>
<li>cùng khóa, thân khác → <strong>422</strong> <code>idempotency-key-reused</code>, không lưu gì; hãy dùng khóa mới cho nội dung mới;</li>
<li>khóa trùng của người khác hoặc của kế hoạch khác là một khóa khác: không bao giờ nhận câu trả lời của người khác.</li>
</ul>
<p>Câu trả lời có trường <code>fingerprint</code> (SHA-256, hex) của thân đã lưu: bên gửi đối chiếu với thân mình gửi (ngăn add-in làm vậy, và khi không khớp thì tạo khóa mới
rồi gửi lại, không ghi câu trả lời vào bảng).</p>
<p lang="en">English: the key is bound to the caller, the plan and the SHA-256 of the exact body (restore: of the revision number). Same key and body → the
first answer again (same 201 and body) with <code>Idempotent-Replayed: true</code>; same key, another body → 422 <code>idempotency-key-reused</code>, nothing
stored; another caller's or another plan's key is a different key. Answers carry the stored body's <code>fingerprint</code> to compare.</p>

<h2>Báo cáo tiến độ theo kỳ</h2>
<p>Tỉnh đặt các kỳ báo cáo và hạn chót (<code>PUT /api/provinces/{tỉnh}/plans/{khóa}/progress-periods</code>, cán bộ tổng hợp của tỉnh hoặc quản trị viên; cán bộ
các xã trong tỉnh xem bằng <code>GET</code>). Xã gửi báo cáo kỳ (<code>POST /api/communes/{xã}/plans/{khóa}/progress/{kỳ}</code>,
<code>{ report, baseSeq, message? }</code>) với <code>Idempotency-Key</code> như khi gửi kế hoạch (khóa gắn với người gọi, kế hoạch, kỳ và dấu vân tay của thân).
<code>baseSeq</code> là phiên bản đã sửa từ đó (<code>null</code> khi gửi lần đầu); bản gửi trên phiên bản cũ được gộp theo từng nhiệm vụ, chỉ tiêu và từng trường,
hai nơi sửa cùng một trường khác nhau → 409 <code>progress-conflict</code> (đủ danh sách trong <code>details.conflicts</code>), không lưu gì. Mọi phiên bản được giữ
(<code>GET …/history</code>). Quá hạn chót mà tỉnh chưa mở lại (<code>POST …/reopen</code> <code>{ until }</code>), hoặc đã được chấp nhận → 409
<code>progress-locked</code>. Tỉnh chấp nhận hoặc trả lại (bắt buộc ghi lý do) bằng <code>POST …/review</code> <code>{ decision, seq, reason? }</code>.</p>
<p lang="en">English: provinces set reporting periods and cut-offs; communes send period reports (idempotent, merged per task and field onto a newer head, 409
with every conflict otherwise, every version kept); past the cut-off or once accepted sending is locked until reopened or returned.</p>
<p>Tình trạng của một nhiệm vụ (<code>status</code>): ${PROGRESS_STATUSES.map((k) => `<code>${k}</code> ${PROGRESS_STATUS_LABEL[k].vi}`).join(', ')}.
Tỉnh xem kỳ bằng <code>GET /api/provinces/{tỉnh}/plans/{khóa}/progress/{kỳ}</code> (<code>?format=xlsx</code>: bảng tổng hợp tiến độ): số nhiệm vụ theo
từng nhóm theo dõi — ${PROGRESS_CATEGORIES.map((k) => `<code>${k}</code> ${PROGRESS_CATEGORY_LABEL[k].vi}`).join(', ')} — của từng xã và toàn tỉnh,
nhiệm vụ quá hạn chưa hoàn thành theo cơ quan chủ trì, các xã chưa báo cáo, kết quả nổi bật, khó khăn, vướng mắc, đề xuất, kiến nghị. Nhóm theo dõi do máy
chủ tính từ tình trạng, thời hạn, ngày hoàn thành và ngày tính số liệu (quy tắc: <code>docs/tien-do.md</code>). Lịch: <code>POST …/calendar</code> tạo địa chỉ bí mật,
<code>GET /api/calendar/{mã}.ics</code> trả lịch iCalendar (thời hạn nhiệm vụ chưa xong, hạn gửi báo cáo).</p>
<p lang="en">English: task statuses and the derived tracking categories are listed above by code; the province's period view counts them per commune and
overall, with overdue tasks per lead agency, the communes not reported and the follow-up lists; a secret calendar address serves an iCalendar feed.</p>

<h2>Token máy chủ</h2>
<p>Quản trị viên: <code>GET /api/tokens</code> (danh sách: người giữ, quyền, phạm vi, ngày tạo, hạn dùng, lần dùng cuối — cập nhật tối đa mỗi phút một lần — và thu hồi; không bao giờ
có mã bí mật), <code>POST /api/tokens</code> <code>{ role, commune?, province?, label?, expires? }</code> (mã bí mật chỉ có trong câu trả lời này),
<code>DELETE /api/tokens/{id}</code> (thu hồi). Hạn dùng mặc định: ${DEFAULT_TOKEN_DAYS.editor} ngày (editor, consolidator), ${DEFAULT_TOKEN_DAYS.admin} ngày (admin);
<code>expires</code> nhận <code>90d</code>, <code>12w</code>, <code>1y</code> hoặc ngày <code>YYYY-MM-DD</code> (hết ngày đó, giờ Việt Nam), tối đa 5 năm. Token bị thu hồi hoặc hết hạn →
401 <code>token-revoked</code> / <code>token-expired</code>. Tạo và thu hồi được ghi vào nhật ký kiểm tra. Trang <a href="/token">/token</a> làm những việc này trên trình duyệt.</p>
<p lang="en">English: admins list, create (secret shown once) and revoke tokens; default lifetime ${DEFAULT_TOKEN_DAYS.editor} days, admins ${DEFAULT_TOKEN_DAYS.admin};
revoked or expired tokens get 401; creation and revocation are audited.</p>

<h2>Giới hạn</h2>
<p>Đặt bằng biến môi trường khi chạy máy chủ; 0 tắt một hạn mức. Lỗi nêu giới hạn và biến của nó (<code>details.limit</code>).</p>
<table border="1" cellpadding="4"><thead><tr><th>biến</th><th>giới hạn</th><th>máy chủ này</th><th>mặc định</th></tr></thead><tbody>
${rows}
</tbody></table>

<h2>Mã lỗi</h2>
<table border="1" cellpadding="4"><thead><tr><th>HTTP</th><th>code</th><th>nghĩa</th></tr></thead><tbody>
${errors}
</tbody></table>
</body></html>`;
}
