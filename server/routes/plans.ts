// Plan routes: head (with ETag), push (merge or conflict), history, one revision, diff, restore.
import { createRoute, z } from '@hono/zod-openapi';
import {
  API_PATHS,
  DiffAnswer,
  PlanRevision,
  PushAnswer,
  PushBody,
  RevisionList,
  type ApiWarning,
  type RevisionMeta,
} from '../../core/api/index.ts';
import type { Commune } from '../../core/dvhc.ts';
import { appendixKeys, diffPlans } from '../../core/merge/index.ts';
import type { Plan } from '../../core/model/index.ts';
import { can } from '../auth/policy.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import { findPlan } from '../store/plans.ts';
import type { Context, TypedResponse } from 'hono';
import { DEFAULT_LIMITS, formatBytes, LIMIT_ENV } from '../limits.ts';
import { replayOf, sameRequest } from '../store/push-state.ts';
import { getRevision, headRevision, listRevisions, type Revision } from '../store/revisions.ts';
import { planRows, pushRevision, pushStateFor, type PushOutcome } from '../sync/push.ts';
import { hashJson } from '../sync/summary.ts';
import { communeMismatch, mismatchWarning } from '../sync/commune-check.ts';
import { baseFromIfMatch, communeOf, etag, idempotencyKey, PlanPath, RevisionPath, SeqNumber } from './params.ts';
import { validJson } from '../workers/server-pool.ts';
import { planEntryOr404 } from './registry.ts';
import { authErrors, documented, errors, json } from './responses.ts';
import type { App, AppDeps } from './types.ts';

const security = [{ bearer: [] }];

const IDEMPOTENCY_DOC = `Gửi một phiên bản: { plan, message?, partial? } với If-Match (phiên bản đã sửa từ đó) và Idempotency-Key (theo bản thảo IETF Idempotency-Key).
Khóa gắn với người gửi (token hoặc tài khoản), kế hoạch (xã + khóa kế hoạch) và dấu vân tay SHA-256 của thân yêu cầu đúng như đã gửi:
gửi lại cùng khóa, cùng thân → trả lại đúng câu trả lời đầu (cùng mã 201 và thân) kèm tiêu đề Idempotent-Replayed: true, không lưu thêm;
cùng khóa, thân khác → 422 idempotency-key-reused, không lưu gì; khóa của người khác hoặc kế hoạch khác không bao giờ trả câu trả lời của họ.
Câu trả lời có trường fingerprint (SHA-256 hex của thân đã lưu) để bên gửi đối chiếu. Giới hạn: 413 plan-too-large (PHULUC_MAX_PLAN_ROWS, PHULUC_MAX_PLAN_BYTES),
413 payload-too-large (PHULUC_MAX_JSON_BYTES), 413 quota-commune-bytes (PHULUC_MAX_COMMUNE_BYTES), 429 quota-revisions-per-day (PHULUC_MAX_REVISIONS_PER_DAY, có Retry-After).
English: the key is bound to the caller, the plan and the SHA-256 of the raw body; same key and body → the first answer again with Idempotent-Replayed: true;
same key, another body → 422 and nothing stored. The answer carries the body's fingerprint.`;

/** A push's answers: 201 (stored, merged, or the key's first answer again), 200 unchanged, and every refusal. */
const PUSH_RESPONSES = {
  200: json(PushAnswer, 'Không có thay đổi (status unchanged): giống hệt phiên bản mới nhất, không lưu gì'),
  201: json(PushAnswer, 'Đã lưu (status created hoặc merged); hoặc câu trả lời đầu của khóa, kèm Idempotent-Replayed: true'),
  ...errors(400, 403, 404, 409, 412, 413, 415, 422, 428),
  ...authErrors,
};

/** Revision metadata without the plan body. */
export function meta(r: Revision): RevisionMeta {
  const { plan: _plan, ...rest } = r;
  return rest;
}

