// Server tokens for communes without Microsoft 365: stored as SHA-256 hashes, the secret shown once.
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Role } from '../auth/principal.ts';
import type { DB } from '../db/schema.ts';

export interface TokenRecord {
  id: string;
  role: Role;
  communeCode: string | null;
  provinceCode: string | null;
  label: string;
}

/** @example hashToken('phl_…') // 64 hex characters */
export function hashToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/**
 * Create a token and return its secret (the only time it exists outside the caller's hands).
 * @example const { secret } = await createToken(db, { role: 'editor', communeCode: '10903', label: 'Cẩm Giàng', createdBy: 'cli' })
 */
export async function createToken(db: Kysely<DB>, t: { role: Role; communeCode?: string | null; provinceCode?: string | null; label: string; createdBy: string }): Promise<TokenRecord & { secret: string }> {
  const id = randomBytes(9).toString('base64url');
  const secret = `phl_${id}_${randomBytes(24).toString('base64url')}`;
  const rec: TokenRecord = { id, role: t.role, communeCode: t.communeCode ?? null, provinceCode: t.provinceCode ?? null, label: t.label };
  await db.insertInto('tokens').values({ id, hash: hashToken(secret), role: t.role, commune_code: rec.communeCode, province_code: rec.provinceCode, label: t.label, created_by: t.createdBy }).execute();
  return { ...rec, secret };
}

/** The token whose secret hashes to `hash`, or undefined. */
export async function findTokenByHash(db: Kysely<DB>, hash: string): Promise<TokenRecord | undefined> {
  const r = await db.selectFrom('tokens').select(['id', 'role', 'commune_code', 'province_code', 'label']).where('hash', '=', hash).executeTakeFirst();
  return r ? { id: r.id, role: r.role as Role, communeCode: r.commune_code, provinceCode: r.province_code, label: r.label } : undefined;
}

/** Whether any admin token exists (first start prints one when not). */
export async function hasAdminToken(db: Kysely<DB>): Promise<boolean> {
  return (await db.selectFrom('tokens').select('id').where('role', '=', 'admin').limit(1).executeTakeFirst()) !== undefined;
}
