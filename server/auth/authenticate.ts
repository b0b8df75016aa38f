// Authentication middleware: a server token ("phl_…") or a Microsoft Entra access token in the Authorization header.
import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { ApiError, unauthorized } from '../http/errors.ts';
import { findTokenByHash, hashToken } from '../store/tokens.ts';
import type { Principal } from './principal.ts';

export type EntraVerify = (jwt: string) => Promise<{ ok: true; principal: Principal } | { ok: false; reason: string }>;

export interface AuthOptions {
  db: Kysely<DB>;
  entra?: EntraVerify | null;
}

/** Hono variables set by this middleware. */
export interface AuthVars {
  principal: Principal;
}

const CACHE_MS = 30_000;

/**
 * Require a valid credential; sets c.var.principal, or answers 401 with a Vietnamese and English message.
 * Token look-ups are cached briefly so a burst of pushes does not cost a query each.
 * @example app.use('/api/communes/*', authenticate({ db }))
 */
export function authenticate(opts: AuthOptions): MiddlewareHandler<{ Variables: AuthVars }> {
  const cache = new Map<string, { p: Principal | null; until: number }>();
  return async function authenticateMiddleware(c, next) {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw unauthorized();
    const credential = m[1]!;
    let principal: Principal | null = null;
    if (credential.startsWith('phl_') && credential.length < 200) {
      const hash = hashToken(credential);
      const hit = cache.get(hash);
      if (hit && hit.until > Date.now()) principal = hit.p;
      else {
        const t = await findTokenByHash(opts.db, hash);
        principal = t ? { role: t.role, subject: `token:${t.id}`, name: t.label, via: 'token', tokenId: t.id, ...(t.communeCode ? { communeCode: t.communeCode } : {}), ...(t.provinceCode ? { provinceCode: t.provinceCode } : {}) } : null;
        if (cache.size > 10_000) cache.clear();
        cache.set(hash, { p: principal, until: Date.now() + CACHE_MS });
      }
    } else if (opts.entra && credential.split('.').length === 3 && credential.length < 16_384) {
      const r = await opts.entra(credential);
      if (r.ok) principal = r.principal;
      else if (r.reason === 'jwks-unavailable') {
        // Microsoft's keys could not be fetched: our outage, not the caller's fault, so the client should retry.
        throw new ApiError(503, 'identity-unavailable', 'Chưa kiểm tra được đăng nhập Microsoft (không lấy được khóa); hãy thử lại sau.', 'Cannot verify the Microsoft sign-in right now (keys unavailable); retry later.');
      } else throw unauthorized(`Token Microsoft không hợp lệ (${r.reason}).`, `Invalid Microsoft token (${r.reason}).`);
    }
    if (!principal) throw unauthorized();
    c.set('principal', principal);
    await next();
  };
}
