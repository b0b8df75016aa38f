// Entra ID verification against a real JWKS served on loopback HTTP: every refusal reason, the role mapping, key rotation.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { base64url, CompactSign, exportJWK, exportSPKI, generateKeyPair, SignJWT, type CryptoKey, type JWK } from 'jose';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { compileEntraMapping } from '../../../server/auth/entra-mapping.ts';
import { createEntraVerifier, entraConfigFromEnv, looksLikeJwt, type EntraConfig, type EntraMapping } from '../../../server/auth/entra.ts';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const OTHER_TENANT = '0b6f5f2e-1111-4c3a-9a55-3f0c8a1e2b7d';
const AUD = 'api://phuluc';
const CLIENT_ID = '6e2b1a4c-9d3f-4f6b-8a1e-0c5d7e9f1a2b';
const ISS = `https://login.microsoftonline.com/${TENANT}/v2.0`;
const OID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

type KeyPair = { publicKey: CryptoKey; privateKey: CryptoKey };
let key1: KeyPair;
let key2: KeyPair;
let impostor: KeyPair;
let jwk1: JWK;
let jwk2: JWK;

/** What the JWKS server answers; tests change it and reset it in beforeEach. */
let served: { keys: JWK[]; status: number; body?: string };
let hits = 0;
let server: Server;
let jwksUrl: string;

