// A commune's progress reports (issue 17): its state in every period, the head report, sending (merged per task and field, idempotent), history, and the province's review and reopening.
import { createRoute, z } from '@hono/zod-openapi';
import {
  CommuneProgress,
  PROGRESS_PATHS,
  ProgressHead,
  ProgressHistory,
  ProgressPushAnswer,
  ProgressPushBody,
  ProgressReopenBody,
  ProgressReviewBody,
  ReportStatusSchema,
} from '../../core/api/index.ts';
import type { Commune } from '../../core/dvhc.ts';
import { isIsoDay, validateProgressReport } from '../../core/progress/index.ts';
import { can, type Action } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import {
  badUntil,
  label,
  periodUnknown,
  progressBadBase,
  progressConflict,
  progressInvalid,
  progressLocked,
  progressNone,
  reasonRequired,
  reviewStale,
} from '../http/progress-errors.ts';
import { findPlan } from '../store/plans.ts';
import { listPeriodSettings } from '../store/progress-periods.ts';
import { insertReview, listReviews, reviewOnWire } from '../store/progress-reviews.ts';
import { headsOfCommune, listVersions, versionByKey, versionMeta, type StoredVersion } from '../store/progress-versions.ts';
import { headRevision } from '../store/revisions.ts';
import { pushProgress } from '../sync/progress-push.ts';
import { lockReason, periodList, reportStatus } from '../sync/progress-status.ts';
import { hashJson } from '../sync/summary.ts';
import { keyReused } from './plans.ts';
import { communeOf, idempotencyKey, PlanPath } from './params.ts';
import { refuseNul, ReportPath, reportView, todayOf } from './progress-context.ts';
import { planEntryOr404 } from './registry.ts';
import { authErrors, errors, json } from './responses.ts';
import type { App, AppDeps } from './types.ts';

const security = [{ bearer: [] }];

const SEND_DOC = `Gửi báo cáo tiến độ của một kỳ: { report, baseSeq, message? } kèm Idempotency-Key. baseSeq là phiên bản đã sửa từ đó (null khi gửi lần đầu).
baseSeq bằng phiên bản mới nhất → lưu như đã gửi; cũ hơn → máy chủ gộp theo từng nhiệm vụ, từng chỉ tiêu và từng trường: mục chỉ một bên sửa lấy bên đó;
hai bên sửa khác nhau → 409 progress-conflict (details.conflicts liệt kê đủ), không lưu gì — chọn giá trị rồi gửi lại với baseSeq = details.headSeq.
Giống hệt phiên bản mới nhất → 200 unchanged, không lưu. Người báo cáo và thời điểm (reportedBy, reportedAt) của mục mới hoặc đã sửa do máy chủ ghi.
Kỳ tỉnh không thu → 404 period-unknown (details.periods); quá hạn chót mà tỉnh chưa mở lại, hoặc tỉnh đã chấp nhận → 409 progress-locked;
nhiệm vụ, chỉ tiêu không có trong kế hoạch của xã hoặc nội dung còn lỗi → 422 progress-invalid. Idempotency-Key như khi gửi kế hoạch: cùng khóa, cùng thân → câu trả lời đầu
kèm Idempotent-Replayed: true; cùng khóa, thân khác → 422 idempotency-key-reused.
English: send a period's report on baseSeq (null for a first report); merged per task and field onto a newer head, or 409 with every conflict; idempotent as plan pushes.`;

/** Whether the caller may act on the commune's reports; 403 in words otherwise. */
function allow(p: Principal, action: Action, c: Commune, what: string, whatEn: string): void {
  if (!can(p, action, { communeCode: c.code, provinceCode: c.provinceCode }))
    throw forbidden(`${what} của ${c.name}`, `${whatEn} of ${c.code}`);
}