/** A push's answer as the route sends it: status, body, the ETag's seq, and whether it repeats a key's first answer. */
export interface PushReply {
  /** 201 stored (or the key's first answer again); 200 unchanged, nothing stored. */
  status: 200 | 201;
  body: PushAnswer;
  seq: number;
  /** The Idempotent-Replayed header: this is the key's first answer, sent again. */
  replayed: boolean;
  /** `body.plan` as stored (canonical JSON), when the push just wrote it: the answer splices it in. */
  planJson?: string;
  /** planJson's size in UTF-8, when the push counted it (its size limit). */
  planBytes?: number;
}

/**
 * Answer a push outcome: 201 with the stored plan (a replay: the same 201 and body as the key's first answer), 200
 * unchanged with the head, 409 conflicts, 412 bad base, 413 plan too large or commune storage full, 422 key reused
 * with another request, 429 revisions per day, 503 busy. `warnings` (a confirmed commune mismatch) go on any success.
 */
export function pushResponse(outcome: PushOutcome, warnings: ApiWarning[] = []): PushReply {
  const extra = warnings.length > 0 ? { warnings } : {};
  switch (outcome.status) {
    case 'created':
    case 'merged':
    case 'unchanged':
      return {
        status: outcome.status === 'unchanged' ? 200 : 201,
        body: {
          status: outcome.status,
          revision: meta(outcome.revision),
          plan: outcome.revision.plan!,
          fingerprint: outcome.fingerprint,
          ...extra,
        },
        seq: outcome.revision.seq,
        replayed: false,
        ...(outcome.planJson === undefined ? {} : { planJson: outcome.planJson }),
        ...(outcome.planBytes === undefined ? {} : { planBytes: outcome.planBytes }),
      };
    case 'replayed':
      return {
        status: 201,
        body: {
          status: outcome.first,
          revision: meta(outcome.revision),
          plan: outcome.revision.plan!,
          fingerprint: outcome.fingerprint,
          ...extra,
        },
        seq: outcome.revision.seq,
        replayed: true,
      };
    case 'key-reused':
      throw keyReused();
    case 'conflict':
      throw new ApiError(
        409,
        'merge-conflict',
        `Có ${outcome.conflicts.length} ô bị sửa khác nhau ở hai phía; chưa lưu gì. Hãy chọn giá trị rồi gửi lại trên phiên bản ${outcome.headSeq}.`,
        `${outcome.conflicts.length} cell(s) were changed both ways; nothing stored. Resolve and push again on revision ${outcome.headSeq}.`,
        { headSeq: outcome.headSeq, conflicts: outcome.conflicts },
      );
    case 'bad-base':
      throw new ApiError(
        412,
        'bad-base',
        `Phiên bản gốc không tồn tại (phiên bản mới nhất là ${outcome.headSeq}).`,
        `Unknown base revision (head is ${outcome.headSeq}).`,
        { headSeq: outcome.headSeq },
      );
    case 'too-large':
      throw planTooLarge(outcome.limit, outcome.max, outcome.actual);
    case 'quota':
      throw quotaExceeded(outcome.limit, outcome.max, outcome.used, outcome.retryAfterSec);
    case 'busy':
      throw new ApiError(503, 'busy', 'Máy chủ đang bận ghi kế hoạch này; hãy thử lại.', 'The plan is busy; retry.', undefined, {
        'Retry-After': '1',
      });
  }
}

/** 422: the Idempotency-Key was used before, by this caller on this plan, with another request. */
export function keyReused(): ApiError {
  return new ApiError(
    422,
    'idempotency-key-reused',
    'Idempotency-Key này đã được dùng cho một yêu cầu khác (nội dung khác); không lưu gì. Mỗi lần gửi nội dung mới cần một khóa mới.',
    'This Idempotency-Key was already used for a different request (another body); nothing stored. Use a new key for a new request.',
  );
}

