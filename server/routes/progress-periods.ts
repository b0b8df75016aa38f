// The periods a province collects progress reports for (issue 17): read by anyone of the province, replaced by its consolidator or an admin.
import { createRoute } from '@hono/zod-openapi';
import { PROGRESS_PATHS, ProgressPeriodList, ProgressPeriodsBody } from '../../core/api/index.ts';
import { formatDay } from '../../core/i18n/index.ts';
import { isIsoDay, spanOfId } from '../../core/progress/index.ts';
import { can } from '../auth/policy.ts';
import { ApiError, forbidden } from '../http/errors.ts';
import { label } from '../http/progress-errors.ts';
import { listPeriodSettings, replacePeriodSettings } from '../store/progress-periods.ts';
import { periodList } from '../sync/progress-status.ts';
import { ProvincePath, provinceOf } from './params.ts';
import { todayOf } from './progress-context.ts';
import { planEntryOr404 } from './registry.ts';
import { authErrors, errors, json } from './responses.ts';
import type { App, AppDeps } from './types.ts';

const security = [{ bearer: [] }];

/** @example registerProgressPeriodRoutes(app, deps) */
export function registerProgressPeriodRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;

  app.openapi(
    createRoute({
      method: 'get',
      path: PROGRESS_PATHS.progressPeriods,
      security,
      description:
        'Các kỳ báo cáo tiến độ tỉnh thu cho kế hoạch, với hạn chót gửi (theo ngày kết thúc kỳ); cán bộ tổng hợp của tỉnh, cán bộ các xã trong tỉnh và quản trị viên xem được. / The periods the province collects, with cut-offs.',
      request: { params: ProvincePath },
      responses: { 200: json(ProgressPeriodList, 'Các kỳ báo cáo'), ...errors(400, 403, 404), ...authErrors },
    }),
    async (c) => {
      const { province, planKey: asked } = c.req.valid('param');
      const prov = provinceOf(province);
      if (!can(c.var.principal, 'see-province', { provinceCode: prov.code }))
        throw forbidden(`xem kỳ báo cáo của ${prov.name}`, `see the reporting periods of province ${prov.code}`);
      const planKey = (await planEntryOr404(db, asked)).key;
      return c.json({ periods: periodList(await listPeriodSettings(db, prov.code, planKey), todayOf(deps)) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: PROGRESS_PATHS.progressPeriods,
      security,
      description:
        'Đặt lại toàn bộ danh sách kỳ báo cáo và hạn chót (cán bộ tổng hợp của tỉnh hoặc quản trị viên); hạn chót không được trước ngày bắt đầu kỳ; thay đổi được ghi nhật ký. / Replace the list of periods (the province consolidator or an admin); audited.',
      request: { params: ProvincePath, body: { content: { 'application/json': { schema: ProgressPeriodsBody } }, required: true } },
      responses: { 200: json(ProgressPeriodList, 'Danh sách kỳ báo cáo mới'), ...errors(400, 403, 404, 413, 415), ...authErrors },
    }),
    async (c) => {
      const { province, planKey: asked } = c.req.valid('param');
      const prov = provinceOf(province);
      const p = c.var.principal;
      if (!can(p, 'review-province', { provinceCode: prov.code }))
        throw forbidden(`đặt kỳ báo cáo của ${prov.name}`, `set the reporting periods of province ${prov.code}`);
      const planKey = (await planEntryOr404(db, asked)).key;
      const { periods } = c.req.valid('json');
      const problems: { path: string; message: string }[] = [];
      const seen = new Set<string>();
      periods.forEach((s, i) => {
        const name = label(s.period, 'vi');
        if (seen.has(s.period)) problems.push({ path: `periods.${i}.period`, message: `kỳ ${name} ghi hai lần` });
        seen.add(s.period);
        const start = spanOfId(s.period).start;
        if (!isIsoDay(s.cutoff))
          problems.push({ path: `periods.${i}.cutoff`, message: `hạn chót “${s.cutoff}” của kỳ ${name} không phải ngày có thật` });
        else if (s.cutoff < start)
          problems.push({
            path: `periods.${i}.cutoff`,
            message: `hạn chót ${formatDay(s.cutoff)} của kỳ ${name} trước ngày bắt đầu kỳ (${formatDay(start)})`,
          });
      });
      if (problems.length > 0)
        throw new ApiError(
          400,
          'invalid-request',
          `Danh sách kỳ báo cáo không hợp lệ: ${problems
            .slice(0, 3)
            .map((x) => x.message)
            .join('; ')}.`,
          'Invalid list of reporting periods.',
          problems,
        );
      await replacePeriodSettings(db, prov.code, planKey, periods, p.subject);
      return c.json({ periods: periodList(periods, todayOf(deps)) }, 200);
    },
  );
}
