// The plan registry's routes (GET and POST /api/plans) and the one look-up every {planKey} route makes: the key, in
// any case, resolved to its registered entry; an unknown key answers 404 plan-unknown with every registered plan.
import { createRoute } from '@hono/zod-openapi';
import type { Kysely } from 'kysely';
import { API_PATHS, PlanCreate, PlanEntrySchema, PlanList, type PlanEntry } from '../../core/api/index.ts';
import { can } from '../auth/policy.ts';
import type { DB } from '../db/schema.ts';
import { ApiError, forbidden } from '../http/errors.ts';
import { audit } from '../store/audit.ts';
import { findPlanEntry, listPlanEntries, registerPlan } from '../store/registry.ts';
import { authErrors, errors, json } from './responses.ts';
import type { App, AppDeps } from './types.ts';

/** Plans a 404's message names at most (its details list them all). */
const NAMED_IN_MESSAGE = 8;

const describe = (p: PlanEntry) => (p.name && p.name !== p.key ? `${p.key} (${p.name})` : p.key);

/**
 * 404 plan-unknown: the key asked for, and the plans there are.
 * @example throw planUnknown('nq57-2027', await listPlanEntries(db))
 */
export function planUnknown(key: string, plans: PlanEntry[]): ApiError {
  const named = plans.slice(0, NAMED_IN_MESSAGE);
  const more = plans.length - named.length;
  const list = named.map(describe).join(', ') + (more > 0 ? ` và ${more} kế hoạch khác` : '');
  const listEn = named.map(describe).join(', ') + (more > 0 ? ` and ${more} more` : '');
  return new ApiError(
    404,
    'plan-unknown',
    plans.length > 0
      ? `Không có kế hoạch mã “${key}”. Các kế hoạch đang có: ${list}.`
      : `Không có kế hoạch mã “${key}”. Máy chủ chưa có kế hoạch nào: quản trị viên hoặc cán bộ tổng hợp cần tạo kế hoạch trước.`,
    plans.length > 0
      ? `No plan with code "${key}". The plans are: ${listEn}.`
      : `No plan with code "${key}". The server has no plan yet: an administrator or consolidator must create one first.`,
    { plans },
  );
}

/**
 * The registered plan a path's key names (any case); 404 plan-unknown with the list otherwise. Routes store and
 * answer under `entry.key`, so "nq57-2026" and "NQ57-2026" are one plan.
 * @example const { key } = await planEntryOr404(db, planKey)
 */
export async function planEntryOr404(db: Kysely<DB>, key: string): Promise<PlanEntry> {
  const entry = await findPlanEntry(db, key);
  if (entry) return entry;
  throw planUnknown(key, await listPlanEntries(db));
}

/** @example registerRegistryRoutes(app, deps) */
export function registerRegistryRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;
  const security = [{ bearer: [] }];

  app.openapi(
    createRoute({
      method: 'get',
      path: API_PATHS.plans,
      security,
      description: 'Các kế hoạch đã đăng ký (năm mới nhất trước, rồi theo mã); ai đã đăng nhập cũng xem được. / The registered plans.',
      responses: { 200: json(PlanList, 'Các kế hoạch'), ...authErrors },
    }),
    async (c) => c.json({ plans: await listPlanEntries(db) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: API_PATHS.plans,
      security,
      description:
        'Tạo kế hoạch (quản trị viên hoặc cán bộ tổng hợp). Mã được lưu chữ hoa; trùng mã (không phân biệt hoa thường) → 409 plan-exists. / Register a plan (admin or consolidator); the key is stored upper-case; a key taken in any case → 409.',
      request: { body: { content: { 'application/json': { schema: PlanCreate } }, required: true } },
      responses: { 201: json(PlanEntrySchema, 'Kế hoạch đã tạo'), ...errors(400, 403, 409, 413, 415), ...authErrors },
    }),
    async (c) => {
      const p = c.var.principal;
      if (!can(p, 'create-plan'))
        throw forbidden('tạo kế hoạch (chỉ quản trị viên hoặc cán bộ tổng hợp)', 'create plans (admin or consolidator only)');
      const body = c.req.valid('json');
      if (body.dueDate && !validDay(body.dueDate))
        throw new ApiError(
          400,
          'invalid-request',
          `Hạn nộp “${body.dueDate}” không phải ngày có thật.`,
          `Due date "${body.dueDate}" is not a real day.`,
          [{ path: 'dueDate', message: 'not a real day' }],
        );
      const r = await registerPlan(db, { key: body.key, name: body.name, year: body.year, dueDate: body.dueDate ?? null }, p.subject);
      if ('invalid' in r)
        throw new ApiError(400, 'invalid-request', `Mã kế hoạch “${r.invalid}” không hợp lệ.`, `Invalid plan code "${r.invalid}".`, [
          { path: 'key', message: 'invalid' },
        ]);
      if ('exists' in r)
        throw new ApiError(
          409,
          'plan-exists',
          `Đã có kế hoạch mã “${r.exists.key}”: ${r.exists.name}. Mã không phân biệt chữ hoa, chữ thường; hãy chọn kế hoạch này hoặc đặt mã khác.`,
          `A plan with code "${r.exists.key}" exists: ${r.exists.name}. Codes ignore case; pick it or choose another code.`,
          { plans: [r.exists] },
        );
      await audit(db, p.subject, 'plan-create', `plan:${r.created.key}`, {
        name: r.created.name,
        year: r.created.year,
        dueDate: r.created.dueDate,
      });
      return c.json(r.created, 201);
    },
  );
}

/** Whether yyyy-mm-dd is a day of the calendar (not 2026-02-30). */
function validDay(iso: string): boolean {
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}