/** A push answer's body for a stored (or unchanged, or replayed) version. */
function answer(
  status: 'created' | 'merged' | 'unchanged',
  version: StoredVersion,
  state: z.infer<typeof ReportStatusSchema>,
  fingerprint: string,
) {
  return { status, version: versionMeta(version), report: version.report!, state, fingerprint };
}

/** @example registerProgressRoutes(app, deps) */
export function registerProgressRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: PROGRESS_PATHS.communeProgress,
      security,
      description:
        "Tình trạng báo cáo tiến độ của xã trong từng kỳ tỉnh thu (chưa gửi, đã gửi, đã chấp nhận, bị trả lại), theo thứ tự kỳ. / The commune's report state in every period.",
      request: { params: PlanPath },
      responses: { 200: json(CommuneProgress, 'Tình trạng theo kỳ'), ...errors(400, 403, 404), ...authErrors },
    }),
    async (c) => {
      const { commune, planKey: asked } = c.req.valid('param');
      const com = communeOf(commune);
      allow(c.var.principal, 'read-commune', com, 'xem báo cáo tiến độ', 'read the progress reports');
      const planKey = (await planEntryOr404(db, asked)).key;
      const today = todayOf(deps);
      const [settings, heads, reviews] = await Promise.all([
        listPeriodSettings(db, com.provinceCode, planKey),
        headsOfCommune(db, com.code, planKey),
        listReviews(db, com.code, planKey),
      ]);
      const periods = periodList(settings, today).map((p) => ({
        ...reportStatus({
          period: p.period,
          setting: p,
          head: heads.get(p.period),
          reviews: reviews.filter((r) => r.period === p.period),
          today,
        }),
        label: p.label,
        labelEn: p.labelEn,
        current: p.current,
      }));
      return c.json({ periods }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: PROGRESS_PATHS.progressReport,
      security,
      description: 'Báo cáo mới nhất của kỳ kèm tình trạng; chưa gửi → 404 progress-none. / The head report of a period with its state.',
      request: { params: ReportPath },
      responses: { 200: json(ProgressHead, 'Báo cáo mới nhất'), ...errors(400, 403, 404), ...authErrors },
    }),
    async (c) => {
      const { commune, planKey: asked, period } = c.req.valid('param');
      const com = communeOf(commune);
      allow(c.var.principal, 'read-commune', com, 'xem báo cáo tiến độ', 'read the progress reports');
      const planKey = (await planEntryOr404(db, asked)).key;
      const { head, status } = await reportView(db, { communeCode: com.code, planKey, period }, com.provinceCode, todayOf(deps));
      if (!head) throw progressNone(period);
      return c.json({ status, version: versionMeta(head), report: head.report! }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: PROGRESS_PATHS.progressReport,
      security,
      description: SEND_DOC,
      request: {
        params: ReportPath,
        headers: z.object({ 'idempotency-key': z.string().optional() }),
        body: { content: { 'application/json': { schema: ProgressPushBody } }, required: true },
      },
      responses: {
        200: json(ProgressPushAnswer, 'Không có thay đổi (status unchanged): giống hệt báo cáo mới nhất, không lưu gì'),
        201: json(ProgressPushAnswer, 'Đã lưu (created hoặc merged); hoặc câu trả lời đầu của khóa, kèm Idempotent-Replayed: true'),
        ...errors(400, 403, 404, 409, 412, 413, 415, 422),
        ...authErrors,
      },
    }),
    async (c) => {
      const { commune, planKey: asked, period } = c.req.valid('param');
      const com = communeOf(commune);
      const p = c.var.principal;
      allow(p, 'write-commune', com, 'gửi báo cáo tiến độ', 'send progress reports');
      const planKey = (await planEntryOr404(db, asked)).key;
      const body = c.req.valid('json');
      refuseNul(body);
      if (body.report.period !== period)
        throw new ApiError(
          400,
          'invalid-request',
          `Báo cáo ghi kỳ “${label(body.report.period, 'vi')}” nhưng được gửi cho kỳ “${label(period, 'vi')}”.`,
          `The report is for "${label(body.report.period, 'en')}" but was sent for "${label(period, 'en')}".`,
          [{ path: 'report.period', message: `phải là ${period}` }],
        );
      const key = idempotencyKey(c.req.header('idempotency-key'));
      // The request's fingerprint: SHA-256 of the body exactly as sent (Hono keeps the text it parsed).
      const fingerprint = hashJson(await c.req.text());
      const k = { communeCode: com.code, planKey, period };
      const today = todayOf(deps);
      // A retry (same key, same body) gets what it stored whatever happened since (a lock, a newer head); the same key
      // with another body is refused before anything else.
      if (key !== null) {
        const seen = await versionByKey(db, k, p.subject, key);
        if (seen) {
          if (seen.fingerprint !== fingerprint) throw keyReused();
          const { status } = await reportView(db, k, com.provinceCode, today);
          c.header('Idempotent-Replayed', 'true');
          return c.json(answer(seen.kind === 'merge' ? 'merged' : 'created', seen, status, fingerprint), 201);
        }
      }
      const settings = await listPeriodSettings(db, com.provinceCode, planKey);
      if (!settings.some((s) => s.period === period)) throw periodUnknown(period, settings);
      const before = await reportView(db, k, com.provinceCode, today);
      const locked = lockReason(before.status);
      if (locked) throw progressLocked(locked, before.status.cutoff, period);
      // Checked against the commune's newest plan: an entry for a task the plan no longer holds could be neither
      // counted nor shown to the province, so the commune is told which ones now, while it still has the report open.
      const planRow = await findPlan(db, com.code, planKey);
      const plan = planRow ? (await headRevision(db, planRow.id))?.plan : undefined;
      if (!plan)
        throw notFound(
          `kế hoạch ${planKey} của ${com.name} (xã cần gửi kế hoạch trước khi báo cáo tiến độ)`,
          `plan ${planKey} of ${com.code}`,
        );
      const issues = validateProgressReport(body.report, plan, { today }).filter((i) => i.severity === 'error');
      if (issues.length > 0) throw progressInvalid(issues);
      const outcome = await pushProgress(db, {
        ...k,
        report: body.report,
        baseSeq: body.baseSeq,
        idempotencyKey: key,
        fingerprint,
        author: p.subject,
        authorName: p.name ?? null,
        message: body.message ?? null,
        now: new Date().toISOString(),
      });
      switch (outcome.status) {
        case 'created':
        case 'merged':
        case 'unchanged': {
          const { status } = await reportView(db, k, com.provinceCode, today);
          return c.json(answer(outcome.status, outcome.version, status, fingerprint), outcome.status === 'unchanged' ? 200 : 201);
        }
        case 'replayed': {
          const { status } = await reportView(db, k, com.provinceCode, today);
          c.header('Idempotent-Replayed', 'true');
          return c.json(answer(outcome.first, outcome.version, status, fingerprint), 201);
        }
        case 'key-reused':
          throw keyReused();
        case 'conflict':
          throw progressConflict(outcome.headSeq, outcome.conflicts);
        case 'bad-base':
          throw progressBadBase(outcome.headSeq);
        case 'busy':
          throw new ApiError(503, 'busy', 'Máy chủ đang bận ghi báo cáo này; hãy thử lại.', 'The report is busy; retry.', undefined, {
            'Retry-After': '1',
          });
      }
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: PROGRESS_PATHS.progressHistory,
      security,
      description:
        'Mọi phiên bản đã lưu của báo cáo kỳ và mọi quyết định của tỉnh (chấp nhận, trả lại, mở lại), mới nhất trước. / Every version and review decision, newest first.',
      request: { params: ReportPath },
      responses: { 200: json(ProgressHistory, 'Lịch sử báo cáo'), ...errors(400, 403, 404), ...authErrors },
    }),
    async (c) => {
      const { commune, planKey: asked, period } = c.req.valid('param');
      const com = communeOf(commune);
      allow(c.var.principal, 'read-commune', com, 'xem báo cáo tiến độ', 'read the progress reports');
      const planKey = (await planEntryOr404(db, asked)).key;
      const k = { communeCode: com.code, planKey, period };
      const [versions, reviews] = await Promise.all([listVersions(db, k), listReviews(db, com.code, planKey, period)]);
      return c.json({ versions: versions.map(versionMeta), reviews: reviews.map(reviewOnWire) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: PROGRESS_PATHS.progressReview,
      security,
      description:
        'Tiếp nhận báo cáo, hoặc trả lại kèm lý do bắt buộc (cán bộ tổng hợp của tỉnh hoặc quản trị viên). seq phải là phiên bản mới nhất (412 review-stale nếu xã đã gửi bản mới hơn). / Accept, or return with a reason; seq must be the head.',
      request: { params: ReportPath, body: { content: { 'application/json': { schema: ProgressReviewBody } }, required: true } },
      responses: { 200: json(ReportStatusSchema, 'Tình trạng mới của báo cáo'), ...errors(400, 403, 404, 412, 413, 415), ...authErrors },
    }),
    async (c) => {
      const { commune, planKey: asked, period } = c.req.valid('param');
      const com = communeOf(commune);
      const p = c.var.principal;
      allow(p, 'review-province', com, 'chấp nhận hoặc trả lại báo cáo', 'review the reports');
      const planKey = (await planEntryOr404(db, asked)).key;
      const body = c.req.valid('json');
      refuseNul(body);
      const reason = body.reason?.trim() || null;
      if (body.decision === 'return' && !reason) throw reasonRequired();
      const k = { communeCode: com.code, planKey, period };
      const today = todayOf(deps);
      const { head } = await reportView(db, k, com.provinceCode, today);
      if (!head) throw progressNone(period);
      if (head.seq !== body.seq) throw reviewStale(head.seq);
      await insertReview(db, {
        ...k,
        decision: body.decision,
        seq: head.seq,
        reason,
        until: null,
        author: p.subject,
        authorName: p.name ?? null,
      });
      return c.json((await reportView(db, k, com.provinceCode, today)).status, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: PROGRESS_PATHS.progressReopen,
      security,
      description:
        'Mở lại kỳ báo cáo cho xã đến hết một ngày (cán bộ tổng hợp của tỉnh hoặc quản trị viên): xã gửi được sau hạn chót, kể cả khi báo cáo đã được chấp nhận. / Let the commune send again until a day.',
      request: { params: ReportPath, body: { content: { 'application/json': { schema: ProgressReopenBody } }, required: true } },
      responses: { 200: json(ReportStatusSchema, 'Tình trạng mới của báo cáo'), ...errors(400, 403, 404, 413, 415), ...authErrors },
    }),
    async (c) => {
      const { commune, planKey: asked, period } = c.req.valid('param');
      const com = communeOf(commune);
      const p = c.var.principal;
      allow(p, 'review-province', com, 'mở lại kỳ báo cáo', 'reopen the reports');
      const planKey = (await planEntryOr404(db, asked)).key;
      const body = c.req.valid('json');
      refuseNul(body);
      const today = todayOf(deps);
      if (!isIsoDay(body.until) || body.until < today) throw badUntil(body.until, today);
      const settings = await listPeriodSettings(db, com.provinceCode, planKey);
      if (!settings.some((s) => s.period === period)) throw periodUnknown(period, settings);
      const k = { communeCode: com.code, planKey, period };
      const { head } = await reportView(db, k, com.provinceCode, today);
      await insertReview(db, {
        ...k,
        decision: 'reopen',
        seq: head?.seq ?? null,
        reason: body.reason?.trim() || null,
        until: body.until,
        author: p.subject,
        authorName: p.name ?? null,
      });
      return c.json((await reportView(db, k, com.provinceCode, today)).status, 200);
    },
  );
}
