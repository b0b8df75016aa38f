// Issue 14 against a real server process (bin/phuluc serve) — run on PGlite and on PostgreSQL: idempotency keys bound to
// principal, plan and body; the token lifecycle (list, revoke, expiry, last use, audit, the CLI beside a running server);
// Entra users mapped by object id only; plan size, quotas, failed sign-in throttling, numeric bounds and API headers.
// Every wait is for an event (an answer, an exit), bounded generously; nothing sleeps a fixed short time.
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { promisify } from 'node:util';
import { exportJWK, generateKeyPair, SignJWT, type CryptoKey } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/model/index.ts';
import { PROGRESS_CATEGORIES, PROGRESS_CATEGORY_LABEL, PROGRESS_STATUS_LABEL, PROGRESS_STATUSES } from '../../../core/progress/index.ts';
import { openDatabase } from '../../../server/db/connect.ts';
import { hashJson } from '../../../server/sync/summary.ts';
import { REPO_ROOT } from '../../support/paths.ts';
import { startServerProcess, type ServerProcess } from '../../support/server-process.ts';
import { bigPlan, withResult } from '../reliability/burst.ts';

const run = promisify(execFile);
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const AUD = 'api://phuluc';
const ADMIN_OID = '3f1c2d4e-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const OTHER_OID = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

export const LIMITS_ENV = {
  PHULUC_MAX_PLAN_ROWS: '300',
  PHULUC_MAX_REVISIONS_PER_DAY: '8',
  PHULUC_MAX_COMMUNE_BYTES: '150000',
  PHULUC_AUTH_FAILURES: '6',
  PHULUC_AUTH_WINDOW_SECONDS: '600',
  PHULUC_TRUST_PROXY: '1',
};

/** Where the suite's server keeps its data. */
export type Store = { kind: 'pglite'; dataDir: string } | { kind: 'postgres'; databaseUrl: string };

interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- bodies are asserted field by field
  body: any;
  headers: Headers;
}

