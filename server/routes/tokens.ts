// Token administration (admins only): create a server token for an editor, a consolidator or another admin.
import { createRoute, z } from '@hono/zod-openapi';
import { findCommune, findProvince } from '../../core/dvhc.ts';
import { can } from '../auth/policy.ts';
import { badRequest, forbidden } from '../http/errors.ts';
import { audit } from '../store/audit.ts';
import { createToken } from '../store/tokens.ts';
import { StoredText } from './params.ts';
import type { App, AppDeps } from './types.ts';

const TokenBody = z.object({
  role: z.enum(['editor', 'consolidator', 'admin']),
  commune: z.string().regex(/^\d{5}$/).optional(),
  province: z.string().regex(/^\d{2}$/).optional(),
  label: StoredText(200, 1).optional(),
}).openapi('TokenBody');

/** Validate a token request's scope: an editor needs a commune, a consolidator a province. */
export function tokenScope(role: 'editor' | 'consolidator' | 'admin', commune?: string, province?: string): { communeCode: string | null; provinceCode: string | null; label: string } {
  if (role === 'editor') {
    const c = commune ? findCommune(commune) : undefined;
    if (!c) throw badRequest('bad-scope', 'Quyền editor cần mã xã/phường hợp lệ (--commune).', 'The editor role needs a valid commune code.');
    return { communeCode: c.code, provinceCode: null, label: `${c.name}, ${c.provinceName}` };
  }
  if (role === 'consolidator') {
    const p = province ? findProvince(province) : undefined;
    if (!p) throw badRequest('bad-scope', 'Quyền consolidator cần mã tỉnh/thành phố hợp lệ (--province).', 'The consolidator role needs a valid province code.');
    return { communeCode: null, provinceCode: p.code, label: p.name };
  }
  return { communeCode: null, provinceCode: null, label: 'admin' };
}

/** @example registerTokenRoutes(app, deps) */
export function registerTokenRoutes(app: App, deps: AppDeps): void {
  app.openapi(createRoute({
    method: 'post', path: '/api/tokens', security: [{ bearer: [] }],
    request: { body: { content: { 'application/json': { schema: TokenBody } }, required: true } },
    responses: { 201: { content: { 'application/json': { schema: z.unknown() } }, description: 'Token mới (chỉ hiện một lần)' } },
  }), async (c) => {
    const p = c.var.principal;
    if (!can(p, 'admin')) throw forbidden('tạo token (chỉ quản trị viên)', 'create tokens (admins only)');
    const body = c.req.valid('json');
    const scope = tokenScope(body.role, body.commune, body.province);
    const t = await createToken(deps.db, { role: body.role, communeCode: scope.communeCode, provinceCode: scope.provinceCode, label: body.label ?? scope.label, createdBy: p.subject });
    await audit(deps.db, p.subject, 'token-create', `token:${t.id}`, { role: t.role, commune: t.communeCode, province: t.provinceCode });
    return c.json(t, 201);
  });
}
