// Province routes: submission status of every commune, and the consolidated table as JSON or .xlsx.
import { createRoute } from '@hono/zod-openapi';
import { API_PATHS, ProvinceConsolidated, ProvinceStatus, type StatusCommune } from '../../core/api/index.ts';
import { findCommune } from '../../core/dvhc.ts';
import { can } from '../auth/policy.ts';
import { forbidden } from '../http/errors.ts';
import { writeConsolidatedXlsx } from '../../workbook/export/consolidated.ts';
import { checkedAsOf, ConsolidatedQuery, consolidateOr400, notSubmittedCommunes, xlsxResponse } from './consolidated-response.ts';
import { provinceCommunes, provinceHeads } from '../store/status.ts';
import { provinceOf, ProvincePath } from './params.ts';
import { planEntryOr404 } from './registry.ts';
import { authErrors, errors, json, jsonOrXlsx } from './responses.ts';
import type { App, AppDeps } from './types.ts';

const security = [{ bearer: [] }];

/** @example registerProvinceRoutes(app, deps) */
export function registerProvinceRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;
  const today = deps.today ?? (() => new Date().toISOString().slice(0, 10));

  app.openapi(
    createRoute({
      method: 'get',
      path: API_PATHS.provinceStatus,
      security,
      request: { params: ProvincePath },
      responses: { 200: json(ProvinceStatus, 'Tình hình nộp của từng xã'), ...errors(400, 403, 404), ...authErrors },
    }),
    async (c) => {
      const { province, planKey: asked } = c.req.valid('param');
      const prov = provinceOf(province);
      if (!can(c.var.principal, 'read-province', { provinceCode: province }))
        throw forbidden(`xem tổng hợp của ${prov.name}`, `read province ${province}`);
      const planKey = (await planEntryOr404(db, asked)).key;
      const [all, heads] = await Promise.all([provinceCommunes(db, province), provinceHeads(db, province, planKey)]);
      const byCode = new Map(heads.map((h) => [h.communeCode, h]));
      const communes = all.map((cm): StatusCommune => {
        const h = byCode.get(cm.code);
        return h
          ? {
              code: cm.code,
              name: cm.name,
              submitted: true,
              revision: h.seq,
              lastPush: h.createdAt,
              author: h.author,
              authorName: h.authorName,
              ...h.summary,
            }
          : { code: cm.code, name: cm.name, submitted: false };
      });
      return c.json({ province: prov, planKey, submitted: heads.length, communes: all.length, communesList: communes }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: API_PATHS.provinceConsolidated,
      security,
      request: { params: ProvincePath, query: ConsolidatedQuery },
      responses: {
        200: jsonOrXlsx(ProvinceConsolidated, 'Bảng tổng hợp (JSON, hoặc .xlsx với format=xlsx)'),
        ...errors(400, 403, 404),
        ...authErrors,
      },
    }),
    async (c) => {
      const { province, planKey: asked } = c.req.valid('param');
      const q = c.req.valid('query');
      const prov = provinceOf(province);
      if (!can(c.var.principal, 'read-province', { provinceCode: province }))
        throw forbidden(`xem tổng hợp của ${prov.name}`, `read province ${province}`);
      const planKey = (await planEntryOr404(db, asked)).key;
      const asOf = checkedAsOf(q.asOf ?? today());
      const heads = await provinceHeads(db, province, planKey, { withPlans: true });
      const result = consolidateOr400(
        heads.map((h) => ({ commune: findCommune(h.communeCode)!, planKey, revision: h.seq, plan: h.plan! })),
        asOf,
      );
      if (q.format !== 'xlsx') return c.json({ province: prov, planKey, ...result }, 200);
      // The workbook lists the communes that have not submitted on a sheet of their own ("Chưa nộp").
      const notSubmitted = notSubmittedCommunes(
        await provinceCommunes(db, province),
        heads.map((h) => h.communeCode),
        prov.name,
      );
      return xlsxResponse(
        c,
        (out) => writeConsolidatedXlsx(result, out, { lang: q.lang ?? 'vi', title: prov.name, notSubmitted }),
        `tong-hop-${province}-${planKey}-${asOf}.xlsx`,
      );
    },
  );
}
