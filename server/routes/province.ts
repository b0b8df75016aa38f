// Province routes: submission status of every commune, and the consolidated table as JSON or .xlsx.
import { PassThrough, Readable } from 'node:stream';
import { createRoute, z } from '@hono/zod-openapi';
import { consolidate } from '../../core/consolidate/index.ts';
import { findCommune } from '../../core/dvhc.ts';
import { can } from '../auth/policy.ts';
import { badRequest, forbidden } from '../http/errors.ts';
import { writeConsolidatedXlsx } from '../export/consolidated.ts';
import { provinceCommunes, provinceHeads } from '../store/status.ts';
import { provinceOf, ProvincePath } from './params.ts';
import type { App, AppDeps } from './types.ts';

const security = [{ bearer: [] }];

/** @example registerProvinceRoutes(app, deps) */
export function registerProvinceRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;
  const today = deps.today ?? (() => new Date().toISOString().slice(0, 10));

  app.openapi(createRoute({ method: 'get', path: '/api/provinces/{province}/plans/{planKey}/status', security, request: { params: ProvincePath }, responses: { 200: { content: { 'application/json': { schema: z.unknown() } }, description: 'Tình hình nộp của từng xã' } } }), async (c) => {
    const { province, planKey } = c.req.valid('param');
    const prov = provinceOf(province);
    if (!can(c.var.principal, 'read-province', { provinceCode: province })) throw forbidden(`xem tổng hợp của ${prov.name}`, `read province ${province}`);
    const [all, heads] = await Promise.all([provinceCommunes(db, province), provinceHeads(db, province, planKey)]);
    const byCode = new Map(heads.map((h) => [h.communeCode, h]));
    const communes = all.map((cm) => {
      const h = byCode.get(cm.code);
      return h
        ? { code: cm.code, name: cm.name, submitted: true, revision: h.seq, lastPush: h.createdAt, author: h.author, ...h.summary }
        : { code: cm.code, name: cm.name, submitted: false };
    });
    return c.json({ province: prov, planKey, submitted: heads.length, communes: all.length, communesList: communes }, 200);
  });

  app.openapi(createRoute({
    method: 'get', path: '/api/provinces/{province}/plans/{planKey}/consolidated', security,
    request: { params: ProvincePath, query: z.object({ asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), format: z.enum(['json', 'xlsx']).optional(), lang: z.enum(['vi', 'en']).optional() }) },
    responses: { 200: { content: { 'application/json': { schema: z.unknown() }, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: z.unknown() } }, description: 'Bảng tổng hợp' } },
  }), async (c) => {
    const { province, planKey } = c.req.valid('param');
    const q = c.req.valid('query');
    const prov = provinceOf(province);
    if (!can(c.var.principal, 'read-province', { provinceCode: province })) throw forbidden(`xem tổng hợp của ${prov.name}`, `read province ${province}`);
    const asOf = q.asOf ?? today();
    if (Number.isNaN(Date.parse(`${asOf}T00:00:00Z`))) throw badRequest('bad-as-of', 'asOf phải là ngày dạng YYYY-MM-DD.', 'asOf must be a date YYYY-MM-DD.');
    const heads = await provinceHeads(db, province, planKey, { withPlans: true });
    const inputs = heads.map((h) => ({ commune: findCommune(h.communeCode)!, planKey, revision: h.seq, plan: h.plan! }));
    let result;
    try {
      result = consolidate(inputs, { asOf });
    } catch (err) {
      if (err instanceof RangeError) throw badRequest('bad-as-of', 'asOf phải là một ngày có thật (YYYY-MM-DD).', 'asOf must be a real date (YYYY-MM-DD).');
      throw err;
    }
    if (q.format !== 'xlsx') return c.json({ province: prov, planKey, ...result }, 200);
    const stream = new PassThrough();
    // Written while sent: the workbook never sits whole in memory. A failure mid-way ends the download early.
    writeConsolidatedXlsx(result, stream, { lang: q.lang ?? 'vi', title: prov.name }).catch((err: unknown) => stream.destroy(err as Error));
    c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    c.header('Content-Disposition', `attachment; filename="tong-hop-${province}-${planKey}-${asOf}.xlsx"`);
    return c.body(Readable.toWeb(stream) as unknown as ReadableStream, 200);
  });
}