/** 413 for a plan over PHULUC_MAX_PLAN_ROWS or PHULUC_MAX_PLAN_BYTES, naming the limit. */
export function planTooLarge(limit: 'planRows' | 'planBytes', max: number, actual: number): ApiError {
  const details = { limit: LIMIT_ENV[limit], max, actual };
  if (limit === 'planRows') {
    return new ApiError(
      413,
      'plan-too-large',
      `Kế hoạch quá lớn: ${actual} dòng, tối đa ${max} dòng (giới hạn ${LIMIT_ENV.planRows}); chưa lưu gì.`,
      `Plan too large: ${actual} rows, at most ${max} (limit ${LIMIT_ENV.planRows}); nothing stored.`,
      details,
    );
  }
  return new ApiError(
    413,
    'plan-too-large',
    `Kế hoạch quá lớn: ${formatBytes(actual)}, tối đa ${formatBytes(max)} (giới hạn ${LIMIT_ENV.planBytes}); chưa lưu gì.`,
    `Plan too large: ${formatBytes(actual)}, at most ${formatBytes(max)} (limit ${LIMIT_ENV.planBytes}); nothing stored.`,
    details,
  );
}

function quotaExceeded(limit: 'revisionsPerDay' | 'communeBytes', max: number, used: number, retryAfterSec?: number): ApiError {
  const details = { limit: LIMIT_ENV[limit], max, used };
  if (limit === 'revisionsPerDay') {
    return new ApiError(
      429,
      'quota-revisions-per-day',
      `Xã đã gửi ${used} phiên bản hôm nay, tối đa ${max} phiên bản mỗi ngày (giới hạn ${LIMIT_ENV.revisionsPerDay}); chưa lưu gì. Hãy gửi lại vào ngày mai hoặc nhờ quản trị viên nâng giới hạn.`,
      `The commune stored ${used} revisions today, at most ${max} a day (limit ${LIMIT_ENV.revisionsPerDay}); nothing stored. Retry tomorrow or ask the administrator to raise the limit.`,
      details,
      { 'Retry-After': String(retryAfterSec ?? 3600) },
    );
  }
  return new ApiError(
    413,
    'quota-commune-bytes',
    `Dung lượng lưu của xã đã đầy: đã dùng ${formatBytes(used)}, tối đa ${formatBytes(max)} (giới hạn ${LIMIT_ENV.communeBytes}); chưa lưu gì. Hãy nhờ quản trị viên nâng giới hạn.`,
    `The commune's storage is full: ${formatBytes(used)} used, at most ${formatBytes(max)} (limit ${LIMIT_ENV.communeBytes}); nothing stored. Ask the administrator to raise the limit.`,
    details,
  );
}

/** A push reply's headers: the ETag and, on a replay, Idempotent-Replayed. */
function replyHeaders(c: Context, res: PushReply): PushReply {
  c.header('ETag', etag(res.seq));
  if (res.replayed) c.header('Idempotent-Replayed', 'true');
  return res;
}

/**
 * The reply as JSON. The plan a push just stored is already JSON (the text it hashed and stored): it is put in as is
 * rather than written a second time — a 55-task plan is ~36 KB, and writing it took as long as hashing it. When its
 * UTF-8 size is known, the answer is written straight into bytes of the right size: a string would be joined whole,
 * then measured, then encoded by the HTTP server.
 */
export function pushBody(res: PushReply): string | Uint8Array<ArrayBuffer> {
  if (res.planJson === undefined) return JSON.stringify(res.body);
  const rest = JSON.stringify({ ...res.body, plan: undefined });
  const head = `${rest.slice(0, -1)},"plan":`;
  if (res.planBytes === undefined) return `${head}${res.planJson}}`;
  const headBytes = Buffer.byteLength(head);
  const out = Buffer.allocUnsafe(headBytes + res.planBytes + 1);
  out.write(head, 0);
  // A size that was not the plan's (never expected): the text, measured by the HTTP server, rather than cut bytes.
  if (out.write(res.planJson, headBytes) !== res.planBytes) return `${head}${res.planJson}}`;
  out[out.length - 1] = 0x7d; // }
  return out;
}

