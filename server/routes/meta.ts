// Public routes: health, the OpenAPI document and its docs page; and /api/me for the signed-in caller.
import { createRoute, z } from '@hono/zod-openapi';
import type { App } from './types.ts';

/** @example registerMetaRoutes(app) */
export function registerMetaRoutes(app: App): void {
  app.get('/api/health', (c) => c.json({ ok: true }));
  app.openAPIRegistry.registerComponent('securitySchemes', 'bearer', { type: 'http', scheme: 'bearer', description: 'Token máy chủ (phl_…) hoặc access token Microsoft Entra ID' });
  app.doc31('/api/openapi.json', { openapi: '3.1.0', info: { title: 'phuluc — máy chủ đồng bộ phụ lục NQ57', version: '1' } });
  app.get('/api/docs', (c) => {
    // A static page (no inline script, CSP-friendly) that lists the routes; the JSON document is the contract.
    c.header('Content-Security-Policy', "default-src 'none'; style-src 'self'");
    return c.html(`<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>phuluc API</title></head><body>
<h1>phuluc — API máy chủ đồng bộ</h1>
<p>Tài liệu OpenAPI 3.1: <a href="/api/openapi.json">/api/openapi.json</a>. Mọi đường dẫn dưới <code>/api/communes</code>, <code>/api/provinces</code>,
<code>/api/tokens</code>, <code>/api/me</code> cần <code>Authorization: Bearer …</code> (token máy chủ <code>phl_…</code> hoặc access token Microsoft Entra ID).</p>
<p>English: the OpenAPI 3.1 document above is the API contract; every route except health and these docs needs a bearer token.</p>
</body></html>`);
  });
  app.openapi(createRoute({ method: 'get', path: '/api/me', security: [{ bearer: [] }], responses: { 200: { content: { 'application/json': { schema: z.unknown() } }, description: 'Người đang gọi' } } }), (c) => {
    return c.json({ principal: c.var.principal }, 200);
  });
}
