// Plan routes: head (with ETag), push (merge or conflict), history, one revision, diff, restore.
import { createRoute, z } from '@hono/zod-openapi';
import { appendixKeys, diffPlans } from '../../core/merge/index.ts';
import { PlanSchema, type Plan } from '../../core/model/appendix.ts';
import { can } from '../auth/policy.ts';
import { ApiError, forbidden, notFound } from '../http/errors.ts';
import { findPlan } from '../store/plans.ts';
import { pushState, replayOf } from '../store/push-state.ts';
import { getRevision, headRevision, listRevisions, type Revision } from '../store/revisions.ts';
import { pushRevision, type PushOutcome } from '../sync/push.ts';
import { baseFromIfMatch, communeOf, etag, idempotencyKey, PlanPath, RevisionPath, StoredText } from './params.ts';
import type { App, AppDeps } from './types.ts';

const Json = (description: string) => ({ content: { 'application/json': { schema: z.unknown() } }, description });
const security = [{ bearer: [] }];

const PushBody = z.object({
  plan: PlanSchema,
  message: StoredText(500).optional(),
  /** The plan holds only some appendices; the others stay as they are on the server. */
  partial: z.boolean().optional(),
}).openapi('PushBody');

/** Revision metadata without the plan body. */
export function meta(r: Revision): Omit<Revision, 'plan'> {
  const { plan: _plan, ...rest } = r;
  return rest;
}

/** Answer a push outcome: 201/200 with the stored plan, 409 conflicts, 412 bad base, 503 busy. */
export function pushResponse(outcome: PushOutcome): { status: 200 | 201; body: unknown; seq: number } {
  switch (outcome.status) {
    case 'created':
    case 'merged':
    case 'replayed':
      return { status: outcome.status === 'replayed' ? 200 : 201, body: { status: outcome.status, revision: meta(outcome.revision), plan: outcome.revision.plan }, seq: outcome.revision.seq };
    case 'conflict':
      throw new ApiError(409, 'merge-conflict', `Có ${outcome.conflicts.length} ô bị sửa khác nhau ở hai phía; chưa lưu gì. Hãy chọn giá trị rồi gửi lại trên phiên bản ${outcome.headSeq}.`,
        `${outcome.conflicts.length} cell(s) were changed both ways; nothing stored. Resolve and push again on revision ${outcome.headSeq}.`, { headSeq: outcome.headSeq, conflicts: outcome.conflicts });
    case 'bad-base':
      throw new ApiError(412, 'bad-base', `Phiên bản gốc không tồn tại (phiên bản mới nhất là ${outcome.headSeq}).`, `Unknown base revision (head is ${outcome.headSeq}).`, { headSeq: outcome.headSeq });
    case 'busy':
      throw new ApiError(503, 'busy', 'Máy chủ đang bận ghi kế hoạch này; hãy thử lại.', 'The plan is busy; retry.');
  }
}