/** Send a push reply (headers, status, body): the JSON answer the route documents, written by pushBody. */
function sendPush(c: Context, res: PushReply): TypedResponse<PushAnswer, 200 | 201, 'json'> {
  replyHeaders(c, res);
  const body = pushBody(res);
  const sent = c.body(body, res.status, { 'Content-Type': 'application/json' });
  return sent as unknown as TypedResponse<PushAnswer, 200 | 201, 'json'>;
}

/** @example registerPlanRoutes(app, deps) */
export function registerPlanRoutes(app: App, deps: AppDeps): void {
  // Documented, validated by validJson (a large body on the worker pool, off the event loop): zod-openapi would parse
  // and validate every body on the event loop before the handler runs.
  const pushBodyDoc = documented(app, 'PushBody', PushBody);
  const { db } = deps;
  const limits = { ...DEFAULT_LIMITS, ...deps.limits };

  const loadPlan = async (commune: string, planKey: string) => {
    const plan = await findPlan(db, commune, planKey);
    if (!plan) throw notFound(`kế hoạch ${planKey} của xã ${commune}`, `plan ${planKey} of commune ${commune}`);
    return plan;
  };
  const mayRead = (p: Parameters<typeof can>[0], commune: string) => {
    const c = communeOf(commune);
    if (!can(p, 'read-commune', { communeCode: c.code, provinceCode: c.provinceCode }))
      throw forbidden(`xem kế hoạch của ${c.name}`, `read the plan of ${c.code}`);
    return c;
  };

  app.openapi(
    createRoute({
      method: 'get',
      path: API_PATHS.plan,
      security,
      request: { params: PlanPath },
      responses: {
        200: json(PlanRevision, 'Phiên bản mới nhất (ETag = số phiên bản)'),
        304: { description: 'Không đổi (If-None-Match)' },
        ...errors(400, 403, 404),
        ...authErrors,
      },
    }),
    async (c) => {
      const { commune, planKey: asked } = c.req.valid('param');
      mayRead(c.var.principal, commune);
      const planKey = (await planEntryOr404(db, asked)).key;
      const head = await headRevision(db, (await loadPlan(commune, planKey)).id);
      if (!head) throw notFound('phiên bản nào', 'any revision');
      c.header('ETag', etag(head.seq));
      if (c.req.header('if-none-match') === etag(head.seq)) return c.body(null, 304);
      return c.json({ revision: meta(head), plan: head.plan! }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: API_PATHS.revisions,
      security,
      description: IDEMPOTENCY_DOC,
      request: {
        params: PlanPath,
        headers: z.object({ 'if-match': z.string().optional(), 'idempotency-key': z.string().optional() }),
        body: { content: { 'application/json': { schema: pushBodyDoc } }, required: true },
      },
      responses: PUSH_RESPONSES,
    }),
    async (c) => {
      const { commune, planKey: asked } = c.req.valid('param');
      const p = c.var.principal;
      const com = communeOf(commune);
      if (!can(p, 'write-commune', { communeCode: com.code, provinceCode: com.provinceCode }))
        throw forbidden(`sửa kế hoạch của ${com.name}`, `write the plan of ${com.code}`);
      const planKey = (await planEntryOr404(db, asked)).key;
      const body = await validJson<PushBody>(c, 'push-body');
      const key = idempotencyKey(c.req.header('idempotency-key'));
      let base = baseFromIfMatch(c.req.header('if-match'));
      // After the headers' 400s, before anything is read or stored: a file for another commune needs the sender's word.
      const warnings = communeWarnings(body.plan, com, body.confirmCommune === true);
      // The request's fingerprint: SHA-256 of the body exactly as sent (Hono keeps the text it parsed).
      const fingerprint = hashJson(await c.req.text());
      const rows = planRows(body.plan);
      if (limits.planRows && rows > limits.planRows) throw planTooLarge('planRows', limits.planRows, rows);
      // One read answers the replay and the 428 below, and pushRevision goes on from it: no second look-up.
      const state = await pushStateFor(db, { communeCode: commune, planKey, idempotencyKey: key, author: p.subject });
      const head = state.head;
      // A retried push (same key, same body) is answered with what it stored, whatever its headers say now; the same
      // key with another body is refused before anything else.
      if (state.replaySeq !== null) {
        if (!sameRequest(state, fingerprint)) throw keyReused();
        const replay = await replayOf(db, state);
        if (replay) {
          const res = replyHeaders(
            c,
            pushResponse(
              { status: 'replayed', revision: replay, first: replay.kind === 'merge' ? 'merged' : 'created', fingerprint },
              warnings,
            ),
          );
          return c.json(res.body, res.status);
        }
      }
      if (base === null) {
        // Without a base the server could not tell concurrent edits apart: required once the plan exists.
        if (head)
          throw new ApiError(
            428,
            'if-match-required',
            `Cần gửi If-Match (phiên bản đã sửa từ đó; mới nhất là ${head.seq}).`,
            `If-Match is required (the revision you edited; head is ${head.seq}).`,
            { headSeq: head.seq },
          );
        base = 0;
      }
      let plan: Plan = body.plan;
      if (body.partial && head && state.planId !== null) {
        const headPlan = (await getRevision(db, state.planId, head.seq))?.plan;
        if (headPlan) plan = withUntouchedAppendices(plan, headPlan);
      }
      const outcome = await pushRevision(
        db,
        {
          communeCode: commune,
          planKey,
          plan,
          baseSeq: base,
          idempotencyKey: key,
          fingerprint,
          author: p.subject,
          authorName: p.name ?? null,
          kind: 'push',
          message: body.message ?? null,
        },
        state,
      );
      return sendPush(c, pushResponse(outcome, warnings));
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: API_PATHS.revisions,
      security,
      request: { params: PlanPath },
      responses: { 200: json(RevisionList, 'Lịch sử phiên bản, mới nhất trước'), ...errors(400, 403, 404), ...authErrors },
    }),
    async (c) => {
      const { commune, planKey: asked } = c.req.valid('param');
      mayRead(c.var.principal, commune);
      const planKey = (await planEntryOr404(db, asked)).key;
      return c.json({ revisions: await listRevisions(db, (await loadPlan(commune, planKey)).id) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: API_PATHS.revision,
      security,
      request: { params: RevisionPath },
      responses: { 200: json(PlanRevision, 'Một phiên bản'), ...errors(400, 403, 404), ...authErrors },
    }),
    async (c) => {
      const { commune, planKey: asked, seq } = c.req.valid('param');
      mayRead(c.var.principal, commune);
      const planKey = (await planEntryOr404(db, asked)).key;
      const r = await getRevision(db, (await loadPlan(commune, planKey)).id, seq);
      if (!r) throw notFound(`phiên bản ${seq}`, `revision ${seq}`);
      c.header('ETag', etag(r.seq));
      return c.json({ revision: meta(r), plan: r.plan! }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: API_PATHS.diff,
      security,
      request: { params: PlanPath, query: z.object({ from: SeqNumber(0), to: SeqNumber(1) }) },
      responses: { 200: json(DiffAnswer, 'Thay đổi theo nhiệm vụ'), ...errors(400, 403, 404), ...authErrors },
    }),
    async (c) => {
      const { commune, planKey: asked } = c.req.valid('param');
      const { from, to } = c.req.valid('query');
      mayRead(c.var.principal, commune);
      const planKey = (await planEntryOr404(db, asked)).key;
      const plan = await loadPlan(commune, planKey);
      const [a, b] = await Promise.all([
        from === 0 ? { plan: { appendices: [] } as Plan } : getRevision(db, plan.id, from),
        getRevision(db, plan.id, to),
      ]);
      if (!a || !b) throw notFound(`phiên bản ${!a ? from : to}`, `revision ${!a ? from : to}`);
      return c.json({ from, to, changes: diffPlans(a.plan!, b.plan!) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: API_PATHS.restore,
      security,
      description: `Khôi phục phiên bản n thành một phiên bản mới (lịch sử không bị sửa). Idempotency-Key như khi gửi, với “nội dung” là số phiên bản được khôi phục: cùng khóa, cùng n → trả lại câu trả lời đầu; cùng khóa, n khác → 422. / Restores revision n as a new revision; the key is bound to n.`,
      request: { params: RevisionPath, headers: z.object({ 'idempotency-key': z.string().optional() }) },
      responses: {
        200: json(PushAnswer, 'Không có thay đổi (status unchanged): phiên bản này giống hệt phiên bản mới nhất'),
        201: json(PushAnswer, 'Đã khôi phục thành phiên bản mới (hoặc câu trả lời đầu của khóa, kèm Idempotent-Replayed: true)'),
        ...errors(400, 403, 404, 413, 422),
        ...authErrors,
      },
    }),
    async (c) => {
      const { commune, planKey: asked, seq } = c.req.valid('param');
      const p = c.var.principal;
      const com = communeOf(commune);
      if (!can(p, 'write-commune', { communeCode: com.code, provinceCode: com.provinceCode }))
        throw forbidden(`sửa kế hoạch của ${com.name}`, `write the plan of ${com.code}`);
      const planKey = (await planEntryOr404(db, asked)).key;
      const key = idempotencyKey(c.req.header('idempotency-key'));
      const plan = await loadPlan(commune, planKey);
      const old = await getRevision(db, plan.id, seq);
      if (!old) throw notFound(`phiên bản ${seq}`, `revision ${seq}`);
      // A restore is a new revision with the old content on top of the head: history is never rewritten.
      // No body: the request is "restore revision n", and that is what its key is bound to.
      const outcome = await pushRevision(db, {
        communeCode: commune,
        planKey,
        plan: old.plan!,
        baseSeq: null,
        idempotencyKey: key,
        fingerprint: restoreFingerprint(seq),
        author: p.subject,
        authorName: p.name ?? null,
        kind: 'restore',
        message: `Khôi phục phiên bản ${seq}`,
      });
      return sendPush(c, pushResponse(outcome));
    },
  );
}

/**
 * The warnings a plan sent for commune `target` carries: none when its title block names the target (or no commune);
 * a confirmed mismatch's warning; 409 commune-mismatch, nothing stored, when the mismatch is not confirmed.
 * @example const warnings = communeWarnings(body.plan, communeOf(commune), body.confirmCommune === true)
 */
export function communeWarnings(plan: Plan, target: Commune, confirmed: boolean): ApiWarning[] {
  const m = communeMismatch(plan, target);
  if (!m) return [];
  if (!confirmed) throw new ApiError(409, 'commune-mismatch', m.message, m.messageEn, m.details);
  return [mismatchWarning(m)];
}

/**
 * The fingerprint of a restore: it has no body, so its request is the revision it restores.
 * @example restoreFingerprint(2) // SHA-256 of 'restore 2'
 */
export function restoreFingerprint(seq: number): string {
  return hashJson(`restore ${seq}`);
}

/** A partial push: appendices the client did not send are taken from the head unchanged. */
function withUntouchedAppendices(mine: Plan, head: Plan): Plan {
  const sent = new Set(appendixKeys(mine));
  const headKeys = appendixKeys(head);
  const rest = head.appendices.filter((_, i) => !sent.has(headKeys[i]!));
  return { ...mine, appendices: [...mine.appendices, ...rest] };
}
