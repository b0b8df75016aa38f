// Verify Microsoft Entra ID access tokens (RS256 against the tenant's JWKS) and map them to a phuluc principal.
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  customFetch,
  errors,
  jwtVerify,
  type FetchImplementation,
  type JSONWebKeySet,
  type JWTPayload,
  type JWTVerifyGetKey,
} from 'jose';
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

export type EntraFailure =
  | 'malformed'
  | 'bad-signature'
  | 'expired'
  | 'not-yet-valid'
  | 'wrong-audience'
  | 'wrong-issuer'
  | 'wrong-tenant'
  | 'alg-not-allowed'
  | 'no-role'
  | 'jwks-unavailable';
export type EntraResult =
  | { ok: true; principal: Principal }
  /** `retryAfterSec` with jwks-unavailable: when the key set will be fetched again. */
  | { ok: false; reason: EntraFailure; retryAfterSec?: number };

/** Back-off after a failed key set fetch: 1 s, doubling, at most 5 minutes; no fetch at all meanwhile. */
export const JWKS_BACKOFF_MS = { first: 1_000, max: 300_000 };
/** Keys last fetched are still used this long when the key set cannot be fetched again (Microsoft rotates rarely). */
export const JWKS_STALE_OK_MS = 24 * 3600_000;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// The signature segment may be empty (an unsecured "alg":"none" token) so that such a token is refused by name.
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;
// Entra access tokens are a few kB; anything far larger is not worth decoding.
const MAX_JWT_CHARS = 16_384;
const CLAIM_REASONS = new Map<string, EntraFailure>([
  ['aud', 'wrong-audience'],
  ['iss', 'wrong-issuer'],
  ['nbf', 'not-yet-valid'],
]);

/**
 * Whether `s` has the shape of a compact JWS: three base64url segments separated by dots (no decoding).
 * @example looksLikeJwt('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln') // true
 */
export function looksLikeJwt(s: string): boolean {
  return JWT_SHAPE.test(s);
}

/**
 * Build a verifier for one tenant; throws TypeError on an unusable config so start-up fails loudly.
 * Keys come from jose's remote JWKS set: cached (10 min), refetched on an unknown kid (30 s cooldown). When the key set
 * cannot be fetched, fetches back off (1 s doubling to 5 min: never one per request) and the last keys fetched stay
 * in use for up to a day. Only RS256 is allowed, which refuses "alg":"none" and HS256 signed with the public key.
 * @example
 * const verify = createEntraVerifier({ tenantId, audience: 'api://phuluc', mapping: {} });
 * const r = await verify(bearer); // { ok: true, principal } | { ok: false, reason: 'expired' | … }
 */