beforeAll(async () => {
  const pair = () => generateKeyPair('RS256', { extractable: true });
  [key1, key2, impostor] = await Promise.all([pair(), pair(), pair()]);
  jwk1 = { ...(await exportJWK(key1.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
  jwk2 = { ...(await exportJWK(key2.publicKey)), kid: 'k2', alg: 'RS256', use: 'sig' };
  server = createServer((req, res) => {
    hits++;
    res.writeHead(served.status, { 'content-type': 'application/json' });
    res.end(served.body ?? JSON.stringify({ keys: served.keys }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${TENANT}/discovery/v2.0/keys`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

beforeEach(() => {
  served = { keys: [jwk1], status: 200 };
  hits = 0;
});

function verifier(mapping: EntraMapping = {}, extra: Partial<EntraConfig> = {}) {
  return createEntraVerifier({ tenantId: TENANT, audience: AUD, jwksUrl, mapping, ...extra });
}

interface SignOpts {
  key?: CryptoKey;
  kid?: string;
  iss?: string;
  aud?: string;
  /** Seconds from now. */
  exp?: number;
  nbf?: number;
}

/** A v2 access token as Entra issues it; `claims` override or (with undefined) drop the defaults. */
async function sign(claims: Record<string, unknown> = {}, o: SignOpts = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const jwt = new SignJWT({
    tid: TENANT,
    oid: OID,
    sub: 'pairwise-sub',
    name: 'Nguyễn Văn A',
    preferred_username: 'A.Nguyen@xa.gov.vn',
    ver: '2.0',
    ...claims,
  })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: o.kid ?? 'k1' })
    .setIssuer(o.iss ?? ISS)
    .setAudience(o.aud ?? AUD)
    .setIssuedAt(now)
    .setExpirationTime(now + (o.exp ?? 3600));
  if (o.nbf !== undefined) jwt.setNotBefore(now + o.nbf);
  return jwt.sign(o.key ?? key1.privateKey);
}

const editorRole = { roles: ['Phuluc.Editor.10903'] };

describe('valid tokens and the role mapping', () => {
  it('maps a pattern editor role to an editor of that commune', async () => {
    const r = await verifier()(await sign(editorRole));
    expect(r).toEqual({ ok: true, principal: { role: 'editor', subject: OID, name: 'Nguyễn Văn A', communeCode: '10903', via: 'entra' } });
  });

  it('maps a pattern consolidator role to its province', async () => {
    const r = await verifier()(await sign({ roles: ['Phuluc.Consolidator.31'] }));
    expect(r).toMatchObject({ ok: true, principal: { role: 'consolidator', provinceCode: '31' } });
  });

  it('maps explicit app roles to consolidator and admin', async () => {
    const verify = verifier({
      roles: { 'Phuluc.Admin': { role: 'admin' }, 'Tong.Hop.HaiPhong': { role: 'consolidator', provinceCode: '31' } },
    });
    expect(await verify(await sign({ roles: ['Tong.Hop.HaiPhong'] }))).toMatchObject({
      ok: true,
      principal: { role: 'consolidator', provinceCode: '31' },
    });
    const admin = await verify(await sign({ roles: ['Phuluc.Admin'] }));
    expect(admin).toEqual({ ok: true, principal: { role: 'admin', subject: OID, name: 'Nguyễn Văn A', via: 'entra' } });
  });

  it('picks the most privileged role when several match', async () => {
    const verify = verifier({ roles: { 'Phuluc.Admin': { role: 'admin' } } });
    expect(await verify(await sign({ roles: ['Phuluc.Editor.10903', 'Phuluc.Admin'] }))).toMatchObject({
      ok: true,
      principal: { role: 'admin' },
    });
    expect(await verifier()(await sign({ roles: ['Phuluc.Editor.10903', 'Phuluc.Editor.10904', 'Phuluc.Consolidator.31'] }))).toMatchObject(
      {
        ok: true,
        principal: { role: 'consolidator', provinceCode: '31' },
      },
    );
  });

  it('lets a users entry keyed by oid override the roles in the token', async () => {
    const verify = verifier({
      roles: { 'Phuluc.Admin': { role: 'admin' } },
      users: { [OID.toUpperCase()]: { role: 'editor', communeCode: '10905' } },
    });
    expect(await verify(await sign({ roles: ['Phuluc.Admin'] }))).toMatchObject({
      ok: true,
      principal: { role: 'editor', communeCode: '10905', subject: OID },
    });
  });

  it('never maps a user by a name claim: a token whose names match an entry but whose oid does not gets no role', async () => {
    const OTHER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
    const verify = verifier({ users: { [OID]: { role: 'admin' } }, patternRoles: false });
    expect(await verify(await sign())).toMatchObject({ ok: true, principal: { role: 'admin', subject: OID } });
    // Another account carrying the entry's key — and the admin's names — in every name claim.
    const impostor = { oid: OTHER, preferred_username: OID, upn: OID, email: OID, unique_name: OID, name: OID };
    expect(await verify(await sign(impostor))).toEqual({ ok: false, reason: 'no-role' });
    expect(await verify(await sign({ ...impostor, preferred_username: 'A.Nguyen@xa.gov.vn', upn: 'A.Nguyen@xa.gov.vn' }))).toEqual({
      ok: false,
      reason: 'no-role',
    });
    // The subject is never taken from a name either.
    expect(await verify(await sign({ oid: undefined, sub: 'pairwise-sub' }))).toEqual({ ok: false, reason: 'no-role' });
  });

  it('refuses a mapping keyed by names at start-up', () => {
    expect(() => verifier({ users: { 'a.nguyen@xa.gov.vn': { role: 'admin' } } })).toThrow(/object id/);
    expect(() =>
      entraConfigFromEnv({
        PHULUC_ENTRA_TENANT_ID: TENANT,
        PHULUC_ENTRA_AUDIENCE: AUD,
        PHULUC_ENTRA_MAPPING: '{"users":{"B@XA.gov.vn":{"role":"admin"}}}',
      }),
    ).toThrow(/object id/);
  });

  it('applies a users entry only to a token of the configured tenant', () => {
    const toPrincipal = compileEntraMapping({ users: { [OID]: { role: 'admin' } } }, { tenantId: TENANT });
    expect(toPrincipal({ oid: OID, tid: TENANT })).toMatchObject({ role: 'admin' });
    expect(toPrincipal({ oid: OID, tid: OTHER_TENANT })).toBeNull();
    expect(toPrincipal({ oid: OID })).toBeNull();
  });

  it('recognises the Phuluc.Admin app role without a roles mapping, as README says', async () => {
    expect(await verifier()(await sign({ roles: ['Phuluc.Admin'] }))).toMatchObject({
      ok: true,
      principal: { role: 'admin', subject: OID },
    });
    expect(await verifier()(await sign({ roles: ['Phuluc.Admin', 'Phuluc.Editor.10903'] }))).toMatchObject({
      ok: true,
      principal: { role: 'admin' },
    });
    expect(await verifier({ patternRoles: false })(await sign({ roles: ['Phuluc.Admin'] }))).toEqual({ ok: false, reason: 'no-role' });
  });

  it('falls back to sub for the subject and preferred_username for the name', async () => {
    const r = await verifier()(await sign({ ...editorRole, oid: undefined, name: undefined }));
    expect(r).toMatchObject({ ok: true, principal: { subject: 'pairwise-sub', name: 'A.Nguyen@xa.gov.vn' } });
  });

  it('accepts any of several audiences, and the v1 issuer only when asked', async () => {
    const both = verifier({}, { audience: [AUD, CLIENT_ID] });
    expect(await both(await sign(editorRole, { aud: CLIENT_ID }))).toMatchObject({ ok: true });
    const v1 = await sign(editorRole, { iss: `https://sts.windows.net/${TENANT}/` });
    expect(await verifier()(v1)).toEqual({ ok: false, reason: 'wrong-issuer' });
    expect(await verifier({}, { acceptV1Issuer: true })(v1)).toMatchObject({ ok: true });
  });

  it('fetches the key set once for many tokens', async () => {
    const verify = verifier();
    for (let i = 0; i < 5; i++) expect(await verify(await sign(editorRole))).toMatchObject({ ok: true });
    expect(hits).toBe(1);
  });

  it('uses the fetch given in options', async () => {
    const calls: string[] = [];
    const fetchJwks: typeof fetch = (input, init) => {
      calls.push(String(input));
      return fetch(input, init);
    };
    const verify = createEntraVerifier({ tenantId: TENANT, audience: AUD, jwksUrl, mapping: {} }, { fetchJwks });
    expect(await verify(await sign(editorRole))).toMatchObject({ ok: true });
    expect(calls).toEqual([jwksUrl]);
  });
});

describe('refusals', () => {
  it('refuses an expired token, but tolerates 60 s of clock skew', async () => {
    expect(await verifier()(await sign(editorRole, { exp: -120 }))).toEqual({ ok: false, reason: 'expired' });
    expect(await verifier()(await sign(editorRole, { exp: -30 }))).toMatchObject({ ok: true });
    expect(await verifier({}, { clockToleranceSec: 0 })(await sign(editorRole, { exp: -30 }))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a token not valid yet (nbf beyond the tolerance)', async () => {
    expect(await verifier()(await sign(editorRole, { nbf: 600 }))).toEqual({ ok: false, reason: 'not-yet-valid' });
    expect(await verifier()(await sign(editorRole, { nbf: 30 }))).toMatchObject({ ok: true });
  });

  it('refuses a token without exp', async () => {
    const now = Math.floor(Date.now() / 1000);
    const jwt = await new SignJWT({ tid: TENANT, oid: OID, ...editorRole })
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .setIssuer(ISS)
      .setAudience(AUD)
      .setIssuedAt(now)
      .sign(key1.privateKey);
    expect(await verifier()(jwt)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses the wrong audience, issuer and tenant', async () => {
    const verify = verifier();
    expect(await verify(await sign(editorRole, { aud: 'api://someone-else' }))).toEqual({ ok: false, reason: 'wrong-audience' });
    expect(await verify(await sign(editorRole, { iss: `https://login.microsoftonline.com/${OTHER_TENANT}/v2.0` }))).toEqual({
      ok: false,
      reason: 'wrong-issuer',
    });
    expect(await verify(await sign({ ...editorRole, tid: OTHER_TENANT }))).toEqual({ ok: false, reason: 'wrong-tenant' });
    expect(await verify(await sign({ ...editorRole, tid: 42 }))).toEqual({ ok: false, reason: 'wrong-tenant' });
    // tid is checked only when present.
    expect(await verify(await sign({ ...editorRole, tid: undefined }))).toMatchObject({ ok: true });
  });

  it('refuses a token signed by another key under the same kid', async () => {
    expect(await verifier()(await sign(editorRole, { key: impostor.privateKey, kid: 'k1' }))).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses a token whose kid is not in the key set', async () => {
    expect(await verifier()(await sign(editorRole, { key: impostor.privateKey, kid: 'k-unknown' }))).toEqual({
      ok: false,
      reason: 'bad-signature',
    });
  });

  it('refuses an unsecured alg=none token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const header = base64url.encode(JSON.stringify({ alg: 'none', typ: 'JWT' }));
    const payload = base64url.encode(
      JSON.stringify({ iss: ISS, aud: AUD, tid: TENANT, oid: OID, exp: now + 3600, roles: ['Phuluc.Editor.10903'] }),
    );
    const r = await verifier()(`${header}.${payload}.`);
    expect(r).toEqual({ ok: false, reason: 'alg-not-allowed' });
    expect(hits).toBe(0);
  });

  it('refuses HS256 signed with the public key as the HMAC secret', async () => {
    const now = Math.floor(Date.now() / 1000);
    const secrets = [new TextEncoder().encode(await exportSPKI(key1.publicKey)), new TextEncoder().encode(JSON.stringify(jwk1))];
    for (const secret of secrets) {
      const jwt = await new SignJWT({ tid: TENANT, oid: OID, ...editorRole })
        .setProtectedHeader({ alg: 'HS256', kid: 'k1' })
        .setIssuer(ISS)
        .setAudience(AUD)
        .setIssuedAt(now)
        .setExpirationTime(now + 3600)
        .sign(secret);
      expect(await verifier()(jwt)).toEqual({ ok: false, reason: 'alg-not-allowed' });
    }
  });

  it('answers malformed for garbage, without fetching keys', async () => {
    const verify = verifier();
    const garbage = ['', 'abc', 'a.b', 'a.b.c.d', 'phl_abcdef', 'héllo.wörld.x', 'YWJj.YWJj.YWJj', `${'a'.repeat(20_000)}.b.c`];
    for (const g of garbage) expect(await verify(g), g.slice(0, 40)).toEqual({ ok: false, reason: 'malformed' });
    expect(hits).toBe(0);
  });

  it('checks the signature before reading the payload', async () => {
    // A well-formed RS256 header with a made-up signature is a bad signature, whatever the payload holds.
    expect(await verifier()('eyJhbGciOiJSUzI1NiIsImtpZCI6ImsxIn0.bm90IGpzb24.c2ln')).toEqual({ ok: false, reason: 'bad-signature' });
    // Correctly signed but not a claims set.
    const notClaims = await new CompactSign(new TextEncoder().encode('not json'))
      .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
      .sign(key1.privateKey);
    expect(await verifier()(notClaims)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('answers no-role when nothing maps', async () => {
    const verify = verifier({ roles: { 'Phuluc.Admin': { role: 'admin' } } });
    expect(await verify(await sign({ roles: ['Some.Other.Role', 'Phuluc.Editor.123', 'Phuluc.Consolidator.310'] }))).toEqual({
      ok: false,
      reason: 'no-role',
    });
    expect(await verify(await sign())).toEqual({ ok: false, reason: 'no-role' });
    expect(await verifier({ patternRoles: false })(await sign(editorRole))).toEqual({ ok: false, reason: 'no-role' });
  });

  it('answers no-role for editor roles in two communes, since one principal edits one commune', async () => {
    const verify = verifier();
    expect(await verify(await sign({ roles: ['Phuluc.Editor.10903', 'Phuluc.Editor.10904'] }))).toEqual({ ok: false, reason: 'no-role' });
    expect(await verify(await sign({ roles: ['Phuluc.Consolidator.31', 'Phuluc.Consolidator.01'] }))).toEqual({
      ok: false,
      reason: 'no-role',
    });
    // The same commune reached twice is not ambiguous.
    const twice = verifier({ roles: { 'Xa.TanLap': { role: 'editor', communeCode: '10903', provinceCode: '31' } } });
    expect(await twice(await sign({ roles: ['Xa.TanLap', 'Phuluc.Editor.10903'] }))).toMatchObject({
      ok: true,
      principal: { communeCode: '10903', provinceCode: '31' },
    });
  });
});

describe('the key set endpoint', () => {
  it('answers jwks-unavailable when the server is down, with when to retry', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const verify = verifier({}, { jwksUrl: `http://127.0.0.1:${port}/keys` });
    expect(await verify(await sign(editorRole))).toEqual({ ok: false, reason: 'jwks-unavailable', retryAfterSec: 1 });
  });

  describe('an unreachable key set', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('is fetched again with back-off, not on every request, and recovers', async () => {
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
      const verify = verifier();
      const token = await sign(editorRole);
      served = { keys: [jwk1], status: 503 };
      for (let i = 0; i < 25; i++) expect(await verify(token)).toMatchObject({ ok: false, reason: 'jwks-unavailable' });
      expect(hits).toBe(1);
      // Past the first back-off (1 s): one more fetch, then 2 s of quiet.
      vi.setSystemTime(Date.now() + 1_100);
      served = { keys: [jwk1], status: 200, body: '<html>maintenance</html>' };
      for (let i = 0; i < 10; i++) expect(await verify(token)).toMatchObject({ ok: false, reason: 'jwks-unavailable' });
      expect(hits).toBe(2);
      const r = await verify(token);
      expect(r).toMatchObject({ ok: false, reason: 'jwks-unavailable' });
      expect((r as { retryAfterSec: number }).retryAfterSec).toBe(2);
      vi.setSystemTime(Date.now() + 2_100);
      served = { keys: [jwk1], status: 200, body: '{"nokeys":true}' };
      expect(await verify(token)).toMatchObject({ ok: false, reason: 'jwks-unavailable' });
      expect(hits).toBe(3);
      vi.setSystemTime(Date.now() + 4_100);
      served = { keys: [jwk1], status: 200 };
      expect(await verify(token)).toMatchObject({ ok: true });
      expect(hits).toBe(4);
    });

    it('keeps verifying with the last keys fetched while the key set cannot be refetched', async () => {
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
      const verify = verifier();
      expect(await verify(await sign(editorRole))).toMatchObject({ ok: true });
      served = { keys: [jwk1], status: 503 };
      // jose's cache is stale after 10 minutes and refetches: that fails, the old keys still verify.
      vi.setSystemTime(Date.now() + 11 * 60_000);
      for (let i = 0; i < 5; i++) expect(await verify(await sign(editorRole))).toMatchObject({ ok: true });
      expect(hits).toBe(2);
      // A day later they are no longer trusted.
      vi.setSystemTime(Date.now() + 25 * 3600_000);
      expect(await verify(await sign(editorRole))).toMatchObject({ ok: false, reason: 'jwks-unavailable' });
    });
  });

  describe('key rotation', () => {
    afterEach(() => {
      vi.useRealTimers();
    });

    it('picks up a new key after the refetch cooldown', async () => {
      vi.useFakeTimers({ toFake: ['Date'], now: Date.now() });
      const verify = verifier();
      expect(await verify(await sign(editorRole))).toMatchObject({ ok: true });
      served = { keys: [jwk1, jwk2], status: 200 };
      // Within jose's 30 s cooldown an unknown kid does not trigger a fetch (that is what stops kid-spraying).
      expect(await verify(await sign(editorRole, { key: key2.privateKey, kid: 'k2' }))).toEqual({ ok: false, reason: 'bad-signature' });
      expect(hits).toBe(1);
      vi.setSystemTime(Date.now() + 31_000);
      expect(await verify(await sign(editorRole, { key: key2.privateKey, kid: 'k2' }))).toMatchObject({
        ok: true,
        principal: { communeCode: '10903' },
      });
      expect(hits).toBe(2);
      // The old key keeps working while the tenant still publishes it.
      expect(await verify(await sign(editorRole))).toMatchObject({ ok: true });
      expect(hits).toBe(2);
    });
  });
});

describe('configuration', () => {
  it('refuses an unusable config at construction', () => {
    expect(() => createEntraVerifier({ tenantId: 'contoso', audience: AUD, mapping: {} })).toThrow(/GUID/);
    expect(() => createEntraVerifier({ tenantId: TENANT, audience: [], mapping: {} })).toThrow(/audience/);
    expect(() =>
      createEntraVerifier({ tenantId: TENANT, audience: AUD, mapping: { roles: { X: { role: 'editor', communeCode: '1090' } } } }),
    ).toThrow(/5 digits/);
    expect(() => createEntraVerifier({ tenantId: TENANT, audience: AUD, mapping: { roles: { X: { role: 'consolidator' } } } })).toThrow(
      /provinceCode/,
    );
  });

  it('reads the environment', () => {
    expect(entraConfigFromEnv({})).toBeNull();
    expect(entraConfigFromEnv({ PHULUC_ENTRA_TENANT_ID: '  ', PHULUC_ENTRA_AUDIENCE: AUD })).toBeNull();
    expect(entraConfigFromEnv({ PHULUC_ENTRA_TENANT_ID: TENANT, PHULUC_ENTRA_AUDIENCE: AUD })).toEqual({
      tenantId: TENANT,
      audience: [AUD],
      mapping: {},
    });
    const full = entraConfigFromEnv({
      PHULUC_ENTRA_TENANT_ID: ` ${TENANT} `,
      PHULUC_ENTRA_AUDIENCE: `${AUD}, ${CLIENT_ID},`,
      PHULUC_ENTRA_ISSUER: 'https://issuer.example/v2.0',
      PHULUC_ENTRA_JWKS_URL: 'https://keys.example/keys',
      PHULUC_ENTRA_ACCEPT_V1_ISSUER: 'true',
      PHULUC_ENTRA_MAPPING: JSON.stringify({ roles: { 'Phuluc.Admin': { role: 'admin' } }, patternRoles: false }),
    });
    expect(full).toEqual({
      tenantId: TENANT,
      audience: [AUD, CLIENT_ID],
      issuer: 'https://issuer.example/v2.0',
      jwksUrl: 'https://keys.example/keys',
      acceptV1Issuer: true,
      mapping: { roles: { 'Phuluc.Admin': { role: 'admin' } }, patternRoles: false },
    });
  });

  it('throws on a missing audience or a bad mapping', () => {
    expect(() => entraConfigFromEnv({ PHULUC_ENTRA_TENANT_ID: TENANT })).toThrow(/PHULUC_ENTRA_AUDIENCE/);
    expect(() =>
      entraConfigFromEnv({ PHULUC_ENTRA_TENANT_ID: TENANT, PHULUC_ENTRA_AUDIENCE: AUD, PHULUC_ENTRA_MAPPING: '{roles:' }),
    ).toThrow(/PHULUC_ENTRA_MAPPING is not valid JSON/);
    expect(() =>
      entraConfigFromEnv({
        PHULUC_ENTRA_TENANT_ID: TENANT,
        PHULUC_ENTRA_AUDIENCE: AUD,
        PHULUC_ENTRA_MAPPING: '{"users":{"x":{"role":"editor","commune":"10903"}}}',
      }),
    ).toThrow(/Invalid PHULUC_ENTRA_MAPPING/);
  });

  it('recognises the shape of a JWT', () => {
    expect(looksLikeJwt('eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln')).toBe(true);
    expect(looksLikeJwt('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.')).toBe(true);
    for (const s of ['', 'a.b', 'a.b.c.d', '.b.c', 'a+b.c.d', 'a b.c.d', 'phl_0123']) expect(looksLikeJwt(s), s).toBe(false);
  });

  it('maps claims without a token (compileEntraMapping)', () => {
    const toPrincipal = compileEntraMapping({});
    expect(toPrincipal({ sub: 's', roles: ['Phuluc.Editor.10903'] })).toEqual({
      role: 'editor',
      subject: 's',
      communeCode: '10903',
      via: 'entra',
    });
    expect(toPrincipal({ roles: ['Phuluc.Editor.10903'] })).toBeNull();
    expect(toPrincipal({ sub: 's', roles: 'Phuluc.Editor.10903' })).toBeNull();
  });
});
