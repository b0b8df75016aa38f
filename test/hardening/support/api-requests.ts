// Arbitrary HTTP requests against the sync API: every route, with path parameters, queries, headers, tokens and bodies
// from valid to hostile.
import fc from 'fast-check';
import type { Plan } from '../../../core/model/index.ts';

/** Every API route as a template; {x} are path parameters. */
export const ROUTES: [string, string][] = [
  ['GET', '/api/health'],
  ['GET', '/api/me'],
  ['GET', '/api/config'],
  ['GET', '/api/docs'],
  ['GET', '/api/openapi.json'],
  ['GET', '/api/communes/{commune}/plans/{planKey}'],
  ['POST', '/api/communes/{commune}/plans/{planKey}/revisions'],
  ['GET', '/api/communes/{commune}/plans/{planKey}/revisions'],
  ['GET', '/api/communes/{commune}/plans/{planKey}/revisions/{seq}'],
  ['GET', '/api/communes/{commune}/plans/{planKey}/diff'],
  ['POST', '/api/communes/{commune}/plans/{planKey}/revisions/{seq}/restore'],
  ['POST', '/api/communes/{commune}/plans/{planKey}/upload'],
  ['GET', '/api/provinces/{province}/plans/{planKey}/status'],
  ['GET', '/api/provinces/{province}/plans/{planKey}/consolidated'],
  ['POST', '/api/tokens'],
  // Issue 17: a province's reporting periods, a commune's period reports, their history, review and reopening.
  ['GET', '/api/provinces/{province}/plans/{planKey}/progress-periods'],
  ['PUT', '/api/provinces/{province}/plans/{planKey}/progress-periods'],
  ['GET', '/api/communes/{commune}/plans/{planKey}/progress'],
  ['GET', '/api/communes/{commune}/plans/{planKey}/progress/{period}'],
  ['POST', '/api/communes/{commune}/plans/{planKey}/progress/{period}'],
  ['GET', '/api/communes/{commune}/plans/{planKey}/progress/{period}/history'],
  ['POST', '/api/communes/{commune}/plans/{planKey}/progress/{period}/review'],
  ['POST', '/api/communes/{commune}/plans/{planKey}/progress/{period}/reopen'],
  // Issue 17: the province's progress view, making a calendar address, the public feed.
  ['GET', '/api/provinces/{province}/plans/{planKey}/progress/{period}'],
  ['POST', '/api/communes/{commune}/plans/{planKey}/calendar'],
  ['GET', '/api/calendar/{secret}'],
];

/** Header values must be byte strings without NUL, CR or LF (fetch refuses the rest before any server sees them). */
const headerText = (max: number) => fc.string({ unit: 'binary-ascii', maxLength: max }).map((s) => s.replace(/[\0\r\n]/g, ''));
const hostileText = fc.oneof(
  fc.constantFrom(
    '',
    ' ',
    '..',
    '../..',
    '%2e%2e',
    '%00',
    '%ZZ',
    '-1',
    '0',
    '1e3',
    '99999999999999999999',
    '١٢٣٤٥',
    'NQ57-2026',
    'x'.repeat(300),
  ),
  fc.string({ maxLength: 12 }),
);
// Mostly valid values, so that requests get past routing and validation into the handlers and the database.
const segment = (valid: string[]) =>
  fc.oneof({ weight: 8, arbitrary: fc.constantFrom(...valid) }, { weight: 1, arbitrary: hostileText.map((s) => encodeURIComponent(s)) });

/** Path parameters by name, URL-encoded. */
export const paramArbs: Record<string, fc.Arbitrary<string>> = {
  commune: segment(['10903', '10903', '10903', '00004', '99999']),
  province: segment(['31', '01', '99']),
  planKey: segment(['F', 'F', 'F', 'NQ57-2026', 'chua-co']),
  seq: segment(['1', '2', '3', '2000000000', '2000000001']),
  period: segment(['2026-H1', '2026-Q1', '2026', '2026-Q5', '2026-02-30']),
  secret: segment([`${'A'.repeat(43)}.ics`, `${'A'.repeat(43)}`, 'x.ics']),
};

