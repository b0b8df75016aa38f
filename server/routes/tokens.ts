// Token administration (admins only): list every token, create one (the secret shown once), revoke one.
import { createRoute, z } from '@hono/zod-openapi';
import { API_PATHS, TokenCreated, TokenList, TokenRequest, TokenRevoked } from '../../core/api/index.ts';
import { findCommune, findProvince } from '../../core/dvhc.ts';
import { forgetCachedTokens } from '../auth/authenticate.ts';
import { can } from '../auth/policy.ts';
import type { Principal } from '../auth/principal.ts';
import { badRequest, forbidden, notFound } from '../http/errors.ts';
import { audit } from '../store/audit.ts';
import { createToken, listTokens, parseExpiry, revokeToken } from '../store/tokens.ts';
import { authErrors, errors, json } from './responses.ts';
import type { App, AppDeps } from './types.ts';

const TokenId = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,32}$/)
    .openapi({ param: { name: 'id', in: 'path' }, example: 'Xk3pQ2v9aBcD' }),
});
const security = [{ bearer: [] }];

/** Validate a token request's scope: an editor needs a commune, a consolidator a province. */
export function tokenScope(
  role: 'editor' | 'consolidator' | 'admin',
  commune?: string,
  province?: string,
): { communeCode: string | null; provinceCode: string | null; label: string } {
  if (role === 'editor') {
    const c = commune ? findCommune(commune) : undefined;
    if (!c)
      throw badRequest('bad-scope', 'Quyền editor cần mã xã/phường hợp lệ (--commune).', 'The editor role needs a valid commune code.');
    return { communeCode: c.code, provinceCode: null, label: `${c.name}, ${c.provinceName}` };
  }
  if (role === 'consolidator') {
    const p = province ? findProvince(province) : undefined;
    if (!p)
      throw badRequest(
        'bad-scope',
        'Quyền consolidator cần mã tỉnh/thành phố hợp lệ (--province).',
        'The consolidator role needs a valid province code.',
      );
    return { communeCode: null, provinceCode: p.code, label: p.name };
  }
  return { communeCode: null, provinceCode: null, label: 'admin' };
}

/** `expires` as a date; a 400 with the reason when it is not one. */
export function tokenExpiry(spec: string | undefined): Date | undefined {
  if (spec === undefined) return undefined;
  try {
    return parseExpiry(spec);
  } catch (err) {
    const [vi, en] = (err as Error).message.split(' / ');
    throw badRequest('bad-expiry', vi!, en ?? vi!);
  }
}

const mustAdmin = (p: Principal, what: string, whatEn: string) => {
  if (!can(p, 'admin')) throw forbidden(`${what} (chỉ quản trị viên)`, `${whatEn} (admins only)`);
};

/** @example registerTokenRoutes(app, deps) */
export function registerTokenRoutes(app: App, deps: AppDeps): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: API_PATHS.tokens,
      security,
      description:
        'Mọi token (không bao giờ có mã bí mật): người giữ, quyền, phạm vi, ngày tạo, hạn dùng, lần dùng cuối (cập nhật tối đa mỗi phút một lần), thu hồi. Chỉ quản trị viên.',
      responses: { 200: json(TokenList, 'Danh sách token, mới nhất trước'), ...errors(403), ...authErrors },
    }),
    async (c) => {
      mustAdmin(c.var.principal, 'xem danh sách token', 'list tokens');
      return c.json({ tokens: await listTokens(deps.db) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: API_PATHS.tokens,
      security,
      description: 'Tạo token; mã bí mật (secret) chỉ có trong câu trả lời này. Ghi nhật ký kiểm tra (token-create).',
      request: { body: { content: { 'application/json': { schema: TokenRequest } }, required: true } },
      responses: { 201: json(TokenCreated, 'Token mới (secret chỉ hiện một lần)'), ...errors(400, 403, 413, 415), ...authErrors },
    }),
    async (c) => {
      const p = c.var.principal;
      mustAdmin(p, 'tạo token', 'create tokens');
      const body = c.req.valid('json');
      const scope = tokenScope(body.role, body.commune, body.province);
      const expiresAt = tokenExpiry(body.expires);
      const t = await createToken(deps.db, {
        role: body.role,
        communeCode: scope.communeCode,
        provinceCode: scope.provinceCode,
        label: body.label ?? scope.label,
        // The label is documented as the holder ("Nguyễn Văn A, cán bộ VP"): it names the sender when no holder is given.
        holder: body.holder?.trim() || body.label?.trim() || null,
        createdBy: p.subject,
        ...(expiresAt ? { expiresAt } : {}),
      });
      await audit(deps.db, p.subject, 'token-create', `token:${t.id}`, {
        role: t.role,
        commune: t.communeCode,
        province: t.provinceCode,
        label: t.label,
        expiresAt: t.expiresAt,
      });
      return c.json(t, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: API_PATHS.token,
      security,
      description:
        'Thu hồi token: từ đó token bị từ chối (401 token-revoked) — ngay trên tiến trình này, trong vòng 10 giây trên tiến trình khác. Token vẫn được giữ trong danh sách. Ghi nhật ký kiểm tra (token-revoke).',
      request: { params: TokenId },
      responses: { 200: json(TokenRevoked, 'Token đã thu hồi'), ...errors(400, 403, 404), ...authErrors },
    }),
    async (c) => {
      const p = c.var.principal;
      mustAdmin(p, 'thu hồi token', 'revoke tokens');
      const { id } = c.req.valid('param');
      const r = await revokeToken(deps.db, id, p.subject);
      if (!r) throw notFound(`token ${id}`, `token ${id}`);
      forgetCachedTokens();
      if (r.changed)
        await audit(deps.db, p.subject, 'token-revoke', `token:${id}`, {
          role: r.token.role,
          commune: r.token.communeCode,
          province: r.token.provinceCode,
          label: r.token.label,
        });
      return c.json({ token: r.token }, 200);
    },
  );
}
