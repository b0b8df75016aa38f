// The province's view of a reporting period (issue 17): every commune's report state and counts, the total, who has not reported, the follow-ups.
import { createRoute } from '@hono/zod-openapi';
import { PROGRESS_PATHS, ProvinceProgress, ProvinceProgressQuery } from '../../core/api/index.ts';
import { isIsoDay, parsePeriodId, periodLabel, spanOfId } from '../../core/progress/index.ts';
import { can } from '../auth/policy.ts';
import { badRequest, forbidden } from '../http/errors.ts';
import { periodUnknown } from '../http/progress-errors.ts';
import { writeProgressSummary } from '../../workbook/export/progress-summary.ts';
import { ProvinceProgressView } from '../progress/province-view.ts';
import { findPeriodSetting, listPeriodSettings } from '../store/progress-periods.ts';
import { allPeriodHeads, periodHeads, periodReviews } from '../store/progress-province.ts';
import { headsInPages, provinceCommunes } from '../store/status.ts';
import { reportStatus } from '../sync/progress-status.ts';
import { xlsxResponse } from './consolidated-response.ts';
import { provinceOf, ProvincePath } from './params.ts';
import { PeriodParam, todayOf } from './progress-context.ts';
import { planEntryOr404 } from './registry.ts';
import { authErrors, errors, jsonOrXlsx } from './responses.ts';
import type { App, AppDeps } from './types.ts';

/** Communes whose plans and reports are held at once: a province of 100+ communes is judged a page at a time. */
const PAGE = 25;

/** @example registerProvinceProgressRoutes(app, deps) */
export function registerProvinceProgressRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: PROGRESS_PATHS.provinceProgress,
      security: [{ bearer: [] }],
      description:
        'Tiến độ của tỉnh trong một kỳ báo cáo (cán bộ tổng hợp của tỉnh, quản trị viên): số nhiệm vụ theo từng nhóm theo dõi của từng xã và toàn tỉnh, nhiệm vụ quá hạn theo cơ quan chủ trì, các xã chưa báo cáo, kết quả nổi bật, khó khăn, vướng mắc và đề xuất, kiến nghị. Tính đến ngày cuối kỳ, hoặc hôm nay nếu kỳ chưa kết thúc, hoặc ngày asOf. format=xlsx: bảng tổng hợp tiến độ.',
      request: { params: ProvincePath.extend({ period: PeriodParam }), query: ProvinceProgressQuery },
      responses: {
        200: jsonOrXlsx(ProvinceProgress, 'Tiến độ của tỉnh trong kỳ (JSON, hoặc .xlsx với format=xlsx)'),
        ...errors(400, 403, 404),
        ...authErrors,
      },
    }),
    async (c) => {
      const { province, planKey: asked, period } = c.req.valid('param');
      const q = c.req.valid('query');
      const prov = provinceOf(province);
      if (!can(c.var.principal, 'read-province', { provinceCode: province }))
        throw forbidden(`xem tiến độ của ${prov.name}`, `read the progress of province ${province}`);
      const planKey = (await planEntryOr404(db, asked)).key;
      const setting = await findPeriodSetting(db, province, planKey, period);
      if (!setting) throw periodUnknown(period, await listPeriodSettings(db, province, planKey));
      const day = todayOf(deps);
      const end = spanOfId(period).end;
      // A real day only: Date.parse would take 30 February for 2 March.
      if (q.asOf !== undefined && !isIsoDay(q.asOf))
        throw badRequest('bad-as-of', 'asOf phải là một ngày có thật (YYYY-MM-DD).', 'asOf must be a real date (YYYY-MM-DD).');
      const asOf = q.asOf ?? (day > end ? end : day);
      const view = new ProvinceProgressView(period, asOf);
      /** The period's head versions and decisions of some communes, and the state each is in. */
      const statesOf = async (codes: string[]) => {
        const [heads, reviews, all] = await Promise.all([
          periodHeads(db, planKey, period, codes),
          periodReviews(db, planKey, period, codes),
          allPeriodHeads(db, planKey, codes),
        ]);
        return (code: string) => {
          const head = heads.get(code);
          const reports = all.get(code) ?? [];
          return { head, reports, status: reportStatus({ period, setting, head, reviews: reviews.get(code) ?? [], today: day }) };
        };
      };
      // Communes with a plan come a page at a time with their plans; those without one are added after (the answer
      // lists them all by code).
      const withPlan = new Set<string>();
      for await (const page of headsInPages(db, province, planKey, PAGE)) {
        const stateOf = await statesOf(page.map((h) => h.communeCode));
        for (const h of page) {
          withPlan.add(h.communeCode);
          const { head, reports, status } = stateOf(h.communeCode);
          view.add({ code: h.communeCode, name: h.communeName, plan: h.plan, report: head?.report ?? null, reports, status });
        }
      }
      const rest = (await provinceCommunes(db, province)).filter((cm) => !withPlan.has(cm.code));
      const stateOf = await statesOf(rest.map((cm) => cm.code));
      for (const cm of rest) view.add({ code: cm.code, name: cm.name, plan: null, report: null, status: stateOf(cm.code).status });
      const result = view.result({
        province: prov,
        planKey,
        period,
        periodLabel: periodLabel(parsePeriodId(period)!, q.lang ?? 'vi'),
      });
      if (q.format !== 'xlsx') return c.json(result, 200);
      return xlsxResponse(
        c,
        (out) => writeProgressSummary(result, out, { lang: q.lang ?? 'vi', generatedAt: day }),
        `tien-do-${province}-${planKey}-${period}.xlsx`,
      );
    },
  );
}