/** @example registerPlanRoutes(app, deps) */
export function registerPlanRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;

  const loadPlan = async (commune: string, planKey: string) => {
    const plan = await findPlan(db, commune, planKey);
    if (!plan) throw notFound(`kế hoạch ${planKey} của xã ${commune}`, `plan ${planKey} of commune ${commune}`);
    return plan;
  };
  const mayRead = (p: Parameters<typeof can>[0], commune: string) => {
    const c = communeOf(commune);
    if (!can(p, 'read-commune', { communeCode: c.code, provinceCode: c.provinceCode })) throw forbidden(`xem kế hoạch của ${c.name}`, `read the plan of ${c.code}`);
    return c;
  };

  app.openapi(createRoute({ method: 'get', path: '/api/communes/{commune}/plans/{planKey}', security, request: { params: PlanPath }, responses: { 200: Json('Phiên bản mới nhất (ETag = số phiên bản)'), 304: { description: 'Không đổi' } } }), async (c) => {
    const { commune, planKey } = c.req.valid('param');
    mayRead(c.var.principal, commune);
    const head = await headRevision(db, (await loadPlan(commune, planKey)).id);
    if (!head) throw notFound('phiên bản nào', 'any revision');
    c.header('ETag', etag(head.seq));
    if (c.req.header('if-none-match') === etag(head.seq)) return c.body(null, 304);
    return c.json({ revision: meta(head), plan: head.plan }, 200);
  });

  app.openapi(createRoute({
    method: 'post', path: '/api/communes/{commune}/plans/{planKey}/revisions', security,
    request: { params: PlanPath, headers: z.object({ 'if-match': z.string().optional(), 'idempotency-key': z.string().optional() }), body: { content: { 'application/json': { schema: PushBody } }, required: true } },
    responses: { 201: Json('Đã lưu (status created hoặc merged)'), 200: Json('Đã nhận trước đó (cùng Idempotency-Key)'), 409: Json('Xung đột'), 412: Json('Phiên bản gốc không hợp lệ'), 428: Json('Thiếu If-Match') },
  }), async (c) => {
    const { commune, planKey } = c.req.valid('param');
    const p = c.var.principal;
    const com = communeOf(commune);
    if (!can(p, 'write-commune', { communeCode: com.code, provinceCode: com.provinceCode })) throw forbidden(`sửa kế hoạch của ${com.name}`, `write the plan of ${com.code}`);
    const body = c.req.valid('json');
    const key = idempotencyKey(c.req.header('idempotency-key'));
    let base = baseFromIfMatch(c.req.header('if-match'));
    // One read answers the replay and the 428 below, and pushRevision goes on from it: no second look-up.
    const state = await pushState(db, commune, planKey, key);
    const head = state.head;
    // A retried push (same key) is answered with what it stored, whatever its headers say now.
    const replay = await replayOf(db, state);
    if (replay) return c.json({ status: 'replayed', revision: meta(replay), plan: replay.plan }, 200);
    if (base === null) {
      // Without a base the server could not tell concurrent edits apart: required once the plan exists.
      if (head) throw new ApiError(428, 'if-match-required', `Cần gửi If-Match (phiên bản đã sửa từ đó; mới nhất là ${head.seq}).`, `If-Match is required (the revision you edited; head is ${head.seq}).`, { headSeq: head.seq });
      base = 0;
    }
    let plan: Plan = body.plan;
    if (body.partial && head && state.planId !== null) {
      const headPlan = (await getRevision(db, state.planId, head.seq))?.plan;
      if (headPlan) plan = withUntouchedAppendices(plan, headPlan);
    }
    const outcome = await pushRevision(db, { communeCode: commune, planKey, plan, baseSeq: base, idempotencyKey: key, author: p.subject, authorName: p.name ?? null, kind: 'push', message: body.message ?? null }, state);
    const res = pushResponse(outcome);
    c.header('ETag', etag(res.seq));
    return c.json(res.body, res.status);
  });

  app.openapi(createRoute({ method: 'get', path: '/api/communes/{commune}/plans/{planKey}/revisions', security, request: { params: PlanPath }, responses: { 200: Json('Lịch sử phiên bản, mới nhất trước') } }), async (c) => {
    const { commune, planKey } = c.req.valid('param');
    mayRead(c.var.principal, commune);
    return c.json({ revisions: await listRevisions(db, (await loadPlan(commune, planKey)).id) }, 200);
  });

  app.openapi(createRoute({ method: 'get', path: '/api/communes/{commune}/plans/{planKey}/revisions/{seq}', security, request: { params: RevisionPath }, responses: { 200: Json('Một phiên bản') } }), async (c) => {
    const { commune, planKey, seq } = c.req.valid('param');
    mayRead(c.var.principal, commune);
    const r = await getRevision(db, (await loadPlan(commune, planKey)).id, seq);
    if (!r) throw notFound(`phiên bản ${seq}`, `revision ${seq}`);
    c.header('ETag', etag(r.seq));
    return c.json({ revision: meta(r), plan: r.plan }, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/communes/{commune}/plans/{planKey}/diff', security,
    request: { params: PlanPath, query: z.object({ from: z.coerce.number().int().min(0), to: z.coerce.number().int().positive() }) },
    responses: { 200: Json('Thay đổi theo nhiệm vụ') },
  }), async (c) => {
    const { commune, planKey } = c.req.valid('param');
    const { from, to } = c.req.valid('query');
    mayRead(c.var.principal, commune);
    const plan = await loadPlan(commune, planKey);
    const [a, b] = await Promise.all([from === 0 ? { plan: { appendices: [] } as Plan } : getRevision(db, plan.id, from), getRevision(db, plan.id, to)]);
    if (!a || !b) throw notFound(`phiên bản ${!a ? from : to}`, `revision ${!a ? from : to}`);
    return c.json({ from, to, changes: diffPlans(a.plan!, b.plan!) }, 200);
  });

  app.openapi(createRoute({ method: 'post', path: '/api/communes/{commune}/plans/{planKey}/revisions/{seq}/restore', security, request: { params: RevisionPath }, responses: { 201: Json('Đã khôi phục thành phiên bản mới'), 200: Json('Đã nhận trước đó (cùng Idempotency-Key)') } }), async (c) => {
    const { commune, planKey, seq } = c.req.valid('param');
    const p = c.var.principal;
    const com = communeOf(commune);
    if (!can(p, 'write-commune', { communeCode: com.code, provinceCode: com.provinceCode })) throw forbidden(`sửa kế hoạch của ${com.name}`, `write the plan of ${com.code}`);
    const plan = await loadPlan(commune, planKey);
    const old = await getRevision(db, plan.id, seq);
    if (!old) throw notFound(`phiên bản ${seq}`, `revision ${seq}`);
    // A restore is a new revision with the old content on top of the head: history is never rewritten.
    const outcome = await pushRevision(db, { communeCode: commune, planKey, plan: old.plan!, baseSeq: null, idempotencyKey: idempotencyKey(c.req.header('idempotency-key')), author: p.subject, authorName: p.name ?? null, kind: 'restore', message: `Khôi phục phiên bản ${seq}` });
    const res = pushResponse(outcome);
    c.header('ETag', etag(res.seq));
    return c.json(res.body, res.status);
  });
}

/** A partial push: appendices the client did not send are taken from the head unchanged. */
function withUntouchedAppendices(mine: Plan, head: Plan): Plan {
  const sent = new Set(appendixKeys(mine));
  const headKeys = appendixKeys(head);
  const rest = head.appendices.filter((_, i) => !sent.has(headKeys[i]!));
  return { ...mine, appendices: [...mine.appendices, ...rest] };
}
