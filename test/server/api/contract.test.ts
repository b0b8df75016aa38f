// The API contract against a real server process (bin/phuluc serve, a fresh PGlite folder): every operation of
// /api/openapi.json is called, answers and refusals alike, and each JSON body is checked with the schema its route
// declares for that status (taken from the route definitions the document is generated from). A status a route does
// not declare, a body its schema refuses, or a field its schema does not name fails. The document itself must give
// every operation a non-empty schema for its success and each error answer.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CALENDAR_TYPE, XLSX_TYPE } from '../../../core/api/index.ts';
import { createApp } from '../../../server/app.ts';
import { fixture } from '../../support/paths.ts';
import { startServerProcess, type ServerProcess } from '../../support/server-process.ts';
import { bigPlan, withResult } from '../reliability/burst.ts';

/** What a route declares for one status: a schema per media type, or nothing (304). */
type Declared = Record<string, { schema?: unknown } | undefined> | undefined;

interface Operation {
  key: string;
  pattern: RegExp;
  method: string;
  responses: Record<string, { content?: Declared }>;
}

/** The route definitions behind /api/openapi.json (no database needed to read them). */
function operations(): Operation[] {
  const app = createApp({ db: {} as never, log: () => {} });
  const out: Operation[] = [];
  for (const d of app.openAPIRegistry.definitions) {
    if (d.type !== 'route') continue;
    const r = d.route as unknown as { method: string; path: string; responses: Operation['responses'] };
    const pattern = new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`);
    out.push({ key: `${r.method.toUpperCase()} ${r.path}`, pattern, method: r.method.toUpperCase(), responses: r.responses });
  }
  return out;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Paths of the answer that the schema did not keep: zod objects drop keys they do not declare, so what is in the
 * input and missing from the parsed output was sent undeclared.
 */
function undeclared(input: unknown, output: unknown, at = '$'): string[] {
  if (Array.isArray(input) && Array.isArray(output)) return input.flatMap((v, i) => undeclared(v, output[i], `${at}[${i}]`));
  if (isObject(input) && isObject(output))
    return Object.keys(input).flatMap((k) => (k in output ? undeclared(input[k], output[k], `${at}.${k}`) : [`${at}.${k}`]));
  return [];
}

const OPS = operations();
/** Statuses seen per operation. */
const seen = new Map<string, Set<number>>();

interface Checked {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the body has been checked against its schema
  body: any;
  headers: Headers;
  bytes: Uint8Array;
}

let server: ServerProcess;
let dataDir: string;
let admin: string;
const tok: Record<'editor' | 'editorOther' | 'consolidator' | 'consolidatorOther', string> = {
  editor: '',
  editorOther: '',
  consolidator: '',
  consolidatorOther: '',
};
/** A distinct client address per refused sign-in (PHULUC_TRUST_PROXY), so the throttle is reached only on purpose. */
let address = 0;
const from = () => ({ 'x-forwarded-for': `198.51.100.${++address}` });

/**
 * Call the server and check the answer against the declaration of its route and status.
 * @example const r = await call('GET', '/api/me', tok.editor); expect(r.status).toBe(200)
 */
async function call(
  method: string,
  url: string,
  token: string | null,
  o: { json?: unknown; body?: BodyInit; headers?: Record<string, string> } = {},
): Promise<Checked> {
  const headers: Record<string, string> = { ...(o.headers ?? {}) };
  if (token) headers.authorization = `Bearer ${token}`;
  let body = o.body;
  if (o.json !== undefined) {
    headers['content-type'] ??= 'application/json';
    body = JSON.stringify(o.json);
  }
  const res = await fetch(`${server.url}${url}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const route = url.split('?')[0]!;
  const op = OPS.find((p) => p.method === method && p.pattern.test(route));
  expect(op, `${method} ${route}: no operation declares it`).toBeDefined();
  const declared = op!.responses[String(res.status)];
  expect(declared, `${op!.key} answered ${res.status}, which it does not declare`).toBeDefined();
  (seen.get(op!.key) ?? seen.set(op!.key, new Set()).get(op!.key)!).add(res.status);
  const type = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  let parsed: unknown = null;
  if (res.status === 304) {
    expect(declared!.content, `${op!.key} 304 has no body`).toBeUndefined();
  } else if (type === 'application/json') {
    const schema = declared!.content?.['application/json']?.schema as z.ZodType | undefined;
    expect(schema, `${op!.key} ${res.status}: no JSON schema declared`).toBeDefined();
    parsed = JSON.parse(new TextDecoder().decode(bytes));
    const r = schema!.safeParse(parsed);
    expect(
      r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`),
      `${op!.key} ${res.status}: body against its schema`,
    ).toEqual([]);
    expect(undeclared(parsed, r.data), `${op!.key} ${res.status}: fields sent but not declared`).toEqual([]);
  } else if (type === 'text/calendar') {
    expect(declared!.content?.[CALENDAR_TYPE]?.schema, `${op!.key} ${res.status}: iCalendar declared`).toBeDefined();
    expect(new TextDecoder().decode(bytes.slice(0, 15))).toBe('BEGIN:VCALENDAR');
  } else {
    expect(type, `${op!.key} ${res.status}: media type`).toBe(XLSX_TYPE);
    expect(declared!.content?.[XLSX_TYPE]?.schema, `${op!.key} ${res.status}: .xlsx declared`).toBeDefined();
    expect([...bytes.slice(0, 2)]).toEqual([0x50, 0x4b]);
  }
  return { status: res.status, body: parsed, headers: res.headers, bytes };
}

/** A multipart body with one .xlsx in field "file". */
function form(bytes: Uint8Array, name = 'phu-luc.xlsx'): FormData {
  const f = new FormData();
  f.append('file', new Blob([bytes as Uint8Array<ArrayBuffer>]), name);
  return f;
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), 'phuluc-contract-'));
  server = await startServerProcess({ dataDir, env: { PHULUC_TRUST_PROXY: '1', PHULUC_AUTH_FAILURES: '3', PHULUC_MAX_PLAN_ROWS: '300' } });
  admin = server.adminToken!;
  const mk = async (role: string, scope: Record<string, string>) =>
    (await call('POST', '/api/tokens', admin, { json: { role, label: `contract ${role}`, ...scope } })).body.secret as string;
  tok.editor = await mk('editor', { commune: '10903' });
  tok.editorOther = await mk('editor', { commune: '00004' });
  tok.consolidator = await mk('consolidator', { province: '31' });
  tok.consolidatorOther = await mk('consolidator', { province: '01' });
}, 240_000);

afterAll(async () => {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe('the API contract on a real server', { timeout: 120_000 }, () => {
  it('/api/openapi.json: every operation declares a non-empty schema for its success and for each error answer', async () => {
    const res = await fetch(`${server.url}/api/openapi.json`);
    const spec = (await res.json()) as {
      paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: object }> }> }>>;
    };
    const documented: string[] = [];
    for (const [p, methods] of Object.entries(spec.paths)) {
      for (const [m, op] of Object.entries(methods)) {
        const key = `${m.toUpperCase()} ${p}`;
        documented.push(key);
        const statuses = Object.keys(op.responses).map(Number);
        expect(
          statuses.some((s) => s >= 200 && s < 300),
          `${key}: a success`,
        ).toBe(true);
        expect(
          statuses.some((s) => s >= 400),
          `${key}: error answers`,
        ).toBe(true);
        for (const [status, r] of Object.entries(op.responses)) {
          if (status === '304') continue;
          const content = Object.entries(r.content ?? {});
          expect(content.length, `${key} ${status}: content`).toBeGreaterThan(0);
          for (const [type, c] of content) expect(Object.keys(c.schema).length, `${key} ${status} ${type}: schema`).toBeGreaterThan(0);
          // The one exception: an unhealthy server answers 503 with the health report itself (what is wrong).
          if (Number(status) >= 400)
            expect(r.content?.['application/json']?.schema, `${key} ${status}`).toEqual({
              $ref: `#/components/schemas/${key === 'GET /api/health' && status === '503' ? 'Health' : 'Error'}`,
            });
        }
      }
    }
    expect(documented.sort()).toEqual(OPS.map((o) => o.key).sort());
    const consolidated = spec.paths['/api/provinces/{province}/plans/{planKey}/consolidated']!.get!.responses['200']!.content!;
    expect(consolidated[XLSX_TYPE]!.schema).toMatchObject({ type: 'string', format: 'binary' });
  });

  it('public routes and the caller', async () => {
    expect((await call('GET', '/api/health', null)).status).toBe(200);
    expect((await call('GET', '/api/config', null)).body).toEqual({ entra: null });
    expect((await call('GET', '/api/me', tok.editor)).body.principal).toMatchObject({ role: 'editor', communeCode: '10903', via: 'token' });
    expect((await call('GET', '/api/me', 'phl_not_a_token_at_all_xxxxxxxx', { headers: from() })).status).toBe(401);
    // The throttle: three failures from one address, then 429 with the limit in details.
    const one = from();
    for (let i = 0; i < 3; i++)
      expect((await call('GET', '/api/me', `phl_guess${i}_${'x'.repeat(20)}`, { headers: one })).status).toBe(401);
    const blocked = await call('GET', '/api/me', tok.editor, { headers: one });
    expect([blocked.status, blocked.body.error.code, blocked.body.error.details.limit]).toEqual([
      429,
      'too-many-failed-sign-ins',
      'PHULUC_AUTH_FAILURES',
    ]);
  });

  it('plans: push, replay, conflicts, refusals, head, history, one revision, diff, restore', async () => {
    const plans = '/api/communes/10903/plans';
    const plan = bigPlan(3);
    const push = (key: string, body: unknown, headers: Record<string, string> = {}, token = tok.editor) =>
      call('POST', `${plans}/K/revisions`, token, { json: body, headers: { 'idempotency-key': key, ...headers } });

    const first = await push('k1', { plan }, { 'if-match': '"0"' });
    expect([first.status, first.body.status, first.body.revision.seq]).toEqual([201, 'created', 1]);
    const again = await push('k1', { plan }, { 'if-match': '"0"' });
    expect([again.status, again.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect((await push('k1', { plan: withResult(plan, 1, 'khác') }, { 'if-match': '"1"' })).body.error.code).toBe('idempotency-key-reused');
    expect((await push('k2', { plan: withResult(plan, 1, 'A') }, { 'if-match': '"1"' })).status).toBe(201);
    const conflict = await push('k3', { plan: withResult(plan, 1, 'B') }, { 'if-match': '"1"' });
    expect([conflict.status, conflict.body.error.code, conflict.body.error.details.conflicts.length]).toEqual([409, 'merge-conflict', 1]);
    expect((await push('k4', { plan }, { 'if-match': '"99"' })).body.error).toMatchObject({ code: 'bad-base', details: { headSeq: 2 } });
    expect((await push('k5', { plan })).body.error).toMatchObject({ code: 'if-match-required', details: { headSeq: 2 } });
    expect((await push('k6', { plan: bigPlan(400) }, { 'if-match': '"2"' })).body.error).toMatchObject({
      code: 'plan-too-large',
      details: { limit: 'PHULUC_MAX_PLAN_ROWS' },
    });
    expect((await push('k7', { plan: { appendices: 'none' } }, { 'if-match': '"2"' })).body.error.code).toBe('invalid-request');
    expect(
      (await call('POST', `${plans}/K/revisions`, tok.editor, { body: '{"plan":', headers: { 'content-type': 'application/json' } })).body
        .error.code,
    ).toBe('malformed-json');
    expect(
      (await call('POST', `${plans}/K/revisions`, tok.editor, { body: 'plan', headers: { 'content-type': 'text/plain' } })).status,
    ).toBe(415);
    expect((await push('k9', { plan }, { 'if-match': '"2"' }, tok.editorOther)).status).toBe(403);
    expect((await call('POST', '/api/communes/99999/plans/K/revisions', tok.editor, { json: { plan } })).status).toBe(404);
    expect((await call('POST', '/api/communes/10903/plans/_bad/revisions', tok.editor, { json: { plan } })).body.error.code).toBe(
      'invalid-request',
    );
    expect((await call('POST', `${plans}/K/revisions`, null, { json: { plan }, headers: from() })).status).toBe(401);

    const head = await call('GET', `${plans}/K`, tok.consolidator);
    expect([head.status, head.body.revision.seq, head.headers.get('etag')]).toEqual([200, 2, '"2"']);
    expect((await call('GET', `${plans}/K`, tok.editor, { headers: { 'if-none-match': '"2"' } })).status).toBe(304);
    expect((await call('GET', `${plans}/NONE`, tok.editor)).status).toBe(404);
    expect((await call('GET', `${plans}/K`, tok.consolidatorOther)).status).toBe(403);
    expect((await call('GET', '/api/communes/1090/plans/K', tok.editor)).body.error.details).toEqual([
      { path: 'commune', message: expect.any(String) },
    ]);

    expect((await call('GET', `${plans}/K/revisions`, tok.editor)).body.revisions.map((r: { seq: number }) => r.seq)).toEqual([2, 1]);
    expect((await call('GET', `${plans}/NONE/revisions`, tok.editor)).status).toBe(404);
    expect((await call('GET', `${plans}/K/revisions/1`, tok.editor)).body.revision.seq).toBe(1);
    expect((await call('GET', `${plans}/K/revisions/9`, tok.editor)).status).toBe(404);
    expect((await call('GET', `${plans}/K/revisions/0`, tok.editor)).status).toBe(400);
    expect((await call('GET', `${plans}/K/diff?from=1&to=2`, tok.editor)).body.changes).toHaveLength(1);
    expect((await call('GET', `${plans}/K/diff?from=-1&to=2`, tok.editor)).status).toBe(400);
    expect((await call('GET', `${plans}/K/diff?from=0&to=9`, tok.editor)).status).toBe(404);

    const restore = (seq: number, key: string, token = tok.editor) =>
      call('POST', `${plans}/K/revisions/${seq}/restore`, token, { headers: { 'idempotency-key': key } });
    expect((await restore(1, 'r1')).body).toMatchObject({ status: 'created', revision: { seq: 3, kind: 'restore' } });
    expect((await restore(2, 'r1')).body.error.code).toBe('idempotency-key-reused');
    expect((await restore(9, 'r2')).status).toBe(404);
    expect((await restore(1, 'r3', tok.consolidator)).status).toBe(403);
  });

  it('upload: a workbook stored with its report; refusals with the one error body (422 no-table carries the report)', async () => {
    const url = '/api/communes/10903/plans/UP/upload';
    const ok = await call('POST', url, tok.editor, {
      body: form(await readFile(fixture('cam-giang-phu-luc.xlsx'))),
      headers: { 'idempotency-key': 'u1' },
    });
    expect([ok.status, ok.body.status, ok.body.report.stats.tasks]).toEqual([201, 'created', 34]);
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Ghi chú').getCell('A1').value = 'Danh sách cán bộ tham gia tập huấn';
    const none = await call('POST', url, tok.editor, { body: form(new Uint8Array(await wb.xlsx.writeBuffer())) });
    expect([none.status, none.body.error.code, none.body.error.details.valid]).toEqual([422, 'no-table', false]);
    expect((await call('POST', url, tok.editor, { body: form(new TextEncoder().encode('not a zip at all')) })).body.error.code).toMatch(
      /^xlsx-/,
    );
    expect((await call('POST', url, tok.editor, { json: {} })).body.error.code).toBe('not-multipart');
    expect((await call('POST', url, tok.editorOther, { body: form(new Uint8Array(4)) })).status).toBe(403);
    expect(
      (
        await call('POST', url, tok.editor, {
          body: form(await readFile(fixture('cam-giang-phu-luc.xlsx'))),
          headers: { 'if-match': '"7"' },
        })
      ).status,
    ).toBe(412);
  });

  it('province status and consolidation (JSON and .xlsx), national consolidation', async () => {
    const prov = '/api/provinces/31/plans/UP';
    const status = await call('GET', `${prov}/status`, tok.consolidator);
    expect([status.body.submitted, status.body.communesList.find((c: { code: string }) => c.code === '10903').submitted]).toEqual([
      1,
      true,
    ]);
    expect((await call('GET', `${prov}/status`, tok.consolidatorOther)).status).toBe(403);
    expect((await call('GET', '/api/provinces/99/plans/UP/status', admin)).status).toBe(404);
    expect((await call('GET', `${prov}/consolidated?format=json&asOf=2026-06-30`, tok.consolidator)).body.rows).toHaveLength(34);
    expect((await call('GET', `${prov}/consolidated?format=xlsx&lang=en`, tok.consolidator)).status).toBe(200);
    expect((await call('GET', `${prov}/consolidated?asOf=2026-13-45`, tok.consolidator)).body.error.code).toBe('bad-as-of');
    expect((await call('GET', `${prov}/consolidated?asOf=soon`, tok.consolidator)).body.error.code).toBe('invalid-request');
    expect((await call('GET', `${prov}/consolidated`, tok.editor)).status).toBe(403);

    const nat = '/api/national/plans/UP/consolidated';
    expect((await call('GET', `${nat}?asOf=2026-06-30`, admin)).body.stats.totals.tasks).toBe(34);
    expect((await call('GET', `${nat}?format=xlsx`, admin)).status).toBe(200);
    expect((await call('GET', nat, tok.consolidator)).status).toBe(403);
    expect((await call('GET', `${nat}?asOf=2026-13-45`, admin)).status).toBe(400);
  });

  it('tokens: list, create, revoke, and their refusals', async () => {
    const list = await call('GET', '/api/tokens', admin);
    expect(list.body.tokens.length).toBeGreaterThanOrEqual(5);
    expect((await call('GET', '/api/tokens', tok.editor)).status).toBe(403);
    const created = await call('POST', '/api/tokens', admin, {
      json: { role: 'consolidator', province: '31', label: 'Trần Thị B', expires: '90d' },
    });
    expect([created.status, created.body.role, created.body.secret]).toEqual([201, 'consolidator', expect.stringMatching(/^phl_/)]);
    expect((await call('POST', '/api/tokens', admin, { json: { role: 'editor' } })).body.error.code).toBe('bad-scope');
    expect((await call('POST', '/api/tokens', admin, { json: { role: 'admin', expires: 'tomorrow' } })).body.error.code).toBe('bad-expiry');
    expect((await call('POST', '/api/tokens', tok.editor, { json: { role: 'admin' } })).status).toBe(403);
    expect(
      (await call('POST', '/api/tokens', admin, { body: 'role=admin', headers: { 'content-type': 'text/plain' } })).body.error.code,
    ).toBe('unsupported-media-type');
    const revoked = await call('DELETE', `/api/tokens/${created.body.id}`, admin);
    expect(revoked.body.token).toMatchObject({ id: created.body.id, state: 'revoked' });
    expect((await call('DELETE', '/api/tokens/nope', admin)).status).toBe(404);
    expect((await call('DELETE', '/api/tokens/no!pe', admin)).status).toBe(400);
    expect((await call('DELETE', `/api/tokens/${created.body.id}`, tok.editor)).status).toBe(403);
    expect((await call('GET', '/api/me', created.body.secret, { headers: from() })).body.error.code).toBe('token-revoked');
  });

  it('plan registry, unchanged content, a commune mismatch refused then confirmed (issue 16)', async () => {
    const created = await call('POST', '/api/plans', tok.consolidator, {
      json: { key: ' nq57-contract ', name: 'Kế hoạch kiểm thử hợp đồng', year: 2027, dueDate: '2027-03-31' },
    });
    expect([created.status, created.body]).toEqual([
      201,
      { key: 'NQ57-CONTRACT', name: 'Kế hoạch kiểm thử hợp đồng', year: 2027, dueDate: '2027-03-31', createdAt: expect.any(String) },
    ]);
    const list = await call('GET', '/api/plans', tok.editor);
    expect([list.status, list.body.plans[0]]).toEqual([200, created.body]);
    const dup = await call('POST', '/api/plans', admin, { json: { key: 'Nq57-Contract', name: 'Khác', year: 2027 } });
    expect([dup.status, dup.body.error.code, dup.body.error.details]).toEqual([409, 'plan-exists', { plans: [created.body] }]);
    expect((await call('POST', '/api/plans', tok.editor, { json: { key: 'X', name: 'X', year: 2027 } })).status).toBe(403);
    expect((await call('POST', '/api/plans', admin, { json: { key: 'a b', name: 'X', year: 2027 } })).status).toBe(400);
    expect((await call('GET', '/api/plans', null, { headers: from() })).status).toBe(401);
    const unknown = await call('GET', '/api/communes/10903/plans/chua-co', tok.editor);
    expect([unknown.status, unknown.body.error.code, unknown.body.error.details.plans[0]]).toEqual([404, 'plan-unknown', created.body]);

    // The same content again: nothing stored, the head answered with 200.
    const url = '/api/communes/10903/plans/nq57-contract/upload';
    const file = await readFile(fixture('cam-giang-phu-luc.xlsx'));
    const first = await call('POST', url, tok.editor, { body: form(file, 'cam-giang.xlsx') });
    const same = await call('POST', url, tok.editor, { body: form(file, 'cam-giang.xlsx') });
    expect([first.status, same.status, same.body.status, same.body.revision.seq]).toEqual([201, 200, 'unchanged', 1]);
    const push = await call('POST', '/api/communes/10903/plans/NQ57-CONTRACT/revisions', tok.editor, {
      json: { plan: first.body.plan },
      headers: { 'if-match': '"1"' },
    });
    expect([push.status, push.body.status, push.body.revision.seq]).toEqual([200, 'unchanged', 1]);
    const restore = await call('POST', '/api/communes/10903/plans/NQ57-CONTRACT/revisions/1/restore', tok.editor);
    expect([restore.status, restore.body.status]).toEqual([200, 'unchanged']);

    // Quang Sơn's file (Thái Nguyên) sent for Cẩm Giàng (Hải Phòng): refused, then stored once confirmed, with a warning.
    const other = await readFile(fixture('quang-son-phu-luc.xlsx'));
    const refused = await call('POST', url, tok.editor, { body: form(other, 'quang-son.xlsx') });
    expect([refused.status, refused.body.error.code, refused.body.error.details]).toEqual([
      409,
      'commune-mismatch',
      {
        fileCommune: 'xã Quang Sơn',
        fileCommuneCode: '05674',
        targetCommune: { code: '10903', name: 'Xã Cẩm Giàng', provinceName: 'Thành phố Hải Phòng' },
      },
    ]);
    const confirmed = form(other, 'quang-son.xlsx');
    confirmed.append('confirmCommune', '1');
    const stored = await call('POST', url, tok.editor, { body: confirmed });
    expect([stored.status, stored.body.status, stored.body.warnings.map((w: { code: string }) => w.code)]).toEqual([
      201,
      'created',
      ['commune-mismatch'],
    ]);
  });

  it('progress reports (issue 17): periods, sending, merge conflicts, locks, history, review, reopen', async () => {
    const periodsUrl = '/api/provinces/31/plans/D8/progress-periods';
    // The first half of 2026 open until far ahead, the first quarter long past its cut-off: whatever day the suite runs.
    const periods = [
      { period: '2026-H1', cutoff: '2099-12-31' },
      { period: '2026-Q1', cutoff: '2026-04-15' },
    ];
    expect((await call('PUT', periodsUrl, tok.editor, { json: { periods } })).status).toBe(403);
    const bad = await call('PUT', periodsUrl, tok.consolidator, { json: { periods: [{ period: '2026-H2', cutoff: '2026-06-01' }] } });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'invalid-request']);
    expect((await call('PUT', periodsUrl, tok.consolidator, { json: { periods } })).status).toBe(200);
    const list = await call('GET', periodsUrl, tok.editor);
    expect([list.status, list.body.periods.map((p: { period: string }) => p.period)]).toEqual([200, ['2026-Q1', '2026-H1']]);
    expect((await call('GET', periodsUrl, tok.editorOther)).status).toBe(403);

    const stored = await call('POST', '/api/communes/10903/plans/D8/upload', tok.editor, {
      body: form(await readFile(fixture('cam-giang-phu-luc.xlsx'))),
    });
    expect(stored.status).toBe(201);
    const ids = (stored.body.plan.appendices as { rows: { kind: string; id: string }[] }[])
      .flatMap((a) => a.rows)
      .filter((r) => r.kind === 'task')
      .map((r) => r.id);
    const base = '/api/communes/10903/plans/D8/progress';
    const entry = (i: number, o: Record<string, string> = {}) => ({ taskId: ids[i], period: '2026-H1', status: 'in-progress', ...o });
    const report = (entries: unknown[]) => ({ period: '2026-H1', entries, indicators: [] });
    const send = (body: unknown, key?: string) =>
      call('POST', `${base}/2026-H1`, tok.editor, { json: body, ...(key ? { headers: { 'idempotency-key': key } } : {}) });

    expect((await call('GET', `${base}/2026-H1`, tok.editor)).body.error.code).toBe('progress-none');
    const first = await send({ report: report([entry(0), entry(1)]), baseSeq: null }, 'p1');
    expect([first.status, first.body.status, first.body.version.seq]).toEqual([201, 'created', 1]);
    const replay = await send({ report: report([entry(0), entry(1)]), baseSeq: null }, 'p1');
    expect([replay.status, replay.headers.get('idempotent-replayed')]).toEqual([201, 'true']);
    expect((await send({ report: report([entry(0)]), baseSeq: null }, 'p1')).body.error.code).toBe('idempotency-key-reused');
    expect((await send({ report: first.body.report, baseSeq: 1 })).body.status).toBe('unchanged');
    expect((await send({ report: report([entry(0, { achieved: 'A' })]), baseSeq: 1 })).status).toBe(201);
    const conflict = await send({ report: report([entry(0, { achieved: 'B' })]), baseSeq: 1 });
    expect([conflict.status, conflict.body.error.code, conflict.body.error.details]).toEqual([
      409,
      'progress-conflict',
      { headSeq: 2, conflicts: [{ kind: 'task', id: ids[0], field: 'achieved', base: null, theirs: 'A', mine: 'B' }] },
    ]);
    expect((await send({ report: report([entry(0)]), baseSeq: 9 })).body.error.code).toBe('bad-base');
    expect((await send({ report: report([{ ...entry(0), taskId: 'khong-co' }]), baseSeq: 2 })).body.error.code).toBe('progress-invalid');
    expect(
      (await call('POST', `${base}/2026-Q3`, tok.editor, { json: { report: { ...report([]), period: '2026-Q3' }, baseSeq: null } })).body
        .error,
    ).toMatchObject({ code: 'period-unknown', details: { periods } });
    const locked = await call('POST', `${base}/2026-Q1`, tok.editor, {
      json: { report: { period: '2026-Q1', nothingToReport: true, entries: [], indicators: [] }, baseSeq: null },
    });
    expect([locked.status, locked.body.error.details]).toEqual([409, { reason: 'cutoff-passed', cutoff: '2026-04-15' }]);

    const mine = await call('GET', base, tok.editor);
    expect([mine.status, mine.body.periods.map((p: { state: string }) => p.state)]).toEqual([200, ['not-reported', 'submitted']]);
    expect((await call('GET', base, tok.editorOther)).status).toBe(403);
    const head = await call('GET', `${base}/2026-H1`, tok.consolidator);
    expect([head.status, head.body.version.seq]).toEqual([200, 2]);
    const history = await call('GET', `${base}/2026-H1/history`, tok.consolidator);
    expect([history.status, history.body.versions.length]).toEqual([200, 2]);
    expect((await call('GET', `${base}/2026-H1/history`, tok.consolidatorOther)).status).toBe(403);
    const review = `${base}/2026-H1/review`;
    expect((await call('POST', review, tok.consolidator, { json: { decision: 'return', seq: 2 } })).body.error.code).toBe(
      'reason-required',
    );
    expect((await call('POST', review, tok.consolidator, { json: { decision: 'accept', seq: 1 } })).body.error.code).toBe('review-stale');
    const accepted = await call('POST', review, tok.consolidator, { json: { decision: 'accept', seq: 2 } });
    expect([accepted.status, accepted.body.state, accepted.body.locked]).toEqual([200, 'accepted', true]);
    const refused = await send({ report: report([entry(2)]), baseSeq: 2 });
    expect([refused.status, refused.body.error.details]).toEqual([409, { reason: 'accepted', cutoff: '2099-12-31' }]);
    const reopen = `${base}/2026-Q1/reopen`;
    expect((await call('POST', reopen, tok.consolidator, { json: { until: '2020-01-01' } })).body.error.code).toBe('bad-until');
    const reopened = await call('POST', reopen, tok.consolidator, { json: { until: '2099-12-31', reason: 'Gửi bổ sung' } });
    expect([reopened.status, reopened.body.reopenedUntil, reopened.body.locked]).toEqual([200, '2099-12-31', false]);
  });

  it("the province's progress view and the calendar feed (issue 17)", async () => {
    // After the progress test above: Hải Phòng collects 2026-H1 for D8, and Cẩm Giàng's report of it was accepted.
    const view = '/api/provinces/31/plans/D8/progress/2026-H1';
    const json = await call('GET', `${view}?asOf=2026-06-30`, tok.consolidator);
    const camGiang = json.body.communes.find((c: { code: string }) => c.code === '10903');
    expect([json.status, camGiang.report.state, camGiang.counts.tasks, json.body.notReported]).toEqual([200, 'accepted', 34, []]);
    expect((await call('GET', `${view}?format=xlsx&lang=en`, tok.consolidator)).status).toBe(200);
    expect((await call('GET', view, tok.editor)).status).toBe(403);
    expect((await call('GET', '/api/provinces/31/plans/D8/progress/2026-Q3', admin)).body.error.code).toBe('period-unknown');
    expect((await call('GET', `${view}?asOf=soon`, tok.consolidator)).body.error.code).toBe('invalid-request');

    const link = await call('POST', '/api/communes/10903/plans/D8/calendar', tok.editor);
    expect([link.status, link.body.url]).toEqual([201, expect.stringMatching(/\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/)]);
    expect((await call('POST', '/api/communes/10903/plans/D8/calendar', tok.editorOther)).status).toBe(403);
    const feed = await call('GET', new URL(link.body.url).pathname, null);
    expect([feed.status, feed.headers.get('content-type')]).toEqual([200, CALENDAR_TYPE]);
    const wrong = await call('GET', `/api/calendar/${'x'.repeat(43)}.ics`, null, { headers: from() });
    expect([wrong.status, wrong.body.error.code]).toEqual([404, 'not-found']);
  });

  it('every operation was answered with a success and with an error (health and config have none to provoke)', () => {
    const missing = OPS.flatMap((o) => {
      const s = [...(seen.get(o.key) ?? [])];
      const need = [
        s.some((x) => x < 300) ? null : 'success',
        s.some((x) => x >= 400) || /\/api\/(health|config)$/.test(o.key) ? null : 'error',
      ];
      return need.filter((n) => n !== null).map((n) => `${o.key}: ${n}`);
    });
    expect(missing).toEqual([]);
  });
});
