// Plan routes through app.request: push, merge, conflict, idempotency, head/ETag, history, diff, restore.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Plan } from '../../../core/model/index.ts';
import { loadPlan } from '../../../cli/load-plan.ts';
import { fixture } from '../../support/paths.ts';
import { harness, type Harness } from './harness.ts';

const BASE = '/api/communes/10903/plans/NQ57-2026';
let h: Harness;
let fixturePlan: Plan;

function setField(plan: Plan, tt: string, field: 'lead' | 'deadline' | 'result' | 'content', value: string): Plan {
  const copy = structuredClone(plan);
  const row = copy.appendices.flatMap((a) => a.rows).find((r) => r.kind === 'task' && r.tt === tt)!;
  row.fields[field] = value;
  return copy;
}

beforeAll(async () => {
  h = await harness();
  fixturePlan = (await loadPlan(fixture('quang-son-phu-luc.xlsx'))).plan;
  // Quang Sơn's tables pushed for Cẩm Giàng (10903) to test merging: their title blocks stop naming a commune, which
  // the commune check (test/server/api/issue16.case.ts) would otherwise refuse.
  for (const a of fixturePlan.appendices) delete a.title.reference.commune;
});
afterAll(() => h.close());

describe('push and pull', () => {
  let v1: Plan;

  it('first push creates revision 1 with server-assigned task ids; the head has an ETag', async () => {
    const r = await h.call('POST', `${BASE}/revisions`, {
      token: h.tokens.editor,
      json: { plan: fixturePlan },
      headers: { 'idempotency-key': 'first' },
    });
    expect(r.status).toBe(201);
    expect(r.body.status).toBe('created');
    expect(r.body.revision.seq).toBe(1);
    expect(r.headers.get('etag')).toBe('"1"');
    v1 = r.body.plan;
    expect(
      v1.appendices
        .flatMap((a) => a.rows)
        .filter((x) => x.kind === 'task')
        .every((x) => typeof x.id === 'string'),
    ).toBe(true);
    const head = await h.call('GET', BASE, { token: h.tokens.editor });
    expect(head.status).toBe(200);
    expect(head.headers.get('etag')).toBe('"1"');
    expect((await h.call('GET', BASE, { token: h.tokens.editor, headers: { 'if-none-match': '"1"' } })).status).toBe(304);
  });

  it('the same Idempotency-Key again returns the first answer (marked as a replay), no duplicate', async () => {
    const r = await h.call('POST', `${BASE}/revisions`, {
      token: h.tokens.editor,
      json: { plan: fixturePlan },
      headers: { 'idempotency-key': 'first' },
    });
    expect(r.status).toBe(201);
    expect(r.headers.get('idempotent-replayed')).toBe('true');
    expect(r.body.status).toBe('created');
    expect(r.body.revision.seq).toBe(1);
    expect(r.body.plan).toEqual(v1);
  });

  it('requires If-Match once the plan exists', async () => {
    const r = await h.call('POST', `${BASE}/revisions`, { token: h.tokens.editor, json: { plan: v1 } });
    expect(r.status).toBe(428);
    expect(r.body.error.code).toBe('if-match-required');
    expect(r.body.error.message).toMatch(/If-Match/);
  });

  it('merges edits to different tasks made on the same base (task 5 and task 40)', async () => {
    const a = await h.call('POST', `${BASE}/revisions`, {
      token: h.tokens.editor,
      json: { plan: setField(v1, '5', 'result', 'Kết quả A') },
      headers: { 'if-match': '"1"' },
    });
    expect(a.status).toBe(201);
    const b = await h.call('POST', `${BASE}/revisions`, {
      token: h.tokens.editor,
      json: { plan: setField(v1, '40', 'result', 'Kết quả B') },
      headers: { 'if-match': '"1"' },
    });
    expect(b.status).toBe(201);
    expect(b.body.status).toBe('merged');
    const tasks = (b.body.plan as Plan).appendices.flatMap((x) => x.rows).filter((x) => x.kind === 'task');
    expect(tasks.find((t) => t.tt === '5')!.fields.result).toBe('Kết quả A');
    expect(tasks.find((t) => t.tt === '40')!.fields.result).toBe('Kết quả B');
  });

  it('the same cell changed both ways → 409 with the conflicts, nothing stored', async () => {
    const before = (await h.call('GET', `${BASE}/revisions`, { token: h.tokens.editor })).body.revisions.length;
    const r = await h.call('POST', `${BASE}/revisions`, {
      token: h.tokens.editor,
      json: { plan: setField(v1, '5', 'result', 'Kết quả C') },
      headers: { 'if-match': '"1"' },
    });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('merge-conflict');
    expect(r.body.error.details.conflicts[0]).toMatchObject({ field: 'result', theirs: 'Kết quả A', mine: 'Kết quả C' });
    expect((await h.call('GET', `${BASE}/revisions`, { token: h.tokens.editor })).body.revisions.length).toBe(before);
  });

  it('lists revisions, gets one, diffs two by task and restores an old one as a new revision', async () => {
    const list = await h.call('GET', `${BASE}/revisions`, { token: h.tokens.editor });
    expect(list.body.revisions.map((r: { seq: number }) => r.seq)).toEqual([3, 2, 1]);
    expect(list.body.revisions[0]).toMatchObject({ kind: 'merge', summary: { tasks: 53 } });
    const one = await h.call('GET', `${BASE}/revisions/2`, { token: h.tokens.editor });
    expect(one.body.revision.seq).toBe(2);
    const diff = await h.call('GET', `${BASE}/diff?from=1&to=3`, { token: h.tokens.editor });
    expect(diff.body.changes.map((c: { tt: string; change: string }) => `${c.change}:${c.tt}`).sort()).toEqual(['changed:40', 'changed:5']);
    const restored = await h.call('POST', `${BASE}/revisions/1/restore`, { token: h.tokens.editor });
    expect(restored.status).toBe(201);
    expect(restored.body.revision).toMatchObject({ seq: 4, kind: 'restore' });
    const tasks = (restored.body.plan as Plan).appendices.flatMap((x) => x.rows).filter((x) => x.kind === 'task');
    const original = v1.appendices.flatMap((x) => x.rows).find((t) => t.kind === 'task' && t.tt === '5')!;
    expect(tasks.find((t) => t.tt === '5')!.fields.result).toBe(original.fields.result);
  });

  it('rejects a base revision from the future', async () => {
    const r = await h.call('POST', `${BASE}/revisions`, { token: h.tokens.editor, json: { plan: v1 }, headers: { 'if-match': '"99"' } });
    expect(r.status).toBe(412);
  });
});

describe('bad input gets a clear 4xx and the server keeps serving', () => {
  it.each([
    ['malformed JSON', '{"plan": ', 400],
    ['wrong types', JSON.stringify({ plan: { appendices: 'x' } }), 400],
    ['missing plan', JSON.stringify({}), 400],
  ])('%s', async (_what, body, status) => {
    const r = await h.call('POST', '/api/communes/10903/plans/P-bad/revisions', {
      token: h.tokens.editor,
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(status);
    expect(r.body.error.message.length).toBeGreaterThan(5);
    expect(r.body.error.messageEn.length).toBeGreaterThan(5);
    expect((await h.call('GET', '/api/health', { token: null })).status).toBe(200);
  });

  it('unknown commune, bad plan key, bad If-Match', async () => {
    expect((await h.call('GET', '/api/communes/99999/plans/NQ57-2026')).status).toBe(404);
    expect((await h.call('GET', '/api/communes/10903/plans/..%2F..')).status).toBe(400);
    expect(
      (await h.call('POST', `${BASE}/revisions`, { token: h.tokens.editor, json: { plan: fixturePlan }, headers: { 'if-match': 'abc' } }))
        .status,
    ).toBe(400);
  });
});
