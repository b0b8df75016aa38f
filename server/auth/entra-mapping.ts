// From verified Entra ID claims to one phuluc principal: user overrides (by object id and tenant), app roles, then
// pattern roles. Never by a name claim: preferred_username, upn and email can be changed or reused, and Microsoft says
// not to authorize with them.
import { z } from 'zod';
import type { Principal, Role } from './principal.ts';

/** A phuluc role with its scope, as written in the mapping. */
export interface MappedRole {
  role: Role;
  communeCode?: string;
  provinceCode?: string;
}

export interface EntraMapping {
  /** App roles in the token's `roles` claim → phuluc role + scope, e.g. { "Phuluc.Admin": { role: 'admin' }, "Phuluc.Consolidator.31": { role: 'consolidator', provinceCode: '31' } } */
  roles?: Record<string, MappedRole>;
  /** Per-user overrides keyed by the user's object id (`oid`, a GUID) in the configured tenant. */
  users?: Record<string, MappedRole>;
  /** Also accept the app roles "Phuluc.Admin", "Phuluc.Editor.<5-digit commune code>" and "Phuluc.Consolidator.<2-digit province code>" without listing them. Default true. */
  patternRoles?: boolean;
}

const commune = z.string().regex(/^\d{5}$/, 'commune code must be 5 digits');
const province = z.string().regex(/^\d{2}$/, 'province code must be 2 digits');

// Strict objects so a typo such as "commune" fails at start-up instead of silently granting an unscoped role.
const MappedRoleSchema = z.discriminatedUnion('role', [
  z.strictObject({ role: z.literal('editor'), communeCode: commune, provinceCode: province.optional() }),
  z.strictObject({ role: z.literal('consolidator'), provinceCode: province }),
  z.strictObject({ role: z.literal('admin') }),
]);

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const Users = z.record(z.string(), MappedRoleSchema).superRefine((users, ctx) => {
  for (const key of Object.keys(users)) {
    if (!GUID.test(key))
      ctx.addIssue({
        code: 'custom',
        path: [key],
        message: `users are keyed by object id (oid, a GUID), not "${key}": names such as preferred_username, upn or email are not accepted`,
      });
  }
});

export const EntraMappingSchema = z.strictObject({
  roles: z.record(z.string(), MappedRoleSchema).optional(),
  users: Users.optional(),
  patternRoles: z.boolean().optional(),
});

/**
 * Check a mapping (from config or JSON) and return it typed; throws an Error listing every problem.
 * An editor needs a 5-digit communeCode, a consolidator a 2-digit provinceCode, an admin nothing.
 * @example parseEntraMapping(JSON.parse(env.PHULUC_ENTRA_MAPPING ?? '{}'), 'PHULUC_ENTRA_MAPPING')
 */
export function parseEntraMapping(input: unknown, source = 'Entra mapping'): EntraMapping {
  const r = EntraMappingSchema.safeParse(input);
  if (!r.success) throw new Error(`Invalid ${source}:\n${z.prettifyError(r.error)}`);
  return r.data;
}

const EDITOR_PATTERN = /^Phuluc\.Editor\.(\d{5})$/;
const CONSOLIDATOR_PATTERN = /^Phuluc\.Consolidator\.(\d{2})$/;
const ADMIN_ROLE = 'Phuluc.Admin';
const RANK: Record<Role, number> = { editor: 0, consolidator: 1, admin: 2 };

/** The claims this module reads; everything else in the token is ignored. */
export interface EntraClaims {
  oid?: unknown;
  tid?: unknown;
  sub?: unknown;
  name?: unknown;
  preferred_username?: unknown;
  upn?: unknown;
  roles?: unknown;
}

/**
 * Build the claims → principal function once (keys normalised, mapping validated).
 * Precedence: users[oid] (only when the token's `tid` is `opts.tenantId`) > explicit roles > pattern roles.
 * Name claims (preferred_username, upn) give only the display name, never a role.
 * Within the role tier that matched, the most privileged role wins (admin > consolidator > editor);
 * if that role is held for two different communes (or provinces) the result is null, because a
 * principal edits one commune and guessing which one would be a silent privilege choice.
 * @example compileEntraMapping({ patternRoles: true })({ oid: 'a1', roles: ['Phuluc.Editor.10903'] })
 * // { role: 'editor', subject: 'a1', communeCode: '10903', via: 'entra' }
 */
export function compileEntraMapping(mapping: EntraMapping, opts: { tenantId?: string } = {}): (claims: EntraClaims) => Principal | null {
  const m = parseEntraMapping(mapping);
  // oids are GUIDs: lower-case both sides so config authors need not care.
  const users = new Map(Object.entries(m.users ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v]));
  const tenant = opts.tenantId?.toLowerCase();
  const roles = new Map(Object.entries(m.roles ?? {}));
  const patterns = m.patternRoles ?? true;

  return function principalFromClaims(claims) {
    const subject = str(claims.oid) ?? str(claims.sub);
    if (!subject) return null;
    const name = str(claims.name) ?? str(claims.preferred_username);
    // An object id is unique only within its tenant: a user entry applies to a token of the configured tenant only.
    const oid = str(claims.oid)?.toLowerCase();
    const sameTenant = tenant === undefined || str(claims.tid)?.toLowerCase() === tenant;
    const override = oid && sameTenant ? users.get(oid) : undefined;
    const held = Array.isArray(claims.roles) ? claims.roles.filter((r): r is string => typeof r === 'string') : [];
    const explicit = held.flatMap((r) => roles.get(r) ?? []);
    const chosen = override ?? pickOne(explicit.length > 0 ? explicit : patterns ? held.flatMap(fromPattern) : []);
    if (!chosen) return null;
    return {
      role: chosen.role,
      subject,
      ...(name ? { name } : {}),
      ...(chosen.communeCode ? { communeCode: chosen.communeCode } : {}),
      ...(chosen.provinceCode ? { provinceCode: chosen.provinceCode } : {}),
      via: 'entra',
    };
  };
}

function fromPattern(role: string): MappedRole[] {
  if (role === ADMIN_ROLE) return [{ role: 'admin' }];
  const e = EDITOR_PATTERN.exec(role);
  if (e) return [{ role: 'editor', communeCode: e[1]! }];
  const c = CONSOLIDATOR_PATTERN.exec(role);
  return c ? [{ role: 'consolidator', provinceCode: c[1]! }] : [];
}

/** The most privileged candidate, or undefined when none or when its scope is ambiguous. */
function pickOne(candidates: MappedRole[]): MappedRole | undefined {
  if (candidates.length === 0) return undefined;
  const top = Math.max(...candidates.map((c) => RANK[c.role]));
  const best = candidates.filter((c) => RANK[c.role] === top);
  // The same scope reached through two role names is not ambiguous; two different scopes are.
  const scopes = new Set(best.map((c) => (c.role === 'editor' ? c.communeCode : c.role === 'consolidator' ? c.provinceCode : '')));
  if (scopes.size !== 1) return undefined;
  // Two entries for one commune may differ only in naming the province: keep the one that does.
  return best.find((c) => c.provinceCode !== undefined) ?? best[0];
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined;
}
