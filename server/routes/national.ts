// National route (admin): the consolidated table of every commune that pushed a plan key, ≈ 183,000 tasks.
import { createRoute, z } from '@hono/zod-openapi';
import { API_PATHS, NationalConsolidated } from '../../core/api/index.ts';
import { findCommune } from '../../core/dvhc.ts';
import { can } from '../auth/policy.ts';
import { badRequest, forbidden } from '../http/errors.ts';
import { createConsolidator, type Consolidator } from '../../core/consolidate/index.ts';
import type { Plan } from '../../core/model/index.ts';
import { writeConsolidatedSource } from '../../workbook/export/consolidated.ts';
import { headsInPages, type CommuneHead } from '../store/status.ts';
import { checkedAsOf, ConsolidatedQuery, xlsxResponse } from './consolidated-response.ts';
import { PlanKeyParam } from './params.ts';
import { planEntryOr404 } from './registry.ts';
import { authErrors, errors, jsonOrXlsx } from './responses.ts';
import type { App, AppDeps } from './types.ts';

/** @example registerNationalRoutes(app, deps) // GET /api/national/plans/NQ57-2026/consolidated?format=xlsx */
export function registerNationalRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;
  const today = deps.today ?? (() => new Date().toISOString().slice(0, 10));
  app.openapi(
    createRoute({
      method: 'get',
      path: API_PATHS.nationalConsolidated,
      security: [{ bearer: [] }],
      request: { params: z.object({ planKey: PlanKeyParam }), query: ConsolidatedQuery },
      responses: {
        200: jsonOrXlsx(NationalConsolidated, 'Bảng tổng hợp cả nước (JSON, hoặc .xlsx với format=xlsx)'),
        ...errors(400, 403, 404),
        ...authErrors,
      },
    }),
    async (c) => {
      const { planKey: asked } = c.req.valid('param');
      const q = c.req.valid('query');
      if (!can(c.var.principal, 'admin')) throw forbidden('xem tổng hợp cả nước', 'read the national consolidation');
      const planKey = (await planEntryOr404(db, asked)).key;
      const asOf = checkedAsOf(q.asOf ?? today());
      const badDate = () =>
        badRequest('bad-as-of', 'asOf phải là một ngày có thật (YYYY-MM-DD).', 'asOf must be a real date (YYYY-MM-DD).');
      let consolidator: Consolidator;
      try {
        // JSON needs every row in the answer; the workbook is written while plans page in, rows let go once written.
        consolidator = createConsolidator({ asOf }, { keepRows: q.format !== 'xlsx' });
      } catch (err) {
        if (err instanceof RangeError) throw badDate();
        throw err;
      }
      const add = (h: CommuneHead & { plan: Plan }) =>
        consolidator.add({ commune: findCommune(h.communeCode)!, planKey, revision: h.seq, plan: h.plan });
      if (q.format !== 'xlsx') {
        for await (const page of headsInPages(db, null, planKey)) for (const h of page) add(h);
        return c.json({ planKey, ...consolidator.finish() }, 200);
      }
      async function* rows() {
        for await (const page of headsInPages(db, null, planKey)) for (const h of page) yield* add(h);
      }
      const source = { asOf, rows: rows(), rest: () => consolidator.finish() };
      return xlsxResponse(
        c,
        (out) => writeConsolidatedSource(source, out, { lang: q.lang ?? 'vi' }),
        `tong-hop-ca-nuoc-${planKey}-${asOf}.xlsx`,
      );
    },
  );
}
