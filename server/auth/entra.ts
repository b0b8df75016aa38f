// Verify Microsoft Entra ID access tokens (RS256 against the tenant's JWKS) and map them to a phuluc principal.
import { createRemoteJWKSet, customFetch, errors, jwtVerify, type FetchImplementation, type JWTPayload } from 'jose';
import { compileEntraMapping, parseEntraMapping, type EntraMapping } from './entra-mapping.ts';
import type { Principal } from './principal.ts';

export type { EntraMapping, MappedRole } from './entra-mapping.ts';

export interface EntraConfig {
  /** Directory (tenant) id, a GUID. */
  tenantId: string;
  /** e.g. 'api://phuluc' (v1 tokens) or the app's client id (v2 tokens); any one must match `aud`. */
  audience: string | string[];
  /** Default `https://login.microsoftonline.com/${tenantId}/v2.0`. */
  issuer?: string;
  /** Also accept the v1 issuer `https://sts.windows.net/${tenantId}/` (apps whose manifest keeps accessTokenAcceptedVersion 1). */
  acceptV1Issuer?: boolean;
  /** Default `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`. */
  jwksUrl?: string;
  /** Allowed clock skew for exp/nbf, in seconds. Default 60. */
  clockToleranceSec?: number;
  mapping: EntraMapping;
}

export type EntraResult =
  | { ok: true; principal: Principal }
  | { ok: false; reason: 'malformed' | 'bad-signature' | 'expired' | 'not-yet-valid' | 'wrong-audience' | 'wrong-issuer' | 'wrong-tenant' | 'alg-not-allowed' | 'no-role' | 'jwks-unavailable' };
export type EntraFailure = Extract<EntraResult, { ok: false }>['reason'];

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The signature segment may be empty (an unsecured "alg":"none" token) so that such a token is refused by name.
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
// Entra access tokens are a few kB; anything far larger is not worth decoding.
const MAX_JWT_CHARS = 16_384;
const CLAIM_REASONS = new Map<string, EntraFailure>([['aud', 'wrong-audience'], ['iss', 'wrong-issuer'], ['nbf', 'not-yet-valid']]);

/**
 * Whether `s` has the shape of a compact JWS: three base64url segments separated by dots (no decoding).
 * @example looksLikeJwt('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln') // true
 */
export function looksLikeJwt(s: string): boolean {
  return JWT_SHAPE.test(s);
}

/**
 * Build a verifier for one tenant; throws TypeError on an unusable config so start-up fails loudly.
 * Keys come from jose's remote JWKS set: cached, refetched on an unknown kid (30 s cooldown), and
 * only RS256 is allowed, which refuses "alg":"none" and HS256 signed with the public key as secret.
 * @example
 * const verify = createEntraVerifier({ tenantId, audience: 'api://phuluc', mapping: {} });
 * const r = await verify(bearer); // { ok: true, principal } | { ok: false, reason: 'expired' | … }
 */
export function createEntraVerifier(cfg: EntraConfig, opts: { fetchJwks?: typeof fetch } = {}): (jwt: string) => Promise<EntraResult> {
  if (!GUID.test(cfg.tenantId)) throw new TypeError(`Entra tenantId must be a GUID, got "${cfg.tenantId}".`);
  const audience = Array.isArray(cfg.audience) ? cfg.audience : [cfg.audience];
  if (audience.length === 0 || audience.some((a) => a.trim() === '')) throw new TypeError('Entra audience must name at least one non-empty audience.');
  const clockTolerance = cfg.clockToleranceSec ?? 60;
  if (!Number.isFinite(clockTolerance) || clockTolerance < 0) throw new TypeError('Entra clockToleranceSec must be a non-negative number.');
  // Entra writes the tenant GUID in lower case in iss and tid.
  const tenantId = cfg.tenantId.toLowerCase();
  const issuer = [cfg.issuer ?? `https://login.microsoftonline.com/${tenantId}/v2.0`, ...(cfg.acceptV1Issuer ? [`https://sts.windows.net/${tenantId}/`] : [])];
  const jwksUrl = new URL(cfg.jwksUrl ?? `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`);
  const keys = createRemoteJWKSet(jwksUrl, { [customFetch]: guardedFetch(opts.fetchJwks ?? fetch) });
  const toPrincipal = compileEntraMapping(cfg.mapping);

  return async function verifyEntraToken(jwt) {
    // Refuse garbage before it can cause a JWKS fetch.
    if (jwt.length > MAX_JWT_CHARS || !looksLikeJwt(jwt)) return { ok: false, reason: 'malformed' };
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(jwt, keys, { algorithms: ['RS256'], issuer, audience, clockTolerance, requiredClaims: ['exp'] }));
    } catch (err) {
      return { ok: false, reason: reasonFor(err) };
    }
    // A custom issuer (or a multi-tenant setup) could let another tenant's token through the issuer check.
    const tid = payload.tid;
    if (tid !== undefined && (typeof tid !== 'string' || tid.toLowerCase() !== tenantId)) return { ok: false, reason: 'wrong-tenant' };
    const principal = toPrincipal(payload);
    return principal ? { ok: true, principal } : { ok: false, reason: 'no-role' };
  };
}

