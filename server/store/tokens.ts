// Server tokens for communes without Microsoft 365: stored as SHA-256 hashes, the secret shown once; each with a label
// naming its holder, an expiry, a revocation mark and the time it was last used (written at most once a minute).
import { createHash, randomBytes } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Role, TokenInfo, TokenRecord } from '../../core/api/index.ts';
import type { DB } from '../db/schema.ts';

/** A token's record and its listing (never the secret, never the hash): the API's shapes (core/api/wire.ts). */
export type { TokenInfo, TokenRecord } from '../../core/api/index.ts';

/** Default lifetimes: an editor's or consolidator's token half a year, an admin's a year (README, "Token"). */
export const DEFAULT_TOKEN_DAYS: Record<Role, number> = { editor: 180, consolidator: 180, admin: 365 };
/** The longest lifetime `--expires` may ask for. */
export const MAX_TOKEN_DAYS = 5 * 366;
/** last_used_at is written at most this often per token. */
export const LAST_USED_EVERY_MS = 60_000;

/** @example hashToken('phl_…') // 64 hex characters */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

const iso = (d: Date | string | null): string | null => (d === null ? null : new Date(d).toISOString());

/**
 * Create a token and return its secret (the only time it exists outside the caller's hands). Without `expiresAt` the
 * role's default lifetime applies (DEFAULT_TOKEN_DAYS); `expiresAt: null` makes a token that never expires.
 * @example const { secret } = await createToken(db, { role: 'editor', communeCode: '10903', label: 'Nguyễn Văn A', createdBy: 'cli' })
 */
export async function createToken(
  db: Kysely<DB>,
  t: {
    role: Role;
    communeCode?: string | null;
    provinceCode?: string | null;
    label: string;
    /** The holder's name, the sender the history shows. */
    holder?: string | null;
    createdBy: string;
    expiresAt?: Date | null;
  },
): Promise<TokenRecord & { secret: string }> {
  const id = randomBytes(9).toString('base64url');
  const secret = `phl_${id}_${randomBytes(24).toString('base64url')}`;
  const expires = t.expiresAt === undefined ? new Date(Date.now() + DEFAULT_TOKEN_DAYS[t.role] * 86_400_000) : t.expiresAt;
  const rec: TokenRecord = {
    id,
    role: t.role,
    communeCode: t.communeCode ?? null,
    provinceCode: t.provinceCode ?? null,
    label: t.label,
    holder: t.holder ?? null,
    expiresAt: iso(expires),
    revokedAt: null,
  };
  await db
    .insertInto('tokens')
    .values({
      id,
      hash: hashToken(secret),
      role: t.role,
      commune_code: rec.communeCode,
      province_code: rec.provinceCode,
      label: t.label,
      holder: rec.holder,
      created_by: t.createdBy,
      expires_at: expires,
    })
    .execute();
  return { ...rec, secret };
}

/** The token whose secret hashes to `hash` (revoked and expired ones included: the caller says why it refuses), or undefined. */
export async function findTokenByHash(db: Kysely<DB>, hash: string): Promise<TokenRecord | undefined> {
  const r = await db
    .selectFrom('tokens')
    .select(['id', 'role', 'commune_code', 'province_code', 'label', 'holder', 'expires_at', 'revoked_at'])
    .where('hash', '=', hash)
    .executeTakeFirst();
  return r
    ? {
        id: r.id,
        role: r.role as Role,
        communeCode: r.commune_code,
        provinceCode: r.province_code,
        label: r.label,
        holder: r.holder,
        expiresAt: iso(r.expires_at),
        revokedAt: iso(r.revoked_at),
      }
    : undefined;
}

/**
 * Record a use of the token: written only when the stored time is over a minute old, so a burst of requests (in this
 * process or several) costs at most one write a minute.
 * @example await touchToken(db, 'abc')
 */
