// The authorization matrix: 3 roles (+ none, + a forged token) × own/other commune or province × every route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { harness, type Harness } from './harness.ts';

let h: Harness;
beforeAll(async () => {
  h = await harness();
  // One revision in each commune, so reads have something to find.
  const plan = { appendices: [] };
  for (const [commune, token] of [
    ['10903', h.tokens.editor],
    ['00004', h.tokens.editorOther],
  ] as const) {
    const r = await h.call('POST', `/api/communes/${commune}/plans/K/revisions`, { token, json: { plan } });
    expect(r.status).toBe(201);
  }
  // Issue 17: both provinces collect the first half of 2026, and each commune sent its report.
  for (const [prov, commune, token] of [
    ['31', '10903', h.tokens.editor],
    ['01', '00004', h.tokens.editorOther],
  ] as const) {
    const set = await h.call('PUT', `/api/provinces/${prov}/plans/K/progress-periods`, { json: PERIODS });
    expect(set.status).toBe(200);
    const sent = await h.call('POST', `/api/communes/${commune}/plans/K/progress/2026-H1`, { token, json: REPORT });
    expect(sent.status).toBe(201);
  }
});
const PERIODS = { periods: [{ period: '2026-H1', cutoff: '2026-07-10' }] };
/** Sent again it is unchanged (200), so the head stays version 1 for the review. */
const REPORT = { report: { period: '2026-H1', nothingToReport: true, entries: [], indicators: [] }, baseSeq: null };
afterAll(() => h.close());

type Who = 'none' | 'forged' | 'editor' | 'consolidator' | 'admin';
/** Own = Cẩm Giàng 10903 in Hải Phòng 31 (the scope of the editor and consolidator tokens); other = Ba Đình 00004 in Hà Nội 01. */
type Scope = 'own' | 'other';

const commune = (s: Scope) => (s === 'own' ? '10903' : '00004');
const province = (s: Scope) => (s === 'own' ? '31' : '01');

interface RouteCase {
  name: string;
  method: string;
  path: (s: Scope) => string;
  json?: unknown;
  headers?: Record<string, string>;
  /** Who may, by scope. */
  allowed: Record<Exclude<Who, 'none' | 'forged'>, Scope[]>;
}

const write = { editor: ['own'], consolidator: [], admin: ['own', 'other'] } as RouteCase['allowed'];
const readCommune = { editor: ['own'], consolidator: ['own'], admin: ['own', 'other'] } as RouteCase['allowed'];
const readProvince = { editor: [], consolidator: ['own'], admin: ['own', 'other'] } as RouteCase['allowed'];
/** What a province sets for its communes: seen by its consolidator and its communes' editors. */
const seeProvince = { editor: ['own'], consolidator: ['own'], admin: ['own', 'other'] } as RouteCase['allowed'];