/** Marks every failure to obtain the key set, so it is told apart from a bad token. */
class JwksUnavailable extends Error {
  override name = 'JwksUnavailable';
}

/**
 * jose reports a refused connection as a bare TypeError and a non-200 or non-JSON answer as a generic
 * JOSEError; both look like "malformed" from outside. Checking here tags them without guessing later.
 */
function guardedFetch(base: typeof fetch): FetchImplementation {
  return async function fetchJwks(url, init) {
    try {
      const res = await base(url, init);
      if (res.status !== 200) {
        await res.body?.cancel();
        throw new Error(`HTTP ${res.status}`);
      }
      const text = await res.text();
      JSON.parse(text);
      return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
    } catch (cause) {
      throw new JwksUnavailable(`Cannot load the Entra key set from ${url}`, { cause });
    }
  };
}

function reasonFor(err: unknown): EntraFailure {
  if (err instanceof JwksUnavailable || err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid) return 'jwks-unavailable';
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) return CLAIM_REASONS.get(err.claim) ?? 'malformed';
  if (err instanceof errors.JOSEAlgNotAllowed) return 'alg-not-allowed';
  // An unknown kid is, for the caller, a token we cannot attribute to the tenant: same as a bad signature.
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey || err instanceof errors.JWKSMultipleMatchingKeys) return 'bad-signature';
  return 'malformed';
}

/**
 * Read the Entra config from the environment; null when PHULUC_ENTRA_TENANT_ID is unset or empty.
 * PHULUC_ENTRA_AUDIENCE is comma-separated and required with a tenant; PHULUC_ENTRA_MAPPING is JSON
 * (default `{}`: pattern roles only); PHULUC_ENTRA_ISSUER, PHULUC_ENTRA_JWKS_URL and
 * PHULUC_ENTRA_ACCEPT_V1_ISSUER (1/true/yes) are optional. Throws on a missing audience or bad mapping.
 * @example entraConfigFromEnv({ PHULUC_ENTRA_TENANT_ID: tid, PHULUC_ENTRA_AUDIENCE: 'api://phuluc' })
 * // { tenantId: tid, audience: ['api://phuluc'], mapping: {} }
 */
export function entraConfigFromEnv(env: Record<string, string | undefined>): EntraConfig | null {
  const tenantId = env.PHULUC_ENTRA_TENANT_ID?.trim();
  if (!tenantId) return null;
  const audience = (env.PHULUC_ENTRA_AUDIENCE ?? '').split(',').map((a) => a.trim()).filter((a) => a !== '');
  if (audience.length === 0) throw new Error('PHULUC_ENTRA_AUDIENCE is required when PHULUC_ENTRA_TENANT_ID is set (e.g. api://phuluc or the app client id).');
  let mapping: unknown = {};
  const raw = env.PHULUC_ENTRA_MAPPING?.trim();
  if (raw) {
    try {
      mapping = JSON.parse(raw);
    } catch (cause) {
      throw new Error(`PHULUC_ENTRA_MAPPING is not valid JSON: ${(cause as Error).message}`, { cause });
    }
  }
  const cfg: EntraConfig = { tenantId, audience, mapping: parseEntraMapping(mapping, 'PHULUC_ENTRA_MAPPING') };
  const issuer = env.PHULUC_ENTRA_ISSUER?.trim();
  if (issuer) cfg.issuer = issuer;
  const jwksUrl = env.PHULUC_ENTRA_JWKS_URL?.trim();
  if (jwksUrl) cfg.jwksUrl = jwksUrl;
  if (/^(1|true|yes)$/i.test(env.PHULUC_ENTRA_ACCEPT_V1_ISSUER?.trim() ?? '')) cfg.acceptV1Issuer = true;
  return cfg;
}
