// The calendar routes (issue 17): make a commune's secret calendar address, and the public iCalendar feed it serves.
import { createHash, randomBytes } from 'node:crypto';
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { CALENDAR_TYPE, CalendarLink, PROGRESS_PATHS } from '../../core/api/index.ts';
import { findCommune } from '../../core/dvhc.ts';
import { can } from '../auth/policy.ts';
import { forbidden, notFound } from '../http/errors.ts';
import { calendarFeed } from '../progress/calendar-feed.ts';
import { audit } from '../store/audit.ts';
import { findPlan } from '../store/plans.ts';
import { listPeriodSettings } from '../store/progress-periods.ts';
import { calendarLinkByHash, replaceCalendarLink } from '../store/progress-province.ts';
import { headsOfCommune } from '../store/progress-versions.ts';
import { headRevision } from '../store/revisions.ts';
import { communeOf, PlanPath } from './params.ts';
import { todayOf } from './progress-context.ts';
import { planEntryOr404 } from './registry.ts';
import { authErrors, baseErrors, errors, json } from './responses.ts';
import type { App, AppDeps } from './types.ts';

/** A secret as made here: 32 random bytes in base64url (43 characters), then ".ics" in the address. */
const SECRET_ICS = /^([A-Za-z0-9_-]{43})\.ics$/;

const SecretParam = z.string().openapi({
  param: { name: 'secret', in: 'path' },
  example: 'q3Vb9Xk2…(43 ký tự).ics',
  description: 'Mã bí mật của địa chỉ lịch, kèm đuôi .ics',
});

const CalendarFile = z.string().openapi({ type: 'string', description: 'Tệp iCalendar (RFC 5545)' });

/** @example registerCalendarRoutes(app, deps) */
export function registerCalendarRoutes(app: App, deps: AppDeps): void {
  const { db } = deps;

  app.openapi(
    createRoute({
      method: 'post',
      path: PROGRESS_PATHS.calendarLink,
      security: [{ bearer: [] }],
      description:
        'Tạo địa chỉ lịch bí mật của xã cho kế hoạch (cán bộ của xã, cán bộ tổng hợp của tỉnh, quản trị viên): thời hạn các nhiệm vụ chưa hoàn thành và hạn gửi báo cáo tiến độ, để Outlook hoặc lịch trên điện thoại đăng ký theo dõi. Tạo lại thì địa chỉ cũ thôi dùng được. Chỉ lưu mã băm của địa chỉ: địa chỉ chỉ hiện một lần.',
      request: { params: PlanPath },
      responses: { 201: json(CalendarLink, 'Địa chỉ lịch mới'), ...errors(403, 404), ...authErrors },
    }),
    async (c) => {
      const { commune, planKey: asked } = c.req.valid('param');
      const cm = communeOf(commune);
      const p = c.var.principal;
      if (!can(p, 'read-commune', { communeCode: commune, provinceCode: cm.provinceCode }))
        throw forbidden(`tạo địa chỉ lịch của ${cm.name}`, `make the calendar address of commune ${commune}`);
      const planKey = (await planEntryOr404(db, asked)).key;
      const secret = randomBytes(32).toString('base64url');
      const link = await replaceCalendarLink(db, { secretHash: hashSecret(secret), communeCode: commune, planKey, createdBy: p.subject });
      await audit(db, p.subject, 'calendar-link', `${commune}/${planKey}`);
      return c.json({ url: `${publicOrigin(c)}/api/calendar/${secret}.ics`, createdAt: link.createdAt }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: PROGRESS_PATHS.calendarFeed,
      description:
        'Lịch iCalendar của một xã (không cần đăng nhập: mã bí mật trong địa chỉ là quyền xem): thời hạn của các nhiệm vụ chưa hoàn thành, chưa dừng thực hiện, và hạn gửi báo cáo của từng kỳ. Địa chỉ sai hoặc đã được thay bằng địa chỉ mới: 404.',
      request: { params: z.object({ secret: SecretParam }) },
      responses: {
        200: { content: { [CALENDAR_TYPE]: { schema: CalendarFile } }, description: 'Tệp lịch .ics' },
        ...errors(404, 429),
        ...baseErrors,
      },
    }),
    async (c) => {
      const m = SECRET_ICS.exec(c.req.valid('param').secret);
      // The same answer for a malformed, unknown or replaced address: nothing tells whether a commune has one.
      const link = m ? await calendarLinkByHash(db, hashSecret(m[1]!)) : undefined;
      if (!link) throw notFound('lịch này', 'this calendar');
      const cm = findCommune(link.communeCode)!;
      const planRow = await findPlan(db, link.communeCode, link.planKey);
      const [head, reports, periods] = await Promise.all([
        planRow ? headRevision(db, planRow.id) : undefined,
        headsOfCommune(db, link.communeCode, link.planKey),
        listPeriodSettings(db, cm.provinceCode, link.planKey),
      ]);
      const body = calendarFeed({
        communeCode: link.communeCode,
        communeName: cm.name,
        planKey: link.planKey,
        plan: head?.plan ?? null,
        entries: [...reports.values()].flatMap((v) => v.report?.entries ?? []),
        periods,
        today: todayOf(deps),
      });
      c.header('Content-Type', CALENDAR_TYPE);
      c.header('Content-Disposition', `inline; filename="phuluc-${link.communeCode}-${link.planKey}.ics"`);
      return c.body(body, 200);
    },
  );
}

/** SHA-256 (hex) of a calendar secret: the only form stored. */
function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

/**
 * The origin callers reach this server at: the request's, or behind a trusted reverse proxy (PHULUC_TRUST_PROXY=1,
 * as for client addresses) the one X-Forwarded-Host and X-Forwarded-Proto name.
 */
function publicOrigin(c: Context): string {
  const own = new URL(c.req.url);
  if (process.env.PHULUC_TRUST_PROXY !== '1') return own.origin;
  const host = c.req.header('x-forwarded-host')?.split(',')[0]?.trim();
  const proto = c.req.header('x-forwarded-proto')?.split(',')[0]?.trim();
  if (!host || !/^[A-Za-z0-9.:[\]-]+$/.test(host)) return own.origin;
  return `${proto === 'http' || proto === 'https' ? proto : own.protocol.replace(':', '')}://${host}`;
}