const queryArb = fc.dictionary(
  fc.constantFrom('from', 'to', 'asOf', 'format', 'x', '__proto__'),
  fc.oneof(fc.constantFrom('1', '2', '0', '-1', '2026-06-30', '2026-02-30', '9999-99-99', 'xlsx', 'json', 'csv', ''), hostileText),
  { maxKeys: 3 },
);

/**
 * Credentials: real tokens of each role, near misses, other schemes, JWT-shaped junk, huge values.
 * @example fc.sample(authArb([token]), 3) // ['Bearer phl_…', undefined, 'Basic …']
 */
export function authArb(tokens: string[]): fc.Arbitrary<string | undefined> {
  const tok = fc.constantFrom(...tokens);
  return fc.oneof(
    { weight: 12, arbitrary: tok.map((t) => `Bearer ${t}`) },
    fc.constant(undefined),
    tok.chain((t) => fc.nat(t.length - 1).map((i) => `Bearer ${t.slice(0, i)}${t[i] === 'a' ? 'b' : 'a'}${t.slice(i + 1)}`)),
    tok.map((t) => `bearer   ${t}  `),
    fc.constantFrom(
      'Bearer',
      'Bearer ',
      'Bearer phl_',
      'Basic YWRtaW46YWRtaW4=',
      `Bearer phl_${'a'.repeat(20_000)}`,
      'Bearer eyJhbGciOiJub25lIn0.eyJyb2xlIjoiYWRtaW4ifQ.',
    ),
    headerText(60).map((s) => `Bearer ${s}`),
    fc
      .tuple(fc.base64String({ maxLength: 40 }), fc.base64String({ maxLength: 80 }), fc.base64String({ maxLength: 40 }))
      .map(([a, b, c]) => `Bearer ${a}.${b}.${c}`),
  );
}

const headersArb = fc.record(
  {
    'if-match': fc.option(
      fc.oneof(
        { weight: 6, arbitrary: fc.constantFrom('"1"', '"2"', '"3"', '"4"', 'W/"2"') },
        fc.constantFrom('*', '"0"', '"-1"', '"9999999999"', '"1e3"', '1', ''),
        headerText(20),
      ),
      { nil: undefined },
    ),
    // A few keys come back again and again, so that replays are exercised too.
    'idempotency-key': fc.option(
      fc.oneof(
        { weight: 3, arbitrary: fc.constantFrom('k1', 'k2', 'k3') },
        fc.uuid(),
        fc.constantFrom('x'.repeat(201), ' '),
        headerText(30),
      ),
      { nil: undefined },
    ),
    'content-type': fc.oneof(
      { weight: 6, arbitrary: fc.constant('application/json') },
      fc.constantFrom(
        undefined,
        'application/json; charset=utf-16',
        'text/plain',
        'multipart/form-data',
        'multipart/form-data; boundary=x',
        'application/x-www-form-urlencoded',
        '',
      ),
    ),
  },
  { requiredKeys: [] },
);

/** Set `value` at a random path in a copy of `plan` (an index or key picked at each level). */
function poke(plan: Plan, choices: number[], value: unknown): unknown {
  const copy = structuredClone(plan) as unknown;
  let node = copy as Record<string, unknown>;
  for (const [depth, k] of choices.entries()) {
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[k % keys.length]!;
    const child = node[key];
    if (depth === choices.length - 1 || child === null || typeof child !== 'object') {
      node[key] = value;
      break;
    }
    node = child as Record<string, unknown>;
  }
  return copy;
}

const oddValue = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom('\u0000', '\uD800', 'x'.repeat(10_000), -1, 1.5, 2 ** 31, null, [], {}, '__proto__'),
);