/** Poll `fn` until `ok` (an event: a clock passing an instant, another process's cache expiring), at most `ms`. */
async function until<T>(fn: () => Promise<T>, ok: (v: T) => boolean, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (ok(v) || Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * The suite, on a store the caller prepares (a fresh PGlite folder or PostgreSQL database).
 * @example guardsSuite('PGlite', async () => ({ store: { kind: 'pglite', dataDir }, cleanup }))
 */
export function guardsSuite(name: string, prepare: () => Promise<{ store: Store; cleanup: () => Promise<void> }>): void {
  // Generous bounds: a loaded machine starts processes slowly; every wait inside is for an event.
  describe(`issue 14 guards on a real server (${name})`, { timeout: 180_000 }, () => {
    let store: Store;
    let cleanup = async () => {};
    let server: ServerProcess;
    let admin: string;
    let jwks: Server;
    let key: { publicKey: CryptoKey; privateKey: CryptoKey };
    const tokens: Record<string, { id: string; secret: string }> = {};

    const call = async (
      method: string,
      p: string,
      token: string | null,
      o: { json?: unknown; body?: string; headers?: Record<string, string> } = {},
    ): Promise<Answer> => {
      const headers: Record<string, string> = { ...(o.headers ?? {}) };
      if (token) headers.authorization = `Bearer ${token}`;
      let body = o.body;
      if (o.json !== undefined) body = JSON.stringify(o.json);
      if (body !== undefined) headers['content-type'] ??= 'application/json';
      const res = await fetch(`${server.url}${p}`, { method, headers, ...(body !== undefined ? { body } : {}) });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        // not JSON
      }
      return { status: res.status, body: parsed, headers: res.headers };
    };
    const cli = async (args: string[], env: Record<string, string> = {}) => {
      const childEnv: Record<string, string> = { ...(process.env as Record<string, string>), ...env };
      delete childEnv.DATABASE_URL;
      if (store.kind === 'postgres') childEnv.DATABASE_URL = store.databaseUrl;
      else childEnv.PHULUC_DATA_DIR = store.dataDir;
      return run(process.execPath, [path.join(REPO_ROOT, 'bin', 'phuluc'), ...args], { cwd: REPO_ROOT, env: childEnv }).then(
        (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
        (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
      );
    };
    const sign = (claims: Record<string, unknown>) =>
      new SignJWT({ tid: TENANT, ver: '2.0', ...claims })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1', typ: 'JWT' })
        .setIssuer(`https://login.microsoftonline.com/${TENANT}/v2.0`)
        .setAudience(AUD)
        .setIssuedAt()
        .setExpirationTime('10m')
        .sign(key.privateKey);
    const revisions = async (commune: string, planKey: string) =>
      (await call('GET', `/api/communes/${commune}/plans/${planKey}/revisions`, admin)).body.revisions as {
        seq: number;
        idempotencyKey: string | null;
        author: string;
      }[];
    const mkToken = async (body: Record<string, unknown>) => {
      const r = await call('POST', '/api/tokens', admin, { json: body });
      expect(r.status).toBe(201);
      return r.body as { id: string; secret: string; expiresAt: string; label: string };
    };

    beforeAll(async () => {
      ({ store, cleanup } = await prepare());
      key = await generateKeyPair('RS256', { extractable: true });
      const jwk = { ...(await exportJWK(key.publicKey)), kid: 'k1', alg: 'RS256', use: 'sig' };
      jwks = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [jwk] })));
      await new Promise<void>((resolve) => jwks.listen(0, '127.0.0.1', resolve));
      server = await startServerProcess({
        ...(store.kind === 'pglite' ? { dataDir: store.dataDir } : { databaseUrl: store.databaseUrl }),
        env: {
          ...LIMITS_ENV,
          PHULUC_ENTRA_TENANT_ID: TENANT,
          PHULUC_ENTRA_AUDIENCE: AUD,
          PHULUC_ENTRA_JWKS_URL: `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/keys`,
          PHULUC_ENTRA_MAPPING: JSON.stringify({ users: { [ADMIN_OID]: { role: 'admin' } } }),
        },
      });
      admin = server.adminToken!;
      expect(admin).toMatch(/^phl_/);
      for (const [k, body] of Object.entries({
        editor: { role: 'editor', commune: '10903', label: 'Nguyễn Văn A, cán bộ VP' },
        editor2: { role: 'editor', commune: '10903', label: 'Trần Thị B, cán bộ VP' },
        bytes: { role: 'editor', commune: '10888', label: 'Lê Văn C' },
        daily: { role: 'editor', commune: '10507', label: 'Phạm Thị D' },
      }))
        tokens[k] = await mkToken(body);
    }, 240_000);

    afterAll(async () => {
      await server?.stop();
      await new Promise<void>((resolve) => (jwks ? jwks.close(() => resolve()) : resolve()));
      await cleanup();
    });

    describe('idempotency', () => {
      const PLAN = '/api/communes/10903/plans/IDEM';
      let v1: Plan;

      it('the same key with the same body replays the first answer: same status and body, marked, one revision', async () => {
        const body = JSON.stringify({ plan: bigPlan(5), message: 'lần đầu' });
        const first = await call('POST', `${PLAN}/revisions`, tokens.editor!.secret, { body, headers: { 'idempotency-key': 'k-1' } });
        expect(first.status).toBe(201);
        expect(first.headers.get('idempotent-replayed')).toBeNull();
        expect(first.body.fingerprint).toBe(hashJson(body));
        v1 = first.body.plan;
        const again = await call('POST', `${PLAN}/revisions`, tokens.editor!.secret, {
          body,
          headers: { 'idempotency-key': 'k-1', 'if-match': '"7"' },
        });
        expect(again.status).toBe(201);
        expect(again.headers.get('idempotent-replayed')).toBe('true');
        expect(again.body).toEqual(first.body);
        expect((await revisions('10903', 'IDEM')).length).toBe(1);
      });

      it('the same key with another body is refused with 422 in Vietnamese, and nothing is stored', async () => {
        const r = await call('POST', `${PLAN}/revisions`, tokens.editor!.secret, {
          json: { plan: withResult(v1, 1, 'Sửa khác') },
          headers: { 'idempotency-key': 'k-1', 'if-match': '"1"' },
        });
        expect(r.status).toBe(422);
        expect(r.body.error.code).toBe('idempotency-key-reused');
        expect(r.body.error.message).toMatch(/Idempotency-Key này đã được dùng cho một yêu cầu khác/);
        expect(r.body.error.messageEn).toMatch(/different request/);
        expect(await revisions('10903', 'IDEM')).toHaveLength(1);
      });

      it('two different bodies racing with one key: one is stored, the other refused', async () => {
        const [a, b] = await Promise.all(
          [1, 2].map((i) =>
            call('POST', `${PLAN}/revisions`, tokens.editor!.secret, {
              json: { plan: withResult(v1, i, `Đua ${i}`) },
              headers: { 'idempotency-key': 'k-race', 'if-match': '"1"' },
            }),
          ),
        );
        expect([a!.status, b!.status].sort()).toEqual([201, 422]);
        expect((await revisions('10903', 'IDEM')).filter((x) => x.idempotencyKey === 'k-race')).toHaveLength(1);
      });

      it('a key reused by another principal or on another plan is not a replay of someone else’s answer', async () => {
        const other = await call('POST', `${PLAN}/revisions`, tokens.editor2!.secret, {
          json: { plan: withResult(v1, 3, 'Của người khác') },
          headers: { 'idempotency-key': 'k-1', 'if-match': '"2"' },
        });
        expect(other.status).toBe(201);
        expect(other.headers.get('idempotent-replayed')).toBeNull();
        expect(other.body.revision.seq).toBe(3);
        const elsewhere = await call('POST', '/api/communes/10903/plans/IDEM-2/revisions', tokens.editor!.secret, {
          json: { plan: bigPlan(5) },
          headers: { 'idempotency-key': 'k-1' },
        });
        expect(elsewhere.status).toBe(201);
        expect(elsewhere.headers.get('idempotent-replayed')).toBeNull();
        expect(elsewhere.body.revision.seq).toBe(1);
        const keyed = (await revisions('10903', 'IDEM')).filter((x) => x.idempotencyKey === 'k-1');
        expect(keyed.map((x) => x.author).sort()).toEqual([`token:${tokens.editor!.id}`, `token:${tokens.editor2!.id}`].sort());
      });

      it('restore: the same key restoring the same revision replays; restoring another revision with it is refused', async () => {
        const first = await call('POST', `${PLAN}/revisions/1/restore`, tokens.editor!.secret, { headers: { 'idempotency-key': 'r-1' } });
        expect(first.status).toBe(201);
        const again = await call('POST', `${PLAN}/revisions/1/restore`, tokens.editor!.secret, { headers: { 'idempotency-key': 'r-1' } });
        expect(again.status).toBe(201);
        expect(again.headers.get('idempotent-replayed')).toBe('true');
        expect(again.body).toEqual(first.body);
        const before = (await revisions('10903', 'IDEM')).length;
        const other = await call('POST', `${PLAN}/revisions/2/restore`, tokens.editor!.secret, { headers: { 'idempotency-key': 'r-1' } });
        expect(other.status).toBe(422);
        expect(other.body.error.code).toBe('idempotency-key-reused');
        expect(await revisions('10903', 'IDEM')).toHaveLength(before);
      });
    });

    describe('tokens', () => {
      it('lists tokens for admins only, with holder, expiry and last use — never a secret', async () => {
        await call('GET', '/api/me', tokens.editor!.secret);
        const list = await call('GET', '/api/tokens', admin);
        expect(list.status).toBe(200);
        const ed = list.body.tokens.find((t: { id: string }) => t.id === tokens.editor!.id);
        expect(ed).toMatchObject({
          role: 'editor',
          communeCode: '10903',
          label: 'Nguyễn Văn A, cán bộ VP',
          state: 'active',
          revokedAt: null,
        });
        expect(ed.lastUsedAt).not.toBeNull();
        // Default lifetimes: 180 days for an editor, a year for the first admin.
        expect(Math.round((Date.parse(ed.expiresAt) - Date.parse(ed.createdAt)) / 86_400_000)).toBe(180);
        const first = list.body.tokens.find((t: { createdBy: string }) => t.createdBy === 'first-start');
        expect(Math.round((Date.parse(first.expiresAt) - Date.parse(first.createdAt)) / 86_400_000)).toBe(365);
        expect(JSON.stringify(list.body)).not.toMatch(/phl_|"hash"|"secret"/);
        const denied = await call('GET', '/api/tokens', tokens.editor!.secret);
        expect(denied.status).toBe(403);
        expect(denied.body.error.message).toMatch(/chỉ quản trị viên/);
      });

      it('--expires sets the expiry; a bad one is a 400 in Vietnamese', async () => {
        const t = await mkToken({ role: 'consolidator', province: '31', label: 'Võ Văn E', expires: '90d' });
        expect(Math.round((Date.parse(t.expiresAt) - Date.now()) / 86_400_000)).toBe(90);
        const bad = await call('POST', '/api/tokens', admin, { json: { role: 'admin', expires: 'mai' } });
        expect(bad.status).toBe(400);
        expect(bad.body.error.message).toMatch(/Hạn dùng/);
      });

      it('a revoked token → 401 at once, with a Vietnamese message; the revocation is listed', async () => {
        const t = await mkToken({ role: 'editor', commune: '10903', label: 'Bị lộ' });
        expect((await call('GET', '/api/me', t.secret)).status).toBe(200);
        const del = await call('DELETE', `/api/tokens/${t.id}`, admin);
        expect(del.status).toBe(200);
        expect(del.body.token).toMatchObject({ id: t.id, state: 'revoked' });
        const me = await call('GET', '/api/me', t.secret);
        expect(me.status).toBe(401);
        expect(me.body.error).toMatchObject({ code: 'token-revoked' });
        expect(me.body.error.message).toMatch(/đã bị thu hồi/);
        expect((await call('DELETE', '/api/tokens/khong-co', admin)).status).toBe(404);
      });

      it('an expired token → 401 token-expired', async () => {
        const t = await mkToken({
          role: 'editor',
          commune: '10903',
          label: 'Hết hạn',
          expires: new Date(Date.now() + 2_000).toISOString(),
        });
        const me = await until(
          () => call('GET', '/api/me', t.secret),
          (r) => r.status !== 200,
        );
        expect(me.status).toBe(401);
        expect(me.body.error.code).toBe('token-expired');
        expect(me.body.error.message).toMatch(/đã hết hạn/);
      });

      it('the CLI lists and revokes while the server runs', async () => {
        const t = await mkToken({ role: 'editor', commune: '10903', label: 'Qua dòng lệnh' });
        expect((await call('GET', '/api/me', t.secret)).status).toBe(200);
        if (store.kind === 'pglite') {
          // PGlite is one process's: the CLI says how to go through the running server…
          const direct = await cli(['token', 'revoke', t.id]);
          expect(direct.code).toBe(2);
          expect(direct.stderr).toMatch(/đang chạy.*--server/s);
          expect(direct.stderr).not.toMatch(/\n\s+at /);
          // …and does it that way.
          const list = await cli(['token', 'list', '--json', '--server', server.url, '--token', admin]);
          expect(list.code).toBe(0);
          expect(JSON.parse(list.stdout).map((x: { id: string }) => x.id)).toContain(t.id);
          const revoked = await cli(['token', 'revoke', t.id, '--server', server.url], { PHULUC_ADMIN_TOKEN: admin });
          expect(revoked.code).toBe(0);
          expect(revoked.stderr).toMatch(/Đã thu hồi mã truy cập/);
        } else {
          // PostgreSQL: straight in the database; the server's 10-second token cache lets go soon after.
          const list = await cli(['token', 'list']);
          expect(list.code).toBe(0);
          expect(list.stdout).toContain(t.id);
          expect(list.stdout).toMatch(/Qua dòng lệnh/);
          const revoked = await cli(['token', 'revoke', t.id]);
          expect(revoked.code).toBe(0);
        }
        const me = await until(
          () => call('GET', '/api/me', t.secret),
          (r) => r.status === 401,
          30_000,
        );
        expect(me.body.error.code).toBe('token-revoked');
      });
    });

    describe('Entra', () => {
      it('maps a user by object id, never by a name claim; Phuluc.Admin works', async () => {
        const mapped = await call('GET', '/api/me', await sign({ oid: ADMIN_OID, name: 'Quản trị', preferred_username: 'qt@tinh.gov.vn' }));
        expect(mapped.status).toBe(200);
        expect(mapped.body.principal).toMatchObject({ role: 'admin', subject: ADMIN_OID, via: 'entra' });
        // Another account whose every name claim carries the mapped entry's key and the admin's name.
        const impostor = await call(
          'GET',
          '/api/me',
          await sign({ oid: OTHER_OID, name: ADMIN_OID, preferred_username: ADMIN_OID, upn: ADMIN_OID, email: 'qt@tinh.gov.vn' }),
          { headers: { 'x-forwarded-for': '192.0.2.50' } },
        );
        expect(impostor.status).toBe(401);
        expect(impostor.body.error.message).toMatch(/no-role/);
        const byRole = await call('GET', '/api/me', await sign({ oid: OTHER_OID, roles: ['Phuluc.Admin'] }));
        expect(byRole.body.principal).toMatchObject({ role: 'admin', subject: OTHER_OID });
      });
    });

    describe('limits', () => {
      it('a plan over PHULUC_MAX_PLAN_ROWS → 413 naming the limit, nothing stored', async () => {
        const r = await call('POST', '/api/communes/10903/plans/BIG/revisions', tokens.editor!.secret, { json: { plan: bigPlan(300) } });
        expect(r.status).toBe(413);
        expect(r.body.error.code).toBe('plan-too-large');
        expect(r.body.error.message).toMatch(/301 dòng, tối đa 300 dòng.*PHULUC_MAX_PLAN_ROWS/);
        expect((await call('GET', '/api/communes/10903/plans/BIG', tokens.editor!.secret)).status).toBe(404);
      });

      it('stored bytes per commune: 413 naming PHULUC_MAX_COMMUNE_BYTES once full', async () => {
        const plan = bigPlan(100);
        const answers: Answer[] = [];
        for (let i = 0; i < 6; i++) {
          const r = await call('POST', `/api/communes/10888/plans/B${i}/revisions`, tokens.bytes!.secret, { json: { plan } });
          answers.push(r);
          if (r.status !== 201) break;
        }
        const stored = answers.filter((a) => a.status === 201).length;
        expect(stored).toBe(4);
        const last = answers[answers.length - 1]!;
        expect(last.status).toBe(413);
        expect(last.body.error.code).toBe('quota-commune-bytes');
        expect(last.body.error.message).toMatch(/Dung lượng lưu của xã đã đầy.*PHULUC_MAX_COMMUNE_BYTES/);
        expect(last.body.error.details).toMatchObject({ limit: 'PHULUC_MAX_COMMUNE_BYTES', max: 150_000 });
        expect((await call('GET', '/api/communes/10888/plans/B4', tokens.bytes!.secret)).status).toBe(404);
      });

      it('revisions per commune per day: 429 with Retry-After naming PHULUC_MAX_REVISIONS_PER_DAY', async () => {
        const plan = bigPlan(3);
        for (let i = 0; i < 8; i++)
          expect(
            (
              await call('POST', `/api/communes/10507/plans/D${i}/revisions`, tokens.daily!.secret, {
                json: { plan },
                headers: { 'idempotency-key': `d-${i}` },
              })
            ).status,
          ).toBe(201);
        const r = await call('POST', '/api/communes/10507/plans/D8/revisions', tokens.daily!.secret, { json: { plan } });
        expect(r.status).toBe(429);
        expect(r.body.error.code).toBe('quota-revisions-per-day');
        expect(r.body.error.message).toMatch(/tối đa 8 phiên bản mỗi ngày.*PHULUC_MAX_REVISIONS_PER_DAY/);
        const retry = Number(r.headers.get('retry-after'));
        expect(retry).toBeGreaterThan(0);
        expect(retry).toBeLessThanOrEqual(86_400);
        // A retry of a push already stored is still answered: a replay stores nothing.
        const d0 = await call('POST', '/api/communes/10507/plans/D0/revisions', tokens.daily!.secret, {
          json: { plan },
          headers: { 'idempotency-key': 'd-0' },
        });
        expect(d0.status).toBe(201);
        expect(d0.headers.get('idempotent-replayed')).toBe('true');
      });

      it('numeric parameters are bounded: 400, never 500', async () => {
        for (const p of [
          '/diff?from=0&to=99999999999',
          '/diff?from=-1&to=1',
          '/diff?from=0&to=1e400',
          '/revisions/99999999999',
          '/revisions/0',
        ]) {
          const r = await call('GET', `/api/communes/10903/plans/IDEM${p}`, tokens.editor!.secret);
          expect(r.status, p).toBe(400);
        }
        const r = await call('POST', '/api/communes/10903/plans/IDEM/revisions', tokens.editor!.secret, {
          json: { plan: bigPlan(2) },
          headers: { 'if-match': '"99999999999"' },
        });
        expect(r.status).toBe(400);
        expect(r.body.error.code).toBe('bad-if-match');
      });

      it('API answers carry nosniff, no-store and a request id', async () => {
        for (const [p, token] of [
          ['/api/health', null],
          ['/api/me', tokens.editor!.secret],
          ['/api/nope', null],
          ['/api/me', 'phl_wrong'],
        ] as const) {
          const r = await call('GET', p, token, { headers: { 'x-forwarded-for': '192.0.2.77' } });
          expect(r.headers.get('x-content-type-options'), p).toBe('nosniff');
          expect(r.headers.get('cache-control'), p).toBe('no-store');
          expect(r.headers.get('x-request-id'), p).toMatch(/^[\w-]{8,}$/);
        }
      });

      it('/api/docs and the OpenAPI document describe idempotency, tokens, limits (with this server’s values) and the errors', async () => {
        const docs = await call('GET', '/api/docs', null);
        expect(docs.status).toBe(200);
        const html = docs.body as string;
        for (const text of [
          'Idempotency-Key',
          'Idempotent-Replayed: true',
          'idempotency-key-reused',
          'token-revoked',
          'token-expired',
          '/api/tokens/{id}',
          'quota-revisions-per-day',
          'too-many-failed-sign-ins',
          // Progress: the routes, the statuses and the tracking categories by code and by name.
          '/api/provinces/{tỉnh}/plans/{khóa}/progress/{kỳ}',
          'progress-conflict',
          'progress-locked',
          '/api/calendar/{mã}.ics',
          // Operations: health is public, metrics need the scraper's token or an admin's.
          'PHULUC_METRICS_TOKEN',
          ...PROGRESS_STATUSES.map((k) => `<code>${k}</code> ${PROGRESS_STATUS_LABEL[k].vi}`),
          ...PROGRESS_CATEGORIES.map((k) => `<code>${k}</code> ${PROGRESS_CATEGORY_LABEL[k].vi}`),
        ])
          expect(html).toContain(text);
        expect(html).toMatch(
          /<code>PHULUC_MAX_REVISIONS_PER_DAY<\/code><\/td><td>[^<]*<br><small>[^<]*<\/small><\/td><td>8<\/td><td>500<\/td>/,
        );
        const doc = (await call('GET', '/api/openapi.json', null)).body;
        expect(Object.keys(doc.paths['/api/tokens'])).toEqual(expect.arrayContaining(['get', 'post']));
        expect(Object.keys(doc.paths['/api/tokens/{id}'])).toEqual(['delete']);
        const push = doc.paths['/api/communes/{commune}/plans/{planKey}/revisions'].post;
        expect(push.description).toMatch(/Idempotency-Key/);
        expect(Object.keys(push.responses)).toEqual(expect.arrayContaining(['201', '409', '413', '422', '429']));
      });

      it('failed authentication is throttled per client address: 429 with Retry-After naming the limit', async () => {
        const from = (ip: string) => ({ headers: { 'x-forwarded-for': `10.0.0.1, ${ip}` } });
        for (let i = 0; i < 6; i++)
          expect((await call('GET', '/api/me', `phl_guess${i}_${'x'.repeat(20)}`, from('198.51.100.9'))).status).toBe(401);
        const blocked = await call('GET', '/api/me', `phl_guess7_${'x'.repeat(20)}`, from('198.51.100.9'));
        expect(blocked.status).toBe(429);
        expect(blocked.body.error.code).toBe('too-many-failed-sign-ins');
        expect(blocked.body.error.message).toMatch(/Quá nhiều lần đăng nhập sai.*PHULUC_AUTH_FAILURES/);
        expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
        // Even a right token from that address waits: a guess that hits cannot show itself.
        expect((await call('GET', '/api/me', admin, from('198.51.100.9'))).status).toBe(429);
        // Other addresses are not affected.
        expect((await call('GET', '/api/me', admin, from('198.51.100.10'))).status).toBe(200);
      });
    });

    describe('audit', () => {
      it('records token creation and revocation', async () => {
        await server.stop();
        const database = await openDatabase(store.kind === 'pglite' ? { dataDir: store.dataDir } : { url: store.databaseUrl });
        try {
          const rows = await database.db
            .selectFrom('audit_log')
            .select(['actor', 'action', 'target'])
            .where('action', 'in', ['token-create', 'token-revoke'])
            .execute();
          expect(rows.filter((r) => r.action === 'token-create').length).toBeGreaterThanOrEqual(7);
          const revoked = rows.filter((r) => r.action === 'token-revoke');
          expect(revoked).toHaveLength(2);
          // Through the API the actor is the admin's token; the CLI on PostgreSQL writes as "cli".
          expect(revoked.filter((r) => r.actor === 'cli')).toHaveLength(store.kind === 'postgres' ? 1 : 0);
          expect(revoked.filter((r) => r.actor.startsWith('token:'))).toHaveLength(store.kind === 'postgres' ? 1 : 2);
        } finally {
          await database.close();
        }
      });
    });
  });
}