const ROUTES: RouteCase[] = [
  { name: 'GET head', method: 'GET', path: (s) => `/api/communes/${commune(s)}/plans/K`, allowed: readCommune },
  { name: 'GET revisions', method: 'GET', path: (s) => `/api/communes/${commune(s)}/plans/K/revisions`, allowed: readCommune },
  { name: 'GET revision', method: 'GET', path: (s) => `/api/communes/${commune(s)}/plans/K/revisions/1`, allowed: readCommune },
  { name: 'GET diff', method: 'GET', path: (s) => `/api/communes/${commune(s)}/plans/K/diff?from=0&to=1`, allowed: readCommune },
  {
    name: 'POST push',
    method: 'POST',
    path: (s) => `/api/communes/${commune(s)}/plans/K/revisions`,
    json: { plan: { appendices: [] } },
    headers: { 'if-match': '"1"' },
    allowed: write,
  },
  { name: 'POST restore', method: 'POST', path: (s) => `/api/communes/${commune(s)}/plans/K/revisions/1/restore`, allowed: write },
  { name: 'POST upload', method: 'POST', path: (s) => `/api/communes/${commune(s)}/plans/K/upload`, allowed: write },
  { name: 'GET status', method: 'GET', path: (s) => `/api/provinces/${province(s)}/plans/K/status`, allowed: readProvince },
  { name: 'GET consolidated', method: 'GET', path: (s) => `/api/provinces/${province(s)}/plans/K/consolidated`, allowed: readProvince },
  {
    name: 'GET progress periods',
    method: 'GET',
    path: (s) => `/api/provinces/${province(s)}/plans/K/progress-periods`,
    allowed: seeProvince,
  },
  {
    name: 'PUT progress periods',
    method: 'PUT',
    path: (s) => `/api/provinces/${province(s)}/plans/K/progress-periods`,
    json: PERIODS,
    allowed: readProvince,
  },
  { name: 'GET commune progress', method: 'GET', path: (s) => `/api/communes/${commune(s)}/plans/K/progress`, allowed: readCommune },
  { name: 'GET progress report', method: 'GET', path: (s) => `/api/communes/${commune(s)}/plans/K/progress/2026-H1`, allowed: readCommune },
  {
    name: 'POST progress report',
    method: 'POST',
    path: (s) => `/api/communes/${commune(s)}/plans/K/progress/2026-H1`,
    json: REPORT,
    allowed: write,
  },
  {
    name: 'GET progress history',
    method: 'GET',
    path: (s) => `/api/communes/${commune(s)}/plans/K/progress/2026-H1/history`,
    allowed: readCommune,
  },
  {
    name: 'POST progress review',
    method: 'POST',
    path: (s) => `/api/communes/${commune(s)}/plans/K/progress/2026-H1/review`,
    json: { decision: 'return', seq: 1, reason: 'Bổ sung kết quả' },
    allowed: readProvince,
  },
  {
    name: 'POST progress reopen',
    method: 'POST',
    path: (s) => `/api/communes/${commune(s)}/plans/K/progress/2026-H1/reopen`,
    json: { until: '2026-07-20' },
    allowed: readProvince,
  },
  {
    name: 'GET province progress',
    method: 'GET',
    path: (s) => `/api/provinces/${province(s)}/plans/K/progress/2026-H1`,
    allowed: readProvince,
  },
  // The calendar address: whoever may read the commune may make one (the feed itself is public, its secret the key).
  { name: 'POST calendar link', method: 'POST', path: (s) => `/api/communes/${commune(s)}/plans/K/calendar`, allowed: readCommune },
  {
    name: 'POST tokens',
    method: 'POST',
    path: () => '/api/tokens',
    json: { role: 'editor', commune: '10903' },
    allowed: { editor: [], consolidator: [], admin: ['own', 'other'] },
  },
  {
    name: 'GET me',
    method: 'GET',
    path: () => '/api/me',
    allowed: { editor: ['own', 'other'], consolidator: ['own', 'other'], admin: ['own', 'other'] },
  },
];

const WHO: Who[] = ['none', 'forged', 'editor', 'consolidator', 'admin'];
const cases = ROUTES.flatMap((r) => WHO.flatMap((who) => (['own', 'other'] as Scope[]).map((scope) => [r.name, who, scope, r] as const)));

describe('authorization matrix', () => {
  it.each(cases)('%s as %s on %s scope', async (_name, who, scope, route) => {
    const token = who === 'none' ? null : who === 'forged' ? 'phl_forged_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' : h.tokens[who];
    const r = await h.call(route.method, route.path(scope), {
      token,
      ...(route.json !== undefined ? { json: route.json } : {}),
      ...(route.headers ? { headers: route.headers } : {}),
    });
    if (who === 'none' || who === 'forged') {
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('unauthorized');
      return;
    }
    const allowed = route.allowed[who].includes(scope);
    if (allowed)
      expect([200, 201, 400]).toContain(r.status); // 400: the upload without a file, once authorized
    else {
      expect(r.status).toBe(403);
      expect(r.body.error.message).toMatch(/Không có quyền/);
    }
  });
});
