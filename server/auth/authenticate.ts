// Authentication middleware: a server token ("phl_…") or a Microsoft Entra access token in the Authorization header.
import type { MiddlewareHandler } from 'hono';
import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { ApiError, unauthorized } from '../http/errors.ts';
import { findTokenByHash, hashToken, LAST_USED_EVERY_MS, touchToken, type TokenRecord } from '../store/tokens.ts';
import type { Principal } from './principal.ts';

export type EntraVerify = (
  jwt: string,
) => Promise<{ ok: true; principal: Principal } | { ok: false; reason: string; retryAfterSec?: number }>;

export interface AuthOptions {
  db: Kysely<DB>;
  entra?: EntraVerify | null;
  /** Logs a failed last-used write (it never fails the request). */
  warn?: (msg: string) => void;
}

/** Hono variables set by this middleware. */
export interface AuthVars {
  principal: Principal;
}

/**
 * How long a token look-up is reused. A token revoked through this process's API is forgotten at once
 * (forgetCachedTokens); revoked elsewhere (the CLI on PostgreSQL, another server process) it stops working within this.
 */
export const TOKEN_CACHE_MS = 10_000;

const caches = new Set<Map<string, { t: TokenRecord | null; until: number }>>();

/**
 * Drop every cached token look-up of this process (after a revocation).
 * @example await revokeToken(db, id, by); forgetCachedTokens()
 */
export function forgetCachedTokens(): void {
  for (const c of caches) c.clear();
}

/** dd/mm/yyyy in Vietnam time, for messages. */
function vnDate(iso: string): string {
  return new Date(iso).toLocaleDateString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh', day: '2-digit', month: '2-digit', year: 'numeric' });
}

/**
 * Require a valid credential; sets c.var.principal, or answers 401 with a Vietnamese and English message (a revoked or
 * expired token is told as such). Token look-ups are cached briefly so a burst of pushes does not cost a query each.
 * @example app.use('/api/communes/*', authenticate({ db }))
 */
export function authenticate(opts: AuthOptions): MiddlewareHandler<{ Variables: AuthVars }> {
  const cache = new Map<string, { t: TokenRecord | null; until: number }>();
  caches.add(cache);
  const touched = new Map<string, number>();
  return async function authenticateMiddleware(c, next) {
    const header = c.req.header('authorization') ?? '';
    const m = /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!m) throw unauthorized();
    const credential = m[1]!;
    let principal: Principal | null = null;
    if (credential.startsWith('phl_') && credential.length < 200) {
      const hash = hashToken(credential);
      const hit = cache.get(hash);
      let t: TokenRecord | null;
      if (hit && hit.until > Date.now()) t = hit.t;
      else {
        t = (await findTokenByHash(opts.db, hash)) ?? null;
        if (cache.size > 10_000) cache.clear();
        cache.set(hash, { t, until: Date.now() + TOKEN_CACHE_MS });
      }
      if (t?.revokedAt) {
        throw new ApiError(
          401,
          'token-revoked',
          `Token này đã bị thu hồi ngày ${vnDate(t.revokedAt)}; hãy xin quản trị viên một token mới.`,
          `This token was revoked on ${t.revokedAt.slice(0, 10)}; ask the administrator for a new one.`,
        );
      }
      if (t?.expiresAt && Date.parse(t.expiresAt) <= Date.now()) {
        throw new ApiError(
          401,
          'token-expired',
          `Token này đã hết hạn ngày ${vnDate(t.expiresAt)}; hãy xin quản trị viên một token mới.`,
          `This token expired on ${t.expiresAt.slice(0, 10)}; ask the administrator for a new one.`,
        );
      }
      if (t) {
        principal = {
          role: t.role,
          subject: `token:${t.id}`,
          // The person: the history shows who sent a revision, not the token's description.
          name: t.holder ?? t.label,
          via: 'token',
          tokenId: t.id,
          ...(t.communeCode ? { communeCode: t.communeCode } : {}),
          ...(t.provinceCode ? { provinceCode: t.provinceCode } : {}),
        };
        const last = touched.get(t.id) ?? 0;
        if (Date.now() - last >= LAST_USED_EVERY_MS) {
          touched.set(t.id, Date.now());
          if (touched.size > 10_000) touched.clear();
          // At most one write a minute per token and process (and the UPDATE itself skips a time under a minute old).
          await touchToken(opts.db, t.id).catch((err: unknown) => opts.warn?.(`last-used: ${(err as Error).message}`));
        }
      }
    } else if (opts.entra && credential.split('.').length === 3 && credential.length < 16_384) {
      const r = await opts.entra(credential);
      if (r.ok) principal = r.principal;
      else if (r.reason === 'jwks-unavailable') {
        // Microsoft's keys could not be fetched: our outage, not the caller's fault, so the client should retry.
        throw new ApiError(
          503,
          'identity-unavailable',
          'Chưa kiểm tra được đăng nhập Microsoft (không lấy được khóa); hãy thử lại sau.',
          'Cannot verify the Microsoft sign-in right now (keys unavailable); retry later.',
          undefined,
          { 'Retry-After': String(r.retryAfterSec ?? 30) },
        );
      } else throw unauthorized(`Token Microsoft không hợp lệ (${r.reason}).`, `Invalid Microsoft token (${r.reason}).`);
    }
    if (!principal) throw unauthorized();
    c.set('principal', principal);
    await next();
  };
}