/**
 * Bodies: a valid plan, a plan with one value replaced, random JSON, broken JSON, deep nesting, bytes, multipart.
 * @example fc.sample(bodyArb(plan, xlsxBytes), 1)
 */
export function bodyArb(plan: Plan, xlsx: Uint8Array): fc.Arbitrary<BodyInit | undefined> {
  return fc.oneof(
    fc.constant(undefined),
    {
      weight: 3,
      arbitrary: fc
        .option(fc.string({ maxLength: 20 }), { nil: undefined })
        .map((message) => JSON.stringify(message === undefined ? { plan } : { plan, message })),
    },
    {
      weight: 3,
      arbitrary: fc
        .tuple(fc.array(fc.nat(40), { minLength: 1, maxLength: 7 }), oddValue)
        .map(([path, v]) => JSON.stringify({ plan: poke(plan, path, v) })),
    },
    fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
    fc.constantFrom(
      '',
      '{',
      '{"plan":',
      'null',
      '[]',
      '"plan"',
      '{"plan":null}',
      '{"plan":{"appendices":"x"}}',
      '\uFEFF{"plan":{"appendices":[]}}',
      '{"plan":{"appendices":[]},"plan":1}',
      '{"__proto__":{"admin":true},"plan":{"appendices":[]}}',
      '{"constructor":{"prototype":{"x":1}}}',
      '{"plan":{"appendices":[]},"message":1e999}',
      '{"role":"admin"}',
      '{"role":"editor","commune":"10903"}',
    ),
    fc.integer({ min: 1000, max: 100_000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`),
    fc.integer({ min: 1000, max: 50_000 }).map((n) => `{"plan":${'{"a":'.repeat(n)}1${'}'.repeat(n + 1)}`),
    fc.uint8Array({ maxLength: 200 }).map((b) => new Blob([b])),
    fc
      .record({
        name: fc.oneof(fc.constant('phu-luc.xlsx'), fc.string({ maxLength: 20 })),
        cut: fc.double({ min: 0, max: 1, noNaN: true }),
        field: fc.constantFrom('file', 'tep', ''),
      })
      .map(({ name, cut, field }) => {
        const form = new FormData();
        form.append(field, new File([xlsx.slice(0, Math.floor(cut * xlsx.length)) as Uint8Array<ArrayBuffer>], name));
        return form;
      }),
  );
}

export interface FuzzRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: BodyInit | undefined;
}

/**
 * A whole request: a route (or its method swapped), its parameters and query, headers, credentials and body.
 * @example fc.assert(fc.asyncProperty(requestArb(tokens, plan, xlsx), async (r) => …))
 */
export function requestArb(tokens: string[], plan: Plan, xlsx: Uint8Array): fc.Arbitrary<FuzzRequest> {
  const params = fc.record(paramArbs);
  return fc
    .record({
      route: fc.oneof(fc.constantFrom(...ROUTES), fc.constantFrom(...ROUTES.filter(([m]) => m === 'POST'))),
      method: fc.oneof(
        { weight: 8, arbitrary: fc.constant(undefined) },
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD'),
      ),
      params,
      query: queryArb,
      headers: headersArb,
      auth: authArb(tokens),
      body: bodyArb(plan, xlsx),
    })
    .map(({ route, method, params: p, query, headers, auth, body }) => {
      const m = method ?? route[0];
      const qs = new URLSearchParams(query).toString();
      const path = route[1].replace(/\{(\w+)\}/g, (_x, k: string) => p[k as keyof typeof p] ?? k) + (qs ? `?${qs}` : '');
      const h: Record<string, string> = {};
      for (const [k, v] of Object.entries(headers)) if (v !== undefined) h[k] = v;
      if (auth !== undefined) h.authorization = auth;
      // A FormData body sets its own multipart content type with the boundary.
      if (body instanceof FormData) delete h['content-type'];
      return { method: m, path, headers: h, body: m === 'GET' || m === 'HEAD' ? undefined : body };
    });
}
