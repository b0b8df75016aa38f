// Random and hostile requests on every API route: never a 5xx, errors always carry a code and a Vietnamese message,
// nothing unhandled in the log, and the server still answers and still holds its data afterwards.
import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../core/model/index.ts';
import { readPlan } from '../../core/read/index.ts';
import { readWorkbook } from '../../workbook/xlsx/index.ts';
import { harness, type Harness } from '../server/api/harness.ts';
import { fixture } from '../support/paths.ts';
import { requestArb } from './support/api-requests.ts';
import { fuzz } from './support/fuzz.ts';
import { VIETNAMESE } from './support/pipeline.ts';

let h: Harness;
let plan: Plan;
let xlsx: Uint8Array;
beforeAll(async () => {
  h = await harness({ limits: { jsonBytes: 512 * 1024, uploadBytes: 1024 * 1024 } });
  xlsx = new Uint8Array(await readFile(fixture('cam-giang-phu-luc.xlsx')));
  plan = readPlan((await readWorkbook(xlsx)).sheets).plan;
  // Two revisions to read, diff and restore (the second one changed: the same content again would store nothing).
  expect((await h.call('POST', '/api/communes/10903/plans/F/revisions', { json: { plan } })).status).toBe(201);
  const second = structuredClone(plan);
  second.appendices[0]!.rows.find((r) => r.kind === 'task')!.fields.result = 'Báo cáo lần hai';
  expect(
    (
      await h.call('POST', '/api/communes/10903/plans/F/revisions', {
        json: { plan: second, message: 'lần hai' },
        headers: { 'if-match': '"1"' },
      })
    ).status,
  ).toBe(201);
  // Issue 17: Hải Phòng collects 2026-H1 for F, so the province's progress view is judged, not refused.
  const periods = { periods: [{ period: '2026-H1', cutoff: '2026-07-10' }] };
  expect((await h.call('PUT', '/api/provinces/31/plans/F/progress-periods', { json: periods })).status).toBe(200);
});
afterAll(() => h?.close());

const unhandled = () => h.logs.filter((l) => l.level === 'error');

describe('API fuzzing', () => {
  it('every answer is below 500, and every error is JSON with a code and a Vietnamese message', async () => {
    const tokens = Object.values(h.tokens);
    const statuses = new Map<number, number>();
    await fc.assert(
      fc.asyncProperty(requestArb(tokens, plan, xlsx), async (r) => {
        const res = await h.app.request(r.path, {
          method: r.method,
          headers: r.headers,
          ...(r.body !== undefined ? { body: r.body } : {}),
        });
        const label = `${r.method} ${r.path.slice(0, 120)}`;
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        expect(res.status, label).toBeLessThan(500);
        expect(unhandled(), label).toEqual([]);
        if (res.status >= 400 && r.method !== 'HEAD') {
          const body = (await res.json()) as { error?: { code?: string; message?: string; messageEn?: string } };
          expect(body.error?.code, label).toMatch(/^[a-z0-9-]+$/);
          expect(body.error?.message, label).toMatch(VIETNAMESE);
          expect(body.error?.messageEn?.trim(), label).not.toBe('');
        } else {
          await res.arrayBuffer();
        }
      }),
      fuzz(0x5709, 400),
    );
    // The requests must get past authentication and validation often enough to reach the handlers.
    console.log('API fuzz statuses', Object.fromEntries(statuses));
    expect([...statuses.keys()].filter((s) => s < 300).length).toBeGreaterThanOrEqual(2);
    expect([...statuses.keys()].filter((s) => s >= 400).length).toBeGreaterThanOrEqual(6);
  }, 120_000);

  it('afterwards the server answers, and the plan pushed before is still there', async () => {
    expect((await h.call('GET', '/api/health', { token: null })).status).toBe(200);
    const head = await h.call('GET', '/api/communes/10903/plans/F');
    expect(head.status).toBe(200);
    const list = await h.call('GET', '/api/communes/10903/plans/F/revisions');
    expect(list.body.revisions.map((x: { seq: number }) => x.seq)).toContain(1);
  });
});

describe('regressions', () => {
  it('a NUL character in a push message or a token label is a 400, in an uploaded file name it is dropped (PostgreSQL text cannot hold it)', async () => {
    const push = await h.call('POST', '/api/communes/10903/plans/N/revisions', { json: { plan, message: 'a\u0000b' } });
    expect(push.status).toBe(400);
    expect(push.body.error.message).toMatch(/NUL/);
    expect((await h.call('POST', '/api/tokens', { json: { role: 'admin', label: '\u0000' } })).status).toBe(400);
    const form = new FormData();
    form.append('file', new File([xlsx as Uint8Array<ArrayBuffer>], 'phu\u0000luc.xlsx'));
    const up = await h.call('POST', '/api/communes/10903/plans/N2/upload', { token: h.tokens.editor, body: form });
    expect(up.status).toBe(201);
    expect(up.body.revision.message).toBe('phuluc.xlsx');
    expect(unhandled()).toEqual([]);
  });
});