export async function touchToken(db: Kysely<DB>, id: string): Promise<void> {
  await db
    .updateTable('tokens')
    .set({ last_used_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`)]))
    .execute();
}

/**
 * Every token, newest first, without secrets or hashes.
 * @example (await listTokens(db)).filter((t) => t.state === 'active')
 */
export async function listTokens(db: Kysely<DB>): Promise<TokenInfo[]> {
  const rows = await db
    .selectFrom('tokens')
    .select([
      'id',
      'role',
      'commune_code',
      'province_code',
      'label',
      'holder',
      'created_by',
      'created_at',
      'expires_at',
      'revoked_at',
      'revoked_by',
      'last_used_at',
    ])
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const now = Date.now();
  return rows.map((r) => ({
    id: r.id,
    role: r.role as Role,
    communeCode: r.commune_code,
    provinceCode: r.province_code,
    label: r.label,
    holder: r.holder,
    createdBy: r.created_by,
    createdAt: iso(r.created_at)!,
    expiresAt: iso(r.expires_at),
    revokedAt: iso(r.revoked_at),
    revokedBy: r.revoked_by,
    lastUsedAt: iso(r.last_used_at),
    state: r.revoked_at ? 'revoked' : r.expires_at && new Date(r.expires_at).getTime() <= now ? 'expired' : 'active',
  }));
}

/**
 * Revoke a token (kept, marked, never deleted: the audit log and revisions still name it). Revoking a revoked token
 * changes nothing. Undefined when there is no such token.
 * @example const t = await revokeToken(db, 'abc', 'token:admin1')
 */
export async function revokeToken(db: Kysely<DB>, id: string, by: string): Promise<{ token: TokenInfo; changed: boolean } | undefined> {
  const changed = await db
    .updateTable('tokens')
    .set({ revoked_at: sql<Date>`now()`, revoked_by: by })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  const token = (await listTokens(db)).find((t) => t.id === id);
  return token ? { token, changed: Number(changed.numUpdatedRows) > 0 } : undefined;
}

/** Whether a usable admin token exists (start-up prints a new one when not: first start, or every admin token expired or revoked). */
export async function hasAdminToken(db: Kysely<DB>): Promise<boolean> {
  const r = await db
    .selectFrom('tokens')
    .select('id')
    .where('role', '=', 'admin')
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]))
    .limit(1)
    .executeTakeFirst();
  return r !== undefined;
}

/**
 * When a token asked to live until `spec` expires: `90d`, `12w`, `1y` from `now`, or a date `2026-12-31` (the end of
 * that day, Vietnam time) or a full ISO time. Throws a RangeError with a Vietnamese and English message otherwise, in
 * the past, or beyond MAX_TOKEN_DAYS.
 * @example parseExpiry('90d', new Date('2026-01-01T00:00:00Z')).toISOString() // '2026-04-01T00:00:00.000Z'
 */
export function parseExpiry(spec: string, now = new Date()): Date {
  const s = spec.trim();
  let at: Date;
  const rel = /^(\d{1,5})\s*([dwy])$/i.exec(s);
  if (rel) {
    const days = Number(rel[1]) * ({ d: 1, w: 7, y: 365 } as const)[rel[2]!.toLowerCase() as 'd' | 'w' | 'y'];
    at = new Date(now.getTime() + days * 86_400_000);
  } else if (/^\d{4}-\d{2}-\d{2}$/.test(s)) {
    const day = new Date(`${s}T00:00:00Z`);
    at = !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === s ? new Date(`${s}T23:59:59.999+07:00`) : new Date(NaN);
  } else if (/^\d{4}-\d{2}-\d{2}T/.test(s)) {
    at = new Date(s);
  } else at = new Date(NaN);
  if (Number.isNaN(at.getTime()))
    throw new RangeError(
      `Hạn dùng “${spec}” không hợp lệ: dùng số ngày/tuần/năm (90d, 12w, 1y) hoặc ngày YYYY-MM-DD. / Invalid expiry “${spec}”: use 90d, 12w, 1y or a date YYYY-MM-DD.`,
    );
  if (at.getTime() <= now.getTime()) throw new RangeError(`Hạn dùng “${spec}” đã qua. / Expiry “${spec}” is in the past.`);
  if (at.getTime() > now.getTime() + MAX_TOKEN_DAYS * 86_400_000)
    throw new RangeError(`Hạn dùng “${spec}” quá xa (tối đa 5 năm). / Expiry “${spec}” is too far (at most 5 years).`);
  return at;
}