export function createEntraVerifier(cfg: EntraConfig, opts: { fetchJwks?: typeof fetch } = {}): (jwt: string) => Promise<EntraResult> {
  if (!GUID.test(cfg.tenantId)) throw new TypeError(`Entra tenantId must be a GUID, got "${cfg.tenantId}".`);
  const audience = Array.isArray(cfg.audience) ? cfg.audience : [cfg.audience];
  if (audience.length === 0 || audience.some((a) => a.trim() === ''))
    throw new TypeError('Entra audience must name at least one non-empty audience.');
  const clockTolerance = cfg.clockToleranceSec ?? 60;
  if (!Number.isFinite(clockTolerance) || clockTolerance < 0) throw new TypeError('Entra clockToleranceSec must be a non-negative number.');
  // Entra writes the tenant GUID in lower case in iss and tid.
  const tenantId = cfg.tenantId.toLowerCase();
  const issuer = [
    cfg.issuer ?? `https://login.microsoftonline.com/${tenantId}/v2.0`,
    ...(cfg.acceptV1Issuer ? [`https://sts.windows.net/${tenantId}/`] : []),
  ];
  const jwksUrl = new URL(cfg.jwksUrl ?? `https://login.microsoftonline.com/${tenantId}/discovery/v2.0/keys`);
  const fetcher = guardedFetch(opts.fetchJwks ?? fetch);
  const remote = createRemoteJWKSet(jwksUrl, { [customFetch]: fetcher.fetch });
  let stale: { set: JWTVerifyGetKey; at: number } | null = null;
  const keys: JWTVerifyGetKey = async (header, token) => {
    try {
      return await remote(header, token);
    } catch (err) {
      // The key set is unreachable but was fetched recently: keep verifying with it rather than refusing everyone.
      const last = fetcher.lastGood();
      if (err instanceof JwksUnavailable && last && Date.now() - last.at < JWKS_STALE_OK_MS) {
        if (stale?.at !== last.at) stale = { set: createLocalJWKSet(last.jwks), at: last.at };
        return stale.set(header, token);
      }
      throw err;
    }
  };
  const toPrincipal = compileEntraMapping(cfg.mapping, { tenantId });

  return async function verifyEntraToken(jwt) {
    // Refuse garbage before it can cause a JWKS fetch.
    if (jwt.length > MAX_JWT_CHARS || !looksLikeJwt(jwt)) return { ok: false, reason: 'malformed' };
    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(jwt, keys, { algorithms: ['RS256'], issuer, audience, clockTolerance, requiredClaims: ['exp'] }));
    } catch (err) {
      const reason = reasonFor(err);
      return reason === 'jwks-unavailable' ? { ok: false, reason, retryAfterSec: fetcher.retryAfterSec() } : { ok: false, reason };
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
 * The key set fetch: jose reports a refused connection as a bare TypeError and a non-200 or non-JSON answer as a
 * generic JOSEError; both look like "malformed" from outside, so every failure is tagged JwksUnavailable here. After a
 * failure no fetch is made until the back-off has passed (doubling to JWKS_BACKOFF_MS.max): an unreachable endpoint
 * costs one fetch per back-off period, not one per request. The last good key set is kept for the stale fallback.
 */
function guardedFetch(base: typeof fetch): {
  fetch: FetchImplementation;
  lastGood(): { jwks: JSONWebKeySet; at: number } | null;
  retryAfterSec(): number;
} {
  let failures = 0;
  let until = 0;
  let good: { jwks: JSONWebKeySet; at: number } | null = null;
  return {
    lastGood: () => good,
    retryAfterSec: () => Math.max(1, Math.ceil((until - Date.now()) / 1000)),
    async fetch(url, init) {
      if (Date.now() < until)
        throw new JwksUnavailable(`The Entra key set at ${url} failed; next try in ${Math.ceil((until - Date.now()) / 1000)} s`);
      try {
        const res = await base(url, init);
        if (res.status !== 200) {
          await res.body?.cancel();
          throw new Error(`HTTP ${res.status}`);
        }
        const text = await res.text();
        const json = JSON.parse(text) as JSONWebKeySet;
        if (!json || !Array.isArray(json.keys)) throw new Error('not a JSON Web Key Set');
        failures = 0;
        until = 0;
        good = { jwks: json, at: Date.now() };
        return new Response(text, { status: 200, headers: { 'content-type': 'application/json' } });
      } catch (cause) {
        failures++;
        until = Date.now() + Math.min(JWKS_BACKOFF_MS.max, JWKS_BACKOFF_MS.first * 2 ** (failures - 1));
        throw new JwksUnavailable(`Cannot load the Entra key set from ${url}`, { cause });
      }
    },
  };
}

function reasonFor(err: unknown): EntraFailure {
  if (err instanceof JwksUnavailable || err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid) return 'jwks-unavailable';
  if (err instanceof errors.JWTExpired) return 'expired';
  if (err instanceof errors.JWTClaimValidationFailed) return CLAIM_REASONS.get(err.claim) ?? 'malformed';
  if (err instanceof errors.JOSEAlgNotAllowed) return 'alg-not-allowed';
  // An unknown kid is, for the caller, a token we cannot attribute to the tenant: same as a bad signature.
  if (
    err instanceof errors.JWSSignatureVerificationFailed ||
    err instanceof errors.JWKSNoMatchingKey ||
    err instanceof errors.JWKSMultipleMatchingKeys
  )
    return 'bad-signature';
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
  const audience = (env.PHULUC_ENTRA_AUDIENCE ?? '')
    .split(',')
    .map((a) => a.trim())
    .filter((a) => a !== '');
  if (audience.length === 0)
    throw new Error('PHULUC_ENTRA_AUDIENCE is required when PHULUC_ENTRA_TENANT_ID is set (e.g. api://phuluc or the app client id).');
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
